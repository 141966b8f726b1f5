import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/cluster';
import type { Taint } from '../../objects/meta';
import { testWorld } from '../../sim/testing';
import type { World } from '../../sim/world';
import { TaintEvictionController } from './taintEvictionController';
import { eventsWith, getPod, registerShip, runPod } from './testing';

function setTaints(world: World, node: string, taints: Taint[]): void {
  const result = world.api.request(
    {
      verb: 'patch',
      resource: 'nodes',
      name: node,
      mutate: (n) => ({ ...(n as Node), spec: { ...(n as Node).spec, taints } }) as Node,
    },
    'kcm/node-lifecycle',
  );
  if (!result.ok) throw new Error(result.error.message);
}

const UNREACHABLE: Taint = {
  key: 'node.kubernetes.io/unreachable',
  effect: 'NoExecute',
  timeAdded: '2026-01-05T09:01:00Z',
};

function setup() {
  const world = testWorld();
  registerShip(world, 'ship-1');
  registerShip(world, 'ship-2');
  runPod(world, 'web', 'ship-1', '10.244.1.5');
  runPod(world, 'forever', 'ship-1', '10.244.1.6', {
    spec: {
      tolerations: [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      ],
    },
  });
  runPod(world, 'elsewhere', 'ship-2', '10.244.2.5');
  const controller = new TaintEvictionController(world);
  controller.start();
  world.agenda.advance(100);
  return { world, controller };
}

const terminating = (world: World, name: string) =>
  getPod(world, name)?.metadata.deletionTimestamp !== undefined;

describe('taint eviction controller (the taint manager)', () => {
  it('evicts a pod exactly when its tolerationSeconds (300 s) run out', () => {
    const { world, controller } = setup();
    world.agenda.runUntil(60_000);
    setTaints(world, 'ship-1', [UNREACHABLE]);
    world.agenda.advance(20);
    // The watch delivered the taint at 60.005 s: eviction at 360.005 s.
    const seen = 60_005;
    expect(controller.scheduled().get('default/web')).toBe(seen + 300_000);
    // Tolerating forever: never scheduled; other ships: untouched.
    expect(controller.scheduled().has('default/forever')).toBe(false);
    expect(controller.scheduled().has('default/elsewhere')).toBe(false);
    world.agenda.runUntil(seen + 300_000 - 1);
    expect(terminating(world, 'web')).toBe(false);
    world.agenda.runUntil(seen + 300_000 + 50);
    const pod = getPod(world, 'web')!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.status.conditions!.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(eventsWith(world, 'TaintManagerEviction')).toEqual([
      'web: Marking for deletion Pod default/web',
    ]);
    expect(terminating(world, 'forever')).toBe(false);
    expect(terminating(world, 'elsewhere')).toBe(false);
    // Deleted once: later node updates do not delete it again.
    setTaints(world, 'ship-1', [
      UNREACHABLE,
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
    world.agenda.advance(400_000);
    expect(eventsWith(world, 'TaintManagerEviction')).toEqual([
      'web: Marking for deletion Pod default/web',
    ]);
  });

  it('evicts at once a pod that does not tolerate the taint', () => {
    const { world } = setup();
    setTaints(world, 'ship-1', [{ key: 'example.com/quarantine', effect: 'NoExecute' }]);
    world.agenda.advance(50);
    expect(terminating(world, 'web')).toBe(true);
    expect(terminating(world, 'forever')).toBe(true);
    expect(terminating(world, 'elsewhere')).toBe(false);
  });

  it('cancels the countdown when the taint comes off before it runs out', () => {
    const { world, controller } = setup();
    setTaints(world, 'ship-1', [UNREACHABLE]);
    world.agenda.advance(200_000);
    setTaints(world, 'ship-1', []);
    world.agenda.advance(20);
    expect(controller.scheduled().size).toBe(0);
    expect(eventsWith(world, 'TaintManagerEviction')).toEqual([
      'web: Cancelling deletion of Pod default/web',
    ]);
    world.agenda.advance(400_000);
    expect(terminating(world, 'web')).toBe(false);
  });

  it('keeps the original countdown when the taints change but the pod still tolerates them', () => {
    const { world, controller } = setup();
    setTaints(world, 'ship-1', [UNREACHABLE]);
    world.agenda.advance(100_000);
    const first = controller.scheduled().get('default/web');
    // unreachable → not-ready (the node controller swaps them): still tolerated for 300 s.
    setTaints(world, 'ship-1', [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]);
    world.agenda.advance(20);
    expect(controller.scheduled().get('default/web')).toBe(first);
  });

  it('schedules a pod newly bound to a tainted node', () => {
    const { world, controller } = setup();
    setTaints(world, 'ship-2', [UNREACHABLE]);
    world.agenda.advance(20);
    runPod(world, 'late', 'ship-2', '10.244.2.9');
    world.agenda.advance(20);
    expect(controller.scheduled().has('default/late')).toBe(true);
  });
});
