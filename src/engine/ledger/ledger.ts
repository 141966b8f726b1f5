/** What a key holds: a string written with etcdctl, or a Kubernetes object written by the API server. */
export type LedgerValue = string | Readonly<Record<string, unknown>>;

/** A key as etcd reports it (mvccpb.KeyValue). */
export type KeyValue = {
  readonly key: string;
  readonly value: LedgerValue;
  /** Revision of the write that created this key (since it last did not exist). */
  readonly createRevision: number;
  /** Revision of the last write to this key. */
  readonly modRevision: number;
  /** Writes to this key since it was created (1 after the first put). */
  readonly version: number;
};

/** One change, as a watch reports it. */
export type LedgerEvent = {
  readonly type: 'PUT' | 'DELETE';
  readonly revision: number;
  readonly kv: KeyValue;
  readonly prevKv?: KeyValue;
};

export type WatchCallback = (event: LedgerEvent) => void;

/** Errors in etcd's own words. */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/**
 * The ledger: etcd's MVCC key-value store. One cluster-wide revision, bumped by every write;
 * each key keeps create/mod revision and version; history is kept until compacted, so a get at
 * an older revision and a watch from an older revision both work.
 *
 * @example
 * const ledger = new Ledger();
 * ledger.put('/registry/minions/ship-1', { kind: 'Node' }); // revision 2
 * ledger.get('/registry/minions/ship-1')?.modRevision; // 2
 */
export class Ledger {
  private kv = new Map<string, KeyValue>();
  private history: LedgerEvent[] = [];
  private historyStart = 0;
  private rev = 1;
  private compacted = 0;
  private watchers = new Map<number, { prefix: string; callback: WatchCallback }>();
  private nextWatchId = 1;
  private keepHistory: boolean;

  /** `keepHistory: false` keeps only current values (a headless benchmark needs no time travel). */
  constructor(options: { keepHistory?: boolean } = {}) {
    // etcd starts at revision 1 with an empty keyspace.
    this.keepHistory = options.keepHistory ?? true;
  }

  /** The current revision. */
  revision(): number {
    return this.rev;
  }

  /** The oldest revision still readable (after compaction). */
  compactRevision(): number {
    return this.compacted;
  }

  /** Number of keys. */
  size(): number {
    return this.kv.size;
  }

  /** Reads a key at the current revision, or at `revision` if given. */
  get(key: string, revision?: number): KeyValue | undefined {
    if (revision === undefined || revision === this.rev) return this.kv.get(key);
    this.checkRevision(revision);
    // Walk back from the newest change to find the value the key had at `revision`.
    let found: KeyValue | undefined = this.kv.get(key);
    for (let i = this.history.length - 1; i >= this.historyStart; i -= 1) {
      const event = this.history[i]!;
      if (event.revision <= revision) break;
      if (event.kv.key === key) found = event.prevKv;
    }
    return found;
  }

  /** All keys starting with `prefix`, sorted as etcd sorts them (bytewise). */
  range(prefix: string, options: { revision?: number; limit?: number } = {}): KeyValue[] {
    const keys: string[] = [];
    if (options.revision !== undefined) this.checkRevision(options.revision);
    if (options.revision === undefined || options.revision === this.rev) {
      for (const key of this.kv.keys()) if (key.startsWith(prefix)) keys.push(key);
    } else {
      const candidates = new Set<string>();
      for (const key of this.kv.keys()) if (key.startsWith(prefix)) candidates.add(key);
      for (let i = this.historyStart; i < this.history.length; i += 1) {
        const key = this.history[i]!.kv.key;
        if (key.startsWith(prefix)) candidates.add(key);
      }
      keys.push(...candidates);
    }
    keys.sort(compareBytes);
    const out: KeyValue[] = [];
    for (const key of keys) {
      const value = this.get(key, options.revision);
      if (value) out.push(value);
      if (options.limit !== undefined && options.limit > 0 && out.length >= options.limit) break;
    }
    return out;
  }

