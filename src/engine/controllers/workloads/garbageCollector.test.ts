import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../objects/workloads';
import { mustCreate, testPod, testWorld } from '../../sim/testing';
import { DeploymentController } from './deploymentController';
import { GarbageCollector } from './garbageCollector';
import { ReplicaSetController } from './replicaSetController';
import { deployment, remove, replicaSet, run, stored } from './testing';

function setup() {
  const world = testWorld();
  new ReplicaSetController(world).start();
  new DeploymentController(world).start();
  const gc = new GarbageCollector(world);
  gc.start();
  world.agenda.advance(20);
  return { world, gc };
}

describe('garbage collector', () => {
  it('deleting a Deployment cascades to its ReplicaSets and their pods (background propagation)', () => {
    const { world, gc } = setup();
    mustCreate(world, 'deployments', deployment('web', 3));
    mustCreate(world, 'deployments', deployment('db', 1));
    run(world, 1_000);
    expect(stored(world, 'replicasets')).toHaveLength(2);
    expect(stored(world, 'pods')).toHaveLength(4);
    remove(world, 'deployments', 'web');
    run(world, 1_000);
    const rss = stored<ReplicaSet>(world, 'replicasets');
    expect(rss.map((rs) => rs.metadata.labels?.app)).toEqual(['db']);
    expect(stored<Pod>(world, 'pods').map((p) => p.metadata.labels?.app)).toEqual(['db']);
    const log = world.trace
      .events()
      .filter((e) => e.type === 'gc.delete')
      .map((e) => e.text);
    expect(log).toHaveLength(4);
    expect(log[0]).toMatch(
      /^deleted ReplicaSet web-\w+: its owner Deployment web is gone \(background cascading deletion\)$/,
    );
    expect(
      log
        .slice(1)
        .every((t) => /^deleted Pod web-\w+-\w{5}: its owner ReplicaSet web-\w+ is gone/.test(t)),
    ).toBe(true);
    expect(gc.state()).toBe('running');
  });

  it('deletes pods gracefully: bound pods show Terminating until the kubelet finishes', () => {
    const { world } = setup();
    mustCreate(world, 'replicasets', replicaSet('web', 2));
    run(world, 500);
    remove(world, 'replicasets', 'web');
    world.agenda.advance(200);
    const pods = stored<Pod>(world, 'pods');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp)).toBe(true);
  });

  it('finds dependents whose owner vanished while it was not looking (live check, then delete)', () => {
    const world = testWorld();
    new ReplicaSetController(world).start();
    world.agenda.advance(20);
    mustCreate(world, 'replicasets', replicaSet('web', 2));
    world.agenda.advance(300);
    remove(world, 'replicasets', 'web');
    world.agenda.advance(100);
    expect(stored(world, 'pods')).toHaveLength(2);
    // The collector starts after the owner is gone: it sees references to an unknown owner.
    new GarbageCollector(world).start();
    world.agenda.advance(500);
    expect(stored(world, 'pods')).toHaveLength(0);
  });

  it('leaves objects with a live owner alone and only drops references to owners that are gone', () => {
    const { world } = setup();
    const alive = mustCreate(
      world,
      'replicasets',
      replicaSet('alive', 0, { labels: { app: 'alive' } }),
    );
    const doomed = mustCreate(
      world,
      'replicasets',
      replicaSet('doomed', 0, { labels: { app: 'doomed' } }),
    );
    const pod = testPod('shared', {}, { app: 'nobody' });
    mustCreate(world, 'pods', {
      ...pod,
      metadata: {
        ...pod.metadata,
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'alive', uid: alive.metadata.uid },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'doomed', uid: doomed.metadata.uid },
        ],
      },
    } as Pod);
    mustCreate(world, 'pods', testPod('orphan', {}, { app: 'nobody' }));
    world.agenda.advance(200);
    remove(world, 'replicasets', 'doomed');
    world.agenda.advance(500);
    const shared = world.api.cached<Pod>('pods', 'default', 'shared')!;
    expect(shared.metadata.ownerReferences?.map((r) => r.name)).toEqual(['alive']);
    expect(world.api.cached<Pod>('pods', 'default', 'orphan')).toBeDefined();
    expect(world.trace.events().some((e) => e.type === 'gc.unlink')).toBe(true);
  });
});
