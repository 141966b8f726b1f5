import { describe, expect, it } from 'vitest';
import { testPod } from '../sim/testing';
import type { Pod } from '../objects/workloads';
import { numFeasibleNodesToFind } from './framework';
import { podPlan } from './podplan';
import { PLUGIN_BIT, SchedulingQueue } from './queue';

function queue(popFromBackoffQ = true) {
  return new SchedulingQueue({
    initialBackoff: 1_000,
    maxBackoff: 10_000,
    unschedulableTimeout: 300_000,
    popFromBackoffQ,
  });
}

let uid = 0;
function pod(name: string, priority = 0): Pod {
  const p = testPod(name, { priority });
  uid += 1;
  return { ...p, metadata: { ...p.metadata, uid: `uid-${uid}`, namespace: 'default' } };
}

describe('numFeasibleNodesToFind (percentageOfNodesToScore unset)', () => {
  it('checks every node below 100 nodes', () => {
    expect(numFeasibleNodesToFind(0)).toBe(0);
    expect(numFeasibleNodesToFind(4)).toBe(4);
    expect(numFeasibleNodesToFind(99)).toBe(99);
  });

  it('uses 50 − n/125 percent with a floor of 5 %, never fewer than 100 nodes', () => {
    expect(numFeasibleNodesToFind(100)).toBe(100); // 50 % of 100 = 50 → at least 100
    expect(numFeasibleNodesToFind(150)).toBe(100); // 49 % = 73 → 100
    expect(numFeasibleNodesToFind(250)).toBe(120); // 48 % = 120
    expect(numFeasibleNodesToFind(1_000)).toBe(420); // 42 %
    expect(numFeasibleNodesToFind(5_000)).toBe(500); // 10 %
    expect(numFeasibleNodesToFind(6_000)).toBe(300); // 50 − 48 = 2 % → floor 5 %
    expect(numFeasibleNodesToFind(15_000)).toBe(750); // 5 %
  });
});

describe('SchedulingQueue', () => {
  it('pops by priority, then by queue time (PrioritySort)', () => {
    const q = queue();
    const a = pod('a', 0);
    const b = pod('b', 100);
    const c = pod('c', 0);
    q.add(a, podPlan(a), 10);
    q.add(b, podPlan(b), 20);
    q.add(c, podPlan(c), 5);
    expect([
      q.pop()!.pod.metadata.name,
      q.pop()!.pod.metadata.name,
      q.pop()!.pod.metadata.name,
    ]).toEqual(['b', 'c', 'a']);
  });

  it('backs off 1 s doubling to 10 s (calculateBackoffDuration)', () => {
    const q = queue();
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => q.backoffDuration(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('flushes a failed pod from the error back-off queue on the first 1 s window after its back-off', () => {
    const q = queue();
    const p = pod('p');
    q.add(p, podPlan(p), 0);
    const queued = q.pop()!;
    q.requeueAfterFailure(queued, 0, 4_007); // failed with an error at 4.007 s, attempt 1
    expect(q.counts()).toEqual({ active: 0, backoff: 1, unschedulable: 0 });
    // Back-off ends at 5.007 s, aligned down to the 5 s window: still backing off during it.
    expect(q.flushBackoffCompleted(5_000)).toBe(0);
    expect(q.flushBackoffCompleted(5_999)).toBe(0);
    expect(q.flushBackoffCompleted(6_000)).toBe(1);
    expect(q.pop()!.attempts).toBe(2);
  });

  it('keeps a rejected pod in the unschedulable pool until a hint moves it, or 5 minutes pass', () => {
    const q = queue();
    const p = pod('p');
    q.add(p, podPlan(p), 0);
    const queued = q.pop()!;
    q.requeueAfterFailure(queued, PLUGIN_BIT.NodeResourcesFit, 1_000);
    expect(q.counts().unschedulable).toBe(1);
    expect(q.moveOnEvent(() => false, 2_000)).toBe(0);
    // podMaxInUnschedulablePodsDuration: strictly longer than 5 minutes.
    expect(q.flushUnschedulableLeftover(301_000)).toBe(0);
    expect(q.flushUnschedulableLeftover(301_001)).toBe(1);
    expect(q.counts().active).toBe(1);
  });

  it('moves a pod still backing off to the back-off queue, which an idle scheduler may pop early', () => {
    const q = queue(true);
    const p = pod('p');
    q.add(p, podPlan(p), 0);
    const queued = q.pop()!;
    q.requeueAfterFailure(queued, PLUGIN_BIT.TaintToleration, 1_000);
    expect(q.moveOnEvent(() => true, 1_200)).toBe(1);
    expect(q.counts()).toEqual({ active: 0, backoff: 1, unschedulable: 0 });
    // SchedulerPopFromBackoffQ (on since v1.33): activeQ is empty, so the pod is popped now.
    expect(q.hasWork()).toBe(true);
    expect(q.pop()?.uid).toBe(queued.uid);

    const strict = queue(false);
    const r = pod('r');
    strict.add(r, podPlan(r), 0);
    const rq = strict.pop()!;
    strict.requeueAfterFailure(rq, PLUGIN_BIT.TaintToleration, 1_000);
    strict.moveOnEvent(() => true, 1_200);
    expect(strict.hasWork()).toBe(false);
    expect(strict.flushBackoffCompleted(2_000)).toBe(0);
    expect(strict.flushBackoffCompleted(3_000)).toBe(1);
  });
});
