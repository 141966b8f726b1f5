import { describe, expect, it } from 'vitest';
import { testWorld } from '../../sim/testing';
import { imageCatalogue, parseImageRef, resolveImage } from './images';
import { ContainerRuntime, type PullResult } from './runtime';

function crew(runtime: 'containerd' | 'cri-o' | 'docker' = 'containerd', preloaded: string[] = []) {
  const world = testWorld();
  const rt = new ContainerRuntime(world, 'ship-1', runtime, preloaded);
  rt.start();
  rt.updateRuntimeConfig('10.244.1.0/24');
  return { world, rt };
}

/** Runs a pod's sandbox and one container to Running, returning the container ID. */
function runContainer(
  world: ReturnType<typeof testWorld>,
  rt: ContainerRuntime,
  uid: string,
  image: string,
  extra: { command?: string[]; args?: string[] } = {},
): string {
  let id = '';
  rt.runPodSandbox(uid, (sandbox) => {
    expect(sandbox.ok).toBe(true);
    rt.createContainer(
      uid,
      { name: 'main', image, attempt: 0, hostname: uid, ...extra },
      (created) => {
        expect(created.ok).toBe(true);
        if (created.ok) {
          id = created.value;
          rt.startContainer(id, (started) => expect(started.ok).toBe(true));
        }
      },
    );
  });
  world.agenda.advance(2_000);
  return id;
}

describe('images: the simulated registry', () => {
  it('normalizes references as docker/distribution does', () => {
    expect(parseImageRef('nginx')).toMatchObject({
      repository: 'docker.io/library/nginx',
      tag: 'latest',
      full: 'docker.io/library/nginx:latest',
      familiar: 'nginx:latest',
    });
    expect(parseImageRef('bitnami/redis:7')).toMatchObject({ full: 'docker.io/bitnami/redis:7' });
    expect(parseImageRef('registry.k8s.io/pause:3.10')).toMatchObject({
      repository: 'registry.k8s.io/pause',
      familiar: 'registry.k8s.io/pause:3.10',
    });
    expect(parseImageRef('NGINX')).toEqual({
      error: 'invalid reference format: repository name must be lowercase',
    });
    expect(parseImageRef('nginx:')).toEqual({ error: 'invalid reference format' });
  });

  it('knows the catalogue, its tags, aliases and sizes', () => {
    expect(imageCatalogue.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'nginx',
        'redis',
        'postgres',
        'busybox',
        'httpd',
        'memcached',
        'registry.k8s.io/pause',
      ]),
    );
    const nginx = resolveImage(parseImageRef('nginx:1.27') as never);
    expect(nginx).toMatchObject({ tag: '1.27', size: 72_195_292 });
    expect(resolveImage(parseImageRef('nginx:latest') as never)).toMatchObject({ tag: '1.29' });
    expect(resolveImage(parseImageRef('nginx:9.99') as never)).toEqual({ missing: 'tag' });
    expect(resolveImage(parseImageRef('nosuchimage:1.0') as never)).toEqual({
      missing: 'repository',
    });
  });
});

