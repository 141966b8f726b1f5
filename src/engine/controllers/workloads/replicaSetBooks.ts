import { matchesRequirements, selectorRequirements, type Requirement } from '../../objects/labels';
import type { Pod, ReplicaSet } from '../../objects/workloads';
import { controllerRefOf, isPodActive, isPodAvailable, isPodReady } from './podUtil';

// What a pod counts for in its ReplicaSet's status, kept per pod so every change is O(1).
const ACTIVE = 1;
const READY = 2;
const LABELED = 4;
const MISMATCH = 8;

/** The UID of the ReplicaSet controlling a pod, if a ReplicaSet controls it. */
function ownerOf(pod: Pod): string | undefined {
  const ref = controllerRefOf(pod);
  return ref?.kind === 'ReplicaSet' ? ref.uid : undefined;
}

/** What classification needs of a ReplicaSet, computed once per version of its spec. */
type RsShape = {
  selector: Requirement[];
  templateLabels: Record<string, string> | undefined;
  /** The template's labels as pairs, for a quick "fully labeled" check. */
  templatePairs: [string, string][];
  minReadySeconds: number;
};

/** A pod in a book; `labelBits` are kept while the pod's labels object stays the same one. */
type Entry = {
  pod: Pod;
  flags: number;
  labels: Record<string, string> | undefined;
  labelBits: number;
};

/** One ReplicaSet's pods (those whose controllerRef is its UID) and running counts over them. */
export type Book = {
  readonly uid: string;
  /**
   * Each pod, by UID, with what it counts for. UIDs are the same string in every version of a pod,
   * so a lookup never re-hashes a freshly built key.
   */
  entries: Map<string, Entry>;
  /** Active pods matching the selector: filteredPods after claiming (minus adoptions). */
  active: number;
  ready: number;
  fullyLabeled: number;
  /** UIDs of active pods it owns whose labels no longer match its selector: to release. */
  mismatched: Set<string>;
  shape: RsShape | undefined;
};

function shapeOf(rs: ReplicaSet): RsShape {
  return {
    selector: selectorRequirements(rs.spec.selector),
    templateLabels: rs.spec.template.metadata?.labels,
    templatePairs: Object.entries(rs.spec.template.metadata?.labels ?? {}),
    minReadySeconds: rs.spec.minReadySeconds ?? 0,
  };
}

/** Whether `labels` match the selector and carry every template label (LABELED) or not (MISMATCH). */
function labelFlags(
  labels: Record<string, string> | undefined,
  shape: RsShape | undefined,
): number {
  if (!shape) return LABELED;
  if (!matchesRequirements(labels, shape.selector)) return MISMATCH;
  for (const [k, v] of shape.templatePairs) if (labels?.[k] !== v) return 0;
  return LABELED;
}

/** What `pod` counts for in a ReplicaSet of `shape` (an unknown shape matches). */
function classify(
  pod: Pod,
  shape: RsShape | undefined,
  labelBits = labelFlags(pod.metadata.labels, shape),
): number {
  if (!isPodActive(pod)) return 0;
  if (labelBits & MISMATCH) return MISMATCH;
  return ACTIVE | labelBits | (isPodReady(pod) ? READY : 0);
}

/**
 * The ReplicaSet controller's index of pods by controller UID, with each ReplicaSet's counts
 * (replicas, ready, fully labeled) kept up to date on every informer event. Upstream lists and
 * filters every pod of the namespace on each sync; at 150,000 pods this keeps a sync proportional
 * to what changed instead, with the same results.
 */
export class ReplicaSetBooks {
  private readonly books = new Map<string, Book>();

  get(uid: string): Book | undefined {
    return this.books.get(uid);
  }

  clear(): void {
    this.books.clear();
  }

  /** A pod appeared, changed or disappeared (`next` undefined). */
  pod(prev: Pod | undefined, next: Pod | undefined): void {
    const prevOwner = prev ? ownerOf(prev) : undefined;
    const nextOwner = next ? ownerOf(next) : undefined;
    const key = (next ?? prev)!.metadata.uid;
    if (prevOwner && prevOwner !== nextOwner) this.remove(prevOwner, key);
    if (nextOwner) this.put(nextOwner, key, next!);
  }

