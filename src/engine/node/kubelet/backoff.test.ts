import { describe, expect, it } from 'vitest';
import { goDuration } from './backoff';
import { readyHarbor, type Harbor } from './testkit';

/** Simulated times of an event reason for a pod, from the engine log. */
function times(h: Harbor, pod: string, reason: string): number[] {
  return h.world.trace
    .events()
    .filter((e) => e.subject === `pod/default/${pod}` && e.type === `k8s.${reason}`)
    .map((e) => e.t);
}

describe('kubelet: image pull failures', () => {
  it('ErrImagePull, then ImagePullBackOff; retries after 10 s, 20 s, 40 s …', () => {
    const h = readyHarbor();
    h.run('web', { containers: [{ name: 'main', image: 'nginx:9.99' }] });
    const error =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found';
    h.advance(1_200);
    const waiting = () => h.pod('web')!.status.containerStatuses![0]!.state.waiting;
    expect(waiting()).toEqual({ reason: 'ErrImagePull', message: error });
    expect(h.pod('web')!.status.phase).toBe('Pending');
    h.advance(1_000);
    expect(waiting()).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:9.99": ErrImagePull: ${error}`,
    });
    const uid = h.pod('web')!.metadata.uid;
    const [firstPull] = times(h, 'web', 'Pulling');
    const failedAt = firstPull! + h.world.timings.pullSetup;
    expect(h.kubelet.backoffUntil(uid)).toBe(failedAt + 10_000);
    expect(h.events('web')).toEqual([
      'Pulling: Pulling image "nginx:9.99"',
      `Failed: Failed to pull image "nginx:9.99": ${error}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "nginx:9.99"',
      'Failed: Error: ImagePullBackOff',
    ]);
    h.advance(200_000);
    const pulls = times(h, 'web', 'Pulling');
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]! - h.world.timings.pullSetup);
    expect(gaps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    // Repeated events are aggregated (count), as client-go's correlator does.
    const backOff = h.eventObjects('web').find((e) => e.reason === 'BackOff')!;
    expect(backOff.count).toBeGreaterThan(1);
  });

  it('uses the runtime’s words for a repository that does not exist (Docker via cri-dockerd)', () => {
    const h = readyHarbor({ ship: { runtime: 'docker' } });
    h.run('web', { containers: [{ name: 'main', image: 'shipshape/nope:1.0' }] });
    h.advance(1_200);
    expect(h.pod('web')!.status.containerStatuses![0]!.state.waiting).toEqual({
      reason: 'ErrImagePull',
      message:
        "rpc error: code = Unknown desc = Error response from daemon: pull access denied for shipshape/nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    });
  });
});

describe('kubelet: crash restarts', () => {
  it('restarts at once, then backs off 10 s, 20 s, 40 s … capped at 300 s (CrashLoopBackOff)', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    const exits: number[] = [];
    h.runtime.onContainerExit(() => exits.push(h.world.now()));
    h.run('crash', {
      containers: [
        { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1; exit 1'] },
      ],
    });
    h.advance(4_000);
    // First exit: restarted at once (the first restart needs no back-off).
    expect(h.pod('crash')!.status.containerStatuses![0]!.restartCount).toBe(1);
    h.advance(3_000);
    const status = h.pod('crash')!.status;
    const uid = h.pod('crash')!.metadata.uid;
    expect(status.phase).toBe('Running');
    expect(status.containerStatuses![0]).toMatchObject({
      restartCount: 1,
      ready: false,
      started: false,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 10s restarting failed container=main pod=crash_default(${uid})`,
        },
      },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    expect(h.kubelet.backoffUntil(uid)).toBe(exits[1]! + 10_000);
    expect(h.events('crash')).toContain(
      `BackOff: Back-off restarting failed container main in pod crash_default(${uid})`,
    );
    h.advance(1_500_000);
    const restarts = times(h, 'crash', 'Pulled');
    const delays = restarts.slice(1).map((t, i) => t - exits[i]!);
    expect(delays[0]).toBeLessThanOrEqual(h.world.timings.plegRelistPeriod);
    expect(delays.slice(1, 9)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    const message = h.pod('crash')!.status.containerStatuses![0]!.state.waiting?.message;
    expect(message).toMatch(/^back-off 5m0s restarting failed container=main/);
  });

  it('resets the back-off after 10 minutes of running', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    const exits: number[] = [];
    h.runtime.onContainerExit(() => exits.push(h.world.now()));
    h.run('web');
    h.advance(5_000);
    expect(h.kubelet.crashContainer('default', 'web', undefined, 1, 3).ok).toBe(true);
    h.advance(60_000);
    expect(exits.length).toBe(3);
    let restarts = times(h, 'web', 'Pulled');
    expect(restarts.slice(2).map((t, i) => t - exits[i + 1]!)).toEqual([10_000, 20_000]);
    expect(h.pod('web')!.status.containerStatuses![0]).toMatchObject({
      restartCount: 3,
      ready: true,
    });
    h.advance(11 * 60_000);
    h.kubelet.crashContainer('default', 'web', 'main', 1, 1);
    h.advance(30_000);
    restarts = times(h, 'web', 'Pulled');
    expect(restarts.at(-1)! - exits.at(-1)!).toBeLessThanOrEqual(h.world.timings.plegRelistPeriod);
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBe(4);
  });

  it('reports OOMKilled with exit 137 and restarts the container', () => {
    const h = readyHarbor({ ship: { images: ['redis:7.4'] } });
    h.run('cache', { containers: [{ name: 'redis', image: 'redis:7.4' }] });
    h.advance(5_000);
    expect(h.kubelet.oomKill('default', 'cache', undefined)).toEqual({
      ok: true,
      output: 'container "redis" in pod "cache" was OOMKilled (exit code 137)',
    });
    h.advance(5_000);
    const status = h.pod('cache')!.status.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    expect(status.state.running).toBeDefined();
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('follows restartPolicy OnFailure: a clean exit completes, a failure restarts', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    h.run('ok', {
      restartPolicy: 'OnFailure',
      containers: [
        { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 0'] },
      ],
    });
    h.run('bad', {
      restartPolicy: 'OnFailure',
      containers: [
        { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 3'] },
      ],
    });
    h.advance(8_000);
    expect(h.pod('ok')!.status.phase).toBe('Succeeded');
    expect(h.pod('bad')!.status.phase).toBe('Running');
    expect(h.pod('bad')!.status.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('prints back-off durations as Go does', () => {
    expect([10_000, 80_000, 160_000, 300_000, 1_777, 400].map(goDuration)).toEqual([
      '10s',
      '1m20s',
      '2m40s',
      '5m0s',
      '1.777s',
      '400ms',
    ]);
  });
});
