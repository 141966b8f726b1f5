import { setup } from 'xstate';

/** What the machine asks of its Deployment controller. */
export type DeploymentControllerHooks = {
  /** Joins the shared Deployment, ReplicaSet and pod informers and waits for their first list. */
  startInformers(): void;
  /** Starts the workers (--concurrent-deployment-syncs). */
  startWorkers(): void;
  /** Leaves the informers, drops the queue. */
  stopEverything(): void;
};

export type DeploymentControllerEvent =
  { type: 'START' } | { type: 'CACHES_SYNCED' } | { type: 'STOP' };

/**
 * The Deployment controller's lifecycle (deployment_controller.go Run): it waits for its Deployment, ReplicaSet and pod
 * caches (WaitForNamedCacheSync) before any worker syncs, so it never acts on half a picture.
 */
export const deploymentControllerMachine = setup({
  types: {
    context: {} as { hooks: DeploymentControllerHooks },
    events: {} as DeploymentControllerEvent,
    input: {} as { hooks: DeploymentControllerHooks },
  },
  actions: {
    startInformers: ({ context }) => context.hooks.startInformers(),
    startWorkers: ({ context }) => context.hooks.startWorkers(),
    stopEverything: ({ context }) => context.hooks.stopEverything(),
  },
}).createMachine({
  id: 'deploymentController',
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
