import type { Condition, Taint, Toleration } from '../../objects/meta';

// Well-known taints (k8s.io/api/core/v1/well_known_taints.go) and the helpers of
// pkg/util/taints and k8s.io/api/core/v1/toleration.go that the Operations office uses.

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** `NotReadyTaintTemplate` / `UnreachableTaintTemplate` of node_lifecycle_controller.go. */
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };
export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };

/**
 * `nodeConditionToTaintKeyStatusMap`: which condition status raises which NoSchedule taint.
 * Ready=False → not-ready, Ready=Unknown → unreachable; pressure conditions when True.
 */
export const CONDITION_TAINTS: Readonly<
  Record<string, Partial<Record<Condition['status'], string>>>
> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

/** The taint keys the node controller owns as NoSchedule (`taintKeyToNodeConditionMap`). */
export const CONDITION_TAINT_KEYS: ReadonlySet<string> = new Set(
  Object.values(CONDITION_TAINTS).flatMap((byStatus) => Object.values(byStatus)),
);

/** `Taint.MatchTaint`: same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** `taintutils.TaintExists`. */
export function taintExists(taints: readonly Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint));
}

/**
 * The node's taints after adding `add` (stamped with `timeAdded`) and removing `remove`, as
 * controller.AddOrUpdateTaintOnNode then RemoveTaintOffNode leave them. A taint already there
 * is kept as it is, so repeated passes do not churn the object.
 */
export function swapTaints(
  taints: readonly Taint[] | undefined,
  add: readonly Taint[],
  remove: readonly Taint[],
  timeAdded: string,
): Taint[] {
  const out = (taints ?? []).filter((t) => !remove.some((r) => matchTaint(t, r)));
  for (const taint of add) {
    if (!out.some((t) => matchTaint(t, taint))) out.push({ ...taint, timeAdded });
  }
  return out;
}

/** `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * `v1helper.GetMatchingTolerations`: whether every taint is tolerated, and the tolerations used
 * (the first matching one per taint).
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const found = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!found) return { allTolerated: false, used: [] };
    used.push(found);
  }
  return { allTolerated: true, used };
}

/**
 * `getMinTolerationTime` (taint_eviction.go): the shortest tolerationSeconds in ms, 0 when one
 * is ≤ 0 (or none were used), -1 when every used toleration lasts forever.
 */
export function minTolerationTime(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** `taint.ToString()` as kubectl prints it: `key=value:Effect` or `key:Effect`. */
export function taintText(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
