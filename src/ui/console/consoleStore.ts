import { create } from 'zustand';
import type { ExecResult, Simulation } from '../../engine';
import type { LessonInput, PlaybackNotice } from '../../store';
import { emptyHistory, remember, type History } from './history';
import { append, markDropped, update, withStreamLines, type Entry } from './transcript';

/** What the console needs of the session (the app's `useSession`, or a fake in tests). */
export type ConsoleSession = {
  exec(line: string, stdin?: string): ExecResult & { stream?: number };
  apply(yaml: string): ExecResult;
  now(): number;
  notice(): PlaybackNotice | undefined;
  simulation(): Pick<Simulation, 'streamOutput' | 'closeStream'>;
};

type ActiveStream = {
  readonly entryId: number;
  readonly id: number;
  /** The simulation that owns the stream: a rewind replaces it, and the stream ends. */
  readonly sim: ReturnType<ConsoleSession['simulation']>;
  seen: number;
};

export type ConsoleState = {
  entries: readonly Entry[];
  history: History;
  /** The running watch, if any (one at a time, as in a terminal). */
  stream: { readonly entryId: number; readonly line: string } | undefined;
  /** Runs a line: `clear` locally, anything else through the engine (recorded on the timeline). */
  run: (line: string) => void;
  /** `kubectl apply -f -` with pasted YAML. */
  applyYaml: (yaml: string) => ExecResult;
  /**
   * A command the lesson's step ran: shown like one the student typed, marked with its step. A watch
   * it starts keeps running through the step's later commands (as in a second terminal).
   */
  lessonRan: (input: LessonInput) => void;
  /** Ctrl+C: stops the running watch, or abandons the line being typed. */
  interrupt: (typed: string) => void;
  /** Reads the running watch's new lines (call on the ~10 Hz view refresh). */
  poll: () => void;
  clear: () => void;
  setHistory: (history: History) => void;
};

/** Messages of the console itself, kept in one place. */
export const REWOUND =
  'The simulation was rebuilt (a rewind, or another scenario), so this watch ended. Run the command again to watch from here.';

/**
 * The console's transcript, history and running watch, as a store outside React so they survive
 * the panel being hidden (presentation mode) and shown again.
 */
export function createConsoleStore(session: ConsoleSession) {
  let nextId = 1;
  let active: ActiveStream | undefined;

  return create<ConsoleState>()((set, get) => {
    const endStream = (reason?: string) => {
      if (!active) return;
      const { entryId } = active;
      active = undefined;
      set((s) => ({
        stream: undefined,
        entries: update(s.entries, entryId, (e) => ({
          ...e,
          streaming: false,
          ...(reason ? { streamEnd: reason } : {}),
        })),
      }));
    };

    const poll = () => {
      if (!active) return;
      const sim = session.simulation();
      if (sim !== active.sim) {
        endStream(REWOUND);
        return;
      }
      const lines = sim.streamOutput(active.id);
      if (lines.length <= active.seen) return;
      const fresh = lines.slice(active.seen);
      active.seen = lines.length;
      const { entryId } = active;
      set((s) => ({ entries: update(s.entries, entryId, (e) => withStreamLines(e, fresh)) }));
    };

    const stop = () => {
      if (!active) return;
      const { id, sim } = active;
      poll();
      if (session.simulation() === sim) sim.closeStream(id);
      endStream();
    };

    /** Runs an input through the engine and writes the entry, and a notice if it branched. */
    const record = (
      line: string,
      note: string | undefined,
      call: () => ExecResult & { stream?: number },
    ) => {
      if (active) stop();
      const at = session.now();
      const before = session.notice();
      let result: ExecResult & { stream?: number };
      try {
        result = call();
      } catch (error) {
        // An engine bug must not take the console down: show it where the student is looking.
        result = {
          ok: false,
          output: `shipshape: internal error: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const id = nextId++;
      const notice = session.notice();
      let entries = get().entries;
      if (notice && notice !== before && notice.kind === 'branched') {
        entries = append(markDropped(entries, at), {
          kind: 'notice',
          id: nextId++,
          at,
          text: notice.text,
        });
      }
      const streaming = result.stream !== undefined;
      entries = append(entries, {
        kind: 'command',
        id,
        at,
        line,
        ...(note ? { note } : {}),
        ok: result.ok,
        output: result.output,
        input: true,
        ...(streaming ? { streaming: true, streamLines: [] } : {}),
      });
      set({ entries, ...(streaming ? { stream: { entryId: id, line } } : {}) });
      if (result.stream !== undefined) {
        active = { entryId: id, id: result.stream, sim: session.simulation(), seen: 0 };
        poll();
      }
      return result;
    };

    return {
      entries: [],
      history: emptyHistory,
      stream: undefined,
      run: (raw) => {
        const line = raw.trim();
        set((s) => ({ history: remember(s.history, line) }));
        if (line === 'clear') {
          get().clear();
          return;
        }
        if (line === '') {
          if (active) return;
          set((s) => ({
            entries: append(s.entries, {
              kind: 'command',
              id: nextId++,
              at: session.now(),
              line: '',
              ok: true,
              output: '',
              input: false,
            }),
          }));
          return;
        }
        record(line, undefined, () => session.exec(line));
      },
      lessonRan: ({ line, note, result, at }) => {
        const id = nextId++;
        const streaming = result.stream !== undefined;
        if (streaming && active) stop();
        set((state) => ({
          entries: append(state.entries, {
            kind: 'command',
            id,
            at,
            line,
            note,
            ok: result.ok,
            output: result.output,
            input: true,
            ...(streaming ? { streaming: true, streamLines: [] } : {}),
          }),
          ...(streaming ? { stream: { entryId: id, line } } : {}),
        }));
        if (result.stream !== undefined) {
          active = { entryId: id, id: result.stream, sim: session.simulation(), seen: 0 };
          poll();
        }
      },
      applyYaml: (yaml) => {
        const count = yaml.replace(/\n+$/, '').split('\n').length;
        return record(
          'kubectl apply -f -',
          `YAML from the paste area, ${count} line${count === 1 ? '' : 's'}`,
          () => session.apply(yaml),
        );
      },
      interrupt: (typed) => {
        if (active) {
          stop();
          return;
        }
        set((s) => ({
          entries: append(s.entries, {
            kind: 'command',
            id: nextId++,
            at: session.now(),
            line: `${typed}^C`,
            ok: true,
            output: '',
            input: false,
          }),
        }));
      },
      poll,
      clear: () => {
        // A running watch keeps running, as `clear` in a terminal would not stop it either.
        const keep = active ? get().entries.filter((e) => e.id === active!.entryId) : [];
        set({ entries: keep });
      },
      setHistory: (history) => set({ history }),
    };
  });
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
