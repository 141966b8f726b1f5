import { setup } from 'xstate';
import type { LifecycleEvent } from './lifecycle';

/** What the machine asks of its controller. */
export type TaintEvictionOps = {
  /** Look at every tainted node's pods once the caches are synced (the queued node updates). */
  processAllNodes(): void;
};

/**
 * The taint eviction controller's lifecycle (pkg/controller/tainteviction, a separate
 * controller since v1.29): it acts only after its pod and node informers have synced. The
 * per-pod eviction timers are plain agenda entries, like upstream's TimedWorkerQueue.
 */
export const taintEvictionMachine = setup({
  types: {
    context: {} as { ops: TaintEvictionOps },
    events: {} as LifecycleEvent,
    input: {} as { ops: TaintEvictionOps },
  },
  actions: {
    processAllNodes: ({ context }) => context.ops.processAllNodes(),
  },
}).createMachine({
  id: 'taintEviction',
  context: ({ input }) => input,
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: { on: { CACHES_SYNCED: 'watching' } },
    watching: { entry: 'processAllNodes' },
  },
  on: { STOP: '.stopped' },
});
