// The rollout status and progress deadline (pkg/controller/deployment/progress.go).
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import {
  REASON,
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  removeCondition,
  sameStatus,
  setCondition,
  type DeploymentStatus,
} from './deploymentUtil';
import { type Flow } from './flow';
import { timeOf } from './podUtil';
import { log, work, updateDeploymentStatus, type Ctx } from './deploymentContext';

/**
 * syncRolloutStatus (progress.go): the status plus the Progressing condition (NewReplicaSetAvailable
 * when complete, ReplicaSetUpdated on any progress, ProgressDeadlineExceeded after
 * progressDeadlineSeconds without any) and ReplicaFailure copied from the ReplicaSets.
 */
export function* syncRolloutStatus(
  ctx: Ctx,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Flow<void> {
  const now = ctx.world.now();
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(work(d), 'Progressing');
  const isComplete =
    status.replicas === status.updatedReplicas && current?.reason === REASON.newReplicaSetAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(
        status,
        newCondition('Progressing', 'True', REASON.newReplicaSetAvailable, msg, now),
      );
      log(ctx, 'deployment.complete', () => `${d.metadata.name}: rollout complete, ${msg}`, d);
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newCondition('Progressing', 'True', REASON.replicaSetUpdated, msg, now);
      // Progressing is special: same reason, but lastUpdateTime moves whenever there is progress.
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime!;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, now)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', REASON.timedOut, msg, now));
      if (getCondition(work(d), 'Progressing')?.reason !== REASON.timedOut)
        log(
          ctx,
          'deployment.timed-out',
          () =>
            `${d.metadata.name}: ${msg} (progressDeadlineSeconds ${d.spec.progressDeadlineSeconds})`,
          d,
        );
    }
  }
  const failure = replicaFailure(allRSs, newRS, now);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');

  if (sameStatus(work(d), status)) {
    requeueStuckDeployment(ctx, d, status);
    return;
  }
  yield* updateDeploymentStatus(ctx, { ...d, status } as Deployment);
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure, else the first old one's. */
function replicaFailure(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  now: number,
) {
  const from = (rs: ReplicaSet | undefined) =>
    rs?.status.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = from(newRS) ?? allRSs.map(from).find((x) => x);
  if (!c) return undefined;
  const t = c.lastTransitionTime ?? newCondition('', 'True', '', '', now).lastTransitionTime;
  return {
    type: 'ReplicaFailure',
    status: c.status,
    reason: c.reason ?? '',
    message: c.message ?? '',
    lastUpdateTime: t,
    lastTransitionTime: t,
  };
}

/** requeueStuckDeployment: check again when the progress deadline would pass. */
function requeueStuckDeployment(ctx: Ctx, d: Deployment, status: DeploymentStatus): void {
  const current = getCondition(work(d), 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === REASON.timedOut) return;
  const last = timeOf(current.lastUpdateTime) ?? ctx.world.now();
  const after = last + d.spec.progressDeadlineSeconds! * 1000 - ctx.world.now();
  const key = `${d.metadata.namespace}/${d.metadata.name}`;
  if (after < 1000) ctx.queue.addRateLimited(key);
  // Add a second to avoid millisecond skew in AddAfter (k/k#39785).
  else ctx.queue.addAfter(key, after + 1000);
}
