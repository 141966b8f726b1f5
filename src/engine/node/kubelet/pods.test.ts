import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../time/format';
import { harbor, readyHarbor } from './testkit';

describe('kubelet: running pods through the CRI', () => {
  it('creates the sandbox, pulls, creates and starts, with events in causal order', () => {
    const h = readyHarbor();
    h.run('web');
    h.advance(10_000);
    expect(h.events('web')).toEqual([
      'Pulling: Pulling image "nginx:1.27"',
      'Pulled: Successfully pulled image "nginx:1.27" in 1.777s (1.777s including waiting). Image size: 72195292 bytes.',
      'Created: Created container: main',
      'Started: Started container main',
    ]);
    const events = h.eventObjects('web');
    expect(
      events.every((e) => e.source.component === 'kubelet' && e.source.host === 'ship-1'),
    ).toBe(true);
    expect(events[0]!.involvedObject.fieldPath).toBe('spec.containers{main}');
    const steps = h.world.trace
      .events()
      .filter((e) => e.subject === 'pod/default/web')
      .map((e) => [e.type, e.t]);
    const t = Object.fromEntries(steps);
    const { sandboxCreate, pullSetup, containerCreate, containerStart } = h.world.timings;
    expect(t['k8s.Pulling']).toBeGreaterThanOrEqual(sandboxCreate);
    expect(t['k8s.Pulled']! - t['k8s.Pulling']!).toBe(1_777);
    expect(t['k8s.Created']! - t['k8s.Pulled']!).toBe(containerCreate);
    expect(t['k8s.Started']! - t['k8s.Created']!).toBe(containerStart);
    expect(pullSetup).toBeGreaterThan(0);
  });

  it('reports status as upstream shapes it', () => {
    const h = readyHarbor();
    h.run('web');
    h.advance(10_000);
    const status = h.pod('web')!.status;
    expect(status.phase).toBe('Running');
    expect(status.hostIP).toBe('172.18.0.3');
    expect(status.podIP).toBe('10.244.1.2');
    expect(status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(status.startTime).toMatch(/^2026-01-05T09:00:0\dZ$/);
    expect(status.qosClass).toBe('BestEffort');
    expect(status.conditions!.map((c) => [c.type, c.status])).toEqual([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ]);
    expect(status.containerStatuses).toEqual([
      {
        name: 'main',
        state: { running: { startedAt: expect.stringMatching(/^2026-01-05T09:00:0\dZ$/) } },
        lastState: {},
        ready: true,
        started: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.27',
        imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
        containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      },
    ]);
    expect(h.runtime.deck(h.pod('web')!.metadata.uid)).toBe('running');
    expect(h.runtime.isServing('10.244.1.2')).toBe(true);
  });

  it('shows Pending / ContainerCreating while the image is pulled', () => {
    const h = readyHarbor();
    h.run('web');
    h.advance(1_500);
    const status = h.pod('web')!.status;
    expect(status.phase).toBe('Pending');
    expect(status.containerStatuses![0]!.state).toEqual({
      waiting: { reason: 'ContainerCreating' },
    });
    expect(status.containerStatuses![0]!.image).toBe('nginx:1.27');
    expect(status.conditions!.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [main]',
    });
    expect(h.runtime.deck(h.pod('web')!.metadata.uid)).toBe('pulling');
  });

  it('uses the image cache: the second pod starts faster, "already present on machine"', () => {
    const h = readyHarbor();
    h.run('web-1');
    h.advance(10_000);
    const first = h.world.trace.events().filter((e) => e.subject === 'pod/default/web-1');
    h.run('web-2');
    h.advance(10_000);
    const second = h.world.trace.events().filter((e) => e.subject === 'pod/default/web-2');
    expect(h.events('web-2')).toEqual([
      'Pulled: Container image "nginx:1.27" already present on machine',
      'Created: Created container: main',
      'Started: Started container main',
    ]);
    const took = (list: typeof first) => list.at(-1)!.t - list[0]!.t;
    expect(took(second)).toBeLessThan(took(first));
    expect(h.pod('web-2')!.status.podIP).toBe('10.244.1.3');
  });

  it('pulls one image at a time: the second pull reports its wait', () => {
    const h = readyHarbor();
    h.run('web', { containers: [{ name: 'main', image: 'nginx:1.27' }] });
    h.run('cache', { containers: [{ name: 'main', image: 'redis:7.4' }] });
    h.advance(10_000);
    const pulled = h.events('cache').find((e) => e.startsWith('Pulled'))!;
    expect(pulled).toMatch(
      /^Pulled: Successfully pulled image "redis:7.4" in 1.262s \(3.0\d\ds including waiting\)\. Image size: 45180216 bytes\.$/,
    );
  });

  it('re-pulls with imagePullPolicy Always (the default for :latest)', () => {
    const h = readyHarbor({ ship: { images: ['nginx:latest'] } });
    h.run('web', { containers: [{ name: 'main', image: 'nginx:latest' }] });
    h.advance(10_000);
    expect(h.events('web')[0]).toBe('Pulling: Pulling image "nginx:latest"');
    expect(h.events('web')[1]).toBe(
      'Pulled: Successfully pulled image "nginx:latest" in 400ms (400ms including waiting). Image size: 72319213 bytes.',
    );
  });

  it('refuses to pull with imagePullPolicy Never: ErrImageNeverPull', () => {
    const h = readyHarbor();
    h.run('web', { containers: [{ name: 'main', image: 'nginx:1.27', imagePullPolicy: 'Never' }] });
    h.advance(5_000);
    expect(h.events('web')).toEqual([
      'ErrImageNeverPull: Container image "nginx:1.27" is not present with pull policy of Never',
      'Failed: Error: ErrImageNeverPull',
    ]);
    expect(h.pod('web')!.status.containerStatuses![0]!.state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx:1.27" is not present with pull policy of Never',
    });
  });

  it('reports an unparsable image as InvalidImageName', () => {
    const h = readyHarbor();
    h.run('web', { containers: [{ name: 'main', image: 'Nginx:1.27' }] });
    h.advance(5_000);
    const message =
      'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name must be lowercase';
    expect(h.events('web')).toEqual([
      `InspectFailed: ${message}`,
      'Failed: Error: InvalidImageName',
    ]);
    expect(h.pod('web')!.status.containerStatuses![0]!.state.waiting).toEqual({
      reason: 'InvalidImageName',
      message,
    });
  });

  it('rejects pods that do not fit allocatable: OutOfcpu, OutOfmemory, OutOfpods', () => {
    const h = readyHarbor({ ship: { cpu: '2', memory: '1Gi', maxPods: 3 } });
    const big = (cpu: string, memory = '10Mi') => ({
      containers: [{ name: 'main', image: 'nginx:1.27', resources: { requests: { cpu, memory } } }],
    });
    h.run('a', big('1500m'));
    h.run('b', big('1'));
    h.run('c', big('100m', '2Gi'));
    h.run('d', big('100m'));
    h.run('e', big('100m'));
    h.run('f', big('100m'));
    h.advance(5_000);
    expect(h.pod('b')!.status).toMatchObject({
      phase: 'Failed',
      reason: 'OutOfcpu',
      message:
        "Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000",
    });
    expect(h.pod('c')!.status).toMatchObject({
      reason: 'OutOfmemory',
      message: `Pod was rejected: Node didn't have enough resource: memory, requested: 2147483648, used: 10485760, capacity: ${1024 * 1024 * 1024 - 100 * 1024 * 1024}`,
    });
    expect(h.pod('f')!.status).toMatchObject({
      reason: 'OutOfpods',
      message:
        "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3",
    });
    expect(h.events('b')).toEqual([
      "OutOfcpu: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000",
    ]);
    expect(h.pod('a')!.status.phase).toBe('Running');
    expect(h.pod('d')!.status.phase).toBe('Running');
    expect(h.pod('b')!.status.conditions!.map((c) => c.type)).toEqual(['PodScheduled']);
  });

  it('waits for the pod network: NetworkNotReady until the Node has a pod CIDR', () => {
    const g = harbor();
    g.advance(1_000);
    g.run('web');
    g.advance(5_000);
    expect(g.pod('web')!.status.phase).toBe('Pending');
    expect(g.events('web')[0]).toBe(
      'NetworkNotReady: network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    );
    g.assignCIDR('10.244.5.0/24');
    g.advance(5_000);
    expect(g.pod('web')!.status.phase).toBe('Running');
    expect(g.pod('web')!.status.podIP).toBe('10.244.5.2');
  });

  it('runs a pod to completion with restartPolicy Never, then stops its sandbox', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    h.run('job', {
      restartPolicy: 'Never',
      containers: [
        { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'echo done; sleep 3'] },
      ],
    });
    h.advance(10_000);
    const pod = h.pod('job')!;
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    const t = pod.status.containerStatuses![0]!.state.terminated!;
    expect(parseRfc3339(t.finishedAt)! - parseRfc3339(t.startedAt!)!).toBe(3_000);
    expect(pod.status.conditions!.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
    expect(h.runtime.isServing('10.244.1.2')).toBe(false);
    expect(h.kubelet.logs('default', 'job', undefined, false)).toEqual({
      ok: true,
      output: 'done',
    });
  });

  it('marks a failed run Failed with restartPolicy Never: sh -c "sleep 5; exit 1"', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    h.run('job', {
      restartPolicy: 'Never',
      containers: [
        { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] },
      ],
    });
    h.advance(10_000);
    expect(h.pod('job')!.status.phase).toBe('Failed');
    expect(h.pod('job')!.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
  });

  it('runs with CRI-O and Docker deck crews, in their ID and image formats', () => {
    const crio = readyHarbor({ ship: { runtime: 'cri-o', images: ['nginx:1.27'] } });
    crio.run('web');
    crio.advance(5_000);
    expect(crio.pod('web')!.status.containerStatuses![0]!.containerID).toMatch(
      /^cri-o:\/\/[0-9a-f]{64}$/,
    );
    const docker = readyHarbor({ ship: { runtime: 'docker', images: ['nginx:1.27'] } });
    docker.run('web');
    docker.advance(5_000);
    const status = docker.pod('web')!.status.containerStatuses![0]!;
    expect(status.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(status.image).toBe('nginx:1.27');
    expect(status.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
    expect(docker.node()!.status.nodeInfo!.containerRuntimeVersion).toBe('docker://28.2.2');
  });

  it('is deterministic: the same seed and inputs give the same log', () => {
    const run = () => {
      const h = readyHarbor({ seed: 11 });
      h.run('web');
      h.run('crash', {
        containers: [
          { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] },
        ],
      });
      h.advance(60_000);
      h.remove('web');
      h.advance(10_000);
      return h.world.trace.logHash();
    };
    expect(run()).toBe(run());
  });

  it('writes a handful of status updates per pod, not one per tick', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    let writes = 0;
    h.world.ledger.watch('/registry/pods/default/web', () => (writes += 1));
    h.run('web');
    h.advance(120_000);
    // create + bind by the test; then the kubelet's first status and the Running one.
    expect(writes).toBeLessThanOrEqual(5);
    expect(h.pod('web')!.status.phase).toBe('Running');
  });
});
