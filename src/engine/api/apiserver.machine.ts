import { setup } from 'xstate';

/** What the bridge's machine asks of the API server it drives. */
export type BridgeHooks = {
  /** Every watch breaks, queued writes fail (the process exits). */
  closeEverything(): void;
  /** Compacts the ledger's history older than one interval. */
  compact(): void;
};

/**
 * The bridge's lifecycle: `serving` requests (and compacting etcd every --etcd-compaction-interval,
 * 5 min) or `stopped`. While stopped every request is refused and components retry.
 */
export const apiserverMachine = setup({
  types: {
    context: {} as { hooks: BridgeHooks; compactionInterval: number },
    events: {} as { type: 'STOP' } | { type: 'START' },
    input: {} as { hooks: BridgeHooks; compactionInterval: number },
  },
  delays: {
    compactionInterval: ({ context }) => context.compactionInterval,
  },
  actions: {
    closeEverything: ({ context }) => context.hooks.closeEverything(),
    compactLedger: ({ context }) => context.hooks.compact(),
  },
}).createMachine({
  id: 'apiserver',
  context: ({ input }) => ({ hooks: input.hooks, compactionInterval: input.compactionInterval }),
  initial: 'serving',
  states: {
    serving: {
      initial: 'idle',
      states: {
        idle: {
          after: {
            compactionInterval: { target: 'idle', reenter: true, actions: 'compactLedger' },
          },
        },
      },
      on: { STOP: 'stopped' },
    },
    stopped: {
      entry: 'closeEverything',
      on: { START: 'serving' },
    },
  },
});
