import type { ApiError, ApiResult } from '../../api/errors';

/**
 * Sequential controller logic in simulated time. Upstream's sync functions block on each API call
 * (a goroutine waits for the answer); here a sync is a generator that yields an effect (send a
 * request) and is resumed with the answer when it arrives on the agenda. No promises: their
 * continuations would run outside the agenda, after `advance()` returns.
 *
 * @example
 * function* sync(): Flow<void> {
 *   const created = yield* request<Pod>((done) => client.create('pods', pod, done));
 *   if (!created.ok) return;
 * }
 * runFlow(sync(), () => queue.done(key));
 */
export type Effect = { readonly run: (resume: (value: unknown) => void) => void };

/** A generator of effects returning `R`. */
export type Flow<R> = Generator<Effect, R, unknown>;

/** Waits for one callback-style operation (usually an API request) and returns its result. */
export function* request<T>(send: (resume: (value: T) => void) => void): Flow<T> {
  return (yield { run: send as (resume: (value: unknown) => void) => void }) as T;
}

/** Starts every operation at once and waits for all of them (a WaitGroup); results keep their order. */
export function* parallel<T>(sends: readonly ((resume: (value: T) => void) => void)[]): Flow<T[]> {
  if (sends.length === 0) return [];
  return (yield {
    run: (resume) => {
      const results = new Array<T>(sends.length);
      let left = sends.length;
      sends.forEach((send, i) =>
        send((value) => {
          results[i] = value;
          left -= 1;
          if (left === 0) resume(results);
        }),
      );
    },
  }) as T[];
}

/**
 * A sync that ends in error (the queue retries it with back-off), like a Go `return err`. Flows
 * throw it; `runFlow` hands it to its callback. Any other exception is a bug and propagates.
 */
export class SyncError extends Error {}

/** Drives `flow` to its end, then calls `done` with its result or its SyncError. Synchronous resumes loop, not recurse. */
export function runFlow<R>(
  flow: Flow<R>,
  done: (result: R | undefined, error?: SyncError) => void,
): void {
  let value: unknown;
  const step = (): void => {
    for (;;) {
      let next: IteratorResult<Effect, R>;
      try {
        next = flow.next(value);
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        done(undefined, error);
        return;
      }
      if (next.done) {
        done(next.value);
        return;
      }
      let inside = true;
      let resumedInside = false;
      let insideValue: unknown;
      next.value.run((resumed) => {
        if (inside) {
          resumedInside = true;
          insideValue = resumed;
          return;
        }
        value = resumed;
        step();
      });
      inside = false;
      if (!resumedInside) return;
      value = insideValue;
    }
  };
  step();
}

/** A request the API server refused, as a SyncError that keeps the Status (code, reason). */
export class ApiFailure extends SyncError {
  constructor(readonly status: ApiError) {
    super(status.message);
  }
}

/** Sends one request and returns its object, or throws ApiFailure (Go's `obj, err := …; if err != nil { return err }`). */
export function* api<T>(send: (done: (result: ApiResult<T>) => void) => void): Flow<T> {
  const result = yield* request<ApiResult<T>>(send);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.object;
}
