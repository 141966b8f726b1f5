import { describe, expect, it } from 'vitest';
import { testCli } from './cliTesting';
import { execLine, parseFaultCommand } from '.';
import { FAULT_HELP } from './faults';

const words = (line: string) => line.split(' ');

describe('parseFaultCommand', () => {
  it('maps every fault kind', () => {
    const cases: [string, object][] = [
      ['fault sink-ship ship-2', { kind: 'sink-ship', ship: 'ship-2' }],
      ['fault cut-radio ship-2', { kind: 'cut-radio', ship: 'ship-2' }],
      ['fault restore-radio ship-2', { kind: 'restore-radio', ship: 'ship-2' }],
      ['fault cordon ship-1', { kind: 'cordon', ship: 'ship-1' }],
      ['fault uncordon ship-1', { kind: 'uncordon', ship: 'ship-1' }],
      ['fault drain ship-1', { kind: 'drain', ship: 'ship-1' }],
      ['fault crash-container web-1', { kind: 'crash-container', pod: 'web-1' }],
      [
        'fault crash-container web-1 --container=nginx --exit-code=137 --times=3 -n shop',
        {
          kind: 'crash-container',
          pod: 'web-1',
          container: 'nginx',
          exitCode: 137,
          times: 3,
          namespace: 'shop',
        },
      ],
      ['fault oom-kill web-1', { kind: 'oom-kill', pod: 'web-1' }],
      ['fault oom-kill web-1 -c nginx', { kind: 'oom-kill', pod: 'web-1', container: 'nginx' }],
      ['fault bad-image web', { kind: 'bad-image', deployment: 'web' }],
      [
        'fault bad-image web --image=nginx:9.9',
        { kind: 'bad-image', deployment: 'web', image: 'nginx:9.9' },
      ],
      [
        'fault fail-probe web-1 --probe=readiness',
        { kind: 'fail-probe', pod: 'web-1', probe: 'readiness' },
      ],
      [
        'fault fail-probe web-1 --probe liveness --healthy',
        { kind: 'fail-probe', pod: 'web-1', probe: 'liveness', healthy: true },
      ],
      ['fault stop-etcd-member etcd-1', { kind: 'stop-etcd-member', member: 'etcd-1' }],
      ['fault start-etcd-member etcd-1', { kind: 'start-etcd-member', member: 'etcd-1' }],
      ['fault stop-apiserver', { kind: 'stop-apiserver' }],
      ['fault start-apiserver', { kind: 'start-apiserver' }],
      ['fault add-ship ship-4', { kind: 'add-ship', ship: { name: 'ship-4', role: 'cargo' } }],
    ];
    for (const [line, fault] of cases) expect(parseFaultCommand(words(line)), line).toEqual(fault);
    // Without the leading word too.
    expect(parseFaultCommand(['sink-ship', 'ship-3'])).toEqual({
      kind: 'sink-ship',
      ship: 'ship-3',
    });
  });

  it('add-ship takes capacity, runtime, labels, taints and cached images', () => {
    expect(
      parseFaultCommand(
        words(
          'fault add-ship ship-4 --cpu=8 --memory=16Gi --max-pods=50 --runtime=cri-o --label zone=north --label disk=ssd --taint gpu=true:NoSchedule --image nginx:1.27',
        ),
      ),
    ).toEqual({
      kind: 'add-ship',
      ship: {
        name: 'ship-4',
        role: 'cargo',
        cpu: '8',
        memory: '16Gi',
        maxPods: 50,
        runtime: 'cri-o',
        labels: { zone: 'north', disk: 'ssd' },
        taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }],
        images: ['nginx:1.27'],
      },
    });
  });

  it('answers rkt and dockershim with why they are history', () => {
    expect(parseFaultCommand(words('fault add-ship old --runtime=rkt'))).toEqual({
      error:
        'error: rkt (rocket) support was removed in Kubernetes v1.11 and the project is archived; use containerd or cri-o',
    });
    expect(parseFaultCommand(words('fault add-ship old --runtime=dockershim'))).toEqual({
      error:
        'error: dockershim was removed from the kubelet in Kubernetes v1.24; run Docker Engine through cri-dockerd (runtime "docker") or use containerd',
    });
    expect(parseFaultCommand(words('fault add-ship x --runtime=podman'))).toEqual({
      error:
        'error: unknown runtime "podman": choose containerd, cri-o or docker (Docker Engine through cri-dockerd)',
    });
  });

  it('explains missing arguments and bad values', () => {
    expect(parseFaultCommand(words('fault sink-ship'))).toEqual({
      error: 'usage: fault sink-ship SHIP',
    });
    expect(parseFaultCommand(words('fault fail-probe web-1 --probe=startup'))).toEqual({
      error: 'usage: fault fail-probe POD|-l SELECTOR --probe=readiness|liveness [--healthy]',
    });
    expect(parseFaultCommand(words('fault crash-container web-1 --times=often'))).toEqual({
      error: 'error: --times must be a whole number, not "often"',
    });
    expect(parseFaultCommand(words('fault add-ship x --taint gpu'))).toMatchObject({
      error: expect.stringMatching(/^error: --taint needs key\[=value\]:Effect/),
    });
    expect(parseFaultCommand(words('fault flood ship-1'))).toMatchObject({
      error: expect.stringMatching(/^error: unknown fault "flood"\nFaults:/),
    });
  });
});

describe('fault lines in the console', () => {
  it('go to the context’s inject, and print what it answers', () => {
    const cli = testCli();
    cli.answers.inject = { ok: true, output: 'ship ship-2 sank' };
    expect(execLine(cli, 'fault sink-ship ship-2')).toEqual({
      ok: true,
      output: 'ship ship-2 sank',
    });
    expect(cli.injected).toEqual([{ kind: 'sink-ship', ship: 'ship-2' }]);
  });

  it('fault help lists every fault; a bad fault line injects nothing', () => {
    const cli = testCli();
    expect(execLine(cli, 'fault help')).toEqual({
      ok: true,
      output: ['Faults you can cause (and repair):', ...FAULT_HELP.map((l) => `  ${l}`)].join('\n'),
    });
    expect(execLine(cli, 'fault')).toMatchObject({ ok: true });
    expect(execLine(cli, 'fault sink-ship')).toEqual({
      ok: false,
      output: 'usage: fault sink-ship SHIP',
    });
    expect(cli.injected).toEqual([]);
  });
});

describe('pod faults by label selector', () => {
  it('accepts -l and --selector instead of a pod name', () => {
    expect(parseFaultCommand(['fault', 'crash-container', '-l', 'app=web', '--times=3'])).toEqual({
      kind: 'crash-container',
      selector: 'app=web',
      times: 3,
    });
    expect(parseFaultCommand(['fault', 'oom-kill', '--selector=app=db'])).toEqual({
      kind: 'oom-kill',
      selector: 'app=db',
    });
    expect(
      parseFaultCommand(['fault', 'fail-probe', '-l', 'app=web', '--probe=readiness']),
    ).toEqual({ kind: 'fail-probe', selector: 'app=web', probe: 'readiness' });
    expect(parseFaultCommand(['fault', 'crash-container'])).toHaveProperty('error');
  });
});