describe('ContainerRuntime', () => {
  it('reports its version per deck crew', () => {
    expect(crew('containerd').rt.version()).toBe('containerd://2.1.4');
    expect(crew('cri-o').rt.version()).toBe('cri-o://1.34.1');
    expect(crew('docker').rt.version()).toBe('docker://28.2.2');
  });

  it('keeps the pause image and the preloaded images in its cache', () => {
    const { rt } = crew('containerd', ['nginx:1.27']);
    expect(rt.images()).toEqual(['registry.k8s.io/pause:3.10', 'docker.io/library/nginx:1.27']);
    expect(rt.imageStatus('nginx:1.27')).toBeDefined();
    expect(rt.imageStatus('redis:7.4')).toBeUndefined();
    expect(rt.imageList()[0]!.names).toEqual([
      expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      'docker.io/library/nginx:1.27',
    ]);
  });

  it('is network-ready only once the CNI has a pod CIDR', () => {
    const world = testWorld();
    const rt = new ContainerRuntime(world, 'ship-1', 'containerd', []);
    expect(rt.status()).toEqual({ runtimeReady: false, networkReady: false });
    rt.start();
    expect(rt.status()).toMatchObject({ runtimeReady: true, networkReady: false });
    expect(rt.status().networkMessage).toContain('cni plugin not initialized');
    rt.updateRuntimeConfig('10.244.3.0/24');
    expect(rt.status()).toEqual({ runtimeReady: true, networkReady: true });
  });

  it('pulls one image at a time: size / bandwidth, and the wait in the queue', () => {
    const { world, rt } = crew();
    const results: PullResult[] = [];
    rt.pullImage('nginx:1.27', 'a', (r) => results.push(r));
    rt.pullImage('redis:7.4', 'b', (r) => results.push(r));
    expect(rt.machineState()).toEqual({ up: 'pulling' });
    expect(rt.deck('a')).toBe('pulling');
    world.agenda.advance(10_000);
    const { pullSetup, pullBytesPerSecond } = world.timings;
    const nginxMs = pullSetup + Math.round((72_195_292 / pullBytesPerSecond) * 1000);
    const redisMs = pullSetup + Math.round((45_180_216 / pullBytesPerSecond) * 1000);
    expect(results[0]).toMatchObject({
      ok: true,
      size: 72_195_292,
      pullMs: nginxMs,
      totalMs: nginxMs,
    });
    expect(results[1]).toMatchObject({ ok: true, pullMs: redisMs, totalMs: nginxMs + redisMs });
    expect(rt.machineState()).toEqual({ up: 'idle' });
    expect(rt.images()).toContain('docker.io/library/redis:7.4');
  });

  it.each([
    [
      'containerd',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found',
    ],
    [
      'cri-o',
      'rpc error: code = Unknown desc = initializing source docker://docker.io/library/nginx:9.99: reading manifest 9.99 in docker.io/library/nginx: manifest unknown',
    ],
    [
      'docker',
      'rpc error: code = Unknown desc = Error response from daemon: manifest for nginx:9.99 not found: manifest unknown: manifest unknown',
    ],
  ] as const)('fails a pull of a missing tag in %s’s own words', (runtime, error) => {
    const { world, rt } = crew(runtime);
    let result: PullResult | undefined;
    rt.pullImage('nginx:9.99', 'a', (r) => (result = r));
    world.agenda.advance(world.timings.pullSetup);
    expect(result).toEqual({ ok: false, error });
  });

  it('hands out pod IPs from .2 of the pod CIDR and takes them back', () => {
    const { world, rt } = crew();
    const ips: string[] = [];
    for (const uid of ['a', 'b', 'c']) rt.runPodSandbox(uid, (r) => r.ok && ips.push(r.value.ip));
    world.agenda.advance(world.timings.sandboxCreate);
    expect(ips).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    rt.removePodSandbox('a');
    rt.runPodSandbox('d', (r) => r.ok && ips.push(r.value.ip));
    world.agenda.advance(world.timings.sandboxCreate);
    // host-local continues round robin rather than reusing the freed address at once.
    expect(ips[3]).toBe('10.244.1.5');
  });

  it('runs containers: created, running, serving at the pod IP, with containerd IDs', () => {
    const { world, rt } = crew('containerd', ['nginx:1.27']);
    const id = runContainer(world, rt, 'a', 'nginx:1.27');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(rt.deck('a')).toBe('running');
    expect(rt.isServing('10.244.1.2')).toBe(true);
    expect(rt.isServing('10.244.1.9')).toBe(false);
    const status = rt.containerStatus(id)!;
    expect(status).toMatchObject({
      state: 'running',
      image: 'docker.io/library/nginx:1.27',
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
    });
    expect(rt.containerLogs(id)).toContain(
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    );
  });

  it('runs busybox scripts in simulated time: sh -c "sleep 5; exit 1"', () => {
    const { world, rt } = crew('containerd', ['busybox:1.36']);
    const exits: string[] = [];
    rt.onContainerExit((_uid, id) => exits.push(id));
    const id = runContainer(world, rt, 'a', 'busybox:1.36', {
      command: ['sh', '-c', 'echo starting; sleep 5; exit 1'],
    });
    const startedAt = rt.containerStatus(id)!.startedAt!;
    world.agenda.advance(5_000);
    expect(rt.containerStatus(id)).toMatchObject({
      state: 'exited',
      exitCode: 1,
      reason: 'Error',
      finishedAt: startedAt + 5_000,
    });
    expect(exits).toEqual([id]);
    expect(rt.containerLogs(id)).toEqual(['starting']);
    expect(rt.deck('a')).toBe('exited');
  });

  it('ends busybox at once without a command (its CMD is sh, with no terminal)', () => {
    const { world, rt } = crew('containerd', ['busybox:1.36']);
    const id = runContainer(world, rt, 'a', 'busybox:1.36');
    expect(rt.containerStatus(id)).toMatchObject({
      state: 'exited',
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('prints a while-loop forever, one line per period', () => {
    const { world, rt } = crew('containerd', ['busybox:1.36']);
    const id = runContainer(world, rt, 'a', 'busybox:1.36', {
      command: ['sh', '-c', 'while true; do echo tick; sleep 2; done'],
    });
    world.agenda.advance(10_000);
    expect(rt.containerStatus(id)!.state).toBe('running');
    expect(rt.containerLogs(id).length).toBeGreaterThanOrEqual(5);
    expect(new Set(rt.containerLogs(id))).toEqual(new Set(['tick']));
  });

  it('stops nginx gracefully (SIGQUIT, exit 0) and a shell only with SIGKILL after the grace period', () => {
    const { world, rt } = crew('containerd', ['nginx:1.27', 'busybox:1.36']);
    const web = runContainer(world, rt, 'a', 'nginx:1.27');
    const sleeper = runContainer(world, rt, 'b', 'busybox:1.36', { command: ['sleep', '3600'] });
    const stopped: string[] = [];
    rt.stopContainer(web, 30, () => stopped.push('web'));
    rt.stopContainer(sleeper, 30, () => stopped.push('sleeper'));
    expect(rt.deck('a')).toBe('stopping');
    world.agenda.advance(world.timings.containerStop);
    expect(stopped).toEqual(['web']);
    expect(rt.containerStatus(web)).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(rt.containerLogs(web).at(-1)).toContain('[notice] 1#1: exit');
    world.agenda.advance(30_000);
    expect(stopped).toEqual(['web', 'sleeper']);
    expect(rt.containerStatus(sleeper)).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('crashes on demand, again on the next starts, and OOM-kills with 137', () => {
    const { world, rt } = crew('containerd', ['nginx:1.27']);
    const id = runContainer(world, rt, 'a', 'nginx:1.27');
    expect(rt.crash('a', 'main', 2, 2)).toBe(true);
    expect(rt.containerStatus(id)).toMatchObject({ state: 'exited', exitCode: 2, reason: 'Error' });
    let next = '';
    rt.createContainer(
      'a',
      { name: 'main', image: 'nginx:1.27', attempt: 1, hostname: 'a' },
      (c) => {
        if (c.ok) rt.startContainer((next = c.value), () => undefined);
      },
    );
    world.agenda.advance(5_000);
    expect(rt.containerStatus(next)).toMatchObject({ state: 'exited', exitCode: 2 });
    let third = '';
    rt.createContainer(
      'a',
      { name: 'main', image: 'nginx:1.27', attempt: 2, hostname: 'a' },
      (c) => {
        if (c.ok) rt.startContainer((third = c.value), () => undefined);
      },
    );
    world.agenda.advance(5_000);
    expect(rt.containerStatus(third)!.state).toBe('running');
    expect(rt.oomKill('a', 'main')).toBe(true);
    expect(rt.containerStatus(third)).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('loses everything when the ship sinks', () => {
    const { world, rt } = crew('containerd', ['nginx:1.27']);
    runContainer(world, rt, 'a', 'nginx:1.27');
    rt.stop();
    expect(rt.deck('a')).toBe('none');
    expect(rt.isServing('10.244.1.2')).toBe(false);
    expect(rt.machineState()).toBe('sunk');
    let error = '';
    rt.runPodSandbox('b', (r) => (error = r.ok ? '' : r.error));
    expect(error).toContain('connect: connection refused');
  });
});
