import { setup } from 'xstate';

/** What the machine asks of its ReplicaSet controller. */
export type ReplicaSetControllerHooks = {
  /** Joins the shared pod and ReplicaSet informers and waits for their first list. */
  startInformers(): void;
  /** Starts the workers (--concurrent-replicaset-syncs). */
  startWorkers(): void;
  /** Leaves the informers, drops the queue, expectations and books. */
  stopEverything(): void;
};

export type ReplicaSetControllerEvent =
  { type: 'START' } | { type: 'CACHES_SYNCED' } | { type: 'STOP' };

/**
 * The ReplicaSet controller's lifecycle (replica_set.go Run): it waits for its pod and ReplicaSet
 * caches (WaitForNamedCacheSync) before any worker syncs, so it never acts on half a picture.
 */
export const replicaSetControllerMachine = setup({
  types: {
    context: {} as { hooks: ReplicaSetControllerHooks },
    events: {} as ReplicaSetControllerEvent,
    input: {} as { hooks: ReplicaSetControllerHooks },
  },
  actions: {
    startInformers: ({ context }) => context.hooks.startInformers(),
    startWorkers: ({ context }) => context.hooks.startWorkers(),
    stopEverything: ({ context }) => context.hooks.stopEverything(),
  },
}).createMachine({
  id: 'replicaSetController',
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
