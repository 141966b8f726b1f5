import { describe, expect, it } from 'vitest';
import type { Node } from '../objects/cluster';
import { testNode, testPod } from '../sim/testing';
import { SchedulerCache } from './cache';
import { podPlan } from './podplan';

function node(name: string, zone?: string): Node {
  const n = testNode(name, zone ? { labels: { 'topology.kubernetes.io/zone': zone } } : {});
  return { ...n, metadata: { ...n.metadata, uid: name, resourceVersion: '1' } };
}

function names(cache: SchedulerCache): string[] {
  const { slots, length } = cache.order();
  return [...slots.slice(0, length)].map((s) => cache.names[s]!);
}

describe('SchedulerCache', () => {
  it('lists nodes one zone at a time, as the node tree does', () => {
    const cache = new SchedulerCache();
    for (const [name, zone] of [
      ['a1', 'a'],
      ['a2', 'a'],
      ['a3', 'a'],
      ['b1', 'b'],
      ['c1', 'c'],
      ['b2', 'b'],
    ] as const)
      cache.addNode(node(name, zone));
    expect(names(cache)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    cache.removeNode('b1');
    expect(names(cache)).toEqual(['a1', 'b2', 'c1', 'a2', 'a3']);
    expect(cache.numNodes()).toBe(5);
  });

  it('counts assumed pods until they are forgotten, and confirms them when bound', () => {
    const cache = new SchedulerCache();
    const slot = cache.addNode(node('ship-1'));
    const pod = testPod('web', {
      containers: [
        { name: 'c', image: 'nginx', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
      ],
    });
    const withUid = { ...pod, metadata: { ...pod.metadata, uid: 'u1', namespace: 'default' } };
    cache.assume(podPlan(withUid), withUid, 'ship-1');
    expect([cache.reqCpu[slot], cache.reqMemory[slot], cache.podCount[slot]]).toEqual([
      500,
      2 ** 30,
      1,
    ]);
    cache.forget('u1');
    expect([cache.reqCpu[slot], cache.podCount[slot]]).toEqual([0, 0]);
    cache.assume(podPlan(withUid), withUid, 'ship-1');
    const bound = { ...withUid, spec: { ...withUid.spec, nodeName: 'ship-1' } };
    expect(cache.addPod(bound).assumed).toBe(false);
    cache.forget('u1'); // no longer assumed: stays
    expect(cache.podCount[slot]).toBe(1);
    // A finished pod frees its room (the scheduler's informer filters terminal pods out).
    cache.updatePod({ ...bound, status: { phase: 'Succeeded' } });
    expect([cache.reqCpu[slot], cache.podCount[slot]]).toEqual([0, 0]);
  });

  it('keeps a removed node’s pods accounted until they go (a ghost NodeInfo)', () => {
    const cache = new SchedulerCache();
    cache.addNode(node('ship-1'));
    const pod = testPod('web', { nodeName: 'ship-1' });
    cache.addPod({ ...pod, metadata: { ...pod.metadata, uid: 'u1', namespace: 'default' } });
    cache.removeNode('ship-1');
    expect(cache.numNodes()).toBe(0);
    const slot = cache.slotOf('ship-1')!;
    expect(cache.podCount[slot]).toBe(1);
    cache.removePod('u1');
    expect(cache.slotOf('ship-1')).toBeUndefined();
  });
});
