import { assign, setup } from 'xstate';

/** What the machine asks of its kube-proxy. */
export type ProxyOps = {
  /** Rewrites this ship's rules from the informers' current view (syncProxyRules). */
  syncRules(): void;
};

export type ProxyContext = {
  ops: ProxyOps;
  minSyncPeriod: number;
  syncPeriod: number;
  /** A change arrived while syncs were held back by minSyncPeriod. */
  pending: boolean;
};

export type ProxyEvent =
  { type: 'START' } | { type: 'STOP' } | { type: 'CACHES_SYNCED' } | { type: 'CHANGED' };

/**
 * The signal officer's sync loop, as kube-proxy's BoundedFrequencyRunner drives syncProxyRules:
 * nothing is written until the Service and EndpointSlice informers have synced; then a change
 * is written at once unless a sync happened less than minSyncPeriod (1 s) ago, in which case
 * the changes are batched into one sync when the period ends; and with no changes the rules are
 * rewritten every syncPeriod (30 s) anyway.
 */
export const kubeProxyMachine = setup({
  types: {
    context: {} as ProxyContext,
    events: {} as ProxyEvent,
    input: {} as { ops: ProxyOps; minSyncPeriod: number; syncPeriod: number },
  },
  delays: {
    minSyncPeriod: ({ context }) => context.minSyncPeriod,
    // The periodic sync comes syncPeriod after the last one; idle starts minSyncPeriod after it.
    restOfSyncPeriod: ({ context }) => Math.max(0, context.syncPeriod - context.minSyncPeriod),
  },
  guards: {
    changePending: ({ context }) => context.pending,
  },
  actions: {
    syncRules: ({ context }) => context.ops.syncRules(),
    markPending: assign({ pending: true }),
    clearPending: assign({ pending: false }),
  },
}).createMachine({
  id: 'kubeProxy',
  context: ({ input }) => ({ ...input, pending: false }),
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: { on: { CACHES_SYNCED: 'synced' } },
    // Just wrote the rules: further changes wait for minSyncPeriod.
    synced: {
      entry: ['clearPending', 'syncRules'],
      on: { CHANGED: { actions: 'markPending' } },
      after: {
        minSyncPeriod: [
          { guard: 'changePending', target: 'synced', reenter: true },
          { target: 'idle' },
        ],
      },
    },
    // Rules are current; the next change is written at once.
    idle: {
      on: { CHANGED: 'synced' },
      after: { restOfSyncPeriod: 'synced' },
    },
  },
  on: { STOP: '.stopped' },
});