  /** A ReplicaSet appeared or changed: re-count its pods if its selector, labels or minReadySeconds moved. */
  replicaSet(rs: ReplicaSet): void {
    const book = this.book(rs.metadata.uid);
    const shape = book.shape;
    if (
      shape &&
      shape.templateLabels === rs.spec.template.metadata?.labels &&
      shape.minReadySeconds === (rs.spec.minReadySeconds ?? 0)
    )
      return;
    book.shape = shapeOf(rs);
    book.active = book.ready = book.fullyLabeled = 0;
    book.mismatched.clear();
    for (const [key, entry] of book.entries) {
      entry.labelBits = labelFlags(entry.labels, book.shape);
      entry.flags = classify(entry.pod, book.shape, entry.labelBits);
      this.count(book, key, entry.flags, 1);
    }
  }

  /** A ReplicaSet is gone: its pods stay indexed (for the garbage collector) until they go. */
  replicaSetDeleted(rs: ReplicaSet): void {
    const book = this.books.get(rs.metadata.uid);
    if (!book) return;
    book.shape = undefined;
    if (book.entries.size === 0) this.books.delete(rs.metadata.uid);
  }

  /** The active pods a ReplicaSet owns that match its selector, in the order they were seen. */
  activePods(uid: string): Pod[] {
    const book = this.books.get(uid);
    const out: Pod[] = [];
    if (!book) return out;
    for (const entry of book.entries.values()) if (entry.flags & ACTIVE) out.push(entry.pod);
    return out;
  }

  /** Available pods (Ready for minReadySeconds) among its active matching ones. */
  available(uid: string, now: number): number {
    const book = this.books.get(uid);
    if (!book) return 0;
    const minReady = book.shape?.minReadySeconds ?? 0;
    if (minReady === 0) return book.ready;
    let n = 0;
    for (const { pod, flags } of book.entries.values())
      if (flags & READY && isPodAvailable(pod, minReady, now)) n += 1;
    return n;
  }

  private book(uid: string): Book {
    let book = this.books.get(uid);
    if (!book) {
      book = {
        uid,
        entries: new Map(),
        active: 0,
        ready: 0,
        fullyLabeled: 0,
        mismatched: new Set(),
        shape: undefined,
      };
      this.books.set(uid, book);
    }
    return book;
  }

  private put(uid: string, key: string, pod: Pod): void {
    const book = this.book(uid);
    const entry = book.entries.get(key);
    const labels = pod.metadata.labels;
    if (!entry) {
      const labelBits = labelFlags(labels, book.shape);
      const flags = classify(pod, book.shape, labelBits);
      book.entries.set(key, { pod, flags, labels, labelBits });
      this.count(book, key, flags, 1);
      return;
    }
    entry.pod = pod;
    // Status writes keep the labels object: the selector need not be matched again.
    if (entry.labels !== labels) {
      entry.labels = labels;
      entry.labelBits = labelFlags(labels, book.shape);
    }
    const flags = classify(pod, book.shape, entry.labelBits);
    if (entry.flags === flags) return;
    this.count(book, key, entry.flags, -1);
    entry.flags = flags;
    this.count(book, key, flags, 1);
  }

  private remove(uid: string, key: string): void {
    const book = this.books.get(uid);
    if (!book) return;
    const entry = book.entries.get(key);
    if (!entry) return;
    this.count(book, key, entry.flags, -1);
    book.entries.delete(key);
    if (book.entries.size === 0 && !book.shape) this.books.delete(uid);
  }

  /** The pod with this UID in a ReplicaSet's book. */
  podOf(uid: string, key: string): Pod | undefined {
    return this.books.get(uid)?.entries.get(key)?.pod;
  }

  private count(book: Book, key: string, flags: number, sign: 1 | -1): void {
    if (flags & ACTIVE) book.active += sign;
    if (flags & READY) book.ready += sign;
    if (flags & LABELED) book.fullyLabeled += sign;
    if (flags & MISMATCH) {
      if (sign > 0) book.mismatched.add(key);
      else book.mismatched.delete(key);
    }
  }
}
