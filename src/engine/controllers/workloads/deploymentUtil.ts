import type { Condition } from '../../objects/meta';
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import { timeOf } from './podUtil';

// Annotations (pkg/controller/deployment/util/deployment_util.go).
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);
// maxRevHistoryLengthInChars (sync.go).
const MAX_REVISION_HISTORY_CHARS = 2000;
const MAX_INT32 = 2147483647;

// Condition reasons (deployment_util.go).
export const REASON = {
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  failedRSCreate: 'ReplicaSetCreateError',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
} as const;

/** A Deployment condition carries lastUpdateTime besides lastTransitionTime. */
export type DeploymentCondition = Condition & { lastUpdateTime?: string };

/** Deployment status as the controller writes it (collisionCount and lastUpdateTime included). */
export type DeploymentStatus = Omit<Deployment['status'], 'conditions'> & {
  collisionCount?: number;
  conditions?: DeploymentCondition[];
};

/** spec.replicas, defaulted to 1 as the API server does. */
export const replicasOf = (obj: { spec: { replicas?: number } }): number => obj.spec.replicas ?? 1;

/** Status of a Deployment with the extra fields typed. */
export const statusOf = (d: Deployment): DeploymentStatus => d.status as DeploymentStatus;

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer, or a percentage of `total` rounded up
 * (maxSurge) or down (maxUnavailable). An invalid value counts as 0.
 */
export function scaledValue(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^(-?\d+)%$/.exec(value);
  if (!match) return 0;
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export const isRollingUpdate = (d: Deployment): boolean =>
  (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and if both come out 0,
 * maxUnavailable becomes 1 so a rollout can always proceed.
 */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const desired = replicasOf(d);
  const rolling = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(rolling?.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(rolling?.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas; never more than replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicas);
}

export const hasProgressDeadline = (d: Deployment): boolean =>
  d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;

export const hasRevisionHistoryLimit = (d: Deployment): boolean =>
  d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

/** Sum of spec.replicas. */
export const specReplicas = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
/** Sum of status.replicas (GetActualReplicaCountForReplicaSets). */
export const actualReplicas = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status.replicas ?? 0), 0);
export const readyReplicas = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status.readyReplicas ?? 0), 0);
export const availableReplicas = (rss: readonly (ReplicaSet | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs?.status.availableReplicas ?? 0), 0);

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export const activeReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] =>
  rss.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);

/** ReplicaSetsByCreationTimestamp.Less: older first, then by name. */
export function olderFirst(a: ReplicaSet, b: ReplicaSet): number {
  const ta = timeOf(a.metadata.creationTimestamp) ?? 0;
  const tb = timeOf(b.metadata.creationTimestamp) ?? 0;
  if (ta === tb)
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return ta - tb;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) === replicasOf(b) ? olderFirst(a, b) : replicasOf(b) - replicasOf(a);

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) === replicasOf(b) ? olderFirst(b, a) : replicasOf(b) - replicasOf(a);

/** The revision annotation as a number (missing → 0, invalid → undefined). */
export function revisionOf(rs: {
  metadata: { annotations?: Record<string, string> };
}): number | undefined {
  const v = rs.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** ReplicaSetsByRevision: lower revision first; ties and errors by creation time. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return olderFirst(a, b);
  return ra - rb;
}

/** MaxRevision: the highest revision among the ReplicaSets. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const r = revisionOf(rs);
    if (r !== undefined && r > max) max = r;
  }
  return max;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas on a copy; `changed` if they moved. */
export function withReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): { annotations: Record<string, string>; changed: boolean } {
  const d = String(desired);
  const m = String(max);
  if (annotations[DESIRED_REPLICAS] === d && annotations[MAX_REPLICAS] === m)
    return { annotations, changed: false };
  return {
    annotations: { ...annotations, [DESIRED_REPLICAS]: d, [MAX_REPLICAS]: m },
    changed: true,
  };
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's own annotations (not kubectl's or the
 * controller's), raises the revision to `newRevision` if lower (keeping the old one in
 * revision-history, as a rollback does), and for a new ReplicaSet sets desired/max replicas.
 */
