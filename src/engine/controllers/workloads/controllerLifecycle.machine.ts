import { setup } from 'xstate';

/** What a controller's lifecycle machine asks of its controller. */
export type ControllerLifecycleHooks = {
  /** Joins the shared informers and waits for their first list. */
  startInformers(): void;
  /** Starts the workers (--concurrent-…-syncs). */
  startWorkers(): void;
  /** Leaves the informers and drops the queue (and whatever the controller keeps). */
  stopEverything(): void;
};

export type ControllerLifecycleEvent =
  { type: 'START' } | { type: 'CACHES_SYNCED' } | { type: 'STOP' };

/**
 * A kube-controller-manager controller's lifecycle (its Run): it waits for its informers' caches
 * (WaitForNamedCacheSync) before any worker syncs, so it never acts on half a picture. The
 * Deployment and ReplicaSet controllers and the garbage collector ("all resource monitors have
 * synced") share it; `id` names the machine.
 */
export function controllerLifecycleMachine(id: string) {
  return setup({
    types: {
      context: {} as { hooks: ControllerLifecycleHooks },
      events: {} as ControllerLifecycleEvent,
      input: {} as { hooks: ControllerLifecycleHooks },
    },
    actions: {
      startInformers: ({ context }) => context.hooks.startInformers(),
      startWorkers: ({ context }) => context.hooks.startWorkers(),
      stopEverything: ({ context }) => context.hooks.stopEverything(),
    },
  }).createMachine({
    id,
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
}
