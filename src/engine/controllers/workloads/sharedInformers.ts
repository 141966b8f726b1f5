import { Informer } from '../../api/informer';
import type { KObject } from '../../objects/meta';
import type { Deployment, Pod, ReplicaSet } from '../../objects/workloads';
import type { Node } from '../../objects/cluster';
import type { ResourceName } from '../../objects/resources';
import type { ComponentId } from '../../sim/trace';
import type { World } from '../../sim/world';
import { controllerRefOf, objKey } from './podUtil';

/** What a controller hears from a shared informer (cache.ResourceEventHandlerFuncs). */
export type Listener<T extends KObject> = {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
};

function addTo(index: Map<string, Set<string>>, bucket: string, key: string): void {
  let entries = index.get(bucket);
  if (!entries) index.set(bucket, (entries = new Set()));
  entries.add(key);
}

function removeFrom(index: Map<string, Set<string>>, bucket: string, key: string): void {
  const entries = index.get(bucket);
  if (!entries) return;
  entries.delete(key);
  if (entries.size === 0) index.delete(bucket);
}

/**
 * One list+watch of a resource shared by the workload controllers, as kube-controller-manager's
 * SharedInformerFactory shares one per resource between all its controllers. Besides the store it
 * keeps the indexes the controllers need so no sync scans every object: by owner UID (every
 * ownerReference) and, per namespace, the objects without a controller (candidates for adoption).
 * A listener added after the first list gets the current objects replayed as adds.
 */
export class SharedInformer<T extends KObject> {
  private informer: Informer<T> | undefined;
  private readonly listeners: Listener<T>[] = [];
  private users = 0;
  /** UID → key. A UID is the same string in every version of an object, so lookups never re-hash. */
  private readonly uids = new Map<string, string>();
  // Keys only: an update that keeps its ownerReferences (nearly all of them) touches no index.
  private readonly owned = new Map<string, Set<string>>();
  private readonly orphanIndex = new Map<string, Set<string>>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly world: World,
    private readonly clientId: ComponentId,
    readonly resource: ResourceName,
    /** Keep a UID index (for owners looked up by ownerReference; not needed for pods). */
    private readonly indexUids = true,
  ) {}

  /** A controller starts using the informer (the first one starts the list+watch). */
  acquire(): void {
    this.users += 1;
    if (this.users > 1) return;
    const client = this.world.client(this.clientId, 'control-plane');
    this.informer = new Informer<T>(
      this.world,
      client,
      this.resource,
      {},
      {
        add: (obj) => {
          this.index(undefined, obj);
          for (const l of this.listeners) l.add?.(obj);
        },
        update: (old, obj) => {
          this.index(old, obj);
          for (const l of this.listeners) l.update?.(old, obj);
        },
        delete: (obj) => {
          this.index(obj, undefined);
          for (const l of this.listeners) l.delete?.(obj);
        },
        synced: () => {
          const waiters = this.waiters;
          this.waiters = [];
          for (const w of waiters) w();
        },
      },
    );
    this.informer.start();
  }

  /** A controller stops using it (the last one stops the watch and forgets everything). */
  release(): void {
    if (this.users === 0) return;
    this.users -= 1;
    if (this.users > 0) return;
    this.informer?.stop();
    this.informer = undefined;
    this.owned.clear();
    this.orphanIndex.clear();
    this.uids.clear();
    this.waiters = [];
  }

  /** Registers a listener; objects already known are replayed to it as adds. Returns a remover. */
  addListener(listener: Listener<T>): () => void {
    this.listeners.push(listener);
    if (this.informer && listener.add) for (const obj of this.informer.list()) listener.add(obj);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Whether the first list has arrived. */
  synced(): boolean {
    return this.informer?.synced() ?? false;
  }

  /** Calls `callback` (on the agenda) once the informer has synced. */
  whenSynced(callback: () => void): void {
    if (this.synced()) this.world.agenda.after(0, callback);
    else this.waiters.push(callback);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.informer?.get(namespace ? `${namespace}/${name}` : name);
  }

  /** The object with this UID, if the informer has it (informers that index UIDs). */
  getByUid(uid: string): T | undefined {
    const key = this.uids.get(uid);
    return key === undefined ? undefined : this.informer?.get(key);
  }

  list(): IterableIterator<T> {
    return this.informer?.list() ?? ([] as T[]).values();
  }

  size(): number {
    return this.informer?.size() ?? 0;
  }

  /** Objects with an ownerReference to `uid`, in the order they appeared. */
  ownedBy(uid: string): T[] {
    return this.resolve(this.owned.get(uid));
  }

  /** How many objects have an ownerReference to `uid`. */
  ownedCount(uid: string): number {
    return this.owned.get(uid)?.size ?? 0;
  }

  /** Objects in `namespace` without a controller reference. */
  orphans(namespace: string): T[] {
    return this.resolve(this.orphanIndex.get(namespace));
  }

  private resolve(keys: Set<string> | undefined): T[] {
    const out: T[] = [];
    if (!keys || !this.informer) return out;
    for (const key of keys) {
      const obj = this.informer.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  private index(old: T | undefined, obj: T | undefined): void {
    const oldRefs = old?.metadata.ownerReferences;
    const newRefs = obj?.metadata.ownerReferences;
    const sameUid = !this.indexUids || old?.metadata.uid === obj?.metadata.uid;
    if (old && obj && oldRefs === newRefs && sameUid) return;
    const key = objKey((obj ?? old)!);
    if (old && !sameUid) this.uids.delete(old.metadata.uid);
    if (obj && !sameUid) this.uids.set(obj.metadata.uid, key);
    if (old) {
      for (const ref of oldRefs ?? []) removeFrom(this.owned, ref.uid, key);
      if (!controllerRefOf(old)) removeFrom(this.orphanIndex, old.metadata.namespace ?? '', key);
    }
    if (obj) {
      for (const ref of newRefs ?? []) addTo(this.owned, ref.uid, key);
      if (!controllerRefOf(obj)) addTo(this.orphanIndex, obj.metadata.namespace ?? '', key);
    }
  }
}

/** The shared informers of the workload controllers of one World. */
export type KcmInformers = {
  pods: SharedInformer<Pod>;
  replicasets: SharedInformer<ReplicaSet>;
  deployments: SharedInformer<Deployment>;
  nodes: SharedInformer<Node>;
};

const perWorld = new WeakMap<World, KcmInformers>();

/**
 * The informers for `world`, created on first use. Each watch is drawn as going to the controller
 * that mainly consumes it: pods and ReplicaSets to the ReplicaSet controller, Deployments to the
 * Deployment controller, Nodes to pod GC.
 */
export function kcmInformers(world: World): KcmInformers {
  let informers = perWorld.get(world);
  if (!informers) {
    informers = {
      pods: new SharedInformer<Pod>(world, 'kcm/replicaset', 'pods', false),
      replicasets: new SharedInformer<ReplicaSet>(world, 'kcm/replicaset', 'replicasets'),
      deployments: new SharedInformer<Deployment>(world, 'kcm/deployment', 'deployments'),
      nodes: new SharedInformer<Node>(world, 'kcm/pod-gc', 'nodes'),
    };
    perWorld.set(world, informers);
  }
  return informers;
}
