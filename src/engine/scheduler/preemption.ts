import type { Rng } from '../time/rng';
import type { CachedPod, SchedulerCache } from './cache';
import { MIN_CANDIDATE_NODES_ABSOLUTE, MIN_CANDIDATE_NODES_PERCENTAGE, REASON } from './constants';
import { F_PASS, reasonsOf, type Framework } from './framework';
import { countReasons, fitErrorMessage } from './messages';
import type { PodPlan } from './podplan';

/** What DefaultPreemption's PostFilter decided. */
export type PreemptionResult =
  /** Not eligible: the status is Unschedulable, the nomination is left as it is. */
  | { readonly kind: 'ineligible'; readonly message: string }
  /** No node where evicting lower-priority pods helps: the nomination is cleared. */
  | { readonly kind: 'none'; readonly message: string }
  /** Evict `victims` on `node`; the pod is nominated there and retried when they are gone. */
  | { readonly kind: 'nominated'; readonly node: string; readonly victims: readonly CachedPod[] };

type Candidate = { slot: number; victims: CachedPod[] };

const NOT_STARTED = '\uffff';

/** GetPodStartTime as a comparable string: a pod that has not started counts as starting now. */
function startTime(p: CachedPod): string {
  return p.pod.status?.startTime ?? NOT_STARTED;
}

/** MoreImportantPod: higher priority, then the one that started earlier. */
function moreImportant(a: CachedPod, b: CachedPod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const sa = startTime(a);
  const sb = startTime(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** podTerminatingByPreemption: being deleted with DisruptionTarget/PreemptionByScheduler. */
function terminatingByPreemption(p: CachedPod): boolean {
  if (p.pod.metadata.deletionTimestamp === undefined) return false;
  for (const c of p.pod.status?.conditions ?? [])
    if (c.type === 'DisruptionTarget')
      return c.status === 'True' && c.reason === 'PreemptionByScheduler';
  return false;
}

/**
 * DefaultPreemption's PostFilter (k/k pkg/scheduler/framework/preemption/preemption.go and
 * plugins/defaultpreemption/default_preemption.go), run after a cycle found no feasible node.
 * Uses the failing cycle's filter results still held by `framework`.
 */
export function preempt(
  framework: Framework,
  cache: SchedulerCache,
  rng: Rng,
  plan: PodPlan,
  nominatedNode: string | undefined,
): PreemptionResult {
  // 1) PodEligibleToPreemptOthers.
  if (plan.preemptNever) return { kind: 'ineligible', message: REASON.preemptNever };
  if (nominatedNode !== undefined) {
    const slot = cache.slotOf(nominatedNode);
    const nominatedUnresolvable =
      slot === undefined || !framework.evaluatedNow(slot) || framework.unresolvable(slot);
    if (!nominatedUnresolvable && slot !== undefined && cache.nodes[slot] !== undefined) {
      for (const p of cache.pods[slot]!.values()) {
        if (p.priority < plan.priority && terminatingByPreemption(p))
          return { kind: 'ineligible', message: REASON.terminatingOnNominated };
      }
    }
  }

  // 2) findCandidates: nodes that failed with a resolvable status, in the snapshot's order.
  const { slots: order, length: numAllNodes } = cache.order();
  const potential: number[] = [];
  for (let i = 0; i < numAllNodes; i += 1) {
    const slot = order[i]!;
    if (
      framework.evaluatedNow(slot) &&
      !framework.unresolvable(slot) &&
      framework.status[slot] !== F_PASS
    )
      potential.push(slot);
  }
  const statuses = new Map<number, string[]>();
  const candidates: Candidate[] = [];
  if (potential.length > 0) {
    // GetOffsetAndNumCandidates: a random offset, and at least 10 % / 100 of the potential nodes.
    const offset = rng.int(potential.length);
    let numCandidates = Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
    if (numCandidates < MIN_CANDIDATE_NODES_ABSOLUTE) numCandidates = MIN_CANDIDATE_NODES_ABSOLUTE;
    if (numCandidates > potential.length) numCandidates = potential.length;
    for (let i = 0; i < potential.length; i += 1) {
      const slot = potential[(offset + i) % potential.length]!;
      const outcome = selectVictimsOnNode(framework, cache, plan, slot);
      if (Array.isArray(outcome)) {
        candidates.push({ slot, victims: outcome });
        // No PodDisruptionBudgets here, so every candidate is a non-violating one.
        if (candidates.length >= numCandidates) break;
      } else statuses.set(slot, outcome.reasons);
    }
  }

  if (candidates.length === 0) {
    // A FitError over all nodes; those not dry-run are "not helpful".
    const histogram = new Map<string, number>();
    for (const reasons of statuses.values()) countReasons(histogram, reasons);
    const absent = numAllNodes - statuses.size;
    if (absent > 0) countReasons(histogram, [REASON.notHelpful], absent);
    return { kind: 'none', message: fitErrorMessage(numAllNodes, histogram) };
  }

  // 4) SelectCandidate / pickOneNodeForPreemption.
  const best = pickOne(candidates);
  return { kind: 'nominated', node: cache.names[best.slot]!, victims: best.victims };
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, add them back from
 * the most important down, keeping as victims only those that make it not fit.
 */
function selectVictimsOnNode(
  framework: Framework,
  cache: SchedulerCache,
  plan: PodPlan,
  slot: number,
): CachedPod[] | { reasons: string[] } {
  const potential: CachedPod[] = [];
  for (const p of cache.pods[slot]!.values()) if (p.priority < plan.priority) potential.push(p);
  if (potential.length === 0) return { reasons: [REASON.noVictims] };
  const removed = potential.slice();
  const code = framework.filterWhatIf(plan, slot, removed);
  if (code !== F_PASS)
    return { reasons: reasonsOf(cache, code, framework.lastMask, framework.lastTaint, slot) };
  potential.sort(moreImportant);
  const victims: CachedPod[] = [];
  for (const p of potential) {
    removed.splice(removed.indexOf(p), 1);
    if (framework.filterWhatIf(plan, slot, removed) !== F_PASS) {
      removed.push(p);
      victims.push(p);
    }
  }
  return victims;
}

/** pickOneNodeForPreemption's criteria, in order; the first node wins the last tie. */
function pickOne(candidates: Candidate[]): Candidate {
  const criteria: ((c: Candidate) => number | string)[] = [
    // (1) fewest PodDisruptionBudget violations: always 0 here.
    // (2) the lowest highest-priority victim.
    (c) => -c.victims[0]!.priority,
    // (3) the smallest sum of priorities (shifted so negative priorities count as small).
    (c) => -c.victims.reduce((sum, p) => sum + p.priority + 2 ** 31, 0),
    // (4) the fewest victims.
    (c) => -c.victims.length,
    // (5) the latest start time among the highest-priority victims.
    (c) => {
      const top = c.victims[0]!.priority;
      let earliest = NOT_STARTED;
      for (const p of c.victims)
        if (p.priority === top && startTime(p) < earliest) earliest = startTime(p);
      return earliest;
    },
  ];
  let pool = candidates;
  for (const score of criteria) {
    let best: number | string | undefined;
    let selected: Candidate[] = [];
    for (const c of pool) {
      const s = score(c);
      if (best === undefined || s > best) {
        best = s;
        selected = [c];
      } else if (s === best) selected.push(c);
    }
    if (selected.length === 1) return selected[0]!;
    pool = selected;
  }
  return pool[0]!;
}
