import { create } from 'zustand';
import type { ExecResult, Fault, SimulationConfig, Snapshot } from '../engine';
import type { Scenario } from '../scenarios';
import { MAX_FRAME_MS, Playback, type PlaybackNotice } from './playback';
import { ScenarioPlayer, type PlayerState } from './scenarioPlayer';

/** What the user has selected on the canvas or in the outline (the inspectors show it). */
export type Selection =
  | { kind: 'ship'; name: string }
  | { kind: 'container'; id: string }
  | { kind: 'part'; name: 'bridge' | 'ledger' | 'cranes' | 'operations' | 'cargo' | 'services' };

export type SessionState = {
  /** The controller. A stable reference: read it with getState() in loops, never render from it. */
  playback: Playback;
  /** A coarse projection for React, refreshed at most ~10 times a second and on discrete changes. */
  view: Snapshot;
  now: number;
  end: number;
  playing: boolean;
  speed: number;
  notice: PlaybackNotice | undefined;
  /** The scenario being played and where in it, or undefined in free play. */
  lesson: PlayerState | undefined;
  selection: Selection | null;
  hover: Selection | null;
  select: (selection: Selection | null) => void;
  setHover: (selection: Selection | null) => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  setSpeed: (speed: number) => void;
  seek: (t: number) => void;
  skipWait: () => number;
  exec: (line: string, stdin?: string) => ExecResult & { stream?: number };
  apply: (yaml: string) => ExecResult;
  inject: (fault: Fault) => ExecResult;
  reset: (config: SimulationConfig) => void;
  dismissNotice: () => void;
  loadScenario: (scenario: Scenario, step?: number, seed?: number) => void;
  leaveScenario: () => void;
  nextStep: () => void;
  prevStep: () => void;
  goToStep: (index: number) => void;
  reveal: () => void;
  /** Runs the current step to its end now (what "next" does first), without starting the next. */
  finishStep: () => void;
};

const REFRESH_MS = 100;

function project(playback: Playback, player: ScenarioPlayer) {
  const lesson = player.current();
  return {
    lesson: lesson ? { ...lesson, chapters: [...lesson.chapters] } : undefined,
    view: playback.snapshot(),
    now: playback.now(),
    end: playback.end(),
    playing: playback.playing,
    speed: playback.speed,
    notice: playback.notice,
  };
}

/** Creates the session store around a new playback controller. */
export function createSession(config: SimulationConfig) {
  const playback = new Playback(config);
  const player = new ScenarioPlayer(playback);
  const refresh = () => store.setState(project(playback, player));
  const store = create<SessionState>()((set, get) => ({
    playback,
    ...project(playback, player),
    selection: null,
    hover: null,
    select: (selection) => set({ selection }),
    setHover: (hover) => set({ hover }),
    play: () => get().playback.play(),
    pause: () => get().playback.pause(),
    toggle: () => (get().playback.playing ? get().playback.pause() : get().playback.play()),
    setSpeed: (speed) => get().playback.setSpeed(speed),
    // In a lesson, time moves through the player so the step shown always matches the moment.
    seek: (t) => {
      if (player.current()) player.seek(t);
      else get().playback.seek(t);
      refresh();
    },
    skipWait: () => {
      const skipped = player.current() ? player.skipWait() : get().playback.skipWait();
      refresh();
      return skipped;
    },
    // A user action in the past drops the recorded future; the player forgets its later steps too.
    exec: (line, stdin) => acted(get().playback.exec(line, stdin)),
    apply: (yaml) => acted(get().playback.apply(yaml)),
    inject: (fault) => acted(get().playback.inject(fault)),
    reset: (next) => {
      player.unload();
      get().playback.reset(next);
    },
    dismissNotice: () => {
      get().playback.notice = undefined;
      set({ notice: undefined });
    },
    loadScenario: (scenario, step, seed) => {
      player.load(scenario, step ?? 0, seed ?? scenario.seed);
      refresh();
    },
    leaveScenario: () => {
      player.unload();
      refresh();
    },
    nextStep: () => {
      player.next();
      refresh();
    },
    prevStep: () => {
      player.prev();
      refresh();
    },
    goToStep: (index) => {
      player.goTo(index);
      refresh();
    },
    reveal: () => {
      player.reveal();
      refresh();
    },
    finishStep: () => {
      player.runToCompletion();
      refresh();
    },
  }));
  function acted<T>(result: T): T {
    player.forgetFuture();
    refresh();
    return result;
  }
  let lastRefresh = -Infinity;
  let wall = 0;
  playback.subscribe(() => {
    lastRefresh = wall;
    store.setState(project(playback, player));
  });
  return {
    store,
    player,
    /** One animation frame: advance the simulation, refresh React's view at most every 100 ms of wall time. */
    frame(wallMs: number): void {
      wall += wallMs;
      const lesson = player.current();
      const wasComplete = lesson?.complete;
      const wasIndex = lesson?.index;
      if (lesson) player.frame(wallMs, MAX_FRAME_MS);
      else playback.frame(wallMs);
      if (
        wall - lastRefresh >= REFRESH_MS ||
        (lesson && (lesson.complete !== wasComplete || lesson.index !== wasIndex))
      ) {
        lastRefresh = wall;
        const state = store.getState();
        if (
          state.now !== playback.now() ||
          state.playing !== playback.playing ||
          lesson?.complete !== state.lesson?.complete ||
          lesson?.index !== state.lesson?.index
        )
          refresh();
      }
    },
  };
}

export type Session = ReturnType<typeof createSession>;

/** The app's one session. The app resets it from the URL at start; tests create their own. */
export const session: Session = createSession({});

/** React hook on the app's session: `useSession((s) => s.now)`. */
export const useSession = session.store;
