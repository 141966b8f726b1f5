import { setup } from 'xstate';

/** What the machine asks of pod GC. */
export type PodGCHooks = {
  /** Joins the shared pod and node informers and waits for their first list. */
  startInformers(): void;
  /** One pass: terminated, out-of-service, orphaned and unscheduled-terminating pods; reports COLLECTED. */
  collectGarbage(): void;
  /** Leaves the informers and forgets the quarantine. */
  stopEverything(): void;
};

export type PodGCEvent =
  { type: 'START' } | { type: 'CACHES_SYNCED' } | { type: 'COLLECTED' } | { type: 'STOP' };

/**
 * Pod GC (pkg/controller/podgc/gc_controller.go Run): once its caches have synced it runs a pass
 * at once and then `gcCheckPeriod` (20 s) after each pass ends (wait.UntilWithContext).
 */
export const podGCMachine = setup({
  types: {
    context: {} as { hooks: PodGCHooks; period: number },
    events: {} as PodGCEvent,
    input: {} as { hooks: PodGCHooks; period: number },
  },
  delays: {
    gcCheckPeriod: ({ context }) => context.period,
  },
  actions: {
    startInformers: ({ context }) => context.hooks.startInformers(),
    collectGarbage: ({ context }) => context.hooks.collectGarbage(),
    stopEverything: ({ context }) => context.hooks.stopEverything(),
  },
}).createMachine({
  id: 'podGC',
  context: ({ input }) => ({ hooks: input.hooks, period: input.period }),
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: {
      entry: 'startInformers',
      on: {
        CACHES_SYNCED: 'running',
        STOP: { target: 'stopped', actions: 'stopEverything' },
      },
    },
    running: {
      initial: 'collecting',
      states: {
        collecting: {
          entry: 'collectGarbage',
          on: { COLLECTED: 'sleeping' },
        },
        sleeping: {
          after: { gcCheckPeriod: 'collecting' },
        },
      },
      on: { STOP: { target: 'stopped', actions: 'stopEverything' } },
    },
  },
});
