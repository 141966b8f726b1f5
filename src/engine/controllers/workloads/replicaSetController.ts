import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../../api/client';
import { matchesSelector } from '../../objects/labels';
import type { OwnerReference } from '../../objects/meta';
import type { Pod, ReplicaSet } from '../../objects/workloads';
import type { World } from '../../sim/world';
import type { EventRecorder } from '../../api/recorder';
import { Expectations } from './expectations';
import { runFlow } from './flow';
import { controllerRefOf, isPodReady, objKey } from './podUtil';
import { replicaSetControllerMachine } from './replicaSetController.machine';
import { ReplicaSetBooks } from './replicaSetBooks';
import { rsKey, syncReplicaSet, type RsSyncContext } from './replicaSetSync';
import { kcmInformers, type KcmInformers } from './sharedInformers';
import { workloadSettings, type WorkloadSettings } from './settings';
import { WorkQueue } from './workQueue';

const ID = 'kcm/replicaset';

function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion;
}

function sameLabels(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

/**
 * The Cargo office's ReplicaSet controller (kube-controller-manager, pkg/controller/replicaset):
 * keeps each ReplicaSet's number of active pods at `spec.replicas`. Informer events for a
 * ReplicaSet or its pods put its key on a work queue; five workers sync keys one at a time each.
 *
 * @example
 * const rsc = new ReplicaSetController(world);
 * rsc.start();
 * world.agenda.advance(1_000);
 */
export class ReplicaSetController {
  private readonly client: ApiClient;
  private readonly informers: KcmInformers;
  private readonly settings: WorkloadSettings;
  private readonly books = new ReplicaSetBooks();
  private readonly expectations: Expectations;
  private readonly queue: WorkQueue;
  private readonly events: EventRecorder;
  private readonly actor: Actor<typeof replicaSetControllerMachine>;
  private readonly ctx: RsSyncContext;
  private unsubscribe: (() => void)[] = [];
  private acquired = false;
  /** Bumped on each start, so a late "synced" from an earlier start is ignored. */
  private generation = 0;

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.informers = kcmInformers(world);
    this.settings = workloadSettings(world);
    this.expectations = new Expectations(this.settings.expectationsTimeout);
    this.events = world.recorder(this.client, 'replicaset-controller', 'control-plane');
    this.queue = new WorkQueue(
      world,
      {
        workers: this.settings.concurrentReplicaSetSyncs,
        rateLimitBase: this.settings.rateLimitBase,
        rateLimitMax: this.settings.rateLimitMax,
      },
      (key, done) => this.processNextWorkItem(key, done),
    );
    this.ctx = {
      world,
      client: this.client,
      informers: this.informers,
      books: this.books,
      expectations: this.expectations,
      queue: this.queue,
      events: this.events,
      settings: this.settings,
    };
    this.actor = createActor(replicaSetControllerMachine, {
      clock: world.clock,
      input: {
        hooks: {
          startInformers: () => this.startInformers(),
          startWorkers: () => this.queue.start(),
          stopEverything: () => this.stopEverything(),
        },
      },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  /** The lifecycle state (`stopped`, `waitingForCaches`, `running`). */
  state(): string {
    return String(this.actor.getSnapshot().value);
  }

  /** Outstanding expectations of a ReplicaSet (`namespace/name`), for inspection. */
  expectationsOf(key: string): { add: number; del: number } | undefined {
    return this.expectations.get(key);
  }

  /** Whether no sync is queued, running or waiting. */
  idle(): boolean {
    return this.queue.idle();
  }

  private startInformers(): void {
    const generation = ++this.generation;
    const { pods, replicasets } = this.informers;
    pods.acquire();
    replicasets.acquire();
    this.acquired = true;
    this.unsubscribe = [
      replicasets.addListener({
        add: (rs) => this.addRS(rs),
        update: (old, rs) => this.updateRS(old, rs),
        delete: (rs) => this.deleteRS(rs),
      }),
      pods.addListener({
        add: (pod) => this.addPod(pod),
        update: (old, pod) => this.updatePod(old, pod),
        delete: (pod) => this.deletePod(pod, true),
      }),
    ];
    let waiting = 2;
    const synced = () => {
      waiting -= 1;
      if (waiting === 0 && this.acquired && generation === this.generation)
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    replicasets.whenSynced(synced);
    pods.whenSynced(synced);
  }

  private stopEverything(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.acquired) {
      this.informers.pods.release();
      this.informers.replicasets.release();
      this.acquired = false;
    }
    this.queue.shutDown();
    this.expectations.clear();
    this.books.clear();
  }

  private processNextWorkItem(key: string, done: () => void): void {
    runFlow(syncReplicaSet(this.ctx, key), (error) => {
      if (error) {
        this.world.trace.event(
          this.world.now(),
          ID,
          'replicaset.sync-error',
          `sync "${key}" failed with ${error.message}`,
          `replicaset/${key}`,
        );
        this.queue.addRateLimited(key);
      } else this.queue.forget(key);
      done();
    });
  }

  // ——— informer event handlers (replica_set.go addRS … deletePod) ———

  private addRS(rs: ReplicaSet): void {
    this.books.replicaSet(rs);
    this.queue.add(rsKey(rs));
  }

  private updateRS(old: ReplicaSet, rs: ReplicaSet): void {
    if (old.metadata.uid !== rs.metadata.uid) this.deleteRS(old);
    this.books.replicaSet(rs);
    this.queue.add(rsKey(rs));
  }

  private deleteRS(rs: ReplicaSet): void {
    this.books.replicaSetDeleted(rs);
    const key = rsKey(rs);
    // A new ReplicaSet with the same name starts clean.
    this.expectations.delete(key);
    this.queue.add(key);
  }

  /**
   * resolveControllerRef: the ReplicaSet a controllerRef names, if it is still that one. Looked up
   * by UID (upstream: by name, then the UID compared), which finds the same object.
   */
  private resolve(namespace: string | undefined, ref: OwnerReference): ReplicaSet | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.informers.replicasets.getByUid(ref.uid);
    return rs && rs.metadata.name === ref.name && rs.metadata.namespace === namespace
      ? rs
      : undefined;
  }

  /** getPodReplicaSets: ReplicaSets in the pod's namespace whose selector matches it. */
  private matching(pod: Pod): ReplicaSet[] {
    const out: ReplicaSet[] = [];
    for (const rs of this.informers.replicasets.list())
      if (
        rs.metadata.namespace === pod.metadata.namespace &&
        matchesSelector(pod.metadata.labels, rs.spec.selector)
      )
        out.push(rs);
    return out;
  }

  private addPod(pod: Pod): void {
    this.books.pod(undefined, pod);
    if (pod.metadata.deletionTimestamp) {
      // After a restart a pod may show up already being deleted: not a creation observation.
      this.deletePod(pod, false);
      return;
    }
    const ref = controllerRefOf(pod);
    if (ref) {
      const rs = this.resolve(pod.metadata.namespace, ref);
      if (!rs) return;
      const key = rsKey(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    // An orphan: wake every matching ReplicaSet so one may adopt it (no creation observed).
    for (const rs of this.matching(pod)) this.queue.add(rsKey(rs));
  }

  private updatePod(old: Pod, pod: Pod): void {
    this.books.pod(old, pod);
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelChanged = !sameLabels(old.metadata.labels, pod.metadata.labels);
    if (pod.metadata.deletionTimestamp) {
      // A graceful deletion shows first as a deletionTimestamp: replace the pod now, not when the
      // kubelet finishes (the ReplicaSet never waits for a terminating pod).
      this.deletePod(pod, false);
      if (labelChanged) this.deletePod(old, false);
      return;
    }
    const ref = controllerRefOf(pod);
    const oldRef = controllerRefOf(old);
    const refChanged = !sameRef(ref, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolve(old.metadata.namespace, oldRef);
      if (rs) this.queue.add(rsKey(rs));
    }
    if (ref) {
      const rs = this.resolve(pod.metadata.namespace, ref);
      if (!rs) return;
      this.queue.add(rsKey(rs));
      // MinReadySeconds: look again once the pod may have become available (+1 s for skew).
      const minReady = rs.spec.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod))
        this.queue.addAfter(rsKey(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.matching(pod)) this.queue.add(rsKey(rs));
  }

  private deletePod(pod: Pod, gone: boolean): void {
    if (gone) this.books.pod(pod, undefined);
    const ref = controllerRefOf(pod);
    if (!ref) return;
    const rs = this.resolve(pod.metadata.namespace, ref);
    if (!rs) return;
    const key = rsKey(rs);
    this.expectations.deletionObserved(key, objKey(pod));
    this.queue.add(key);
  }
}
