import type { Pod } from '../objects/workloads';
import { BACKOFF_ORDERING_WINDOW } from './constants';
import type { PodPlan } from './podplan';

/** Where a queued pod is right now. */
export type QueueLocation = 'active' | 'backoff' | 'errorBackoff' | 'unschedulable' | 'inFlight';

/** QueuedPodInfo: a pod waiting for the cranes, with its attempts and back-off bookkeeping. */
export type QueuedPod = {
  readonly uid: string;
  pod: Pod;
  plan: PodPlan;
  /** When it was (re)added to the queue: PrioritySort's tie-break and the back-off start. */
  timestamp: number;
  /** Scheduling attempts so far (incremented at each Pop). */
  attempts: number;
  /** Filter plugins that rejected it (bitmask of PLUGIN_BIT), empty after an error. */
  unschedulablePlugins: number;
  /** Cached aligned back-off expiry, or -1. */
  backoffExpiration: number;
  location: QueueLocation;
  heapIndex: number;
  /** Insertion order, the last tie-break, so equal pods pop first-in first-out. */
  seq: number;
  /** status.nominatedNodeName as the scheduler knows it. */
  nominatedNode: string | undefined;
};

/** Filter plugins as bits, for UnschedulablePlugins and queueing hints. */
export const PLUGIN_BIT = {
  NodeUnschedulable: 1,
  NodeName: 2,
  TaintToleration: 4,
  NodeAffinity: 8,
  NodePorts: 16,
  NodeResourcesFit: 32,
} as const;

type Less = (a: QueuedPod, b: QueuedPod) => boolean;

/** A binary heap of queued pods that keeps each pod's index, so removal is O(log n). */
class PodHeap {
  private items: QueuedPod[] = [];

  constructor(private readonly less: Less) {}

  get length(): number {
    return this.items.length;
  }

  peek(): QueuedPod | undefined {
    return this.items[0];
  }

  push(item: QueuedPod): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  pop(): QueuedPod | undefined {
    const top = this.items[0];
    if (top) this.removeAt(0);
    return top;
  }

  remove(item: QueuedPod): void {
    const i = item.heapIndex;
    if (i >= 0 && this.items[i] === item) this.removeAt(i);
  }

  /** Restores order after `item`'s keys changed. */
  fix(item: QueuedPod): void {
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }

  values(): readonly QueuedPod[] {
    return this.items;
  }

  private removeAt(i: number): void {
    const items = this.items;
    const item = items[i]!;
    const last = items.pop()!;
    item.heapIndex = -1;
    if (i < items.length) {
      items[i] = last;
      last.heapIndex = i;
      this.up(i);
      this.down(last.heapIndex);
    }
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < n && this.less(items[left]!, items[best]!)) best = left;
      if (right < n && this.less(items[right]!, items[best]!)) best = right;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const t = items[a]!;
    items[a] = items[b]!;
    items[b] = t;
    items[a]!.heapIndex = a;
    items[b]!.heapIndex = b;
  }
}

