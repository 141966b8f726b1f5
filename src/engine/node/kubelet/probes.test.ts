import { describe, expect, it } from 'vitest';
import type { Container } from '../../objects/workloads';
import { readyHarbor, type Harbor } from './testkit';

const probed = (extra: Partial<Container>): Partial<{ containers: Container[] }> => ({
  containers: [{ name: 'web', image: 'nginx:1.27', ...extra }],
});

function condition(h: Harbor, pod: string, type: string): string | undefined {
  return h.pod(pod)!.status.conditions!.find((c) => c.type === type)?.status;
}

function startedAt(h: Harbor, pod: string): number {
  return h.world.trace
    .events()
    .find((e) => e.subject === `pod/default/${pod}` && e.type === 'k8s.Started')!.t;
}

describe('kubelet: probes', () => {
  it('readiness: ready after the first success; not ready after failureThreshold failures; back again', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web', probed({ readinessProbe: { httpGet: { path: '/', port: 80 } } }));
    h.advance(3_000);
    expect(condition(h, 'web', 'Ready')).toBe('True');
    const start = startedAt(h, 'web');
    expect(h.kubelet.setProbeHealth('default', 'web', undefined, 'readiness', false)).toEqual({
      ok: true,
      output: 'the readiness probe of container "web" in pod "web" now fails',
    });
    // Ticks at start + 10 s, + 20 s, + 30 s fail; the third flips the container to not ready.
    h.advance(start + 29_000 - h.world.now());
    expect(condition(h, 'web', 'Ready')).toBe('True');
    h.advance(2_000);
    expect(condition(h, 'web', 'Ready')).toBe('False');
    expect(condition(h, 'web', 'ContainersReady')).toBe('False');
    expect(h.pod('web')!.status.containerStatuses![0]!.ready).toBe(false);
    expect(h.pod('web')!.status.phase).toBe('Running');
    const unhealthy = h.eventObjects('web').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    expect(unhealthy.type).toBe('Warning');
    expect(unhealthy.count).toBe(3);
    h.kubelet.setProbeHealth('default', 'web', 'web', 'readiness', true);
    h.advance(10_000);
    expect(condition(h, 'web', 'Ready')).toBe('True');
    // No restart for readiness.
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBe(0);
  });

  it('waits initialDelaySeconds before the first readiness probe', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web', probed({ readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 15 } }));
    h.advance(10_000);
    expect(condition(h, 'web', 'Ready')).toBe('False');
    h.advance(10_000);
    expect(condition(h, 'web', 'Ready')).toBe('True');
  });

  it('liveness: failureThreshold failures kill the container, which restarts with back-off', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run(
      'web',
      probed({ livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }),
    );
    h.advance(3_000);
    h.kubelet.setProbeHealth('default', 'web', undefined, 'liveness', false);
    h.advance(20_000);
    expect(h.events('web')).toContain(
      'Killing: Container web failed liveness probe, will be restarted',
    );
    expect(h.events('web')).toContain(
      'Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 503',
    );
    const status = h.pod('web')!.status.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    // nginx handles its stop signal: the killed run ended cleanly.
    expect(status.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    h.advance(60_000);
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(2);
    h.kubelet.setProbeHealth('default', 'web', undefined, 'liveness', true);
    h.advance(120_000);
    const settled = h.pod('web')!.status.containerStatuses![0]!.restartCount;
    h.advance(120_000);
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBe(settled);
    expect(h.pod('web')!.status.containerStatuses![0]!.state.running).toBeDefined();
  });

  it('startup probe: not started (nor ready) until it succeeds', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run(
      'web',
      probed({
        startupProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 20 },
        readinessProbe: { httpGet: { path: '/', port: 80 } },
      }),
    );
    h.advance(5_000);
    expect(h.pod('web')!.status.containerStatuses![0]).toMatchObject({
      started: false,
      ready: false,
    });
    h.advance(30_000);
    expect(h.pod('web')!.status.containerStatuses![0]).toMatchObject({
      started: true,
      ready: true,
    });
  });

  it('refuses to fail a probe the container does not have', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web', probed({}));
    h.advance(3_000);
    expect(h.kubelet.setProbeHealth('default', 'web', undefined, 'liveness', false)).toEqual({
      ok: false,
      output: 'container "web" in pod "web" has no livenessProbe: add one to the pod spec first',
    });
    expect(h.kubelet.setProbeHealth('default', 'nope', undefined, 'liveness', false)).toEqual({
      ok: false,
      output: 'Error from server (NotFound): pods "nope" not found',
    });
  });
});
