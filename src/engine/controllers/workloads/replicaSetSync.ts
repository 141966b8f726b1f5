import type { ApiClient } from '../../api/client';
import type { ApiError, ApiResult } from '../../api/errors';
import { matchesSelector } from '../../objects/labels';
import type { Condition, KObject } from '../../objects/meta';
import type { Pod, ReplicaSet } from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';
import type { EventRecorder } from '../../api/recorder';
import type { Expectations } from './expectations';
import { parallel, request, type Flow } from './flow';
import type { ReplicaSetBooks } from './replicaSetBooks';
import { podsToDelete } from './rank';
import {
  controllerRefOf,
  hasLabels,
  isPodActive,
  isPodAvailable,
  isPodReady,
  keyOf,
  newControllerRef,
  objKey,
} from './podUtil';
import type { KcmInformers } from './sharedInformers';
import type { WorkloadSettings } from './settings';
import type { WorkQueue } from './workQueue';

/** Everything a ReplicaSet sync uses. */
export type RsSyncContext = {
  world: World;
  client: ApiClient;
  informers: KcmInformers;
  books: ReplicaSetBooks;
  expectations: Expectations;
  queue: WorkQueue;
  events: EventRecorder;
  settings: WorkloadSettings;
};

const ID = 'kcm/replicaset';
// SlowStartInitialBatchSize (pkg/controller/controller_utils.go).
const SLOW_START_INITIAL_BATCH_SIZE = 1;
// statusUpdateRetries (replica_set.go): one GET and one more try.
const STATUS_UPDATE_RETRIES = 1;

/** An error a ReplicaSet sync ends with, as a value (Go: manageReplicasErr); the queue retries it. */
export type RsSyncError = { message: string };

const subject = (rs: KObject) => `replicaset/${rs.metadata.namespace}/${rs.metadata.name}`;

function busy(ctx: RsSyncContext, action: string): void {
  const now = ctx.world.now();
  ctx.world.trace.office('cargo', now, now + ctx.settings.officeBusy, action);
}

function log(ctx: RsSyncContext, type: string, text: () => string, rs: KObject): void {
  const { trace } = ctx.world;
  if (trace.detail) trace.event(ctx.world.now(), ID, type, text(), subject(rs));
  else trace.event(ctx.world.now(), ID, type, '', subject(rs));
}

/** controller.GetPodFromTemplate: a pod named `<rs>-` + 5 characters from the server, owned by `rs`. */
export function podFromTemplate(
  rs: ReplicaSet,
  ownerReferences: Pod['metadata']['ownerReferences'],
): Pod {
  const template = rs.spec.template;
  const metadata = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
    ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
    ownerReferences,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata as Pod['metadata'],
    spec: template.spec,
  } as Pod;
}

/**
 * syncReplicaSet (pkg/controller/replicaset/replica_set.go): claim pods (adopt matching orphans,
 * release owned pods that stopped matching), create or delete pods if expectations are satisfied,
 * then write the status. Returns an error for the queue to retry.
 */
export function* syncReplicaSet(ctx: RsSyncContext, key: string): Flow<RsSyncError | undefined> {
  const slash = key.indexOf('/');
  const rs = ctx.informers.replicasets.get(key.slice(0, slash), key.slice(slash + 1));
  if (!rs) {
    ctx.expectations.delete(key);
    return undefined;
  }
  const rsNeedsSync = ctx.expectations.satisfied(key, ctx.world.now());

  const claimed = yield* claimPods(ctx, rs);
  if ('error' in claimed) return claimed.error;
  const adopted = claimed.adopted;

  let manageError: RsSyncError | undefined;
  if (rsNeedsSync && !rs.metadata.deletionTimestamp)
    manageError = yield* manageReplicas(ctx, rs, key, adopted);

  const status = calculateStatus(ctx, rs, adopted, manageError);
  const updated = yield* updateStatus(ctx, rs, status);
  if ('error' in updated) return updated.error;
  // Resync after minReadySeconds as a last line of defence against clock skew.
  const replicas = rs.spec.replicas ?? 1;
  const minReady = updated.rs.spec.minReadySeconds ?? 0;
  if (
    !manageError &&
    minReady > 0 &&
    updated.rs.status.readyReplicas === replicas &&
    updated.rs.status.availableReplicas !== replicas
  )
    ctx.queue.addAfter(key, minReady * 1000);
  return manageError;
}

