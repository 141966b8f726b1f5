import { EVICTION_RATE_LIMITER_BURST } from './constants';

/** A node waiting in a zone's NoExecute tainting queue. */
export type TimedValue = {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
  seq: number;
};

/**
 * client-go's token bucket (flowcontrol.NewTokenBucketRateLimiter) with one token every
 * `interval` ms and a burst of 1, starting full; `undefined` is the never-accepting limiter used
 * when evictions stop. Kept as whole milliseconds of credit so the arithmetic is exact.
 */
export class TokenBucket {
  private credit: number;
  private last: number;

  constructor(
    readonly interval: number | undefined,
    now: number,
  ) {
    this.credit = (interval ?? 0) * EVICTION_RATE_LIMITER_BURST;
    this.last = now;
  }

  private refill(now: number): void {
    if (this.interval === undefined) return;
    this.credit = Math.min(
      this.interval * EVICTION_RATE_LIMITER_BURST,
      this.credit + (now - this.last),
    );
    this.last = now;
  }

  tryAccept(now: number): boolean {
    if (this.interval === undefined) return false;
    this.refill(now);
    if (this.credit < this.interval) return false;
    this.credit -= this.interval;
    return true;
  }

  /** When the next token will be there (undefined: never). */
  nextTokenAt(now: number): number | undefined {
    if (this.interval === undefined) return undefined;
    this.refill(now);
    return now + Math.max(0, this.interval - this.credit);
  }
}

/**
 * `RateLimitedTimedQueue` (pkg/controller/nodelifecycle/scheduler): a unique queue of nodes
 * ordered by when to process them, drained through a token bucket. A value that was processed
 * stays in the set (so it is not queued again) until `remove` forgets it.
 */
export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private readonly set = new Set<string>();
  private limiter: TokenBucket;
  private seq = 0;

  constructor(interval: number | undefined, now: number) {
    this.limiter = new TokenBucket(interval, now);
  }

  /** Queues `value` now; false if it is already known to the queue. */
  add(value: string, uid: string, now: number): boolean {
    if (this.set.has(value)) return false;
    this.set.add(value);
    this.seq += 1;
    this.queue.push({ value, uid, addedAt: now, processAt: now, seq: this.seq });
    this.sort();
    return true;
  }

  /** Forgets `value` entirely; true if it was known. */
  remove(value: string): boolean {
    this.queue = this.queue.filter((v) => v.value !== value);
    return this.set.delete(value);
  }

  /** Values waiting to be processed. */
  size(): number {
    return this.queue.length;
  }

  /**
   * Processes values whose time has come while the limiter hands out tokens. `fn` returns
   * whether the value is done, or when to retry it.
   */
  try(now: number, fn: (value: TimedValue) => { done: boolean; retryAfter?: number }): void {
    let head = this.queue[0];
    while (head) {
      // As upstream: a token is spent before the head's time is checked.
      if (!this.limiter.tryAccept(now)) break;
      if (now < head.processAt) break;
      const result = fn(head);
      if (result.done) this.queue.shift();
      else {
        head.processAt = now + (result.retryAfter ?? 0) + 1;
        this.sort();
      }
      head = this.queue[0];
    }
  }

  /**
   * `SwapLimiter`: a new rate (undefined: stop). When the old limiter had no token left, the
   * new one starts drained too, so a rate change does not let an extra node through.
   */
  swapLimiter(interval: number | undefined, now: number): void {
    if (this.limiter.interval === interval) return;
    const next = new TokenBucket(interval, now);
    if (interval !== undefined && !this.limiter.tryAccept(now)) next.tryAccept(now);
    this.limiter = next;
  }

  rateInterval(): number | undefined {
    return this.limiter.interval;
  }

  /** The earliest time `try` could do something (undefined: never, or nothing queued). */
  nextReadyAt(now: number): number | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    const token = this.limiter.nextTokenAt(now);
    return token === undefined ? undefined : Math.max(token, head.processAt);
  }

  private sort(): void {
    this.queue.sort((a, b) => a.processAt - b.processAt || a.seq - b.seq);
  }
}
