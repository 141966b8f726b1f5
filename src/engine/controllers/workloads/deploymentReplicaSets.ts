// The ReplicaSet side of a Deployment sync (pkg/controller/deployment/sync.go): finding or
// creating the new ReplicaSet, scaling, cleaning up old ones, and the plain status.
import type { LabelSelector } from '../../objects/meta';
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import {
  REASON,
  activeReplicaSets,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  calculateStatus,
  desiredReplicasAnnotation,
  findActiveOrLatest,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  newCondition,
  newRSNewReplicas,
  newReplicaSetAnnotations,
  olderFirst,
  replicaSetProportion,
  replicasOf,
  sameStatus,
  setCondition,
  specReplicas,
  withReplicasAnnotations,
  REVISION,
} from './deploymentUtil';
import { ApiFailure, SyncError, api, type Flow } from './flow';
import { POD_TEMPLATE_HASH, computeHash, equalIgnoreHash } from './hash';
import { controllerRefOf, newControllerRef } from './podUtil';
import { busy, log, work, updateDeploymentStatus, type Ctx, snapshotOf } from './deploymentContext';

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList]
    .sort(olderFirst)
    .find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: every other ReplicaSet. */
function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

/** The new ReplicaSet (if any) and all the old ones. */
export type AllReplicaSets = { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] };

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) with its revision synced, and the old ones. */
export function* getAllReplicaSetsAndSyncRevision(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
  createIfNotExisted: boolean,
): Flow<AllReplicaSets> {
  const oldRSs = findOldReplicaSets(d, rsList);
  const newRS = yield* getNewReplicaSet(ctx, d, rsList, oldRSs, createIfNotExisted);
  return { newRS, oldRSs };
}

/**
 * getNewReplicaSet (sync.go): syncs an existing new ReplicaSet's annotations and revision, or
 * creates `<deployment>-<pod-template-hash>` with the hash label on its template and selector.
 * A name taken by a ReplicaSet with another template is a hash collision: collisionCount goes up
 * and the next sync tries another name.
 */
