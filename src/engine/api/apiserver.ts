import { createActor, type Actor } from 'xstate';
import type { Agenda } from '../time/agenda';
import type { Clock } from '../time/clock';
import { apiserverMachine } from './apiserver.machine';
import type { Rng } from '../time/rng';
import { rfc3339 } from '../time/format';
import type { Ledger, LedgerEvent } from '../ledger/ledger';
import type { EtcdCluster } from '../ledger/etcdCluster';
import type { KObject } from '../objects/meta';
import type { Pod } from '../objects/workloads';
import { PodsByNode } from '../objects/podsByNode';
import { matchesRequirements, type Requirement } from '../objects/labels';
import {
  RESOURCES,
  apiVersionOf,
  keyOf,
  type ResourceInfo,
  type ResourceName,
} from '../objects/resources';
import type { Timings } from '../sim/timings';
import type { ComponentId, Trace } from '../sim/trace';
import type { Network } from '../sim/network';
import { admitCreate, admitUpdate, type AdmissionSettings } from './admission';
import { validateCreate, validateUpdate } from './validation';
import {
  alreadyExists,
  conflict,
  connectionRefused,
  etcdTimeout,
  fail,
  invalid,
  namespaceNotFound,
  notFound,
  ok,
  type ApiError,
  type ApiResult,
} from './errors';

/** Field selectors the simulation's watch cache indexes, as kube-apiserver does for pods. */
export type FieldFilter = {
  /** `spec.nodeName=<node>`: a kubelet's pods. */
  nodeName?: string;
  /** `spec.nodeName=`: pods waiting for the cranes. */
  unassigned?: boolean;
  /** `metadata.name=<name>`. */
  name?: string;
};

export type ListOptions = { namespace?: string; labels?: Requirement[]; fields?: FieldFilter };

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type WatchEvent = {
  readonly type: WatchEventType;
  readonly object: KObject;
  readonly revision: number;
};

export type WatchHandlers = {
  event(event: WatchEvent): void;
  /** The watch ended (bridge stopped, link lost); the client must list again. */
  closed(reason: string): void;
};

export type ListResult = { readonly items: KObject[]; readonly resourceVersion: string };

/** One request to the API server. `patch` applies `mutate` to the current object server-side. */
export type ApiOp =
  | { verb: 'create'; resource: ResourceName; body: KObject }
  | { verb: 'update'; resource: ResourceName; body: KObject; subresource?: 'status' }
  | {
      verb: 'patch';
      resource: ResourceName;
      namespace?: string;
      name: string;
      mutate: (current: KObject) => KObject;
      subresource?: 'status';
    }
  | {
      verb: 'delete';
      resource: ResourceName;
      namespace?: string;
      name: string;
      gracePeriodSeconds?: number;
      uid?: string;
    }
  | { verb: 'bind'; namespace: string; name: string; node: string }
  | { verb: 'get'; resource: ResourceName; namespace?: string; name: string }
  | { verb: 'list'; resource: ResourceName; options?: ListOptions };

export type ApiServerDeps = {
  agenda: Agenda;
  clock: Clock;
  rng: Rng;
  ledger: Ledger;
  etcd: EtcdCluster;
  trace: Trace;
  timings: Timings;
  network: Network;
  /** Freeze every stored object, so a component that mutates shared state fails loudly (tests). */
  freeze: boolean;
};

type Watcher = {
  id: number;
  resource: ResourceName;
  subscriber: ComponentId;
  host: string;
  options: ListOptions;
  handlers: WatchHandlers;
  open: boolean;
};

type Pending = {
  op: ApiOp;
  from: ComponentId;
  respond: (result: ApiResult<unknown>) => void;
  deadline: number;
  timer: number;
};

const MUTATING = new Set(['create', 'update', 'patch', 'delete', 'bind']);
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const keyPrefixes = Object.values(RESOURCES).sort(
  (a, b) => b.keyPrefix.length - a.keyPrefix.length,
);