export function newReplicaSetAnnotations(
  d: Deployment,
  current: Record<string, string> | undefined,
  newRevision: number,
  exists: boolean,
): { annotations: Record<string, string>; changed: boolean } {
  const annotations = { ...current };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION];
  const hadRevision = oldRevision !== undefined;
  let oldNumber = 0;
  if (hadRevision) {
    if (!/^-?\d+$/.test(oldRevision)) return { annotations: current ?? {}, changed: false };
    oldNumber = Number(oldRevision);
  }
  if (oldNumber < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    if (hadRevision) {
      const history = annotations[REVISION_HISTORY];
      if (!history) annotations[REVISION_HISTORY] = oldRevision;
      else {
        let olds = history.split(',');
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < olds.length) {
          total -= olds[start]!.length + 1;
          start += 1;
        }
        if (total <= MAX_REVISION_HISTORY_CHARS) {
          olds = [...olds.slice(start), oldRevision];
          annotations[REVISION_HISTORY] = olds.join(',');
        }
      }
    }
  }
  if (!exists) {
    const replicas = withReplicasAnnotations(
      annotations,
      replicasOf(d),
      replicasOf(d) + maxSurge(d),
    );
    if (replicas.changed) return { annotations: replicas.annotations, changed: true };
  }
  return { annotations, changed };
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. RollingUpdate: up to
 * replicas + maxSurge pods in total (counting every ReplicaSet's spec), never more than replicas.
 * Recreate: all of them.
 */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return replicas;
  const current = specReplicas(allRSs);
  const maxTotal = replicas + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

/** The desired-replicas annotation as a number, if valid. */
export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** IsSaturated: the new ReplicaSet has all the replicas, knows it, and they are all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = replicasOf(d);
  return (
    replicasOf(rs) === replicas &&
    desired === replicas &&
    (rs.status.availableReplicas ?? 0) === replicas
  );
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest if none is active, else none. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sorted = [...oldRSs].sort((a, b) => olderFirst(b, a));
  const active = activeReplicaSets([...sorted, newRS]);
  if (active.length === 0) return newRS ?? sorted[0];
  if (active.length === 1) return active[0];
  return undefined;
}

function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const v = rs.metadata.annotations?.[MAX_REPLICAS];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** integer.RoundToInt32: halves away from zero. */
const roundToInt = (x: number): number => (x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5));

/**
 * GetReplicaSetProportion: this ReplicaSet's share of `toAdd` replicas when a Deployment is scaled
 * in the middle of a rollout (proportional scaling), bounded by what is left to add.
 */
export function replicaSetProportion(
  rs: ReplicaSet,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentMax = replicasOf(d) + maxSurge(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundToInt((replicasOf(rs) * deploymentMax) / before) - replicasOf(rs);
}

// ——— conditions ———

/** NewDeploymentCondition, stamped now (second resolution, as the API stores it). */
export function newCondition(
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(
  status: DeploymentStatus,
  type: string,
): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: a condition with the same status and reason is left as is; one whose
 * status did not change keeps its lastTransitionTime. `status` must be a private copy.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next =
    current && current.status === condition.status
      ? { ...condition, lastTransitionTime: current.lastTransitionTime! }
      : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}

/** DeploymentComplete: every replica updated, present and available, and the spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const old = statusOf(d);
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition's lastUpdateTime. */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status, 'Progressing');
  if (!condition) return false;
  if (condition.reason === REASON.newReplicaSetAvailable) return false;
  if (condition.reason === REASON.timedOut) return true;
  const from = timeOf(condition.lastUpdateTime);
  if (from === undefined) return false;
  return from + d.spec.progressDeadlineSeconds! * 1000 < now;
}

/** calculateStatus (sync.go): counts from the ReplicaSets and the Available condition. */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
): DeploymentStatus {
  const available = availableReplicas(allRSs);
  const unavailable = Math.max(0, specReplicas(allRSs) - available);
  const old = statusOf(d);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicas(allRSs),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    ...(old.collisionCount !== undefined ? { collisionCount: old.collisionCount } : {}),
    ...(old.conditions ? { conditions: [...old.conditions] } : {}),
  };
  if (available >= replicasOf(d) - maxUnavailable(d))
    setCondition(
      status,
      newCondition(
        'Available',
        'True',
        REASON.minimumReplicasAvailable,
        'Deployment has minimum availability.',
        now,
      ),
    );
  else
    setCondition(
      status,
      newCondition(
        'Available',
        'False',
        REASON.minimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  return status;
}

function sameCondition(a: DeploymentCondition, b: DeploymentCondition): boolean {
  return (
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastUpdateTime === b.lastUpdateTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}

/** reflect.DeepEqual of two statuses. */
export function sameStatus(a: DeploymentStatus, b: DeploymentStatus): boolean {
  if (
    (a.observedGeneration ?? 0) !== (b.observedGeneration ?? 0) ||
    (a.replicas ?? 0) !== (b.replicas ?? 0) ||
    (a.updatedReplicas ?? 0) !== (b.updatedReplicas ?? 0) ||
    (a.readyReplicas ?? 0) !== (b.readyReplicas ?? 0) ||
    (a.availableReplicas ?? 0) !== (b.availableReplicas ?? 0) ||
    (a.unavailableReplicas ?? 0) !== (b.unavailableReplicas ?? 0) ||
    a.collisionCount !== b.collisionCount
  )
    return false;
  const ca = a.conditions ?? [];
  const cb = b.conditions ?? [];
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i += 1) if (!sameCondition(ca[i]!, cb[i]!)) return false;
  return true;
}
