import type { KObject } from '../objects/meta';
import type { ResourceName } from '../objects/resources';
import type { World } from '../sim/world';
import type { ListOptions, ListResult, WatchEvent } from './apiserver';
import type { ApiClient } from './client';

export type InformerHandlers<T extends KObject> = {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
  /** After the first list (and after each re-list) has been applied. */
  synced?(): void;
};

/** `namespace/name`, or `name` for cluster-scoped objects: how informers key their stores. */
export function objectKey(obj: KObject): string {
  return obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;
}

/**
 * A component's local view of one resource, as client-go's informer keeps it: list, then watch
 * from the list's revision; when the watch breaks (bridge down, radio cut), retry with back-off
 * (800 ms doubling to 30 s, with jitter, like the reflector) and re-list, turning the difference into
 * add/update/delete calls. Components read their informers, never the ledger.
 */
export class Informer<T extends KObject> {
  private readonly store = new Map<string, T>();
  private cancelWatch: (() => void) | undefined;
  private buffer: WatchEvent[] | undefined;
  private backoff = 800;
  private stopped = false;
  private hasSynced = false;
  private retryTimer: number | undefined;

  constructor(
    private readonly world: World,
    private readonly client: ApiClient,
    readonly resource: ResourceName,
    private readonly options: ListOptions,
    private readonly handlers: InformerHandlers<T>,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    if (this.retryTimer !== undefined) this.world.agenda.cancel(this.retryTimer);
  }

  /** Whether the first list has arrived. */
  synced(): boolean {
    return this.hasSynced;
  }

  /** Whether the watch is open right now. */
  connected(): boolean {
    return this.cancelWatch !== undefined;
  }

  get(key: string): T | undefined {
    return this.store.get(key);
  }

  list(): IterableIterator<T> {
    return this.store.values();
  }

  size(): number {
    return this.store.size;
  }

  private connect(): void {
    const { agenda, api, network, timings, trace } = this.world;
    const sent = agenda.now();
    if (!network.linkUp(this.client.host)) {
      trace.message(
        this.client.id,
        'apiserver',
        `list ${this.resource}`,
        sent,
        sent + timings.networkHop,
        undefined,
        false,
      );
      this.retryTimer = agenda.after(timings.clientTimeout, () => this.retry());
      return;
    }
    trace.message(
      this.client.id,
      'apiserver',
      `list ${this.resource}`,
      sent,
      sent + timings.networkHop,
    );
    agenda.after(timings.networkHop, () => {
      if (this.stopped) return;
      const opened = api.listAndWatch(
        this.resource,
        this.options,
        this.client.id,
        this.client.host,
        {
          event: (event) => this.onEvent(event),
          closed: () => this.onClosed(),
        },
      );
      if ('error' in opened) {
        agenda.after(timings.networkHop, () => this.retry());
        return;
      }
      this.cancelWatch = opened.cancel;
      this.buffer = [];
      const back = agenda.now();
      trace.message(
        'apiserver',
        this.client.id,
        `list ${this.resource}`,
        back,
        back + timings.networkHop,
        undefined,
        true,
      );
      agenda.after(timings.networkHop, () => this.applyList(opened.list));
    });
  }

  private retry(): void {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const jitter = this.world.rng.next() * this.backoff;
    const delay = Math.round(this.backoff + jitter);
    this.backoff = Math.min(this.backoff * 2, 30_000);
    this.retryTimer = this.world.agenda.after(delay, () => {
      this.retryTimer = undefined;
      if (!this.stopped) this.connect();
    });
  }

  private onClosed(): void {
    this.cancelWatch = undefined;
    this.buffer = undefined;
    if (!this.stopped) this.retry();
  }

  private applyList(list: ListResult): void {
    if (this.stopped || !this.cancelWatch) return;
    const seen = new Set<string>();
    const removed: T[] = [];
    for (const item of list.items as T[]) seen.add(objectKey(item));
    for (const [key, obj] of [...this.store.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!seen.has(key)) {
        this.store.delete(key);
        removed.push(obj);
      }
    }
    for (const obj of removed) this.handlers.delete?.(obj);
    for (const item of list.items as T[]) {
      const key = objectKey(item);
      const old = this.store.get(key);
      this.store.set(key, item);
      if (!old) this.handlers.add?.(item);
      else if (old.metadata.resourceVersion !== item.metadata.resourceVersion)
        this.handlers.update?.(old, item);
    }
    this.hasSynced = true;
    this.backoff = 800;
    const buffered = this.buffer ?? [];
    this.buffer = undefined;
    const listed = Number(list.resourceVersion);
    for (const event of buffered) if (event.revision > listed) this.apply(event);
    this.handlers.synced?.();
  }

  private onEvent(event: WatchEvent): void {
    if (this.buffer) this.buffer.push(event);
    else this.apply(event);
  }

  private apply(event: WatchEvent): void {
    const obj = event.object as T;
    const key = objectKey(obj);
    const old = this.store.get(key);
    if (event.type === 'DELETED') {
      if (!old) return;
      this.store.delete(key);
      this.handlers.delete?.(obj);
      return;
    }
    this.store.set(key, obj);
    if (old) this.handlers.update?.(old, obj);
    else this.handlers.add?.(obj);
  }
}
