import { setup } from 'xstate';

/** What the crane crew's machine asks of the scheduler it runs. */
export type CraneCrew = {
  /** Starts (or keeps) scheduling cycles running through the agenda. */
  runCycles(): void;
  /** Whether the queue has nothing to schedule now (the crew may stand down). */
  queueDrained(): boolean;
  /** flushBackoffQCompleted: pods whose back-off window passed go to activeQ. */
  flushBackoffQ(): void;
  /** Whether the back-off queues are empty: then the 1 s flush rests until a pod backs off. */
  backoffEmpty(): boolean;
  /** flushUnschedulablePodsLeftover: pods unschedulable for too long are retried. */
  flushUnschedulablePods(): void;
  /** ms until the next 1 s back-off window (the flush is aligned to it). */
  untilNextBackoffWindow(): number;
  readonly unschedulableFlushPeriod: number;
  readonly idleCheck: number;
  /** Reports the crew's state, for the log and the canvas. */
  crewChanged(state: 'waitingForCache' | 'idle' | 'scheduling'): void;
};

export type SchedulerEvent =
  /** Every informer has listed once (WaitForCacheSync). */
  | { type: 'CACHE_SYNCED' }
  /** A pod entered activeQ while the crew was idle. */
  | { type: 'WORK_ARRIVED' }
  /** A pod was parked in a back-off queue: the flush loop must run. */
  | { type: 'BACKOFF_PENDING' };

/**
 * The crane crew (kube-scheduler's lifecycle): it waits for its informers' caches to sync, then
 * runs. While running, three things happen at once: the crew is idle or scheduling (one pod per
 * cycle, serially); the back-off queue is flushed every second, on the 1 s window; and the
 * unschedulable pool is checked every 30 s for pods that waited past the 5-minute limit.
 * The crew stands down when a check finds the queue drained, so a busy scheduler sends no event
 * per pod.
 */
export const schedulerMachine = setup({
  types: {
    context: {} as { crew: CraneCrew },
    events: {} as SchedulerEvent,
    input: {} as { crew: CraneCrew },
  },
  delays: {
    backoffWindow: ({ context }) => context.crew.untilNextBackoffWindow(),
    unschedulableFlushPeriod: ({ context }) => context.crew.unschedulableFlushPeriod,
    idleCheck: ({ context }) => context.crew.idleCheck,
  },
  guards: {
    queueDrained: ({ context }) => context.crew.queueDrained(),
    /** Checked before the flush: with nothing backing off, the loop rests. */
    backoffEmpty: ({ context }) => context.crew.backoffEmpty(),
  },
  actions: {
    runCycles: ({ context }) => context.crew.runCycles(),
    flushBackoffQ: ({ context }) => context.crew.flushBackoffQ(),
    flushUnschedulablePods: ({ context }) => context.crew.flushUnschedulablePods(),
    reportWaiting: ({ context }) => context.crew.crewChanged('waitingForCache'),
    reportIdle: ({ context }) => context.crew.crewChanged('idle'),
    reportScheduling: ({ context }) => context.crew.crewChanged('scheduling'),
  },
}).createMachine({
  id: 'scheduler',
  context: ({ input }) => ({ crew: input.crew }),
  initial: 'waitingForCache',
  states: {
    waitingForCache: {
      entry: 'reportWaiting',
      on: { CACHE_SYNCED: 'running' },
    },
    running: {
      type: 'parallel',
      states: {
        crew: {
          initial: 'idle',
          states: {
            idle: {
              entry: 'reportIdle',
              on: { WORK_ARRIVED: 'scheduling' },
            },
            scheduling: {
              entry: ['reportScheduling', 'runCycles'],
              initial: 'lifting',
              states: {
                lifting: {
                  after: {
                    idleCheck: [
                      { guard: 'queueDrained', target: '#scheduler.running.crew.idle' },
                      { target: 'lifting', reenter: true },
                    ],
                  },
                },
              },
            },
          },
        },
        backoffQueue: {
          // Upstream flushes every second; with both back-off queues empty a flush does nothing, so
          // the loop rests until a pod backs off (same behaviour, no idle ticks).
          initial: 'resting',
          states: {
            resting: { on: { BACKOFF_PENDING: 'flushing' } },
            flushing: {
              after: {
                backoffWindow: [
                  { guard: 'backoffEmpty', target: 'resting' },
                  { target: 'flushing', reenter: true, actions: 'flushBackoffQ' },
                ],
              },
            },
          },
        },
        unschedulablePods: {
          initial: 'flushing',
          states: {
            flushing: {
              after: {
                unschedulableFlushPeriod: {
                  target: 'flushing',
                  reenter: true,
                  actions: 'flushUnschedulablePods',
                },
              },
            },
          },
        },
      },
    },
  },
});
