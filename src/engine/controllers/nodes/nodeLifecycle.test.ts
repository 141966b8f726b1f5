import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/cluster';
import { testWorld, mustCreate, testNode } from '../../sim/testing';
import type { World } from '../../sim/world';
import { NodeLifecycleController } from './nodeLifecycleController';
import {
  eventsWith,
  getNode,
  getPod,
  keepRenewing,
  postReady,
  readyOf,
  registerShip,
  renewLease,
  runPod,
  taintsOf,
} from './testing';

const UNREACHABLE = [
  'node.kubernetes.io/unreachable:NoExecute',
  'node.kubernetes.io/unreachable:NoSchedule',
];
const NOT_READY = [
  'node.kubernetes.io/not-ready:NoExecute',
  'node.kubernetes.io/not-ready:NoSchedule',
];

/** ship-1 … ship-n registered at t=0; every Lease but those in `silent` renews forever. */
function fleet(n: number, silent: string[] = [], labels: Record<string, string> = {}): World {
  const world = testWorld();
  for (let i = 1; i <= n; i += 1) {
    const name = `ship-${i}`;
    registerShip(world, name, labels);
    if (!silent.includes(name)) keepRenewing(world, name);
  }
  return world;
}

function start(world: World): NodeLifecycleController {
  const controller = new NodeLifecycleController(world);
  controller.start();
  return controller;
}

