import { describe, expect, it } from 'vitest';
import type { KObject } from '../../objects/meta';
import type { Node } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';
import { mustCreate, testNode, testPod, testWorld } from '../../sim/testing';
import type { Timings } from '../../sim/timings';
import { PodGCController } from './podGC';
import { bind, remove, runReady, stored } from './testing';

function setup(timings: Record<string, number> = {}) {
  const world = testWorld({ timings: timings as Partial<Timings> });
  const gc = new PodGCController(world);
  gc.start();
  return { world, gc };
}

const podNames = (world: ReturnType<typeof testWorld>) =>
  stored<Pod>(world, 'pods').map((p) => p.metadata.name);

describe('pod garbage collector', () => {
  it('runs a pass once its caches sync, then every 20 s after the last one ends', () => {
    const { world, gc } = setup();
    expect(gc.state()).toBe('waitingForCaches');
    world.agenda.advance(20);
    expect(gc.state()).toBe('running.sleeping');
    gc.stop();
    expect(gc.state()).toBe('stopped');
  });

  it('force-deletes the pods of a deleted node after the 40 s quarantine (Terminating ones too)', () => {
    const { world } = setup();
    mustCreate(world, 'nodes', testNode('ship-1'));
    mustCreate(world, 'nodes', testNode('ship-2'));
    for (const [name, node] of [
      ['a', 'ship-1'],
      ['b', 'ship-1'],
      ['c', 'ship-2'],
    ] as const) {
      const pod = mustCreate(world, 'pods', testPod(name));
      bind(world, pod, node);
      runReady(world, world.api.cached<Pod>('pods', 'default', name)!);
    }
    const seen: { type: string; pod: Pod }[] = [];
    world.api.listAndWatch('pods', {}, 'test', 'control-plane', {
      event: (e) => seen.push({ type: e.type, pod: e.object as Pod }),
      closed: () => undefined,
    });
    world.agenda.advance(5_000);
    // The ship sinks: its pods are being evicted (Terminating) but no kubelet will finish them.
    remove(world, 'pods', 'a');
    expect(world.api.cached<Pod>('pods', 'default', 'a')!.metadata.deletionTimestamp).toBeDefined();
    remove(world, 'nodes', 'ship-1');
    const deletedAt = world.now();
    let goneAt: number | undefined;
    for (let t = 0; t < 100_000 && goneAt === undefined; t += 1_000) {
      world.agenda.advance(1_000);
      if (!podNames(world).includes('a')) goneAt = world.now();
    }
    expect(goneAt! - deletedAt).toBeGreaterThanOrEqual(40_000);
    expect(goneAt! - deletedAt).toBeLessThanOrEqual(40_000 + 2 * 20_000);
    expect(podNames(world)).toEqual(['c']);
    const log = world.trace.events().filter((e) => e.source === 'kcm/pod-gc');
    expect(log.map((e) => e.type)).toEqual(['podgc.orphaned', 'podgc.delete', 'podgc.delete']);
    expect(log[0]!.text).toBe('node ship-1 no longer exists: force-deleting its 2 pods');
    expect(world.trace.offices().find((o) => o.name === 'operations')!.lastAction).toBe(
      'deleting 2 pods of vanished node ship-1',
    );
    // Marked Failed with DisruptionTarget, then deleted with grace 0.
    const b = seen.filter((e) => e.pod.metadata.name === 'b').slice(-2);
    expect(b.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(b[0]!.pod.status.phase).toBe('Failed');
    expect(b[0]!.pod.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
      }),
    );
  });

  it('does not touch pods of a node that is only missing briefly', () => {
    const { world } = setup();
    mustCreate(world, 'nodes', testNode('ship-1'));
    const pod = mustCreate(world, 'pods', testPod('a'));
    bind(world, pod, 'ship-1');
    world.agenda.advance(1_000);
    remove(world, 'nodes', 'ship-1');
    world.agenda.advance(25_000);
    mustCreate(world, 'nodes', testNode('ship-1'));
    world.agenda.advance(100_000);
    expect(podNames(world)).toEqual(['a']);
  });

  it('deletes the oldest terminated pods beyond --terminated-pod-gc-threshold, evicted ones first', () => {
    const { world } = setup({ terminatedPodGCThreshold: 2 });
    mustCreate(world, 'nodes', testNode('ship-1'));
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) {
      const pod = mustCreate(world, 'pods', testPod(name));
      bind(world, pod, 'ship-1');
      world.agenda.advance(1_000);
    }
    const finish = (name: string, reason?: string) =>
      world.api.request(
        {
          verb: 'patch',
          resource: 'pods',
          namespace: 'default',
          name,
          subresource: 'status',
          mutate: (c) =>
            ({
              ...c,
              status: { ...(c as Pod).status, phase: 'Failed', ...(reason ? { reason } : {}) },
            }) as KObject,
        },
        'kubelet/ship-1',
      );
    for (const name of ['p1', 'p2', 'p3']) finish(name);
    finish('p5', 'Evicted');
    world.agenda.advance(25_000);
    // 4 terminated, threshold 2: the evicted p5 and the oldest p1 go.
    expect(podNames(world)).toEqual(['p2', 'p3', 'p4']);
  });

  it('deletes terminating pods that were never scheduled', () => {
    const { world } = setup();
    const pod = mustCreate(world, 'pods', testPod('lost'));
    world.api.request(
      {
        verb: 'update',
        resource: 'pods',
        body: {
          ...pod,
          metadata: {
            ...pod.metadata,
            deletionTimestamp: '2026-01-05T09:00:30Z',
            deletionGracePeriodSeconds: 30,
          },
        },
      },
      'kubectl',
    );
    world.agenda.advance(21_000);
    expect(podNames(world)).toEqual([]);
  });

  it('deletes terminating pods on a not-ready node tainted node.kubernetes.io/out-of-service', () => {
    const { world } = setup();
    const node = mustCreate(world, 'nodes', testNode('ship-1'));
    const pod = mustCreate(world, 'pods', testPod('stuck'));
    bind(world, pod, 'ship-1');
    remove(world, 'pods', 'stuck');
    const patch = (subresource: 'status' | undefined, mutate: (n: Node) => Node) =>
      world.api.request(
        {
          verb: 'patch',
          resource: 'nodes',
          name: node.metadata.name,
          ...(subresource ? { subresource } : {}),
          mutate: (c) => mutate(c as Node),
        },
        'kubectl',
      );
    // `kubectl taint node ship-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute` on a dead node.
    patch(undefined, (n) => ({
      ...n,
      spec: {
        ...n.spec,
        taints: [
          { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' },
        ],
      },
    }));
    patch('status', (n) => ({
      ...n,
      status: {
        ...n.status,
        conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' }],
      },
    }));
    world.agenda.advance(21_000);
    expect(podNames(world)).toEqual([]);
  });
});
