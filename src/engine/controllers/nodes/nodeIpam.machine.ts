import { setup } from 'xstate';
import type { LifecycleEvent } from './lifecycle';

/** What the machine asks of its controller. */
export type NodeIpamOps = {
  /** Learn the CIDRs nodes already have, then give one to every node that lacks one. */
  allocateAll(): void;
};

/**
 * The node IPAM controller's lifecycle (range allocator, pkg/controller/nodeipam): it marks the
 * CIDRs in use from its first node list before handing out new ones, so a restart never gives
 * one twice.
 */
export const nodeIpamMachine = setup({
  types: {
    context: {} as { ops: NodeIpamOps },
    events: {} as LifecycleEvent,
    input: {} as { ops: NodeIpamOps },
  },
  actions: {
    allocateAll: ({ context }) => context.ops.allocateAll(),
  },
}).createMachine({
  id: 'nodeIpam',
  context: ({ input }) => input,
  initial: 'stopped',
  states: {
    stopped: { on: { START: 'waitingForCaches' } },
    waitingForCaches: { on: { CACHES_SYNCED: 'allocating' } },
    allocating: { entry: 'allocateAll' },
  },
  on: { STOP: '.stopped' },
});
