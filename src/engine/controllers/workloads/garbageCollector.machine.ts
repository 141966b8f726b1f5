import { setup } from 'xstate';

/** What the machine asks of its garbage collector. */
export type GarbageCollectorHooks = {
  /** Joins the shared informers (its "monitors") and waits for their first list. */
  startInformers(): void;
  /** Starts the attemptToDelete workers (--concurrent-gc-syncs). */
  startWorkers(): void;
  /** Leaves the informers, drops the queue and the graph. */
  stopEverything(): void;
};

export type GarbageCollectorEvent =
  { type: 'START' } | { type: 'CACHES_SYNCED' } | { type: 'STOP' };

/**
 * The garbage collector's lifecycle (garbagecollector.go Run): it deletes nothing until its
 * monitors have synced ("all resource monitors have synced"), because an owner missing from a
 * half-filled graph is not an owner that is gone.
 */
export const garbageCollectorMachine = setup({
  types: {
    context: {} as { hooks: GarbageCollectorHooks },
    events: {} as GarbageCollectorEvent,
    input: {} as { hooks: GarbageCollectorHooks },
  },
  actions: {
    startInformers: ({ context }) => context.hooks.startInformers(),
    startWorkers: ({ context }) => context.hooks.startWorkers(),
    stopEverything: ({ context }) => context.hooks.stopEverything(),
  },
}).createMachine({
  id: 'garbageCollector',
  context: ({ input }) => ({ hooks: input.hooks }),
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
      entry: 'startWorkers',
      on: { STOP: { target: 'stopped', actions: 'stopEverything' } },
    },
  },
});
