// The RollingUpdate strategy (pkg/controller/deployment/rolling.go).
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import {
  activeReplicaSets,
  availableReplicas,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  olderFirst,
  replicasOf,
  specReplicas,
} from './deploymentUtil';
import { type Flow } from './flow';
import { work, type Ctx } from './deploymentContext';
import {
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
  cleanupDeployment,
} from './deploymentReplicaSets';
import { syncRolloutStatus } from './deploymentProgress';

/** rolloutRolling: scale the new ReplicaSet up if it may, else the old ones down, then the status. */
export function* rolloutRolling(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
): Flow<void> {
  const { newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (yield* reconcileNewReplicaSet(ctx, allRSs, newRS!, d)) {
    yield* syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (yield* reconcileOldReplicaSets(ctx, allRSs, activeReplicaSets(oldRSs), newRS!, d)) {
    yield* syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (deploymentComplete(d, work(d))) yield* cleanupDeployment(ctx, oldRSs, d);
  yield* syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: grow the new ReplicaSet within maxSurge (or shrink it to replicas). */
function* reconcileNewReplicaSet(
  ctx: Ctx,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
  d: Deployment,
): Flow<boolean> {
  const replicas = replicasOf(d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas)
    return (yield* scaleReplicaSetAndRecordEvent(ctx, newRS, replicas, d)).scaled;
  const count = newRSNewReplicas(
    d,
    allRSs.filter((rs): rs is ReplicaSet => !!rs),
    newRS,
  );
  return (yield* scaleReplicaSetAndRecordEvent(ctx, newRS, count, d)).scaled;
}

/**
 * reconcileOldReplicaSets: scale old ReplicaSets down as far as maxUnavailable allows:
 * maxScaledDown = all pods − (replicas − maxUnavailable) − unavailable pods of the new ReplicaSet.
 * Unhealthy old replicas go first (they cost no availability).
 */
function* reconcileOldReplicaSets(
  ctx: Ctx,
  allRSs: readonly (ReplicaSet | undefined)[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Flow<boolean> {
  if (specReplicas(oldRSs) === 0) return false;
  const allPods = specReplicas(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = yield* cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  const scaledDown = yield* scaleDownOldReplicaSetsForRollingUpdate(
    ctx,
    [...cleaned.oldRSs, newRS],
    cleaned.oldRSs,
    d,
  );
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas, oldest first. */
function* cleanupUnhealthyReplicas(
  ctx: Ctx,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): Flow<{ oldRSs: ReplicaSet[]; count: number }> {
  oldRSs.sort(olderFirst);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i += 1) {
    if (total >= maxCleanupCount) break;
    const rs = oldRSs[i]!;
    const available = rs.status.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanupCount - total, replicasOf(rs) - available);
    const result = yield* scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count, d);
    total += count;
    oldRSs[i] = result.rs;
  }
  return { oldRSs, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available old replicas beyond minAvailable, oldest first. */
function* scaleDownOldReplicaSetsForRollingUpdate(
  ctx: Ctx,
  allRSs: readonly ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): Flow<number> {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicas(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(olderFirst);
  let total = 0;
  const target = available - minAvailable;
  for (const rs of oldRSs) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), target - total);
    yield* scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count, d);
    total += count;
  }
  return total;
}