/** PodControllerRefManager.ClaimPods over the index: orphans matching the selector and pods to release. */
function* claimPods(
  ctx: RsSyncContext,
  rs: ReplicaSet,
): Flow<{ adopted: Pod[] } | { error: RsSyncError }> {
  const uid = rs.metadata.uid;
  const book = ctx.books.get(uid);
  const adopted: Pod[] = [];
  if (rs.metadata.deletionTimestamp) return { adopted };
  const errors: string[] = [];
  const ns = rs.metadata.namespace ?? 'default';

  // Owned by us but the selector no longer matches: release (remove our ownerReference).
  for (const podUid of [...(book?.mismatched ?? [])]) {
    const pod = ctx.books.podOf(uid, podUid)!;
    const result = yield* request<ApiResult<Pod>>((done) =>
      ctx.client.patch<Pod>(
        'pods',
        ns,
        pod.metadata.name,
        (current) => ({
          ...current,
          metadata: {
            ...current.metadata,
            ownerReferences: (current.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid),
          },
        }),
        done,
      ),
    );
    if (result.ok) {
      busy(ctx, `released pod ${pod.metadata.name} from ${rs.metadata.name}`);
      log(
        ctx,
        'replicaset.release',
        () =>
          `${rs.metadata.name} released pod ${pod.metadata.name}: its labels no longer match the selector`,
        rs,
      );
    } else if (result.error.code !== 404) errors.push(result.error.message);
  }

  // Orphans that match: adopt, after a fresh (uncached) read shows the ReplicaSet is not being deleted.
  const candidates: Pod[] = [];
  for (const pod of ctx.informers.pods.orphans(ns))
    if (isPodActive(pod) && matchesSelector(pod.metadata.labels, rs.spec.selector))
      candidates.push(pod);
  if (candidates.length > 0) {
    const fresh = yield* request<ApiResult<ReplicaSet>>((done) =>
      ctx.client.get<ReplicaSet>('replicasets', ns, rs.metadata.name, done),
    );
    if (!fresh.ok) return { error: { message: fresh.error.message } };
    if (fresh.object.metadata.uid !== uid)
      return {
        error: {
          message: `original ReplicaSet ${ns}/${rs.metadata.name} is gone: got uid ${fresh.object.metadata.uid}, wanted ${uid}`,
        },
      };
    if (fresh.object.metadata.deletionTimestamp)
      return {
        error: {
          message: `ReplicaSet ${ns}/${rs.metadata.name} has just been deleted at ${fresh.object.metadata.deletionTimestamp}`,
        },
      };
    const ref = newControllerRef(rs);
    for (const pod of candidates) {
      const result = yield* request<ApiResult<Pod>>((done) =>
        ctx.client.patch<Pod>(
          'pods',
          ns,
          pod.metadata.name,
          (current) => {
            // The patch carries the pod's UID (a precondition) and fails if another controller won.
            if (current.metadata.uid !== pod.metadata.uid || controllerRefOf(current))
              return current;
            return {
              ...current,
              metadata: {
                ...current.metadata,
                ownerReferences: [...(current.metadata.ownerReferences ?? []), ref],
              },
            };
          },
          done,
        ),
      );
      if (result.ok && controllerRefOf(result.object)?.uid === uid) {
        adopted.push(result.object);
        busy(ctx, `adopted pod ${pod.metadata.name} into ${rs.metadata.name}`);
        log(
          ctx,
          'replicaset.adopt',
          () =>
            `${rs.metadata.name} adopted orphan pod ${pod.metadata.name}: its labels match the selector`,
          rs,
        );
      } else if (!result.ok && result.error.code !== 404) errors.push(result.error.message);
    }
  }
  if (errors.length > 0)
    return { error: { message: errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]` } };
  return { adopted };
}

/** manageReplicas: create (slow start, at most burstReplicas) or delete (ranked victims) pods. */
function* manageReplicas(
  ctx: RsSyncContext,
  rs: ReplicaSet,
  key: string,
  adopted: readonly Pod[],
): Flow<RsSyncError | undefined> {
  const book = ctx.books.get(rs.metadata.uid);
  const filteredCount = (book?.active ?? 0) + adopted.length;
  const replicas = rs.spec.replicas ?? 1;
  let diff = filteredCount - replicas;
  const now = ctx.world.now();
  if (diff < 0) {
    diff = Math.min(-diff, ctx.settings.burstReplicas);
    ctx.expectations.expectCreations(key, diff, now);
    // Simplified: upstream wakes on the next informer event or the 12–24 h resync; we look again at expiry.
    ctx.queue.addAfter(key, ctx.settings.expectationsTimeout + 1);
    if (
      !rs.spec.template.metadata?.labels ||
      Object.keys(rs.spec.template.metadata.labels).length === 0
    ) {
      for (let i = 0; i < diff; i += 1) ctx.expectations.creationObserved(key);
      return { message: 'unable to create pods, no labels' };
    }
    const ownerReferences = [newControllerRef(rs)];
    const template = podFromTemplate(rs, ownerReferences);
    let successes = 0;
    let failure: ApiError | undefined;
    let remaining = diff;
    // slowStartBatch: 1, 2, 4, … so a create that fails (quota, admission) fails once, not 500 times.
    for (
      let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE);
      batch > 0;
      batch = Math.min(2 * batch, remaining)
    ) {
      const results = yield* parallel<ApiResult<Pod>>(
        Array.from(
          { length: batch },
          () => (done: (r: ApiResult<Pod>) => void) => ctx.client.create('pods', template, done),
        ),
      );
      const names: string[] = [];
      for (const result of results) {
        if (result.ok) {
          successes += 1;
          names.push(result.object.metadata.name);
          ctx.events.record(
            rs,
            'Normal',
            'SuccessfulCreate',
            `Created pod: ${result.object.metadata.name}`,
          );
        } else {
          failure ??= result.error;
          ctx.events.record(
            rs,
            'Warning',
            'FailedCreate',
            `Error creating: ${result.error.message}`,
          );
        }
      }
      if (names.length > 0) {
        // The office shows the sync's running total: "created 3 pods for web-7d4b9c8f5c".
        busy(ctx, `created ${successes} pod${successes === 1 ? '' : 's'} for ${rs.metadata.name}`);
        log(
          ctx,
          'replicaset.create',
          () =>
            `${rs.metadata.name} created ${names.length} pod${names.length === 1 ? '' : 's'} (slow-start batch of ${batch}): ${names.join(', ')}`,
          rs,
        );
      }
      if (failure) {
        log(
          ctx,
          'replicaset.create-failed',
          () =>
            `${rs.metadata.name} could not create pods: ${failure!.message}; the rest of this sync's ${remaining - batch} creations are skipped`,
          rs,
        );
        break;
      }
      remaining -= batch;
    }
    // Skipped pods will never be seen by the informer: stop expecting them.
    for (let i = successes; i < diff; i += 1) ctx.expectations.creationObserved(key);
    return failure ? { message: failure.message } : undefined;
  }
  if (diff > 0) {
    diff = Math.min(diff, ctx.settings.burstReplicas);
    const filtered = [...ctx.books.activePods(rs.metadata.uid), ...adopted];
    const victims = podsToDelete(filtered, relatedPods(ctx, rs), diff, now);
    ctx.expectations.expectDeletions(key, victims.map(objKey), now);
    ctx.queue.addAfter(key, ctx.settings.expectationsTimeout + 1);
    const results = yield* parallel<ApiResult<KObject>>(
      victims.map(
        (pod) => (done: (r: ApiResult<KObject>) => void) =>
          ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name, {}, done),
      ),
    );
    let error: RsSyncError | undefined;
    const names: string[] = [];
    results.forEach((result, i) => {
      const pod = victims[i]!;
      if (result.ok) {
        names.push(pod.metadata.name);
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        return;
      }
      // The informer will never see this deletion: stop waiting for it.
      ctx.expectations.deletionObserved(key, objKey(pod));
      if (result.error.code === 404) return;
      ctx.events.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${result.error.message}`);
      error ??= { message: `unable to delete pods: ${result.error.message}` };
    });
    if (names.length > 0) {
      busy(
        ctx,
        `deleted ${names.length} pod${names.length === 1 ? '' : 's'} of ${rs.metadata.name}`,
      );
      log(
        ctx,
        'replicaset.delete',
        () =>
          `${rs.metadata.name} has ${filteredCount} pods for ${replicas} wanted: deleted ${names.join(', ')}`,
        rs,
      );
    }
    return error;
  }
  return undefined;
}

/** getIndirectlyRelatedPods: pods of every ReplicaSet with the same controller (a Deployment). */
function relatedPods(ctx: RsSyncContext, rs: ReplicaSet): Pod[] {
  const owner = controllerRefOf(rs);
  if (!owner) return [];
  const out: Pod[] = [];
  const seen = new Set<string>();
  for (const sibling of ctx.informers.replicasets.ownedBy(owner.uid)) {
    if (controllerRefOf(sibling)?.uid !== owner.uid) continue;
    for (const pod of ctx.informers.pods.ownedBy(sibling.metadata.uid)) {
      if (seen.has(pod.metadata.uid)) continue;
      seen.add(pod.metadata.uid);
      out.push(pod);
    }
  }
  return out;
}

type RsStatus = ReplicaSet['status'];

/** calculateStatus: counts over the claimed active pods, and the ReplicaFailure condition. */
function calculateStatus(
  ctx: RsSyncContext,
  rs: ReplicaSet,
  adopted: readonly Pod[],
  manageError: RsSyncError | undefined,
): RsStatus {
  const uid = rs.metadata.uid;
  const book = ctx.books.get(uid);
  const now = ctx.world.now();
  let replicas = book?.active ?? 0;
  let fullyLabeled = book?.fullyLabeled ?? 0;
  let ready = book?.ready ?? 0;
  let available = ctx.books.available(uid, now);
  const minReady = rs.spec.minReadySeconds ?? 0;
  for (const pod of adopted) {
    if (!isPodActive(pod)) continue;
    replicas += 1;
    if (hasLabels(pod.metadata.labels, rs.spec.template.metadata?.labels)) fullyLabeled += 1;
    if (isPodReady(pod)) {
      ready += 1;
      if (isPodAvailable(pod, minReady, now)) available += 1;
    }
  }
  let conditions = rs.status.conditions;
  const failure = conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = replicas - (rs.spec.replicas ?? 1);
    const condition: Condition = {
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: rfc3339(now),
      reason: diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '',
      message: manageError.message,
    };
    conditions = [...(conditions ?? []), condition];
  } else if (!manageError && failure) {
    conditions = conditions!.filter((c) => c.type !== 'ReplicaFailure');
  }
  const { conditions: _old, ...rest } = rs.status;
  return {
    ...rest,
    replicas,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    ...(conditions && conditions.length > 0 ? { conditions } : {}),
  };
}

function sameConditions(
  a: readonly Condition[] | undefined,
  b: readonly Condition[] | undefined,
): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; i < (a?.length ?? 0); i += 1) {
    const x = a![i]!;
    const y = b![i]!;
    if (
      x.type !== y.type ||
      x.status !== y.status ||
      x.reason !== y.reason ||
      x.message !== y.message ||
      x.lastTransitionTime !== y.lastTransitionTime
    )
      return false;
  }
  return true;
}

/** updateReplicaSetStatus: skips the write in the steady state; one GET-and-retry on failure. */
function* updateStatus(
  ctx: RsSyncContext,
  rs: ReplicaSet,
  status: RsStatus,
): Flow<{ rs: ReplicaSet } | { error: RsSyncError }> {
  const old = rs.status;
  if (
    old.replicas === status.replicas &&
    (old.fullyLabeledReplicas ?? 0) === status.fullyLabeledReplicas &&
    (old.readyReplicas ?? 0) === status.readyReplicas &&
    (old.availableReplicas ?? 0) === status.availableReplicas &&
    rs.metadata.generation === old.observedGeneration &&
    sameConditions(old.conditions, status.conditions)
  )
    return { rs };
  let current = rs;
  for (let i = 0; ; i += 1) {
    const body: ReplicaSet = {
      ...current,
      status: { ...status, observedGeneration: current.metadata.generation ?? 0 },
    };
    const result = yield* request<ApiResult<ReplicaSet>>((done) =>
      ctx.client.update('replicasets', body, done, 'status'),
    );
    if (result.ok) return { rs: result.object };
    if (i >= STATUS_UPDATE_RETRIES) return { error: { message: result.error.message } };
    const fresh = yield* request<ApiResult<ReplicaSet>>((done) =>
      ctx.client.get<ReplicaSet>(
        'replicasets',
        current.metadata.namespace,
        current.metadata.name,
        done,
      ),
    );
    if (!fresh.ok) return { error: { message: fresh.error.message } };
    current = fresh.object;
  }
}

// Queue keys are built once per ReplicaSet: the same string every time hashes once.
const keys = new WeakMap<KObject['metadata'], string>();

/** The queue key of a ReplicaSet (`namespace/name`). */
export function rsKey(rs: KObject): string {
  let key = keys.get(rs.metadata);
  if (key === undefined) {
    key = keyOf(rs.metadata.namespace, rs.metadata.name);
    keys.set(rs.metadata, key);
  }
  return key;
}
