import { describe, expect, it } from 'vitest';
import type { SchedulingDecision } from '../../../engine';
import { decisionTable, evaluationSummary, parseUnschedulable } from './decisionTable';

const base = {
  seq: 1,
  at: 1000,
  pod: 'web-abc',
  namespace: 'default',
  uid: 'u1',
  nodesTotal: 4,
  nodesEvaluated: 3,
  feasibleFound: 2,
  numFeasibleNodesToFind: 100,
};

const bound: SchedulingDecision = {
  ...base,
  outcome: 'bound',
  node: 'ship-2',
  message: 'Successfully assigned default/web-abc to ship-2',
  nodes: [
    {
      name: 'control-plane',
      filter: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      failedPlugin: 'TaintToleration',
    },
    {
      name: 'ship-1',
      filter: 'passed',
      scores: { NodeResourcesFit: 60, NodeResourcesBalancedAllocation: 90 },
      total: 150,
    },
    {
      name: 'ship-2',
      filter: 'passed',
      scores: { NodeResourcesFit: 80, NodeResourcesBalancedAllocation: 95, ImageLocality: 10 },
      total: 185,
    },
  ],
};

describe('the cranes table', () => {
  it('lists feasible ships by total, then filtered ones, then those not evaluated', () => {
    const table = decisionTable(bound, ['control-plane', 'ship-1', 'ship-2', 'ship-3']);
    expect(table.plugins).toEqual([
      'NodeResourcesFit',
      'NodeResourcesBalancedAllocation',
      'ImageLocality',
    ]);
    expect(table.rows.map((r) => [r.ship, r.verdict, r.total, r.chosen])).toEqual([
      ['ship-2', 'feasible', 185, true],
      ['ship-1', 'feasible', 150, false],
      ['control-plane', 'filtered', undefined, false],
      ['ship-3', 'not evaluated', undefined, false],
    ]);
    expect(table.rows[1]!.scores).toEqual([60, 90, undefined]);
    expect(table.rows[2]).toMatchObject({
      reason: expect.stringContaining('untolerated taint'),
      plugin: 'TaintToleration',
    });
  });

  it('chooses nobody when the pod fits nowhere', () => {
    const table = decisionTable({
      ...bound,
      outcome: 'unschedulable',
      nodes: bound.nodes.slice(0, 1),
    });
    expect(table.rows.every((r) => !r.chosen)).toBe(true);
    expect(table.plugins).toEqual([]);
  });

  it('says how many ships were evaluated and why the search stopped', () => {
    expect(evaluationSummary(bound)).toBe('Evaluated 3 of 4 ships, found 2 feasible.');
    expect(
      evaluationSummary({
        ...bound,
        nodesTotal: 500,
        nodesEvaluated: 120,
        feasibleFound: 100,
        numFeasibleNodesToFind: 100,
      }),
    ).toBe(
      'Evaluated 120 of 500 ships, found 100 feasible; it stops looking after 100 feasible (numFeasibleNodesToFind, from percentageOfNodesToScore).',
    );
  });
});

describe('FailedScheduling messages', () => {
  it('splits the counts, keeping commas inside a reason', () => {
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(parseUnschedulable(message)).toEqual({
      available: 0,
      total: 4,
      reasons: [
        {
          count: 1,
          text: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
        },
        { count: 3, text: 'Insufficient cpu' },
        { count: 3, text: 'Insufficient memory' },
      ],
      preemption:
        '0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod',
    });
  });

  it('reads a message without preemption, and refuses other text', () => {
    expect(
      parseUnschedulable(
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
      ),
    ).toEqual({
      available: 0,
      total: 3,
      reasons: [{ count: 3, text: "node(s) didn't match Pod's node affinity/selector" }],
    });
    expect(parseUnschedulable('Successfully assigned default/web to ship-1')).toBeUndefined();
  });
});
