import { setup } from 'xstate';

/** What the deck crew's machine asks of the runtime it drives. */
export type RuntimeHost = {
  /** Starts working through the image pull queue (one pull at a time). */
  startPulling(): void;
  /** Reports the crew coming up or going down, for the log. */
  reportUp(): void;
  reportDown(): void;
};

export type RuntimeEvent =
  { type: 'START' } | { type: 'STOP' } | { type: 'PULL_QUEUED' } | { type: 'PULLS_DRAINED' };

/**
 * The deck crew's lifecycle: down until started; up, either idle or pulling images one at a time
 * (the kubelet's default `serializeImagePulls: true`); down for good when the ship sinks. The
 * queue itself is plain data in the runtime: the machine changes state only when the crew starts
 * or finishes a run of pulls, not once per pull.
 */
export const runtimeMachine = setup({
  types: {
    context: {} as { host: RuntimeHost },
    events: {} as RuntimeEvent,
    input: {} as { host: RuntimeHost },
  },
  actions: {
    startPulling: ({ context }) => context.host.startPulling(),
    reportUp: ({ context }) => context.host.reportUp(),
    reportDown: ({ context }) => context.host.reportDown(),
  },
}).createMachine({
  id: 'runtime',
  context: ({ input }) => ({ host: input.host }),
  initial: 'down',
  states: {
    down: {
      on: { START: 'up' },
    },
    up: {
      entry: 'reportUp',
      initial: 'idle',
      states: {
        idle: {
          on: { PULL_QUEUED: 'pulling' },
        },
        pulling: {
          entry: 'startPulling',
          on: { PULLS_DRAINED: 'idle' },
        },
      },
      on: { STOP: 'sunk' },
    },
    sunk: {
      type: 'final',
      entry: 'reportDown',
    },
  },
});
