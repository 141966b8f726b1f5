import type { SchedulingDecision } from '../../../engine';

/** One ship's line in the cranes' table for a decision. */
export type CraneRow = {
  readonly ship: string;
  /** Passed every filter, was filtered out (with the reason), or was not looked at. */
  readonly verdict: 'feasible' | 'filtered' | 'not evaluated';
  readonly reason?: string;
  readonly plugin?: string;
  /** One per plugin column (undefined: the plugin gave no score to this ship). */
  readonly scores: readonly (number | undefined)[];
  readonly total?: number;
  readonly chosen: boolean;
};

export type CraneTable = {
  /** Score plugins, in the order the decision lists them. */
  readonly plugins: readonly string[];
  readonly rows: readonly CraneRow[];
};

/**
 * Turns a decision into the per-ship table: feasible ships first, best total first (ties by
 * name), then the ships a filter turned away, then ships of the fleet the cranes did not look at
 * (`percentageOfNodesToScore` lets the scheduler stop once it has found enough feasible ones).
 */
export function decisionTable(
  decision: SchedulingDecision,
  fleet: readonly string[] = [],
): CraneTable {
  const plugins: string[] = [];
  for (const node of decision.nodes) {
    for (const plugin of Object.keys(node.scores ?? {}))
      if (!plugins.includes(plugin)) plugins.push(plugin);
  }
  const rows: CraneRow[] = decision.nodes.map((node) => {
    const passed = node.filter === 'passed';
    return {
      ship: node.name,
      verdict: passed ? 'feasible' : 'filtered',
      ...(passed ? {} : { reason: node.filter }),
      ...(node.failedPlugin ? { plugin: node.failedPlugin } : {}),
      scores: plugins.map((p) => node.scores?.[p]),
      ...(node.total !== undefined ? { total: node.total } : {}),
      chosen: decision.node === node.name && decision.outcome !== 'unschedulable',
    };
  });
  const seen = new Set(rows.map((r) => r.ship));
  for (const ship of fleet) {
    if (!seen.has(ship))
      rows.push({
        ship,
        verdict: 'not evaluated',
        scores: plugins.map(() => undefined),
        chosen: false,
      });
  }
  const rank = { feasible: 0, filtered: 1, 'not evaluated': 2 } as const;
  rows.sort(
    (a, b) =>
      rank[a.verdict] - rank[b.verdict] ||
      (b.total ?? -Infinity) - (a.total ?? -Infinity) ||
      (a.ship < b.ship ? -1 : a.ship > b.ship ? 1 : 0),
  );
  return { plugins, rows };
}

/** How many ships the cranes looked at, in words. */
export function evaluationSummary(decision: SchedulingDecision): string {
  const found = `${decision.feasibleFound} feasible`;
  const limit =
    decision.numFeasibleNodesToFind < decision.nodesTotal
      ? `; it stops looking after ${decision.numFeasibleNodesToFind} feasible (numFeasibleNodesToFind, from percentageOfNodesToScore)`
      : '';
  return `Evaluated ${decision.nodesEvaluated} of ${decision.nodesTotal} ship${decision.nodesTotal === 1 ? '' : 's'}, found ${found}${limit}.`;
}

/** A FailedScheduling message split into its counts: "2 Insufficient cpu" → {count: 2, …}. */
export type Unschedulable = {
  readonly available: number;
  readonly total: number;
  readonly reasons: readonly { readonly count: number; readonly text: string }[];
  /** The preemption part, when the message has one. */
  readonly preemption?: string;
};

/**
 * Parses kube-scheduler's FailedScheduling message ("0/3 nodes are available: 1 node(s) had
 * untolerated taint {…}, 2 Insufficient cpu. preemption: …"), or undefined for anything else.
 */
export function parseUnschedulable(message: string): Unschedulable | undefined {
  const match = /^(\d+)\/(\d+) nodes are available: (.*?)\.(?: preemption: (.*))?$/s.exec(
    message.trim(),
  );
  if (!match) return undefined;
  const reasons = match[3]!
    .split(/, (?=\d+ )/)
    .map((part) => /^(\d+) (.*)$/s.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ count: Number(m[1]), text: m[2]! }));
  return {
    available: Number(match[1]),
    total: Number(match[2]),
    reasons,
    ...(match[4] ? { preemption: match[4].replace(/\.$/, '') } : {}),
  };
}
