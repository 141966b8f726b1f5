import { describe, expect, it } from 'vitest';
import type { KObject } from '../../objects/meta';
import type { Pod, ReplicaSet } from '../../objects/workloads';
import { mustCreate, testPod, testWorld } from '../../sim/testing';
import { POD_DELETION_COST } from './podUtil';
import { ReplicaSetController } from './replicaSetController';
import {
  activePodsOf,
  annotate,
  bind,
  eventsAbout,
  podsOwnedBy,
  remove,
  replicaSet,
  runReady,
  scale,
  stored,
} from './testing';

function setup(timings: Record<string, number> = {}) {
  const world = testWorld({ timings });
  const rsc = new ReplicaSetController(world);
  rsc.start();
  return { world, rsc };
}

const rsNamed = (world: ReturnType<typeof testWorld>, name: string) =>
  world.api.cached<ReplicaSet>('replicasets', 'default', name)!;

/** The slow-start batch sizes logged so far, in order. */
const batches = (world: ReturnType<typeof testWorld>) =>
  world.trace
    .events()
    .filter((e) => e.type === 'replicaset.create')
    .map((e) => Number(/batch of (\d+)/.exec(e.text)![1]));

describe('ReplicaSet controller', () => {
  it('waits for its caches, then creates spec.replicas pods named <rs>-<5 chars>, owned by the ReplicaSet', () => {
    const { world, rsc } = setup();
    expect(rsc.state()).toBe('waitingForCaches');
    world.agenda.advance(20);
    expect(rsc.state()).toBe('running');
    const rs = mustCreate(world, 'replicasets', replicaSet('web', 3));
    world.agenda.advance(500);
    const pods = podsOwnedBy(world, 'web');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe('web-');
      expect(pod.metadata.labels).toEqual({ app: 'web' });
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(eventsAbout(world, 'web').sort()).toEqual(
      pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort(),
    );
    expect(rsNamed(world, 'web').status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      observedGeneration: 1,
    });
    const office = world.trace.offices().find((o) => o.name === 'cargo')!;
    expect(office.lastAction).toMatch(/^created \d pods? for web$/);
  });

  it('creates in slow-start batches 1, 2, 4 … and at most burstReplicas (500) per sync', () => {
    const { world } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('big', 600));
    world.agenda.advance(2_000);
    expect(activePodsOf(world, 'big')).toHaveLength(600);
    expect(batches(world)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245, 1, 2, 4, 8, 16, 32, 37]);
  });

  it('stops a sync at the first failed batch, records FailedCreate and backs off', () => {
    const { world } = setup();
    mustCreate(world, 'namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team' },
    } as KObject);
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', {
      ...replicaSet('doomed', 8),
      metadata: { name: 'doomed', namespace: 'team' },
    } as ReplicaSet);
    // The namespace goes before the controller acts: every pod create now fails.
    world.api.request({ verb: 'delete', resource: 'namespaces', name: 'team' }, 'kubectl');
    world.agenda.advance(25);
    const failures = () => world.trace.events().filter((e) => e.type === 'k8s.FailedCreate');
    expect(failures()).toHaveLength(1);
    expect(failures()[0]!.text).toBe(
      'ReplicaSet doomed: FailedCreate: Error creating: namespaces "team" not found',
    );
    const rs = world.api.cached<ReplicaSet>('replicasets', 'team', 'doomed')!;
    expect(rs.status.conditions).toEqual([
      expect.objectContaining({
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'namespaces "team" not found',
      }),
    ]);
    // One create per sync, retried with back-off 5 ms, 10 ms, 20 ms … (not 8 creates per sync).
    world.agenda.advance(1_000);
    const n = failures().length;
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(12);
  });

  it('expects its own creations: extra syncs while the watch lags never create twice', () => {
    const { world, rsc } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('web', 5));
    let sawExpectation = false;
    for (let t = 0; t < 200; t += 1) {
      world.agenda.advance(1);
      const e = rsc.expectationsOf('default/web');
      if (e && e.add > 0) sawExpectation = true;
      // Poke the ReplicaSet every millisecond: each update wakes the controller again.
      world.api.request(
        {
          verb: 'patch',
          resource: 'replicasets',
          namespace: 'default',
          name: 'web',
          mutate: (c) => ({ ...c, metadata: { ...c.metadata, annotations: { poke: String(t) } } }),
        },
        'kubectl',
      );
      expect(podsOwnedBy(world, 'web').length).toBeLessThanOrEqual(5);
    }
    expect(sawExpectation).toBe(true);
    expect(podsOwnedBy(world, 'web')).toHaveLength(5);
    expect(rsc.expectationsOf('default/web')).toEqual({ add: 0, del: 0 });
  });

  it('does not count terminating pods: a replacement is created at once', () => {
    const { world } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('web', 3));
    world.agenda.advance(200);
    const pods = podsOwnedBy(world, 'web');
    for (const pod of pods) bind(world, pod, 'ship-1');
    world.agenda.advance(50);
    remove(world, 'pods', pods[0]!.metadata.name);
    const terminating = world.api.cached<Pod>('pods', 'default', pods[0]!.metadata.name)!;
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    world.agenda.advance(50);
    // The terminating pod is still there (30 s grace), and a new one has been made.
    expect(podsOwnedBy(world, 'web')).toHaveLength(4);
    expect(activePodsOf(world, 'web')).toHaveLength(3);
    expect(rsNamed(world, 'web').status.replicas).toBe(3);
  });

  it('scales down following ActivePodsWithRanks: unscheduled, pending, not ready, cheaper, ready for less time, more restarts', () => {
    const { world } = setup();
    world.agenda.advance(3_600_000);
    mustCreate(world, 'replicasets', replicaSet('web', 7));
    world.agenda.advance(300);
    const [unscheduled, pending, notReady, cheap, young, crashy, old] = podsOwnedBy(world, 'web');
    const get = (p: Pod) => world.api.cached<Pod>('pods', 'default', p.metadata.name)!;
    for (const [i, p] of [pending, notReady, cheap, young, crashy, old].entries())
      bind(world, p!, `ship-${i}`);
    runReady(world, get(notReady!), { ready: false });
    runReady(world, get(cheap!), { readySince: 0 });
    runReady(world, get(young!), { readySince: world.now() - 1_000 });
    runReady(world, get(crashy!), { readySince: 0, restarts: 3 });
    runReady(world, get(old!), { readySince: 0 });
    annotate(world, get(cheap!), POD_DELETION_COST, '-10');
    world.agenda.advance(100);
    const victims: string[] = [];
    for (let replicas = 6; replicas >= 1; replicas -= 1) {
      const before = new Set(activePodsOf(world, 'web').map((p) => p.metadata.name));
      scale(world, 'replicasets', 'web', replicas);
      world.agenda.advance(100);
      const after = new Set(activePodsOf(world, 'web').map((p) => p.metadata.name));
      victims.push(...[...before].filter((n) => !after.has(n)));
    }
    expect(victims).toEqual(
      [unscheduled, pending, notReady, cheap, young, crashy].map((p) => p!.metadata.name),
    );
    expect(activePodsOf(world, 'web').map((p) => p.metadata.name)).toEqual([old!.metadata.name]);
    expect(
      eventsAbout(world, 'web').filter((e) => e.startsWith('SuccessfulDelete: Deleted pod: ')),
    ).toHaveLength(6);
  });

  it('adopts matching orphan pods and releases pods whose labels stop matching', () => {
    const { world } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'pods', testPod('stray', {}, { app: 'web' }));
    const rs = mustCreate(world, 'replicasets', replicaSet('web', 2));
    world.agenda.advance(300);
    const stray = world.api.cached<Pod>('pods', 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      uid: rs.metadata.uid,
      controller: true,
    });
    // Only one more pod was needed.
    expect(podsOwnedBy(world, 'web')).toHaveLength(2);
    // Relabel one: it is released, and a replacement is created.
    const other = podsOwnedBy(world, 'web').find((p) => p.metadata.name !== 'stray')!;
    world.api.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: 'default',
        name: other.metadata.name,
        mutate: (c) => ({ ...c, metadata: { ...c.metadata, labels: { app: 'debug' } } }),
      },
      'kubectl',
    );
    world.agenda.advance(300);
    expect(
      world.api.cached<Pod>('pods', 'default', other.metadata.name)!.metadata.ownerReferences,
    ).toEqual([]);
    expect(podsOwnedBy(world, 'web')).toHaveLength(2);
    expect(world.trace.events().map((e) => e.type)).toEqual(
      expect.arrayContaining(['replicaset.adopt', 'replicaset.release']),
    );
  });

  it('counts ready and available pods; available waits minReadySeconds', () => {
    const { world } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('web', 2, { minReadySeconds: 10 }));
    world.agenda.advance(200);
    for (const pod of podsOwnedBy(world, 'web')) {
      bind(world, pod, 'ship-1');
      runReady(world, world.api.cached<Pod>('pods', 'default', pod.metadata.name)!);
    }
    world.agenda.advance(500);
    expect(rsNamed(world, 'web').status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 0,
    });
    world.agenda.advance(11_000);
    expect(rsNamed(world, 'web').status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
  });

  it('keeps quiet in the steady state and forgets a deleted ReplicaSet', () => {
    const { world, rsc } = setup();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('web', 2));
    world.agenda.advance(500);
    const writes = world.ledger.revision();
    world.agenda.advance(60_000);
    expect(world.ledger.revision()).toBe(writes);
    remove(world, 'replicasets', 'web');
    world.agenda.advance(100);
    expect(rsc.expectationsOf('default/web')).toBeUndefined();
    world.agenda.advance(300_000);
    expect(rsc.idle()).toBe(true);
    // Without a garbage collector, its pods stay (orphaned by nobody, owned by a ghost).
    expect(stored<Pod>(world, 'pods')).toHaveLength(2);
  });
});
