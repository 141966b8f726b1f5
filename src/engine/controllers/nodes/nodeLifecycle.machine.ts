import { assign, setup } from 'xstate';

/** What the machine asks of its controller. */
export type NodeLifecycleOps = {
  /** monitorNodeHealth: one pass over every node (heartbeats, Unknown, taint queues, zones). */
  monitorNodeHealth(): void;
  /** doNoExecuteTaintingPass: drain the zones' rate-limited tainting queues. */
  noExecuteTaintingPass(): void;
  /** Milliseconds until a tainting pass could do something, or undefined if none can. */
  untilTaintingPass(): number | undefined;
};

export type NodeLifecycleContext = {
  ops: NodeLifecycleOps;
  monitorPeriod: number;
  /** Times the tainting pass was rescheduled because a node was queued (for the canvas). */
  wakeups: number;
};

export type NodeLifecycleEvent =
  { type: 'START' } | { type: 'STOP' } | { type: 'CACHES_SYNCED' } | { type: 'TAINT_QUEUED' };

/**
 * The Operations office's clock. After the node, lease and pod informers sync, it checks every
 * node each nodeMonitorPeriod (5 s), and, while a node waits in a zone's NoExecute queue, runs
 * the rate-limited tainting pass (upstream polls it every 100 ms; here it wakes when a token or
 * the node's turn comes, which is the same moment give or take that poll).
 */
export const nodeLifecycleMachine = setup({
  types: {
    context: {} as NodeLifecycleContext,
    events: {} as NodeLifecycleEvent,
    input: {} as { ops: NodeLifecycleOps; monitorPeriod: number },
  },
  delays: {
    nodeMonitorPeriod: ({ context }) => context.monitorPeriod,
    untilTaintingPass: ({ context }) => context.ops.untilTaintingPass() ?? 0,
  },
  guards: {
    taintingBlocked: ({ context }) => context.ops.untilTaintingPass() === undefined,
  },
  actions: {
    monitorNodeHealth: ({ context }) => context.ops.monitorNodeHealth(),
    noExecuteTaintingPass: ({ context }) => context.ops.noExecuteTaintingPass(),
    countWakeup: assign({ wakeups: ({ context }) => context.wakeups + 1 }),
  },
}).createMachine({
  id: 'nodeLifecycle',
  context: ({ input }) => ({ ...input, wakeups: 0 }),
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: { on: { CACHES_SYNCED: 'monitoring' } },
    monitoring: {
      type: 'parallel',
      states: {
        health: {
          initial: 'checking',
          states: {
            // wait.UntilWithContext: a pass at once, then every period.
            checking: {
              entry: 'monitorNodeHealth',
              after: { nodeMonitorPeriod: { target: 'checking', reenter: true } },
            },
          },
        },
        tainting: {
          initial: 'idle',
          states: {
            idle: { on: { TAINT_QUEUED: { target: 'waiting', actions: 'countWakeup' } } },
            waiting: {
              always: { guard: 'taintingBlocked', target: 'idle' },
              // A newly queued node may be due sooner (another zone): recompute the wait.
              on: { TAINT_QUEUED: { target: 'waiting', reenter: true, actions: 'countWakeup' } },
              after: {
                untilTaintingPass: {
                  target: 'waiting',
                  reenter: true,
                  actions: 'noExecuteTaintingPass',
                },
              },
            },
          },
        },
      },
    },
  },
  on: { STOP: '.stopped' },
});