/** PrioritySort's Less: higher spec.priority first, then the older queue timestamp. */
export function prioritySortLess(a: QueuedPod, b: QueuedPod): boolean {
  const pa = a.plan.priority;
  const pb = b.plan.priority;
  if (pa !== pb) return pa > pb;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export type QueueSettings = {
  initialBackoff: number;
  maxBackoff: number;
  /** podMaxInUnschedulablePodsDuration. */
  unschedulableTimeout: number;
  /** SchedulerPopFromBackoffQ (beta, on since v1.33): an idle scheduler takes a backing-off pod early. */
  popFromBackoffQ: boolean;
  /** Called when a pod is parked in a back-off queue (the flush loop only runs while one is not empty). */
  onBackoff?: () => void;
};

/**
 * The scheduling queue (k/k pkg/scheduler/backend/queue): activeQ ordered by PrioritySort; a
 * back-off queue (pods whose attempt failed and that an event made worth retrying) and an error
 * back-off queue (attempts that failed with an error, e.g. a failed binding), both ordered by back-off
 * expiry, 1 s doubling to 10 s, aligned to 1 s windows; and the unschedulable pool, left only when a
 * cluster event may help (queueing hints) or after 5 minutes.
 */
export class SchedulingQueue {
  private readonly activeQ = new PodHeap(prioritySortLess);
  private readonly backoffQ: PodHeap;
  private readonly errorBackoffQ: PodHeap;
  private readonly unschedulablePods = new Map<string, QueuedPod>();
  private readonly byUid = new Map<string, QueuedPod>();
  private seq = 0;

  constructor(private readonly settings: QueueSettings) {
    // With SchedulerPopFromBackoffQ, pods in the same back-off window are ordered as activeQ orders them.
    this.backoffQ = new PodHeap((a, b) =>
      a.backoffExpiration !== b.backoffExpiration
        ? a.backoffExpiration < b.backoffExpiration
        : prioritySortLess(a, b),
    );
    this.errorBackoffQ = new PodHeap((a, b) =>
      a.backoffExpiration !== b.backoffExpiration
        ? a.backoffExpiration < b.backoffExpiration
        : a.seq < b.seq,
    );
  }

  /** Whether both back-off queues are empty (nothing for the 1 s flush to do). */
  backoffEmpty(): boolean {
    return this.backoffQ.length === 0 && this.errorBackoffQ.length === 0;
  }

  get(uid: string): QueuedPod | undefined {
    return this.byUid.get(uid);
  }

  /** Pods waiting in each sub-queue (in-flight pods are in none). */
  counts(): { active: number; backoff: number; unschedulable: number } {
    return {
      active: this.activeQ.length,
      backoff: this.backoffQ.length + this.errorBackoffQ.length,
      unschedulable: this.unschedulablePods.size,
    };
  }

  /** Whether a Pop would return a pod now. */
  hasWork(): boolean {
    return this.activeQ.length > 0 || (this.settings.popFromBackoffQ && this.backoffQ.length > 0);
  }

  /** Pods waiting for a cluster event, oldest first. */
  unschedulable(): IterableIterator<QueuedPod> {
    return this.unschedulablePods.values();
  }

  /** Add: a new pod without a node goes straight to activeQ. */
  add(pod: Pod, plan: PodPlan, now: number): QueuedPod {
    const existing = this.byUid.get(pod.metadata.uid);
    if (existing) {
      this.update(existing, pod, plan);
      return existing;
    }
    const queued: QueuedPod = {
      uid: pod.metadata.uid,
      pod,
      plan,
      timestamp: now,
      attempts: 0,
      unschedulablePlugins: 0,
      backoffExpiration: -1,
      location: 'active',
      heapIndex: -1,
      seq: this.seq++,
      nominatedNode: pod.status?.nominatedNodeName || undefined,
    };
    this.byUid.set(queued.uid, queued);
    this.activeQ.push(queued);
    return queued;
  }

  /** Update: keeps the pod where it is with its new object. */
  update(queued: QueuedPod, pod: Pod, plan: PodPlan): void {
    const priorityChanged = queued.plan.priority !== plan.priority;
    queued.pod = pod;
    queued.plan = plan;
    if (priorityChanged) {
      if (queued.location === 'active') this.activeQ.fix(queued);
      else if (queued.location === 'backoff') this.backoffQ.fix(queued);
    }
  }

  /** Delete: the pod was deleted or got a node from elsewhere. */
  delete(uid: string): QueuedPod | undefined {
    const queued = this.byUid.get(uid);
    if (!queued) return undefined;
    this.detach(queued);
    this.byUid.delete(uid);
    return queued;
  }

  /**
   * Pop: the head of activeQ, or (SchedulerPopFromBackoffQ) of the back-off queue when activeQ is
   * empty. The pod is in flight until `done` or a requeue.
   */
  pop(): QueuedPod | undefined {
    let queued = this.activeQ.pop();
    if (!queued && this.settings.popFromBackoffQ) queued = this.backoffQ.pop();
    if (!queued) return undefined;
    queued.location = 'inFlight';
    queued.attempts += 1;
    queued.backoffExpiration = -1;
    return queued;
  }

  /** Done: the pod left the queue for good (bound). */
  done(uid: string): void {
    const queued = this.byUid.get(uid);
    if (queued && queued.location === 'inFlight') this.byUid.delete(uid);
  }

  /**
   * AddUnschedulableIfNotPresent after a failed attempt: rejected by plugins → the unschedulable
   * pool; failed with an error (no rejecting plugin) → the error back-off queue.
   */
  requeueAfterFailure(queued: QueuedPod, rejectingPlugins: number, now: number): void {
    if (!this.byUid.has(queued.uid)) return;
    this.detach(queued);
    queued.timestamp = now;
    queued.unschedulablePlugins = rejectingPlugins;
    queued.backoffExpiration = -1;
    if (rejectingPlugins === 0) {
      this.backoffExpiry(queued);
      queued.location = 'errorBackoff';
      this.errorBackoffQ.push(queued);
      this.settings.onBackoff?.();
    } else {
      queued.location = 'unschedulable';
      this.unschedulablePods.set(queued.uid, queued);
    }
  }

  /** calculateBackoffDuration: initial × 2^(attempts−1), capped. */
  backoffDuration(attempts: number): number {
    if (attempts <= 0) return 0;
    let duration = this.settings.initialBackoff;
    for (let i = 1; i < attempts; i += 1) {
      if (duration > this.settings.maxBackoff - duration) return this.settings.maxBackoff;
      duration += duration;
    }
    return Math.min(duration, this.settings.maxBackoff);
  }

  /** getBackoffTime: timestamp + duration, rounded down to a whole second (the back-off ordering window). */
  backoffExpiry(queued: QueuedPod): number {
    if (queued.attempts === 0) return 0;
    if (queued.backoffExpiration < 0) {
      const raw = queued.timestamp + this.backoffDuration(queued.attempts);
      queued.backoffExpiration = raw - (raw % BACKOFF_ORDERING_WINDOW);
    }
    return queued.backoffExpiration;
  }

  /** isPodBackingoff: its window has not yet passed. */
  isBackingOff(queued: QueuedPod, now: number): boolean {
    if (queued.attempts === 0) return false;
    return this.backoffExpiry(queued) >= now - (now % BACKOFF_ORDERING_WINDOW);
  }

  /** flushBackoffQCompleted: every pod whose back-off window passed goes to activeQ. Returns how many. */
  flushBackoffCompleted(now: number): number {
    let moved = 0;
    for (const heap of [this.backoffQ, this.errorBackoffQ]) {
      for (let head = heap.peek(); head && !this.isBackingOff(head, now); head = heap.peek()) {
        heap.pop();
        head.location = 'active';
        this.activeQ.push(head);
        moved += 1;
      }
    }
    return moved;
  }

  /**
   * flushUnschedulablePodsLeftover: pods that stayed longer than podMaxInUnschedulablePodsDuration
   * go back to activeQ (or back-off). Returns how many moved.
   */
  flushUnschedulableLeftover(now: number): number {
    const stale: QueuedPod[] = [];
    for (const queued of this.unschedulablePods.values()) {
      if (now - queued.timestamp > this.settings.unschedulableTimeout) stale.push(queued);
    }
    for (const queued of stale) this.moveToActiveOrBackoff(queued, now);
    return stale.length;
  }

  /**
   * MoveAllToActiveOrBackoffQueue for one cluster event: every unschedulable pod whose hint says the
   * event may help moves. Returns how many moved.
   */
  moveOnEvent(hint: (queued: QueuedPod) => boolean, now: number): number {
    if (this.unschedulablePods.size === 0) return 0;
    const moving: QueuedPod[] = [];
    for (const queued of this.unschedulablePods.values()) if (hint(queued)) moving.push(queued);
    for (const queued of moving) this.moveToActiveOrBackoff(queued, now);
    return moving.length;
  }

  /** requeuePodWithQueueingStrategy(queueAfterBackoff). */
  moveToActiveOrBackoff(queued: QueuedPod, now: number): void {
    this.detach(queued);
    if (this.isBackingOff(queued, now)) {
      queued.location = queued.unschedulablePlugins === 0 ? 'errorBackoff' : 'backoff';
      (queued.unschedulablePlugins === 0 ? this.errorBackoffQ : this.backoffQ).push(queued);
      this.settings.onBackoff?.();
    } else {
      queued.location = 'active';
      this.activeQ.push(queued);
    }
  }

  private detach(queued: QueuedPod): void {
    switch (queued.location) {
      case 'active':
        this.activeQ.remove(queued);
        break;
      case 'backoff':
        this.backoffQ.remove(queued);
        break;
      case 'errorBackoff':
        this.errorBackoffQ.remove(queued);
        break;
      case 'unschedulable':
        this.unschedulablePods.delete(queued.uid);
        break;
      case 'inFlight':
        break;
    }
  }
}
