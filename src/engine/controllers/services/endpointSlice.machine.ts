import { setup } from 'xstate';

/** What the machine asks of its controller. */
export type EndpointSliceOps = {
  /** Queue every Service once the caches are synced (the informers' initial adds). */
  queueAllServices(): void;
  /** Sync every queued Service that is not already being synced (the workers). */
  syncQueued(): void;
};

export type EndpointSliceEvent =
  { type: 'START' } | { type: 'STOP' } | { type: 'CACHES_SYNCED' } | { type: 'SERVICE_QUEUED' };

/**
 * The Services office's loop (pkg/controller/endpointslice): once its Service, Pod, Node and
 * EndpointSlice informers have synced, a queued Service is synced after
 * --endpoint-updates-batch-period (0 by default: at once, changes of the same moment batched).
 */
export const endpointSliceMachine = setup({
  types: {
    context: {} as { ops: EndpointSliceOps; batchPeriod: number },
    events: {} as EndpointSliceEvent,
    input: {} as { ops: EndpointSliceOps; batchPeriod: number },
  },
  delays: {
    batchPeriod: ({ context }) => context.batchPeriod,
  },
  actions: {
    queueAllServices: ({ context }) => context.ops.queueAllServices(),
    syncQueued: ({ context }) => context.ops.syncQueued(),
  },
}).createMachine({
  id: 'endpointSlice',
  context: ({ input }) => input,
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: {
      on: { CACHES_SYNCED: { target: 'running.syncing', actions: 'queueAllServices' } },
    },
    running: {
      initial: 'idle',
      states: {
        idle: { on: { SERVICE_QUEUED: 'syncing' } },
        // More Services queued now ride along with this batch.
        syncing: { after: { batchPeriod: { target: 'idle', actions: 'syncQueued' } } },
      },
    },
  },
  on: { STOP: '.stopped' },
});
