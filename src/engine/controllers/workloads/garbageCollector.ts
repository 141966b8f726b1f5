import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../../api/client';
import type { KObject, OwnerReference } from '../../objects/meta';
import { RESOURCES, type ResourceName } from '../../objects/resources';
import type { World } from '../../sim/world';
import { ApiFailure, api, runFlow, type Flow } from './flow';
import { garbageCollectorMachine } from './garbageCollector.machine';
import { kcmInformers, type KcmInformers, type SharedInformer } from './sharedInformers';
import { workloadSettings, type WorkloadSettings } from './settings';
import { WorkQueue } from './workQueue';

const ID = 'kcm/garbage-collector';

/** The resources whose objects the collector watches as owners and dependents. */
type Watched = 'deployments' | 'replicasets' | 'pods';
const WATCHED: readonly Watched[] = ['deployments', 'replicasets', 'pods'];

/** A node of the dependency graph: enough to find the object again and check it is the same one. */
type Identity = { resource: Watched; namespace: string | undefined; name: string; uid: string };

const KIND_TO_RESOURCE = new Map<string, ResourceName>(
  Object.values(RESOURCES).map((r) => [r.kind, r.name] as const),
);

const itemKey = (i: Identity) => `${i.resource}|${i.namespace ?? ''}|${i.name}|${i.uid}`;

/**
 * The Cargo office's garbage collector (kube-controller-manager, pkg/controller/garbagecollector):
 * when an owner is gone, its dependents (objects whose ownerReferences name its UID) are deleted,
 * in the background, as `kubectl delete deployment web` does by default: the Deployment goes at
 * once, then its ReplicaSets, then their pods. A dependent is deleted only when every owner it
 * names is verified absent (a live read, remembered in an LRU of absent owners); dangling
 * references next to a live owner are removed instead.
 */
export class GarbageCollector {
  private readonly client: ApiClient;
  private readonly informers: KcmInformers;
  private readonly settings: WorkloadSettings;
  private readonly queue: WorkQueue;
  private readonly actor: Actor<typeof garbageCollectorMachine>;
  /** absentOwnerCache: owners verified gone, most recent last. */
  private readonly absent = new Map<string, true>();
  private readonly items = new Map<string, Identity>();
  private unsubscribe: (() => void)[] = [];
  private acquired = false;
  /** Bumped on each start, so a late "synced" from an earlier start is ignored. */
  private generation = 0;

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.informers = kcmInformers(world);
    this.settings = workloadSettings(world);
    this.queue = new WorkQueue(
      world,
      {
        workers: this.settings.concurrentGCSyncs,
        rateLimitBase: this.settings.rateLimitBase,
        rateLimitMax: this.settings.rateLimitMax,
      },
      (key, done) => this.processAttemptToDelete(key, done),
    );
    this.actor = createActor(garbageCollectorMachine, {
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

  /** Whether nothing is queued, running or waiting. */
  idle(): boolean {
    return this.queue.idle();
  }

  private informer(resource: Watched): SharedInformer<KObject> {
    return this.informers[resource] as unknown as SharedInformer<KObject>;
  }

  private startInformers(): void {
    const generation = ++this.generation;
    this.acquired = true;
    let waiting = WATCHED.length;
    for (const resource of WATCHED) {
      const informer = this.informer(resource);
      informer.acquire();
      this.unsubscribe.push(
        informer.addListener({
          add: (obj) => this.observe(resource, undefined, obj),
          update: (old, obj) => this.observe(resource, old, obj),
          delete: (obj) => this.gone(obj),
        }),
      );
      informer.whenSynced(() => {
        waiting -= 1;
        if (waiting === 0 && this.acquired && generation === this.generation)
          this.actor.send({ type: 'CACHES_SYNCED' });
      });
    }
  }

  private stopEverything(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.acquired) for (const resource of WATCHED) this.informer(resource).release();
    this.acquired = false;
    this.queue.shutDown();
    this.absent.clear();
    this.items.clear();
  }

  private enqueue(identity: Identity): void {
    const key = itemKey(identity);
    this.items.set(key, identity);
    this.queue.add(key);
  }

  /**
   * Whether the owner a reference names is in the graph. Deployments and ReplicaSets are looked up
   * by UID; other owners (a pod's pod, say) are checked live.
   */
  private present(ref: OwnerReference, namespace: string | undefined): boolean {
    const resource = KIND_TO_RESOURCE.get(ref.kind);
    if (resource !== 'deployments' && resource !== 'replicasets') return false;
    const owner = this.informer(resource).getByUid(ref.uid);
    return !!owner && owner.metadata.name === ref.name && owner.metadata.namespace === namespace;
  }

  /** GraphBuilder: an object appeared or changed. A reference to an owner not in the graph needs checking. */
  private observe(resource: Watched, old: KObject | undefined, obj: KObject): void {
    const refs = obj.metadata.ownerReferences;
    if (!refs || refs === old?.metadata.ownerReferences) return;
    for (const ref of refs) {
      if (this.present(ref, obj.metadata.namespace) && !this.absent.has(ref.uid)) continue;
      this.enqueue({
        resource,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
      });
      return;
    }
  }

  /** GraphBuilder: an object is gone. Its dependents are now suspects. */
  private gone(obj: KObject): void {
    const uid = obj.metadata.uid;
    let dependents = false;
    for (const resource of WATCHED) {
      for (const dep of this.informer(resource).ownedBy(uid)) {
        dependents = true;
        this.enqueue({
          resource,
          namespace: dep.metadata.namespace,
          name: dep.metadata.name,
          uid: dep.metadata.uid,
        });
      }
    }
    if (dependents) this.rememberAbsent(uid);
  }

  private rememberAbsent(uid: string): void {
    this.absent.delete(uid);
    this.absent.set(uid, true);
    if (this.absent.size > this.settings.absentOwnerCacheSize)
      this.absent.delete(this.absent.keys().next().value!);
  }

  private processAttemptToDelete(key: string, done: () => void): void {
    const identity = this.items.get(key);
    if (!identity) {
      done();
      return;
    }
    runFlow(this.attemptToDeleteItem(identity), (_result, error) => {
      if (error) {
        this.world.trace.event(
          this.world.now(),
          ID,
          'gc.error',
          `error syncing item ${identity.resource}/${identity.name}: ${error.message}`,
        );
        this.queue.addRateLimited(key);
      } else {
        this.queue.forget(key);
        this.items.delete(key);
      }
      done();
    });
  }

  /** isDangling: is this owner gone? Absent-owner cache first, else an uncached read. */
  private *isDangling(ref: OwnerReference, dependent: Identity): Flow<boolean> {
    if (this.absent.has(ref.uid)) return true;
    const resource = KIND_TO_RESOURCE.get(ref.kind);
    // An owner kind the simulation does not serve cannot be checked: leave the dependent alone.
    if (!resource) return false;
    const namespace = RESOURCES[resource].namespaced ? dependent.namespace : undefined;
    try {
      const owner = yield* api<KObject>((done) =>
        this.client.get(resource, namespace, ref.name, done),
      );
      if (owner.metadata.uid === ref.uid) return false;
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status.code !== 404) throw error;
    }
    this.rememberAbsent(ref.uid);
    return true;
  }

