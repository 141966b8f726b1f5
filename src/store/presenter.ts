import type { Scenario } from '../scenarios';
import type { LessonCommand } from './commands';

/**
 * What the audience window tells the presenter window. The audience window owns the simulation
 * and is the source of truth; the presenter window only shows this and sends commands.
 */
export type PresenterState = {
  /** The whole scenario, so a scenario loaded from a file shows in the presenter window too. */
  readonly scenario: Scenario | null;
  readonly index: number;
  readonly complete: boolean;
  readonly timedOut: boolean;
  readonly revealed: boolean;
  readonly playing: boolean;
  /** Simulated time, ms. */
  readonly now: number;
  readonly presenting: boolean;
};

/**
 * Messages on the presenter channel, in both directions. HELLO asks the audience to announce its
 * state (a presenter window that opened or reloaded); the audience announces STATE on every change,
 * on start (it may have reloaded) and as a heartbeat; GOODBYE says a window is closing.
 */
export type PresenterMessage =
  | { readonly type: 'HELLO' }
  | { readonly type: 'STATE'; readonly state: PresenterState }
  | { readonly type: 'COMMAND'; readonly command: LessonCommand }
  | { readonly type: 'GOODBYE'; readonly from: 'audience' | 'presenter' };

/** The audience repeats its state at least this often, so a presenter can tell it is gone. */
export const HEARTBEAT_MS = 2_000;
/** A presenter that hears nothing for this long says the audience window is not answering. */
export const SILENCE_MS = 5_000;

/** The BroadcastChannel name for one audience window (and its presenter windows). */
export function presenterChannelName(id: string): string {
  return `shipshape-presenter:${id}`;
}

const COMMANDS = new Set(['next', 'prev', 'goto', 'first', 'last', 'toggle-play', 'reveal']);

/** Whether data from the channel is a message this version understands (others are ignored). */
export function isPresenterMessage(data: unknown): data is PresenterMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as {
    type?: unknown;
    state?: unknown;
    command?: { kind?: unknown; index?: unknown };
    from?: unknown;
  };
  switch (m.type) {
    case 'HELLO':
      return true;
    case 'STATE':
      return typeof m.state === 'object' && m.state !== null;
    case 'COMMAND':
      return (
        typeof m.command === 'object' &&
        m.command !== null &&
        COMMANDS.has(String(m.command.kind)) &&
        (m.command.kind !== 'goto' || Number.isInteger(m.command.index))
      );
    case 'GOODBYE':
      return m.from === 'audience' || m.from === 'presenter';
    default:
      return false;
  }
}

/** Whether two states differ in a way the presenter shows (time only counts by the second). */
export function presenterStateChanged(a: PresenterState | undefined, b: PresenterState): boolean {
  if (!a) return true;
  return (
    a.scenario !== b.scenario ||
    a.index !== b.index ||
    a.complete !== b.complete ||
    a.timedOut !== b.timedOut ||
    a.revealed !== b.revealed ||
    a.playing !== b.playing ||
    a.presenting !== b.presenting ||
    Math.floor(a.now / 1000) !== Math.floor(b.now / 1000)
  );
}
