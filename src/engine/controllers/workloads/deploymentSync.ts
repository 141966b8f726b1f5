// The entry point of a Deployment sync (pkg/controller/deployment/deployment_controller.go
// syncDeployment) and the claiming of ReplicaSets.
import { matchesSelector } from '../../objects/labels';
import type { LabelSelector } from '../../objects/meta';
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import { isRollingUpdate } from './deploymentUtil';
import { ApiFailure, SyncError, api, type Flow } from './flow';
import { controllerRefOf, newControllerRef } from './podUtil';
import { log, work, workingCopy, type Ctx, snapshotOf } from './deploymentContext';
import {
  isScalingEvent,
  sync,
  syncStatusOnly,
  checkPausedConditions,
} from './deploymentReplicaSets';
import { rolloutRolling } from './deploymentRolling';
import { rolloutRecreate } from './deploymentRecreate';

function emptySelector(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 &&
      (selector.matchExpressions ?? []).length === 0)
  );
}

/**
 * syncDeployment (pkg/controller/deployment/deployment_controller.go): claim ReplicaSets, then
 * one of: status only (being deleted), scale (paused or a replicas change), or roll out
 * (RollingUpdate or Recreate). Throws SyncError for the queue to retry.
 */
export function* syncDeployment(ctx: Ctx, key: string): Flow<void> {
  const slash = key.indexOf('/');
  const found = ctx.informers.deployments.get(key.slice(0, slash), key.slice(slash + 1));
  if (!found) return;
  const d = workingCopy(found);

  if (emptySelector(d.spec.selector)) {
    ctx.events.record(
      d,
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
    );
    if ((work(d).observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      work(d).observedGeneration = d.metadata.generation ?? 0;
      yield* api<Deployment>((done) =>
        ctx.client.update('deployments', snapshotOf(d), done, 'status'),
      );
    }
    return;
  }

  const rsList = yield* getReplicaSetsForDeployment(ctx, d);
  if (d.metadata.deletionTimestamp) {
    yield* syncStatusOnly(ctx, d, rsList);
    return;
  }
  yield* checkPausedConditions(ctx, d);
  if (d.spec.paused) {
    yield* sync(ctx, d, rsList);
    return;
  }
  if (yield* isScalingEvent(ctx, d, rsList)) {
    yield* sync(ctx, d, rsList);
    return;
  }
  if (isRollingUpdate(d)) yield* rolloutRolling(ctx, d, rsList);
  else yield* rolloutRecreate(ctx, d, rsList);
}

/**
 * getReplicaSetsForDeployment with ReplicaSetControllerRefManager.ClaimReplicaSets: ReplicaSets it
 * controls that still match its selector, plus orphans that match (adopted), minus those that
 * stopped matching (released).
 */
function* getReplicaSetsForDeployment(ctx: Ctx, d: Deployment): Flow<ReplicaSet[]> {
  const uid = d.metadata.uid;
  const ns = d.metadata.namespace ?? 'default';
  const out: ReplicaSet[] = [];
  const errors: string[] = [];
  const deleting = !!d.metadata.deletionTimestamp;
  for (const rs of ctx.informers.replicasets.ownedBy(uid)) {
    if (controllerRefOf(rs)?.uid !== uid) continue;
    if (matchesSelector(rs.metadata.labels, d.spec.selector)) {
      out.push(rs);
      continue;
    }
    if (deleting) continue;
    try {
      yield* api<ReplicaSet>((done) =>
        ctx.client.patch<ReplicaSet>(
          'replicasets',
          ns,
          rs.metadata.name,
          (current) => ({
            ...current,
            metadata: {
              ...current.metadata,
              ownerReferences: (current.metadata.ownerReferences ?? []).filter(
                (r) => r.uid !== uid,
              ),
            },
          }),
          done,
        ),
      );
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status.code !== 404)
        errors.push((error as Error).message);
    }
  }
  const orphans = ctx.informers.replicasets
    .orphans(ns)
    .filter(
      (rs) =>
        !rs.metadata.deletionTimestamp && matchesSelector(rs.metadata.labels, d.spec.selector),
    );
  if (orphans.length > 0 && !deleting) {
    // RecheckDeletionTimestamp: an uncached read before adopting anything.
    const fresh = yield* api<Deployment>((done) =>
      ctx.client.get<Deployment>('deployments', ns, d.metadata.name, done),
    );
    if (fresh.metadata.uid !== uid)
      throw new SyncError(
        `original Deployment ${ns}/${d.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${uid}`,
      );
    if (fresh.metadata.deletionTimestamp)
      throw new SyncError(
        `${ns}/${d.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
      );
    const ref = newControllerRef(d);
    for (const rs of orphans) {
      try {
        const adopted = yield* api<ReplicaSet>((done) =>
          ctx.client.patch<ReplicaSet>(
            'replicasets',
            ns,
            rs.metadata.name,
            (current) =>
              current.metadata.uid !== rs.metadata.uid || controllerRefOf(current)
                ? current
                : {
                    ...current,
                    metadata: {
                      ...current.metadata,
                      ownerReferences: [...(current.metadata.ownerReferences ?? []), ref],
                    },
                  },
            done,
          ),
        );
        if (controllerRefOf(adopted)?.uid === uid) {
          out.push(adopted);
          log(
            ctx,
            'deployment.adopt',
            () =>
              `${d.metadata.name} adopted ReplicaSet ${rs.metadata.name}: its labels match the selector`,
            d,
          );
        }
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.status.code !== 404)
          errors.push((error as Error).message);
      }
    }
  }
  if (errors.length > 0)
    throw new SyncError(errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`);
  return out;
}
