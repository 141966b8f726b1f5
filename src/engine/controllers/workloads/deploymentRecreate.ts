// The Recreate strategy (pkg/controller/deployment/recreate.go).
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import { activeReplicaSets, deploymentComplete, replicasOf } from './deploymentUtil';
import { type Flow } from './flow';
import { controllerRefOf } from './podUtil';
import { work, type Ctx } from './deploymentContext';
import {
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
  cleanupDeployment,
} from './deploymentReplicaSets';
import { syncRolloutStatus } from './deploymentProgress';

/**
 * rolloutRecreate: scale every old ReplicaSet to 0, wait until none of their pods is left
 * running (terminating ones included), then create and scale up the new ReplicaSet.
 */
export function* rolloutRecreate(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
): Flow<void> {
  let { newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    const result = yield* scaleReplicaSetAndRecordEvent(ctx, rs, 0, d);
    if (result.scaled) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(ctx, newRS, oldRSs)) {
    yield* syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  yield* scaleReplicaSetAndRecordEvent(ctx, newRS!, replicasOf(d), d);
  if (deploymentComplete(d, work(d))) yield* cleanupDeployment(ctx, oldRSs, d);
  yield* syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** oldPodsRunning: old ReplicaSets still report pods, or still own a pod not yet Succeeded/Failed. */
function oldPodsRunning(
  ctx: Ctx,
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): boolean {
  if (oldRSs.some((rs) => (rs.status.replicas ?? 0) > 0)) return true;
  for (const rs of oldRSs) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    for (const pod of ctx.informers.pods.ownedBy(rs.metadata.uid)) {
      if (controllerRefOf(pod)?.uid !== rs.metadata.uid) continue;
      if (pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded') return true;
    }
  }
  return false;
}
