import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { transitionCoverage } from '../../sim/modelCoverage';
import { testWorld } from '../../sim/testing';
import { nodeLifecycleMachine, type NodeLifecycleOps } from './nodeLifecycle.machine';
import { taintEvictionMachine } from './taintEviction.machine';
import { nodeIpamMachine } from './nodeIpam.machine';

const lifecycleEvents = [{ type: 'START' }, { type: 'STOP' }, { type: 'CACHES_SYNCED' }];

function ops(untilPass: number | undefined): NodeLifecycleOps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    monitorNodeHealth: () => calls.push('monitor'),
    noExecuteTaintingPass: () => calls.push('taint'),
    untilTaintingPass: () => untilPass,
  };
}

describe('Operations office machines (model-based)', () => {
  it('node lifecycle: takes every transition it defines', () => {
    const covered = new Set<string>();
    let defined: string[] = [];
    for (const until of [100, undefined]) {
      const result = transitionCoverage(nodeLifecycleMachine, {
        input: { monitorPeriod: 5_000, ops: ops(until) },
        events: [...lifecycleEvents, { type: 'TAINT_QUEUED' }],
      });
      result.covered.forEach((t) => covered.add(t));
      defined = [...result.covered, ...result.missing];
    }
    expect(defined.filter((t) => !covered.has(t))).toEqual([]);
    expect(covered.size).toBeGreaterThanOrEqual(7);
  });

  it('taint eviction and node IPAM lifecycles: every transition', () => {
    for (const [machine, input] of [
      [taintEvictionMachine, { ops: { processAllNodes: () => undefined } }],
      [nodeIpamMachine, { ops: { allocateAll: () => undefined } }],
    ] as const) {
      const result = transitionCoverage(machine, { input, events: lifecycleEvents });
      expect(result.missing).toEqual([]);
      expect(result.covered.length).toBe(3);
    }
  });

  it('node lifecycle: a monitor pass at once, then one every nodeMonitorPeriod; the tainting pass only while nodes wait', () => {
    const world = testWorld();
    const fake = ops(100);
    const actor = createActor(nodeLifecycleMachine, {
      clock: world.clock,
      input: { monitorPeriod: 5_000, ops: fake },
    });
    actor.start();
    actor.send({ type: 'START' });
    actor.send({ type: 'CACHES_SYNCED' });
    expect(fake.calls).toEqual(['monitor']);
    world.agenda.advance(4_999);
    expect(fake.calls).toEqual(['monitor']);
    world.agenda.advance(1);
    expect(fake.calls).toEqual(['monitor', 'monitor']);
    actor.send({ type: 'TAINT_QUEUED' });
    world.agenda.advance(100);
    expect(fake.calls).toEqual(['monitor', 'monitor', 'taint']);
    actor.send({ type: 'STOP' });
    world.agenda.advance(60_000);
    expect(fake.calls.length).toBe(3);
  });
});