  /** attemptToDeleteItem (garbagecollector.go), for background propagation. */
  private *attemptToDeleteItem(item: Identity): Flow<void> {
    const latest = this.informer(item.resource).get(item.namespace, item.name);
    if (!latest || latest.metadata.uid !== item.uid) return;
    // Being deleted already (a pod in its grace period): nothing to do.
    if (latest.metadata.deletionTimestamp) return;
    const refs = latest.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    for (const ref of refs) {
      if (yield* this.isDangling(ref, item)) dangling.push(ref);
      else solid.push(ref);
    }
    const what = `${RESOURCES[item.resource].kind} ${item.name}`;
    if (solid.length > 0) {
      if (dangling.length === 0) return;
      // Some owners live: only drop the references to the ones that are gone.
      const gone = new Set(dangling.map((r) => r.uid));
      yield* api<KObject>((done) =>
        this.client.patch<KObject>(
          item.resource,
          item.namespace,
          item.name,
          (current) => ({
            ...current,
            metadata: {
              ...current.metadata,
              ownerReferences: (current.metadata.ownerReferences ?? []).filter(
                (r) => !gone.has(r.uid),
              ),
            },
          }),
          done,
        ),
      );
      this.world.trace.event(
        this.world.now(),
        ID,
        'gc.unlink',
        `${what} keeps its other owners; removed references to ${dangling.map((r) => `${r.kind} ${r.name}`).join(', ')}, which are gone`,
        `${RESOURCES[item.resource].singular}/${item.namespace}/${item.name}`,
      );
      return;
    }
    // Every owner is gone: delete it (propagationPolicy Background), only if it is still this object.
    try {
      yield* api<KObject>((done) =>
        this.client.delete(item.resource, item.namespace, item.name, { uid: item.uid }, done),
      );
    } catch (error) {
      if (error instanceof ApiFailure && (error.status.code === 404 || error.status.code === 409))
        return;
      throw error;
    }
    const now = this.world.now();
    const owners = dangling.map((r) => `${r.kind} ${r.name}`).join(', ');
    this.world.trace.office(
      'cargo',
      now,
      now + this.settings.officeBusy,
      `deleted ${what}: its owner is gone`,
    );
    if (this.world.trace.detail)
      this.world.trace.event(
        now,
        ID,
        'gc.delete',
        `deleted ${what}: its owner ${owners} is gone (background cascading deletion)`,
        `${RESOURCES[item.resource].singular}/${item.namespace}/${item.name}`,
      );
    else this.world.trace.event(now, ID, 'gc.delete', '');
  }
}
