import { assign, setup } from 'xstate';

/** What the captain's machine asks of the kubelet it drives; answers come back as events. */
export type KubeletHost = {
  /** POSTs the Node (or reconciles an existing one): answers REGISTERED or REGISTER_FAILED. */
  register(): void;
  /** Renews (or creates) the Lease; a failure answers LEASE_FAILED. */
  renewLease(): void;
  /** The wait before the next renewal after a failure (200 ms doubling to 7 s, reset on success). */
  leaseBackoff(): number;
  /** Computes node status and posts it when it changed or a report is due. */
  syncNodeStatus(): void;
  /** How long until node status should be looked at after a NODE_CHANGED (0: at once). */
  statusDelay(): number;
  /** Called once registered, and once stopped. */
  reportRegistered(): void;
  reportStopped(): void;
};

export type KubeletEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'REGISTERED' }
  | { type: 'REGISTER_FAILED' }
  | { type: 'LEASE_FAILED' }
  | { type: 'NODE_CHANGED' };

export type KubeletContext = {
  host: KubeletHost;
  registerDelay: number;
  registerMax: number;
  renewInterval: number;
  reportInterval: number;
};

export type KubeletInput = {
  host: KubeletHost;
  renewInterval: number;
  reportInterval: number;
  registerInitial: number;
  registerMax: number;
};

/**
 * The captain's lifecycle (kubelet.go `Run`): registering the Node with the bridge (the first try
 * after 100 ms, then doubling to 7 s: kubelet_node_status.go `registerWithAPIServer`), then two
 * loops side by side:
 *
 * - `lease`: the check-in, renewing the Lease every `leaseRenewInterval` (10 s); after a failed
 *   renewal it backs off (200 ms doubling to 7 s) and tries again.
 * - `nodeStatus`: the kubelet computes status every `nodeStatusUpdateFrequency` but posts only
 *   when it changed or every `nodeStatusReportFrequency` (5 min). The machine sleeps until
 *   something changes (NODE_CHANGED: the pod CIDR arrives, the image cache grows, a post failed)
 *   and then posts at the next 10 s tick, or at once for readiness; so 5,000 idle ships cost
 *   nothing between reports, with the same posts as the real loop.
 *
 * A sunk ship's captain is silent forever (`stopped`).
 */
export const kubeletMachine = setup({
  types: {
    context: {} as KubeletContext,
    events: {} as KubeletEvent,
    input: {} as KubeletInput,
  },
  delays: {
    registerRetry: ({ context }) => context.registerDelay,
    renewInterval: ({ context }) => context.renewInterval,
    leaseRetry: ({ context }) => context.host.leaseBackoff(),
    reportInterval: ({ context }) => context.reportInterval,
    statusDelay: ({ context }) => context.host.statusDelay(),
  },
  actions: {
    register: ({ context }) => context.host.register(),
    renewLease: ({ context }) => context.host.renewLease(),
    syncNodeStatus: ({ context }) => context.host.syncNodeStatus(),
    reportRegistered: ({ context }) => context.host.reportRegistered(),
    reportStopped: ({ context }) => context.host.reportStopped(),
    growRegisterDelay: assign(({ context }) => ({
      registerDelay: Math.min(context.registerDelay * 2, context.registerMax),
    })),
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({
    host: input.host,
    registerDelay: input.registerInitial,
    registerMax: input.registerMax,
    renewInterval: input.renewInterval,
    reportInterval: input.reportInterval,
  }),
  initial: 'idle',
  states: {
    idle: {
      on: { START: 'registering' },
    },
    registering: {
      initial: 'waiting',
      states: {
        waiting: {
          after: { registerRetry: 'attempting' },
        },
        attempting: {
          entry: 'register',
          on: { REGISTER_FAILED: { target: 'waiting', actions: 'growRegisterDelay' } },
        },
      },
      on: { REGISTERED: 'running' },
    },
    running: {
      type: 'parallel',
      entry: 'reportRegistered',
      states: {
        lease: {
          initial: 'renewing',
          states: {
            renewing: {
              entry: 'renewLease',
              after: { renewInterval: { target: 'renewing', reenter: true } },
              on: { LEASE_FAILED: 'backingOff' },
            },
            backingOff: {
              after: { leaseRetry: 'renewing' },
            },
          },
        },
        nodeStatus: {
          initial: 'resting',
          states: {
            resting: {
              after: { reportInterval: 'posting' },
              on: { NODE_CHANGED: 'changed' },
            },
            changed: {
              after: { statusDelay: 'posting' },
              // Readiness changing while a post waits for its tick: post at once.
              on: { NODE_CHANGED: { target: 'changed', reenter: true } },
            },
            posting: {
              entry: 'syncNodeStatus',
              always: 'resting',
            },
          },
        },
      },
    },
    stopped: {
      type: 'final',
      entry: 'reportStopped',
    },
  },
  on: { STOP: '.stopped' },
});
