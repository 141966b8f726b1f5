import { describe, expect, it } from 'vitest';
import { readyHarbor } from './testkit';

describe('kubelet: kubectl logs through :10250', () => {
  it('returns what the process printed: nginx’s entrypoint and notices', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.advance(3_000);
    const { ok, output } = h.kubelet.logs('default', 'web', undefined, false);
    expect(ok).toBe(true);
    const lines = output.split('\n');
    expect(lines[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(lines).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(
      lines.some((l) => /^2026\/01\/05 09:00:0\d \[notice\] 1#1: nginx\/1\.27\.5$/.test(l)),
    ).toBe(true);
  });

  it('prints redis readiness and a busybox echo loop', () => {
    const h = readyHarbor({ ship: { images: ['redis:7.4', 'busybox:1.36'] } });
    h.run('cache', { containers: [{ name: 'redis', image: 'redis:7.4' }] });
    h.run('ticker', {
      containers: [
        {
          name: 'main',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'while true; do echo "hello from $HOSTNAME"; sleep 5; done'],
        },
      ],
    });
    h.advance(12_000);
    expect(h.kubelet.logs('default', 'cache', 'redis', false).output).toMatch(
      /1:M 05 Jan 2026 09:00:0\d\.\d{3} \* Ready to accept connections tcp$/,
    );
    // Started about 2.6 s after the bind: echoes at +0 s, +5 s and +10 s by now.
    expect(h.kubelet.logs('default', 'ticker', undefined, false).output.split('\n')).toEqual([
      'hello from ticker',
      'hello from ticker',
      'hello from ticker',
    ]);
  });

  it('answers in kubectl’s words when there is nothing to show yet', () => {
    const h = readyHarbor();
    h.run('web');
    h.run('bad', { containers: [{ name: 'main', image: 'nginx:9.99' }] });
    h.advance(1_000);
    expect(h.kubelet.logs('default', 'web', undefined, false)).toEqual({
      ok: false,
      output:
        'Error from server (BadRequest): container "main" in pod "web" is waiting to start: ContainerCreating',
    });
    // bad's pull waits behind web's in the serial queue, fails, then backs off.
    h.advance(4_000);
    expect(h.kubelet.logs('default', 'bad', undefined, false).output).toBe(
      'Error from server (BadRequest): container "main" in pod "bad" is waiting to start: trying and failing to pull image',
    );
    expect(h.kubelet.logs('default', 'web', undefined, true).output).toBe(
      'Error from server (BadRequest): previous terminated container "main" in pod "web" not found',
    );
    expect(h.kubelet.logs('default', 'web', 'sidecar', false).output).toBe(
      'Error from server (BadRequest): container sidecar is not valid for pod web',
    );
    expect(h.kubelet.logs('default', 'ghost', undefined, false).output).toBe(
      'Error from server (NotFound): pods "ghost" not found',
    );
  });

  it('shows the previous instance with --previous after a crash', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    h.run('crash', {
      containers: [
        {
          name: 'main',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'echo booting; sleep 2; exit 3'],
        },
      ],
    });
    h.advance(5_000);
    expect(h.kubelet.logs('default', 'crash', undefined, true)).toEqual({
      ok: true,
      output: 'booting',
    });
  });

  it('says which container it chose when the pod has several', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27', 'redis:7.4'] } });
    h.run('duo', {
      containers: [
        { name: 'web', image: 'nginx:1.27' },
        { name: 'cache', image: 'redis:7.4' },
      ],
    });
    h.advance(5_000);
    const { output } = h.kubelet.logs('default', 'duo', undefined, false);
    expect(output.split('\n')[0]).toBe('Defaulted container "web" out of: web, cache');
  });

  it('cannot be reached while the radio is cut', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.advance(3_000);
    h.world.network.cutRadio('ship-1');
    expect(h.kubelet.logs('default', 'web', undefined, false)).toEqual({
      ok: false,
      output:
        'Error from server: Get "https://172.18.0.3:10250/containerLogs/default/web/main": dial tcp 172.18.0.3:10250: i/o timeout',
    });
  });
});
