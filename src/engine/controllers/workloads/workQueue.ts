import type { World } from '../../sim/world';

/** A sync handler: does its work (possibly asking the bridge, in simulated time), then calls `done`. */
export type SyncHandler = (key: string, done: () => void) => void;

export type WorkQueueOptions = {
  /** Worker count (`--concurrent-replicaset-syncs` and friends). */
  workers: number;
  /** Per-item back-off after a failed sync: `base` ms doubling to `max` ms. */
  rateLimitBase: number;
  rateLimitMax: number;
};

// client-go's DefaultTypedControllerRateLimiter also has an overall bucket of 10 qps, burst 100.
const BUCKET_QPS = 10;
const BUCKET_BURST = 100;

/**
 * client-go's rate-limited work queue with `workers` goroutines, in simulated time: a key is
 * never handled by two workers at once; adding a key that is waiting is a no-op; adding one that
 * is being handled marks it dirty so it runs again once its worker is done, which is how bursts of
 * informer events for the same object collapse into one sync. Keys are handed out in the order
 * they were added, so runs replay exactly.
 */
export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly waiting = new Map<string, { at: number; timer: number }>();
  private readonly failures = new Map<string, number>();
  private active = 0;
  private pumpScheduled = false;
  private running = false;
  private epoch = 0;
  private tokens = BUCKET_BURST;
  private tokensAt = 0;

  constructor(
    private readonly world: World,
    private readonly options: WorkQueueOptions,
    private readonly handler: SyncHandler,
  ) {}

  /** Starts handing keys to workers. */
  start(): void {
    this.running = true;
    this.schedulePump();
  }

  /** Drops every key and timer; syncs still in flight finish but their results are ignored. */
  shutDown(): void {
    this.running = false;
    this.epoch += 1;
    this.queue.length = 0;
    this.head = 0;
    this.dirty.clear();
    this.processing.clear();
    for (const { timer } of this.waiting.values()) this.world.agenda.cancel(timer);
    this.waiting.clear();
    this.failures.clear();
    this.active = 0;
  }

  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.schedulePump();
  }

  /** Adds `key` after `delay` ms; an earlier pending add of the same key wins (delaying queue). */
  addAfter(key: string, delay: number): void {
    if (delay <= 0) {
      this.add(key);
      return;
    }
    const at = this.world.now() + delay;
    const existing = this.waiting.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.world.agenda.cancel(existing.timer);
    const timer = this.world.agenda.at(at, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { at, timer });
  }

  /** Re-adds a key that failed, after its back-off (per-item exponential, overall token bucket). */
  addRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    const exponential = Math.min(
      this.options.rateLimitBase * 2 ** failures,
      this.options.rateLimitMax,
    );
    this.addAfter(key, Math.max(exponential, this.bucketDelay()));
  }

  /** Clears a key's failure count (after a successful sync). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** How many times `key` has failed in a row. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Keys waiting for a worker. */
  length(): number {
    return this.queue.length - this.head;
  }

  /** Whether nothing is queued, in flight or waiting on a timer. */
  idle(): boolean {
    return this.length() === 0 && this.active === 0 && this.waiting.size === 0;
  }

  private bucketDelay(): number {
    const now = this.world.now();
    this.tokens = Math.min(BUCKET_BURST, this.tokens + ((now - this.tokensAt) * BUCKET_QPS) / 1000);
    this.tokensAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / BUCKET_QPS);
  }

  private schedulePump(): void {
    if (this.pumpScheduled || !this.running) return;
    if (this.length() === 0 || this.active >= this.options.workers) return;
    this.pumpScheduled = true;
    this.world.agenda.after(0, () => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running && this.active < this.options.workers && this.length() > 0) {
      const key = this.queue[this.head]!;
      this.head += 1;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.processing.add(key);
      this.dirty.delete(key);
      this.active += 1;
      const epoch = this.epoch;
      let finished = false;
      this.handler(key, () => {
        if (finished || epoch !== this.epoch) return;
        finished = true;
        this.active -= 1;
        this.processing.delete(key);
        if (this.dirty.has(key)) this.queue.push(key);
        this.schedulePump();
      });
    }
  }
}