  /** Writes a key; returns the new revision. */
  put(key: string, value: LedgerValue): number {
    if (key.length === 0) throw new LedgerError('etcdserver: key is not provided');
    const prev = this.kv.get(key);
    this.rev += 1;
    const kv: KeyValue = {
      key,
      value,
      createRevision: prev ? prev.createRevision : this.rev,
      modRevision: this.rev,
      version: prev ? prev.version + 1 : 1,
    };
    this.kv.set(key, kv);
    this.record({ type: 'PUT', revision: this.rev, kv, ...(prev ? { prevKv: prev } : {}) });
    return this.rev;
  }

  /**
   * Writes only if the key's modRevision is `expected` (0: the key must not exist), as the API
   * server's optimistic concurrency does with an etcd transaction. Returns the new revision or
   * undefined when the comparison failed.
   */
  putIf(key: string, expected: number, value: LedgerValue): number | undefined {
    const current = this.kv.get(key)?.modRevision ?? 0;
    if (current !== expected) return undefined;
    return this.put(key, value);
  }

  /** Deletes a key; returns the new revision, or undefined if there was no such key. */
  delete(key: string): number | undefined {
    const prev = this.kv.get(key);
    if (!prev) return undefined;
    this.rev += 1;
    this.kv.delete(key);
    const tombstone: KeyValue = {
      key,
      value: '',
      createRevision: 0,
      modRevision: this.rev,
      version: 0,
    };
    this.record({ type: 'DELETE', revision: this.rev, kv: tombstone, prevKv: prev });
    return this.rev;
  }

  /** Deletes every key with `prefix`; returns how many were deleted. */
  deletePrefix(prefix: string): number {
    const keys = [...this.kv.keys()].filter((key) => key.startsWith(prefix)).sort(compareBytes);
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  /**
   * Watches keys with `prefix` (a single key is a prefix of itself: pass `exact` to match only it).
   * With `fromRevision`, first replays history from that revision. Returns a cancel function.
   */
  watch(
    prefix: string,
    callback: WatchCallback,
    options: { fromRevision?: number; exact?: boolean } = {},
  ): () => void {
    const matches = options.exact
      ? (key: string) => key === prefix
      : (key: string) => key.startsWith(prefix);
    if (options.fromRevision !== undefined && options.fromRevision <= this.rev) {
      this.checkRevision(options.fromRevision);
      for (let i = this.historyStart; i < this.history.length; i += 1) {
        const event = this.history[i]!;
        if (event.revision >= options.fromRevision && matches(event.kv.key)) callback(event);
      }
    }
    const id = this.nextWatchId++;
    this.watchers.set(id, {
      prefix,
      callback: (event) => matches(event.kv.key) && callback(event),
    });
    return () => this.watchers.delete(id);
  }

  /** Forgets history before `revision` (etcd compaction): older reads and watches fail. */
  compact(revision: number): void {
    if (revision <= this.compacted) {
      throw new LedgerError('mvcc: required revision has been compacted');
    }
    if (revision > this.rev) throw new LedgerError('mvcc: required revision is a future revision');
    this.compacted = revision;
    while (
      this.historyStart < this.history.length &&
      this.history[this.historyStart]!.revision <= revision
    ) {
      this.historyStart += 1;
    }
    if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
      this.history = this.history.slice(this.historyStart);
      this.historyStart = 0;
    }
  }

  /** Changes kept for time travel (after compaction). */
  historyLength(): number {
    return this.history.length - this.historyStart;
  }

  private checkRevision(revision: number): void {
    if (revision < this.compacted)
      throw new LedgerError('mvcc: required revision has been compacted');
    if (revision > this.rev) throw new LedgerError('mvcc: required revision is a future revision');
  }

  private record(event: LedgerEvent): void {
    if (this.keepHistory) this.history.push(event);
    else this.compacted = this.rev;
    for (const watcher of this.watchers.values()) {
      if (event.kv.key.startsWith(watcher.prefix)) watcher.callback(event);
    }
  }
}

/** Bytewise comparison, as etcd orders keys (UTF-16 order matches for ASCII keys). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