function resourceOfKey(key: string): ResourceInfo | undefined {
  for (const r of keyPrefixes) if (key.startsWith(r.keyPrefix)) return r;
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** A name for a watch message: `watch pods`. */
const watchKind = (resource: ResourceName) => `watch ${resource}`;

/**
 * The bridge: kube-apiserver. The only component that reads and writes the ledger. Requests pass
 * defaulting and mutating admission, validation, optimistic concurrency (resourceVersion), then
 * land in etcd; its watch cache follows the ledger and fans changes out to watchers, indexed
 * by `spec.nodeName` for pods as kube-apiserver's watch cache does.
 *
 * @example
 * const result = api.request({ verb: 'get', resource: 'nodes', name: 'ship-1' }, 'kubectl');
 */
export class ApiServer {
  private readonly actor: Actor<typeof apiserverMachine>;
  private readonly caches = new Map<ResourceName, Map<string, KObject>>();
  private readonly podsByNode = new PodsByNode();
  private readonly watchersAll = new Map<ResourceName, Watcher[]>();
  private readonly watchersByNode = new Map<string, Watcher[]>();
  /** Watchers with a metadata.name field selector, by resource and name (a kubelet watching its Node). */
  private readonly watchersByName = new Map<string, Watcher[]>();
  private readonly watchersUnassigned: Watcher[] = [];
  private readonly pending: Pending[] = [];
  private readonly usedClusterIPs = new Set<string>();
  private readonly observers: ((
    resource: ResourceName,
    prev: KObject | undefined,
    next: KObject | undefined,
  ) => void)[] = [];
  private nextWatcherId = 1;
  private lastCompactCheckpoint = 1;
  readonly admission: AdmissionSettings;

  constructor(private readonly deps: ApiServerDeps) {
    for (const name of Object.keys(RESOURCES) as ResourceName[]) {
      this.caches.set(name, new Map());
      this.watchersAll.set(name, []);
    }
    this.admission = {
      defaultTolerationSeconds: deps.timings.defaultTolerationSeconds,
      terminationGracePeriodSeconds: deps.timings.terminationGracePeriodSeconds,
      allocateClusterIP: () => this.allocateClusterIP(),
    };
    deps.ledger.watch('/registry/', (event) => this.onLedgerEvent(event));
    deps.network.onChange((host, up) => {
      if (!up)
        this.closeWatchers(
          (w) => w.host === host,
          `dial tcp ${deps.network.apiserverAddress}: i/o timeout`,
        );
    });
    this.actor = createActor(apiserverMachine, {
      clock: deps.clock,
      input: {
        compactionInterval: deps.timings.compactionInterval,
        hooks: { closeEverything: () => this.closeEverything(), compact: () => this.compact() },
      },
    });
    this.actor.start();
  }

  /** Whether the bridge is up. */
  isRunning(): boolean {
    return this.actor.getSnapshot().matches('serving');
  }

  /** Stops the API server: every watch breaks, every request is refused until `start`. */
  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  private get running(): boolean {
    return this.isRunning();
  }

  private closeEverything(): void {
    this.closeWatchers(() => true, 'http2: server sent GOAWAY and closed the connection');
    for (const p of this.pending.splice(0)) {
      this.deps.agenda.cancel(p.timer);
      p.respond(fail(connectionRefused(this.deps.network.apiserverAddress)));
    }
  }

  /**
   * Handles a request synchronously, now (the console's path: kubectl talks to the bridge
   * directly). Without an etcd quorum, writes and consistent reads fail as the real ones do after
   * etcd's request timeout.
   */
  request<T extends KObject = KObject>(op: ApiOp, from: ComponentId): ApiResult<T> {
    if (!this.running) return fail(connectionRefused(this.deps.network.apiserverAddress));
    if (this.deps.etcd.writable() !== 'ok') return fail(etcdTimeout());
    return this.execute(op, from) as ApiResult<T>;
  }

  /** Lists from the watch cache (what informers do: `resourceVersion=0`), even without quorum. */
  listFromCache(resource: ResourceName, options: ListOptions = {}): ListResult {
    return {
      items: this.select(resource, options),
      resourceVersion: String(this.deps.ledger.revision()),
    };
  }

  /** Reads one object from the watch cache. */
  cached<T extends KObject = KObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    return this.caches.get(resource)!.get(keyOf(resource, namespace, name)) as T | undefined;
  }

  /** Every cached object of a resource, unordered (for snapshots). */
  cachedAll<T extends KObject = KObject>(resource: ResourceName): Iterable<T> {
    return this.caches.get(resource)!.values() as Iterable<T>;
  }

  /**
   * Calls `observer` synchronously on every change to the watch cache. For the simulation's own
   * bookkeeping (the snapshot's view), not for components: they watch over the network.
   */
  observe(
    observer: (
      resource: ResourceName,
      prev: KObject | undefined,
      next: KObject | undefined,
    ) => void,
  ): void {
    this.observers.push(observer);
  }

  /** Number of cached objects of a resource. */
  count(resource: ResourceName): number {
    return this.caches.get(resource)!.size;
  }

  /**
   * Handles a request that arrived over the network, answering through `respond` after the
   * processing and etcd commit time. Writes wait (up to etcd's request timeout) for a leader.
   */
  handle(op: ApiOp, from: ComponentId, respond: (result: ApiResult<unknown>) => void): void {
    const { agenda, timings, etcd } = this.deps;
    if (!this.running) {
      respond(fail(connectionRefused(this.deps.network.apiserverAddress)));
      return;
    }
    const mutating = MUTATING.has(op.verb);
    if (mutating && etcd.writable() !== 'ok') {
      const deadline = agenda.now() + timings.etcdRequestTimeout;
      const entry: Pending = { op, from, respond, deadline, timer: 0 };
      entry.timer = agenda.at(deadline, () => {
        const index = this.pending.indexOf(entry);
        if (index >= 0) this.pending.splice(index, 1);
        respond(fail(etcdTimeout()));
      });
      this.pending.push(entry);
      return;
    }
    const result =
      op.verb === 'list' ? ok(this.listFromCache(op.resource, op.options)) : this.execute(op, from);
    const delay = timings.apiProcessing + (mutating ? this.commitLatency() : 0);
    agenda.after(delay, () => respond(result));
  }

  /** Called when etcd elects a leader or loses one: queued writes go through once it can write. */
  etcdChanged(): void {
    if (this.deps.etcd.writable() !== 'ok' || !this.running) return;
    for (const p of this.pending.splice(0)) {
      this.deps.agenda.cancel(p.timer);
      const result = this.execute(p.op, p.from);
      this.deps.agenda.after(this.deps.timings.apiProcessing + this.commitLatency(), () =>
        p.respond(result),
      );
    }
  }

  /** Time for a write to commit: one fsync, plus a replication round trip with more than one member. */
  commitLatency(): number {
    const { timings, etcd } = this.deps;
    return timings.etcdCommit + (etcd.size() > 1 ? 2 * timings.networkHop : 0);
  }

  /**
   * Opens a watch for `subscriber` (running on `host`): returns the current list and delivers
   * every later change. The list and the watch start at the same revision, so nothing is missed.
   */
  listAndWatch(
    resource: ResourceName,
    options: ListOptions,
    subscriber: ComponentId,
    host: string,
    handlers: WatchHandlers,
  ): { list: ListResult; cancel: () => void } | { error: ApiError } {
    if (!this.running) return { error: connectionRefused(this.deps.network.apiserverAddress) };
    const watcher: Watcher = {
      id: this.nextWatcherId++,
      resource,
      subscriber,
      host,
      options,
      handlers,
      open: true,
    };
    this.indexWatcher(watcher, true);
    return {
      list: this.listFromCache(resource, options),
      cancel: () => {
        watcher.open = false;
        this.indexWatcher(watcher, false);
      },
    };
  }

  /** Runs a request against the ledger, now. */
  execute(op: ApiOp, from: ComponentId): ApiResult<unknown> {
    switch (op.verb) {
      case 'create':
        return this.create(op.resource, op.body, from);
      case 'update':
        return this.update(op.resource, op.body, op.subresource, from);
      case 'patch':
        return this.patch(op, from);
      case 'delete':
        return this.remove(op.resource, op.namespace, op.name, op.gracePeriodSeconds, op.uid, from);
      case 'bind':
        return this.bind(op.namespace, op.name, op.node, from);
      case 'get': {
        const obj = this.cached(op.resource, op.namespace, op.name);
        return obj ? ok(obj) : fail(notFound(op.resource, op.name));
      }
      case 'list':
        return ok(this.listFromCache(op.resource, op.options));
    }
  }

  // ——— writes ———

  private create(resource: ResourceName, body: KObject, from: ComponentId): ApiResult<KObject> {
    const info = RESOURCES[resource];
    const namespace = info.namespaced ? (body.metadata?.namespace ?? 'default') : undefined;
    if (
      namespace !== undefined &&
      resource !== 'namespaces' &&
      !this.cached('namespaces', undefined, namespace)
    ) {
      return fail(namespaceNotFound(namespace));
    }
    const now = this.deps.agenda.now();
    const meta = body.metadata ?? ({} as KObject['metadata']);
    // generateName: the server appends 5 random characters and retries on a clash (RetryGenerateName).
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const name =
        meta.name ||
        (meta.generateName ? meta.generateName + this.deps.rng.string(5, NAME_ALPHABET) : '');
      const key = keyOf(resource, namespace, name);
      if (name && this.deps.ledger.get(key)) {
        if (!meta.name && meta.generateName) continue;
        return fail(alreadyExists(resource, name));
      }
      let obj: KObject = {
        ...body,
        apiVersion: apiVersionOf(info),
        kind: info.kind,
        metadata: {
          ...meta,
          name,
          ...(namespace !== undefined ? { namespace } : {}),
          uid: this.uid(),
          resourceVersion: '',
          creationTimestamp: rfc3339(now),
          ...(resource === 'deployments' || resource === 'replicasets' ? { generation: 1 } : {}),
        },
      };
      obj = admitCreate(resource, obj, this.admission);
      const errors = validateCreate(resource, obj);
      if (errors.length > 0) return fail(invalid(resource, name, errors));
      return (
        this.store(resource, key, obj, 0, from, 'create') ?? fail(alreadyExists(resource, name))
      );
    }
    return fail(alreadyExists(resource, meta.generateName ?? ''));
  }

  private update(
    resource: ResourceName,
    body: KObject,
    subresource: 'status' | undefined,
    from: ComponentId,
  ): ApiResult<KObject> {
    const info = RESOURCES[resource];
    const namespace = info.namespaced ? (body.metadata.namespace ?? 'default') : undefined;
    const key = keyOf(resource, namespace, body.metadata.name);
    const current = this.deps.ledger.get(key);
    if (!current || typeof current.value === 'string')
      return fail(notFound(resource, body.metadata.name));
    if (
      body.metadata.resourceVersion &&
      body.metadata.resourceVersion !== String(current.modRevision)
    ) {
      return fail(conflict(resource, body.metadata.name));
    }
    return this.write(
      resource,
      key,
      current.value as KObject,
      body,
      subresource,
      current.modRevision,
      from,
    );
  }

  private patch(op: Extract<ApiOp, { verb: 'patch' }>, from: ComponentId): ApiResult<KObject> {
    const info = RESOURCES[op.resource];
    const key = keyOf(
      op.resource,
      info.namespaced ? (op.namespace ?? 'default') : undefined,
      op.name,
    );
    const current = this.deps.ledger.get(key);
    if (!current || typeof current.value === 'string') return fail(notFound(op.resource, op.name));
    const next = op.mutate(current.value as KObject);
    return this.write(
      op.resource,
      key,
      current.value as KObject,
      next,
      op.subresource,
      current.modRevision,
      from,
    );
  }

  /** Merges per the status subresource rules, validates, bumps generation, writes if unchanged since read. */
  private write(
    resource: ResourceName,
    key: string,
    old: KObject,
    body: KObject,
    subresource: 'status' | undefined,
    modRevision: number,
    from: ComponentId,
  ): ApiResult<KObject> {
    const info = RESOURCES[resource];
    const oldAny = old as KObject & { spec?: unknown; status?: unknown };
    const bodyAny = body as KObject & { spec?: unknown; status?: unknown };
    let merged: KObject;
    if (subresource === 'status') {
      merged = { ...old, status: bodyAny.status } as KObject;
    } else {
      merged = {
        ...body,
        apiVersion: old.apiVersion,
        kind: old.kind,
        metadata: {
          ...body.metadata,
          name: old.metadata.name,
          uid: old.metadata.uid,
          creationTimestamp: old.metadata.creationTimestamp,
          ...(old.metadata.namespace !== undefined ? { namespace: old.metadata.namespace } : {}),
          ...(old.metadata.deletionTimestamp !== undefined
            ? {
                deletionTimestamp: old.metadata.deletionTimestamp,
                deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds!,
              }
            : {}),
        },
      } as KObject;
      if (info.statusSubresource && 'status' in oldAny)
        (merged as { status?: unknown }).status = oldAny.status;
      merged = admitUpdate(resource, merged, this.admission);
      if (old.metadata.generation !== undefined) {
        const specChanged =
          JSON.stringify(oldAny.spec) !== JSON.stringify((merged as { spec?: unknown }).spec);
        merged = {
          ...merged,
          metadata: {
            ...merged.metadata,
            generation: old.metadata.generation + (specChanged ? 1 : 0),
          },
        };
      }
      const errors = validateUpdate(resource, old, merged);
      if (errors.length > 0) return fail(invalid(resource, old.metadata.name, errors));
    }
    return (
      this.store(
        resource,
        key,
        merged,
        modRevision,
        from,
        subresource === 'status' ? 'update status' : 'update',
      ) ?? fail(conflict(resource, old.metadata.name))
    );
  }

  private remove(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    gracePeriodSeconds: number | undefined,
    uid: string | undefined,
    from: ComponentId,
  ): ApiResult<KObject> {
    void from;
    const info = RESOURCES[resource];
    const key = keyOf(resource, info.namespaced ? (namespace ?? 'default') : undefined, name);
    const current = this.deps.ledger.get(key);
    if (!current || typeof current.value === 'string') return fail(notFound(resource, name));
    const obj = current.value as KObject;
    if (uid && obj.metadata.uid !== uid) {
      return fail({
        code: 409,
        reason: 'Conflict',
        message: `Operation cannot be fulfilled on ${info.name} "${name}": Precondition failed: UID in precondition: ${uid}, UID in object meta: ${obj.metadata.uid}`,
      });
    }
    if (resource === 'pods') {
      const pod = obj as Pod;
      const grace =
        gracePeriodSeconds ??
        pod.spec.terminationGracePeriodSeconds ??
        this.deps.timings.terminationGracePeriodSeconds;
      const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
      // Graceful deletion (registry/core/pod/strategy.go): only for a scheduled, non-terminal pod.
      if (pod.spec.nodeName && !terminal && grace > 0) {
        const now = this.deps.agenda.now();
        const existing = pod.metadata.deletionGracePeriodSeconds;
        if (existing !== undefined && existing <= grace) return ok(obj);
        const marked: KObject = {
          ...pod,
          metadata: {
            ...pod.metadata,
            deletionTimestamp: rfc3339(now + grace * 1000),
            deletionGracePeriodSeconds: grace,
          },
        };
        return (
          this.store(resource, key, marked, current.modRevision, from, 'delete (graceful)') ??
          fail(conflict(resource, name))
        );
      }
    }
    const now = this.deps.agenda.now();
    this.deps.trace.message(
      'apiserver',
      this.deps.etcd.leaderName() ?? 'etcd-0',
      'txn delete',
      now,
      now + this.commitLatency(),
      key,
    );
    this.deps.ledger.delete(key);
    this.afterWrite(key, 'DELETE');
    return ok(obj);
  }

  private bind(
    namespace: string,
    name: string,
    node: string,
    from: ComponentId,
  ): ApiResult<KObject> {
    const key = keyOf('pods', namespace, name);
    const current = this.deps.ledger.get(key);
    if (!current || typeof current.value === 'string') return fail(notFound('pods', name));
    const pod = current.value as Pod;
    if (pod.metadata.deletionTimestamp) {
      return fail({
        code: 409,
        reason: 'Conflict',
        message: `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`,
      });
    }
    if (pod.spec.nodeName) {
      return fail({
        code: 409,
        reason: 'Conflict',
        message: `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
      });
    }
    const now = rfc3339(this.deps.agenda.now());
    const conditions = (pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    });
    const bound: Pod = {
      ...pod,
      spec: { ...pod.spec, nodeName: node },
      status: { ...pod.status, conditions },
    };
    return (
      this.store('pods', key, bound, current.modRevision, from, 'bind') ??
      fail(conflict('pods', name))
    );
  }

  /** Writes if the key's modRevision is still `expected`; the object's resourceVersion becomes the new revision. */
  private store(
    resource: ResourceName,
    key: string,
    obj: KObject,
    expected: number,
    from: ComponentId,
    what: string,
  ): ApiResult<KObject> | undefined {
    const { ledger } = this.deps;
    const stored: KObject = {
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: String(ledger.revision() + 1) },
    };
    if (this.deps.freeze) deepFreeze(stored);
    const now = this.deps.agenda.now();
    this.deps.trace.message(
      'apiserver',
      this.deps.etcd.leaderName() ?? 'etcd-0',
      `txn ${what}`,
      now,
      now + this.commitLatency(),
      key,
    );
    const revision = ledger.putIf(key, expected, stored);
    if (revision === undefined) return undefined;
    this.afterWrite(key, 'PUT');
    if (resource === 'events') this.expireEvent(key, revision);
    return ok(stored);
  }

  private afterWrite(key: string, type: 'PUT' | 'DELETE'): void {
    const revision = this.deps.ledger.revision();
    this.deps.etcd.committed(revision);
    this.deps.trace.ledgerWrite({ key, revision, at: this.deps.agenda.now(), type });
  }

  /** Events live for --event-ttl (1 h) after their last update, via an etcd lease in the real server. */
  private expireEvent(key: string, revision: number): void {
    this.deps.agenda.after(this.deps.timings.eventTtl, () => {
      const current = this.deps.ledger.get(key);
      if (current && current.modRevision === revision && this.deps.etcd.writable() === 'ok') {
        this.deps.ledger.delete(key);
        this.afterWrite(key, 'DELETE');
      }
    });
  }

  /** kube-apiserver compacts etcd every 5 minutes, keeping the last interval's history. */
  private compact(): void {
    const target = this.lastCompactCheckpoint;
    this.lastCompactCheckpoint = this.deps.ledger.revision();
    if (this.deps.etcd.writable() === 'ok' && target > this.deps.ledger.compactRevision()) {
      this.deps.ledger.compact(target);
      this.deps.trace.event(
        this.deps.agenda.now(),
        'apiserver',
        'etcd.compact',
        `compacted the ledger's history up to revision ${target}`,
      );
    }
  }

  private allocateClusterIP(): string | undefined {
    // 10.96.0.0/12 (kubeadm's default service CIDR); .1 is the kubernetes Service, .10 is kept for DNS.
    for (let attempt = 0; attempt < 64; attempt += 1) {
      const offset = 11 + this.deps.rng.int((1 << 20) - 12);
      const ip = `10.${96 + (offset >> 16)}.${(offset >> 8) & 255}.${offset & 255}`;
      if (!this.usedClusterIPs.has(ip)) {
        this.usedClusterIPs.add(ip);
        return ip;
      }
    }
    return undefined;
  }

  /** Marks a Service IP as used (for objects created before the allocator, like `kubernetes`). */
  reserveClusterIP(ip: string): void {
    this.usedClusterIPs.add(ip);
  }

  private uid(): string {
    const hex = (n: number) => this.deps.rng.nextUint32().toString(16).padStart(8, '0').slice(0, n);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(this.deps.rng.int(4) + 8).toString(16)}${hex(3)}-${hex(8)}${hex(4)}`;
  }

  // ——— the watch cache ———

  private onLedgerEvent(event: LedgerEvent): void {
    const info = resourceOfKey(event.kv.key);
    if (!info) return;
    const cache = this.caches.get(info.name)!;
    const prev = cache.get(event.kv.key);
    let next: KObject | undefined;
    if (event.type === 'PUT') {
      const value = event.kv.value;
      if (
        typeof value === 'string' ||
        !value ||
        typeof value !== 'object' ||
        !('metadata' in value)
      ) {
        // Written around the bridge (etcdctl put): kube-apiserver cannot decode it.
        this.deps.trace.event(
          this.deps.agenda.now(),
          'apiserver',
          'apiserver.decode-error',
          `the bridge could not decode ${event.kv.key}: it is not an object the API server wrote`,
          event.kv.key,
        );
        if (prev) cache.delete(event.kv.key);
        next = undefined;
      } else {
        next = value as unknown as KObject;
        cache.set(event.kv.key, next);
      }
    } else {
      cache.delete(event.kv.key);
    }
    if (info.name === 'pods')
      this.indexPod(event.kv.key, prev as Pod | undefined, next as Pod | undefined);
    if (info.name === 'services') {
      const ip = (next as { spec?: { clusterIP?: string } } | undefined)?.spec?.clusterIP;
      if (ip) this.usedClusterIPs.add(ip);
      const old = (prev as { spec?: { clusterIP?: string } } | undefined)?.spec?.clusterIP;
      if (old && !next) this.usedClusterIPs.delete(old);
    }
    for (const observer of this.observers) observer(info.name, prev, next);
    this.fanOut(info.name, prev, next, event.revision);
  }

  private indexPod(key: string, prev: Pod | undefined, next: Pod | undefined): void {
    this.podsByNode.move(key, prev?.spec.nodeName, next?.spec.nodeName);
  }

  private fanOut(
    resource: ResourceName,
    prev: KObject | undefined,
    next: KObject | undefined,
    revision: number,
  ): void {
    const candidates: Watcher[] = [...this.watchersAll.get(resource)!];
    const named = this.watchersByName.get(`${resource}/${(next ?? prev)!.metadata.name}`);
    if (named) candidates.push(...named);
    if (resource === 'pods') {
      const before = (prev as Pod | undefined)?.spec.nodeName;
      const after = (next as Pod | undefined)?.spec.nodeName;
      if (before) candidates.push(...(this.watchersByNode.get(before) ?? []));
      if (after && after !== before) candidates.push(...(this.watchersByNode.get(after) ?? []));
      if ((prev && !before) || (next && !after)) candidates.push(...this.watchersUnassigned);
    }
    if (candidates.length === 0) return;
    const deliveries: [Watcher, WatchEvent][] = [];
    for (const watcher of candidates) {
      const was = prev !== undefined && this.matches(watcher.options, prev);
      const is = next !== undefined && this.matches(watcher.options, next);
      if (!was && !is) continue;
      const type: WatchEventType = was && is ? 'MODIFIED' : is ? 'ADDED' : 'DELETED';
      deliveries.push([watcher, { type, object: (is ? next : (next ?? prev))!, revision }]);
    }
    if (deliveries.length === 0) return;
    const { agenda, trace, timings } = this.deps;
    const sent = agenda.now();
    const arrives = sent + timings.watchLatency;
    if (trace.detail) {
      const key = keyOf(
        resource,
        (next ?? prev)!.metadata.namespace,
        (next ?? prev)!.metadata.name,
      );
      for (const [watcher] of deliveries)
        trace.message('apiserver', watcher.subscriber, watchKind(resource), sent, arrives, key);
    }
    agenda.at(arrives, () => {
      for (const [watcher, event] of deliveries) if (watcher.open) watcher.handlers.event(event);
    });
  }

  private matches(options: ListOptions, obj: KObject): boolean {
    if (options.namespace !== undefined && obj.metadata.namespace !== options.namespace)
      return false;
    const fields = options.fields;
    if (fields) {
      if (fields.name !== undefined && obj.metadata.name !== fields.name) return false;
      const nodeName = (obj as Pod).spec?.nodeName;
      if (fields.nodeName !== undefined && nodeName !== fields.nodeName) return false;
      if (fields.unassigned && nodeName) return false;
    }
    if (options.labels && !matchesRequirements(obj.metadata.labels, options.labels)) return false;
    return true;
  }

  private select(resource: ResourceName, options: ListOptions): KObject[] {
    const cache = this.caches.get(resource)!;
    let keys: Iterable<string>;
    if (resource === 'pods' && options.fields?.nodeName !== undefined)
      keys = this.podsByNode.on(options.fields.nodeName);
    else if (options.fields?.name !== undefined) {
      // A name selector reads one key (or one per namespace), not the whole resource.
      const name = options.fields.name;
      if (!RESOURCES[resource].namespaced) keys = [keyOf(resource, undefined, name)];
      else if (options.namespace !== undefined) keys = [keyOf(resource, options.namespace, name)];
      else keys = [...cache.keys()].filter((k) => k.endsWith(`/${name}`));
    } else keys = cache.keys();
    const out: [string, KObject][] = [];
    for (const key of keys) {
      const obj = cache.get(key);
      if (obj && this.matches(options, obj)) out.push([key, obj]);
    }
    out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return out.map(([, obj]) => obj);
  }

  private indexWatcher(watcher: Watcher, add: boolean): void {
    let list: Watcher[];
    if (watcher.options.fields?.name !== undefined) {
      const key = `${watcher.resource}/${watcher.options.fields.name}`;
      list = this.watchersByName.get(key) ?? [];
      this.watchersByName.set(key, list);
    } else if (watcher.resource === 'pods' && watcher.options.fields?.nodeName !== undefined) {
      const node = watcher.options.fields.nodeName;
      list = this.watchersByNode.get(node) ?? [];
      this.watchersByNode.set(node, list);
    } else if (watcher.resource === 'pods' && watcher.options.fields?.unassigned) {
      list = this.watchersUnassigned;
    } else {
      list = this.watchersAll.get(watcher.resource)!;
    }
    if (add) list.push(watcher);
    else {
      const index = list.indexOf(watcher);
      if (index >= 0) list.splice(index, 1);
    }
  }

  private closeWatchers(which: (w: Watcher) => boolean, reason: string): void {
    const all: Watcher[] = [
      ...[...this.watchersAll.values()].flat(),
      ...[...this.watchersByName.values()].flat(),
      ...[...this.watchersByNode.values()].flat(),
      ...this.watchersUnassigned,
    ];
    for (const watcher of all) {
      if (!watcher.open || !which(watcher)) continue;
      watcher.open = false;
      this.indexWatcher(watcher, false);
      watcher.handlers.closed(reason);
    }
  }
}
