import type { SchedulerCache } from './cache';
import { DECISION_RING } from './constants';
import { FILTER_PLUGIN, F_PASS, type Framework } from './framework';
import { SCORE_PLUGINS, type Scorer } from './scoring';
import type { SchedulingDecision } from './types';

/**
 * The cranes' explanations: a ring of the last 200 decisions and the latest one per pod. With trace
 * detail on, each decision has a row per node looked at; without it (the 150,000-pod benchmark) a
 * decision is a summary with counts only, and only pods still in the ring are remembered.
 */
export class DecisionLog {
  private readonly ring: (SchedulingDecision | undefined)[] = new Array(DECISION_RING);
  private start = 0;
  private length = 0;
  private total = 0;
  private readonly latest = new Map<string, SchedulingDecision>();

  constructor(private readonly detail: boolean) {}

  /** Decisions since the start. */
  count(): number {
    return this.total;
  }

  /** The next decision's sequence number. */
  nextSeq(): number {
    return this.total + 1;
  }

  /** The ring, oldest first. */
  list(): SchedulingDecision[] {
    const out: SchedulingDecision[] = [];
    for (let i = 0; i < this.length; i += 1) out.push(this.ring[(this.start + i) % DECISION_RING]!);
    return out;
  }

  latestFor(uid: string): SchedulingDecision | undefined {
    return this.latest.get(uid);
  }

  /** The pod is gone: forget its explanation (with detail; without, the ring decides). */
  forget(uid: string): void {
    if (this.detail) this.latest.delete(uid);
  }

  add(decision: SchedulingDecision): SchedulingDecision {
    this.total += 1;
    if (this.length < DECISION_RING) {
      this.ring[(this.start + this.length) % DECISION_RING] = decision;
      this.length += 1;
    } else {
      const evicted = this.ring[this.start]!;
      if (!this.detail && this.latest.get(evicted.uid) === evicted) this.latest.delete(evicted.uid);
      this.ring[this.start] = decision;
      this.start = (this.start + 1) % DECISION_RING;
    }
    this.latest.set(decision.uid, decision);
    return decision;
  }
}

/**
 * Per-node rows of the framework's current cycle: filter verdicts in the order nodes were looked
 * at, and each plugin's weighted score for nodes that were scored.
 */
export function nodeRows(
  fw: Framework,
  scorer: Scorer,
  cache: SchedulerCache,
  scored: boolean,
): SchedulingDecision['nodes'] {
  const position = new Map<number, number>();
  if (scored) for (let k = 0; k < fw.feasibleCount; k += 1) position.set(fw.feasible[k]!, k);
  const rows: SchedulingDecision['nodes'] = [];
  for (let i = 0; i < fw.evaluatedCount; i += 1) {
    const slot = fw.evaluated[i]!;
    const name = cache.names[slot]!;
    const code = fw.status[slot]!;
    if (code !== F_PASS) {
      rows.push({ name, filter: fw.reasons(slot).join(', '), failedPlugin: FILTER_PLUGIN[code]! });
      continue;
    }
    const k = position.get(slot);
    if (k === undefined) {
      rows.push({ name, filter: 'passed' });
      continue;
    }
    const scores: Record<string, number> = {};
    for (const plugin of SCORE_PLUGINS) {
      if (plugin === 'NodeAffinity' && !scorer.scored.affinity) continue;
      if (plugin === 'PodTopologySpread' && !scorer.scored.spread) continue;
      if (plugin === 'NodeResourcesBalancedAllocation' && !scorer.scored.balanced) continue;
      scores[plugin] = scoreOf(scorer, plugin, k);
    }
    rows.push({ name, filter: 'passed', scores, total: scorer.total[k]! });
  }
  return rows;
}

function scoreOf(fw: Scorer, plugin: (typeof SCORE_PLUGINS)[number], k: number): number {
  switch (plugin) {
    case 'TaintToleration':
      return fw.scoreTaint[k]!;
    case 'NodeAffinity':
      return fw.scoreAffinity[k]!;
    case 'NodeResourcesFit':
      return fw.scoreFit[k]!;
    case 'PodTopologySpread':
      return fw.scoreSpread[k]!;
    case 'NodeResourcesBalancedAllocation':
      return fw.scoreBalanced[k]!;
    case 'ImageLocality':
      return fw.scoreImage[k]!;
  }
}