function* getNewReplicaSet(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
  oldRSs: readonly ReplicaSet[],
  createIfNotExisted: boolean,
): Flow<ReplicaSet | undefined> {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const now = ctx.world.now();

  if (existing) {
    const { annotations, changed } = newReplicaSetAnnotations(
      d,
      existing.metadata.annotations,
      newRevision,
      true,
    );
    const minReady = d.spec.minReadySeconds ?? 0;
    if (changed || (existing.spec.minReadySeconds ?? 0) !== minReady) {
      return yield* api<ReplicaSet>((done) =>
        ctx.client.update<ReplicaSet>(
          'replicasets',
          {
            ...existing,
            metadata: { ...existing.metadata, annotations },
            spec: { ...existing.spec, minReadySeconds: minReady },
          },
          done,
        ),
      );
    }
    let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION]);
    if (hasProgressDeadline(d) && !getCondition(work(d), 'Progressing')) {
      setCondition(
        work(d),
        newCondition(
          'Progressing',
          'True',
          REASON.foundNewReplicaSet,
          `Found new replica set "${existing.metadata.name}"`,
          now,
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) yield* updateDeploymentStatus(ctx, d);
    return existing;
  }
  if (!createIfNotExisted) return undefined;

  const collisionCount = work(d).collisionCount;
  const hash = computeHash(d.spec.template, collisionCount);
  const labels = { ...d.spec.template.metadata?.labels, [POD_TEMPLATE_HASH]: hash };
  const template = { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } };
  const selector: LabelSelector = {
    ...d.spec.selector,
    matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash },
  };
  const name = `${d.metadata.name}-${hash}`;
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d)],
      labels,
    } as unknown as ReplicaSet['metadata'],
    spec: {
      replicas: 0,
      ...(d.spec.minReadySeconds !== undefined ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template,
    },
    status: { replicas: 0 },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  const { annotations } = newReplicaSetAnnotations(d, undefined, newRevision, false);
  const body: ReplicaSet = {
    ...draft,
    metadata: { ...draft.metadata, annotations },
    spec: { ...draft.spec, replicas },
  };

  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = yield* api<ReplicaSet>((done) => ctx.client.create('replicasets', body, done));
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.status.reason === 'AlreadyExists') {
      // Probably a slow cache: if it is ours and has our template, it is the new ReplicaSet.
      const rs = ctx.informers.replicasets.get(d.metadata.namespace, name);
      if (!rs) throw new SyncError(`replicasets.apps "${name}" not found`);
      if (
        controllerRefOf(rs)?.uid === d.metadata.uid &&
        equalIgnoreHash(d.spec.template, rs.spec.template)
      ) {
        created = rs;
        alreadyExists = true;
      } else {
        const before = collisionCount ?? 0;
        work(d).collisionCount = before + 1;
        try {
          yield* api<Deployment>((done) =>
            ctx.client.update('deployments', snapshotOf(d), done, 'status'),
          );
          log(
            ctx,
            'deployment.collision',
            () =>
              `${d.metadata.name}: ReplicaSet name ${name} is taken by another template (hash collision): collisionCount ${before} → ${before + 1}`,
            d,
          );
        } catch {
          // The original error is what the sync reports.
        }
        throw error;
      }
    } else {
      const msg = `Failed to create new replica set "${name}": ${error.status.message}`;
      if (hasProgressDeadline(d)) {
        setCondition(
          work(d),
          newCondition('Progressing', 'False', REASON.failedRSCreate, msg, now),
        );
        try {
          yield* api<Deployment>((done) =>
            ctx.client.update('deployments', snapshotOf(d), done, 'status'),
          );
        } catch {
          // We have a bigger issue to report.
        }
      }
      ctx.events.record(d, 'Warning', REASON.failedRSCreate, msg);
      throw error;
    }
  }
  if (!alreadyExists) {
    busy(ctx, `created ReplicaSet ${created.metadata.name}`);
    log(
      ctx,
      'deployment.rs-created',
      () =>
        `${d.metadata.name} created ReplicaSet ${created.metadata.name} (revision ${newRevision}, pod-template-hash ${hash}) with ${replicas} replicas`,
      d,
    );
    // Wording since v1.31 (k/k#125118: "from <old> to <new>"; 1.22–1.30 said "to <new> from <old>").
    if (replicas > 0)
      ctx.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`,
      );
  }
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition(
      work(d),
      newCondition(
        'Progressing',
        'True',
        REASON.newReplicaSetCreated,
        `Created new replica set "${created.metadata.name}"`,
        now,
      ),
    );
    needsUpdate = true;
  }
  if (needsUpdate) yield* updateDeploymentStatus(ctx, d);
  return created;
}

/** SetDeploymentRevision on the working copy. */
function setDeploymentRevision(d: Deployment, revision: string | undefined): boolean {
  const annotations = d.metadata.annotations!;
  if (revision === undefined || annotations[REVISION] === revision) return false;
  annotations[REVISION] = revision;
  return true;
}

/** scaleReplicaSetAndRecordEvent: nothing to do if it already has `newScale`. */
export function* scaleReplicaSetAndRecordEvent(
  ctx: Ctx,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): Flow<{ scaled: boolean; rs: ReplicaSet }> {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return yield* scaleReplicaSet(ctx, rs, newScale, d);
}

/**
 * scaleReplicaSet: writes spec.replicas and the desired/max-replicas annotations; records
 * ScalingReplicaSet "Scaled up replica set web-7d4b9c8f5c from 1 to 3".
 */
function* scaleReplicaSet(
  ctx: Ctx,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): Flow<{ scaled: boolean; rs: ReplicaSet }> {
  const oldScale = replicasOf(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const { annotations, changed } = withReplicasAnnotations(
    rs.metadata.annotations ?? {},
    replicasOf(d),
    replicasOf(d) + maxSurge(d),
  );
  if (!sizeNeedsUpdate && !changed) return { scaled: false, rs };
  const updated = yield* api<ReplicaSet>((done) =>
    ctx.client.update<ReplicaSet>(
      'replicasets',
      {
        ...rs,
        metadata: { ...rs.metadata, annotations },
        spec: { ...rs.spec, replicas: newScale },
      },
      done,
    ),
  );
  if (!sizeNeedsUpdate) return { scaled: false, rs: updated };
  const operation = oldScale < newScale ? 'up' : 'down';
  // "Scaled up replica set web-7d4b9c8f5c from 1 to 3" (order since v1.31, k/k#125118).
  ctx.events.record(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
  );
  busy(ctx, `scaled ${rs.metadata.name} ${operation} to ${newScale}`);
  log(
    ctx,
    'deployment.scale',
    () =>
      `${d.metadata.name} scaled ${operation} ReplicaSet ${rs.metadata.name} from ${oldScale} to ${newScale}`,
    d,
  );
  return { scaled: true, rs: updated };
}

/** isScalingEvent: an active ReplicaSet was sized for a different replicas count (desired-replicas annotation). */
export function* isScalingEvent(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
): Flow<boolean> {
  const { newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicasOf(d)) return true;
  }
  return false;
}

/** sync (sync.go): scaling without a rollout (a replicas change or a paused Deployment). */
export function* sync(ctx: Ctx, d: Deployment, rsList: readonly ReplicaSet[]): Flow<void> {
  const { newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  yield* scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) yield* cleanupDeployment(ctx, oldRSs, d);
  yield* syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/**
 * scale (sync.go): one active ReplicaSet takes the whole count; a saturated new one means the old
 * ones go to 0; otherwise (mid-rollout) the change is shared out in proportion to each
 * ReplicaSet's size, leftovers to the largest.
 */
function* scale(
  ctx: Ctx,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): Flow<void> {
  const replicas = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicas) return;
    yield* scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicas, d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs))
      yield* scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name, replicasOf(rs) + proportion);
      added += proportion;
    } else sizes.set(rs.metadata.name, replicasOf(rs));
  }
  for (let i = 0; i < all.length; i += 1) {
    const rs = all[i]!;
    if (i === 0 && toAdd !== 0)
      sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + toAdd - added));
    yield* scaleReplicaSet(ctx, rs, sizes.get(rs.metadata.name)!, d);
  }
}

/**
 * cleanupDeployment: deletes the oldest old ReplicaSets beyond revisionHistoryLimit (10), only
 * those already scaled to 0 with no pods left and their spec observed.
 */
export function* cleanupDeployment(
  ctx: Ctx,
  oldRSs: readonly ReplicaSet[],
  d: Deployment,
): Flow<void> {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit!;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i += 1) {
    const rs = cleanable[i]!;
    if (
      rs.status.replicas !== 0 ||
      replicasOf(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    )
      continue;
    try {
      yield* api((done) =>
        ctx.client.delete('replicasets', rs.metadata.namespace, rs.metadata.name, {}, done),
      );
      busy(ctx, `deleted old ReplicaSet ${rs.metadata.name}`);
      log(
        ctx,
        'deployment.cleanup',
        () =>
          `${d.metadata.name} deleted old ReplicaSet ${rs.metadata.name}: more than revisionHistoryLimit (${d.spec.revisionHistoryLimit}) old revisions`,
        d,
      );
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status.code !== 404) throw error;
    }
  }
}

/** syncStatusOnly: a Deployment being deleted only gets its status updated. */
export function* syncStatusOnly(
  ctx: Ctx,
  d: Deployment,
  rsList: readonly ReplicaSet[],
): Flow<void> {
  const { newRS, oldRSs } = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  yield* syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** syncDeploymentStatus: writes the status if it changed. */
function* syncDeploymentStatus(
  ctx: Ctx,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Flow<void> {
  const status = calculateStatus(allRSs, newRS, d, ctx.world.now());
  if (sameStatus(work(d), status)) return;
  yield* updateDeploymentStatus(ctx, { ...d, status } as Deployment);
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function* checkPausedConditions(ctx: Ctx, d: Deployment): Flow<void> {
  if (!hasProgressDeadline(d)) return;
  const condition = getCondition(work(d), 'Progressing');
  if (condition?.reason === REASON.timedOut) return;
  const pausedExists = condition?.reason === REASON.paused;
  const now = ctx.world.now();
  if (d.spec.paused && !pausedExists)
    setCondition(
      work(d),
      newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', now),
    );
  else if (!d.spec.paused && pausedExists)
    setCondition(
      work(d),
      newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', now),
    );
  else return;
  yield* api<Deployment>((done) => ctx.client.update('deployments', snapshotOf(d), done, 'status'));
}
