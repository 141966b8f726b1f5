import type { Pod } from '../../objects/workloads';
import {
  deletionCost,
  isPodActive,
  isPodReady,
  maxContainerRestarts,
  podReadyTime,
  timeOf,
} from './podUtil';

/** One pod with what ActivePodsWithRanks.Less looks at, computed once before sorting. */
type Ranked = {
  pod: Pod;
  node: string;
  /** Active related pods on the same node (getPodsRankedByRelatedPodsOnSameNode). */
  rank: number;
  assigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime: number | undefined;
  restarts: number;
  created: number | undefined;
  uid: string;
};

// podPhaseToOrdinal: Pending < Unknown < Running (terminal phases are not active, so never ranked).
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * logarithmicRankDiff: compares how long ago two times were, in whole powers of two of
 * nanoseconds (Go's `int64(math.Log2(float64(d)))`), so pods of about the same age tie and fall
 * through to the UID.
 */
export function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  return log2Bucket(now - t1) - log2Bucket(now - t2);
}

function log2Bucket(ms: number): number {
  const ns = ms * 1e6;
  if (ns <= 0) return -1;
  // Exact floor(log2) of an integer: Math.log2 may be off by one next to a power of two.
  let r = Math.floor(Math.log2(ns));
  while (r > 0 && 2 ** r > ns) r -= 1;
  while (2 ** (r + 1) <= ns) r += 1;
  return r;
}

/** afterOrZero: a zero (missing) time counts as after a real one. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * controller.ActivePodsWithRanks.Less (pkg/controller/controller_utils.go): true when `a` should
 * be deleted before `b`. In order: unscheduled < scheduled; Pending < Unknown < Running; not
 * ready < ready; lower pod-deletion-cost; more related pods on the same node; ready for less time
 * (log₂ buckets, then UID); more container restarts; newer (log₂ buckets, then UID). With the
 * LogarithmicScaleDown and PodDeletionCost features on (their defaults).
 */
function less(a: Ranked, b: Ranked, now: number): boolean {
  // 1. Unassigned < assigned.
  if (a.node !== b.node && (!a.assigned || !b.assigned)) return !a.assigned;
  // 2. PodPending < PodUnknown < PodRunning.
  if (a.phase !== b.phase) return a.phase < b.phase;
  // 3. Not ready < ready.
  if (a.ready !== b.ready) return !a.ready;
  // 4. Lower pod-deletion-cost < higher pod-deletion-cost.
  if (a.cost !== b.cost) return a.cost < b.cost;
  // 5. Doubled up < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Been ready for empty time < less time < more time.
  if (a.ready && b.ready && a.readyTime !== b.readyTime) {
    if (a.readyTime === undefined || b.readyTime === undefined)
      return afterOrZero(a.readyTime, b.readyTime);
    const diff = logarithmicRankDiff(a.readyTime, b.readyTime, now);
    if (diff === 0) return a.uid < b.uid;
    return diff < 0;
  }
  // 7. Pods with containers with higher restart counts < lower restart counts.
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  // 8. Empty creation time pods < newer pods < older pods.
  if (a.created !== b.created) {
    if (a.created === undefined || b.created === undefined)
      return afterOrZero(a.created, b.created);
    const diff = logarithmicRankDiff(a.created, b.created, now);
    if (diff === 0) return a.uid < b.uid;
    return diff < 0;
  }
  return false;
}

/**
 * getPodsToDelete (pkg/controller/replicaset/replica_set.go): the `diff` pods to delete first.
 * `related` are the active pods of every ReplicaSet of the same owner (rank = how many of them
 * share the pod's node). Pods that tie on every rule keep their input order (upstream: Go map
 * order, effectively random).
 */
export function podsToDelete(
  filtered: readonly Pod[],
  related: Iterable<Pod>,
  diff: number,
  now: number,
): Pod[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked: Ranked[] = filtered.map((pod) => {
    const ready = isPodReady(pod);
    return {
      pod,
      node: pod.spec.nodeName ?? '',
      rank: onNode.get(pod.spec.nodeName ?? '') ?? 0,
      assigned: !!pod.spec.nodeName,
      phase: PHASE_ORDINAL[pod.status.phase] ?? 0,
      ready,
      cost: deletionCost(pod),
      readyTime: ready ? podReadyTime(pod) : undefined,
      restarts: maxContainerRestarts(pod),
      created: timeOf(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid,
    };
  });
  ranked.sort((a, b) => (less(a, b, now) ? -1 : less(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