describe('node lifecycle controller (the Operations office)', () => {
  it('registers each node and checks every 5 s once its caches are synced', () => {
    const world = fleet(2);
    const controller = start(world);
    expect(controller.state()).toBe('waitingForCaches');
    world.agenda.advance(100);
    expect(controller.state()).toEqual({ monitoring: { health: 'checking', tainting: 'idle' } });
    expect(eventsWith(world, 'RegisteredNode')).toEqual([
      'ship-1: Node ship-1 event: Registered Node ship-1 in Controller',
      'ship-2: Node ship-2 event: Registered Node ship-2 in Controller',
    ]);
    // Admission's not-ready:NoSchedule comes off once the node is seen Ready.
    expect(taintsOf(getNode(world, 'ship-1'))).toEqual([]);
  });

  it('marks a node Unknown at the first 5 s tick after 50 s without a Lease renewal, then taints it unreachable', () => {
    const world = fleet(3, ['ship-2']);
    start(world);
    // ship-2's kubelet renews twice, then goes silent (last renewal at t=20 s).
    world.agenda.after(10_000, () => renewLease(world, 'ship-2'));
    world.agenda.after(20_000, () => renewLease(world, 'ship-2'));
    // The watch brings the 20 s renewal at 20.005 s, so the 25.004 s pass records the heartbeat
    // (the controller's own clock, upstream's probeTimestamp). 50 s later, 75.004 s, is not yet
    // "after" the grace period: the pass at 80.004 s is the first that is.
    world.agenda.runUntil(80_003);
    expect(readyOf(getNode(world, 'ship-2'))).toBe('True');
    expect(taintsOf(getNode(world, 'ship-2'))).toEqual([]);
    world.agenda.runUntil(80_100);
    const node = getNode(world, 'ship-2');
    const ready = node.status.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure'])
      expect(node.status.conditions!.find((c) => c.type === type)!.status).toBe('Unknown');
    // NoSchedule at once (doNoScheduleTaintingPass on the node update)…
    expect(taintsOf(node)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(eventsWith(world, 'NodeNotReady')).toEqual([
      'ship-2: Node ship-2 status is now: NodeNotReady',
    ]);
    // …NoExecute through the rate-limited queue: the next pass sees the Unknown it wrote.
    world.agenda.runUntil(85_200);
    expect(taintsOf(getNode(world, 'ship-2'))).toEqual(UNREACHABLE);
    expect(getNode(world, 'ship-2').spec.taints!.every((t) => t.timeAdded)).toBe(true);
    expect(readyOf(getNode(world, 'ship-1'))).toBe('True');
    expect(
      world.trace.events().some((e) => e.type === 'node.unknown' && e.subject === 'node/ship-2'),
    ).toBe(true);
  });

  it('marks the pods of a lost node not ready, so they leave ready endpoints', () => {
    const world = fleet(2, ['ship-2']);
    runPod(world, 'db', 'ship-2', '10.244.2.5');
    runPod(world, 'web', 'ship-1', '10.244.1.5');
    start(world);
    // Silent from the start: the first pass (t=0.004 s) is the last heartbeat; Unknown at 55.004 s.
    world.agenda.runUntil(55_000);
    const ready = () =>
      getPod(world, 'db')!.status.conditions!.find((c) => c.type === 'Ready')!.status;
    expect(ready()).toBe('True');
    world.agenda.runUntil(55_100);
    expect(ready()).toBe('False');
    expect(getPod(world, 'web')!.status.conditions!.find((c) => c.type === 'Ready')!.status).toBe(
      'True',
    );
    expect(eventsWith(world, 'NodeNotReady')).toContain('db: Node is not ready');
  });

  it('turns Ready=False from the kubelet into not-ready taints', () => {
    const world = fleet(3);
    start(world);
    world.agenda.runUntil(12_000);
    postReady(world, 'ship-3', 'False');
    world.agenda.advance(50);
    expect(taintsOf(getNode(world, 'ship-3'))).toEqual(['node.kubernetes.io/not-ready:NoSchedule']);
    world.agenda.runUntil(20_200);
    expect(taintsOf(getNode(world, 'ship-3'))).toEqual(NOT_READY);
    // The kubelet recovers: the flags come down (NoSchedule at once, NoExecute at the next pass).
    postReady(world, 'ship-3', 'True');
    world.agenda.advance(50);
    expect(taintsOf(getNode(world, 'ship-3'))).toEqual(['node.kubernetes.io/not-ready:NoExecute']);
    world.agenda.runUntil(25_100);
    expect(taintsOf(getNode(world, 'ship-3'))).toEqual([]);
  });

  it('removes the not-ready:NoSchedule taint admission put on a new node once it reports Ready', () => {
    const world = fleet(1);
    start(world);
    world.agenda.advance(100);
    const base = testNode('ship-9');
    mustCreate<Node>(world, 'nodes', {
      ...base,
      status: {
        ...base.status,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'KubeletNotReady',
            lastHeartbeatTime: '2026-01-05T09:00:00Z',
            lastTransitionTime: '2026-01-05T09:00:00Z',
          },
        ],
      },
    });
    world.agenda.advance(100);
    expect(taintsOf(getNode(world, 'ship-9'))).toEqual(['node.kubernetes.io/not-ready:NoSchedule']);
    postReady(world, 'ship-9', 'True');
    world.agenda.advance(100);
    expect(taintsOf(getNode(world, 'ship-9'))).toEqual([]);
  });

  it('restores a node when its kubelet comes back: Ready again, flags down', () => {
    const world = fleet(3, ['ship-2']);
    start(world);
    world.agenda.runUntil(90_000);
    expect(taintsOf(getNode(world, 'ship-2'))).toEqual(UNREACHABLE);
    postReady(world, 'ship-2', 'True');
    renewLease(world, 'ship-2');
    keepRenewing(world, 'ship-2');
    world.agenda.advance(50);
    expect(readyOf(getNode(world, 'ship-2'))).toBe('True');
    world.agenda.advance(5_100);
    expect(taintsOf(getNode(world, 'ship-2'))).toEqual([]);
    world.agenda.advance(120_000);
    expect(readyOf(getNode(world, 'ship-2'))).toBe('True');
  });

  it('gives a node that never posted Ready the startup grace (60 s), then "Kubelet never posted node status."', () => {
    const world = fleet(1);
    mustCreate<Node>(world, 'nodes', {
      ...testNode('ship-new'),
      status: { capacity: { cpu: '4' } },
    });
    start(world);
    world.agenda.runUntil(60_000);
    expect(getNode(world, 'ship-new').status.conditions).toBeUndefined();
    world.agenda.runUntil(65_100);
    const ready = getNode(world, 'ship-new').status.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    });
  });

  it('taints one node per --node-eviction-rate interval (0.1/s) in a zone', () => {
    const world = fleet(5, ['ship-4', 'ship-5']);
    start(world);
    const tainted = new Map<string, number>();
    const watch = () => {
      for (const name of ['ship-4', 'ship-5'])
        if (
          !tainted.has(name) &&
          taintsOf(getNode(world, name)).includes('node.kubernetes.io/unreachable:NoExecute')
        )
          tainted.set(name, world.now());
      if (world.now() < 100_000) world.agenda.after(10, watch);
    };
    watch();
    world.agenda.runUntil(100_000);
    const [first, second] = [tainted.get('ship-4')!, tainted.get('ship-5')!].sort((a, b) => a - b);
    expect(second! - first!).toBeGreaterThanOrEqual(world.timings.nodeEvictionInterval);
    expect(second! - first!).toBeLessThan(world.timings.nodeEvictionInterval + 200);
  });

  it('taints nothing for eviction when every node is down (master disruption mode)', () => {
    const world = fleet(3, ['ship-1', 'ship-2', 'ship-3']);
    const controller = start(world);
    world.agenda.runUntil(600_000);
    for (const name of ['ship-1', 'ship-2', 'ship-3']) {
      expect(readyOf(getNode(world, name))).toBe('Unknown');
      expect(taintsOf(getNode(world, name))).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
    expect(controller.zones().get('')).toBe('FullDisruption');
    expect(
      world.trace
        .events()
        .some((e) => e.text.startsWith('Controller detected that all Nodes are not-Ready')),
    ).toBe(true);
    // One ship comes back: the others are tainted again, after a fresh grace period.
    postReady(world, 'ship-1', 'True');
    keepRenewing(world, 'ship-1');
    world.agenda.advance(10_000);
    expect(
      world.trace
        .events()
        .some((e) => e.text.startsWith('Controller detected that some Nodes are Ready')),
    ).toBe(true);
    world.agenda.advance(120_000);
    expect(taintsOf(getNode(world, 'ship-2'))).toEqual(UNREACHABLE);
    expect(taintsOf(getNode(world, 'ship-1'))).toEqual([]);
  });

  it('stops evicting in a small zone in PartialDisruption (≥ 55 % and more than 2 nodes down)', () => {
    const world = fleet(5, ['ship-1', 'ship-2', 'ship-3']);
    const controller = start(world);
    world.agenda.runUntil(300_000);
    expect(controller.zones().get('')).toBe('PartialDisruption');
    for (const name of ['ship-1', 'ship-2', 'ship-3'])
      expect(taintsOf(getNode(world, name))).not.toContain(
        'node.kubernetes.io/unreachable:NoExecute',
      );
  });

  it('keeps zones apart: nodes with zone labels are their own zone', () => {
    const world = testWorld();
    registerShip(world, 'a-1', { 'topology.kubernetes.io/zone': 'a' });
    registerShip(world, 'b-1', { 'topology.kubernetes.io/zone': 'b' });
    keepRenewing(world, 'b-1');
    const controller = start(world);
    world.agenda.runUntil(120_000);
    // Zone a is fully down but zone b is not: normal eviction rate for zone a.
    expect(controller.zones().get(':\x00:a')).toBe('FullDisruption');
    expect(taintsOf(getNode(world, 'a-1'))).toEqual(UNREACHABLE);
  });
});
