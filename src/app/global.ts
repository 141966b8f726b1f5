import type { ExecResult, Fault, RecordedInput, SimulationConfig, Snapshot } from '../engine';
import { scenarioById, scenarios, type Scenario } from '../scenarios';
import { scenarioByKey, useUi, type Session } from '../store';
import { version } from './version';

/**
 * `window.shipshape` (DESIGN.md section 6): read-only access to the simulation's snapshot and the
 * playback commands, for end-to-end tests and curious users.
 */
export type ShipshapeGlobal = {
  readonly version: string;
  /** The current snapshot (plain data). */
  snapshot(): Snapshot;
  /** Simulated time in ms. */
  now(): number;
  playing(): boolean;
  speed(): number;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Goes to simulated time t (ms): back by exact replay, forward by running. */
  seek(t: number): void;
  /** Advances simulated time by ms (paused or not), applying recorded inputs that fall due. */
  advance(ms: number): void;
  skipWait(): number;
  /** Runs a console line (kubectl, etcdctl, fault, help), recorded on the timeline. */
  exec(line: string, stdin?: string): ExecResult;
  apply(yaml: string): ExecResult;
  inject(fault: Fault): ExecResult;
  /** Starts a new run with this configuration. */
  reset(config: SimulationConfig): void;
  inputs(): readonly RecordedInput[];
  /** The hash of the engine's event log so far (equal hashes: identical runs). */
  logHash(): string;
  /** Ids of the built-in scenarios, in teaching order. */
  scenarios(): string[];
  /**
   * The scenario being played and the step (0-based), or null in free play. `timedOut`: the step
   * ended because its condition did not hold within its limit; `revealed`: the answer is shown.
   */
  scenario(): {
    id: string;
    title: string;
    step: number;
    stepId: string | null;
    stepCount: number;
    complete: boolean;
    timedOut: boolean;
    revealed: boolean;
    startedAt: number;
  } | null;
  /**
   * A scenario's data (plain, serializable), or null for an unknown one: a built-in by id, a file
   * loaded in this tab as `file:<id>`.
   */
  scenarioData(id: string): Scenario | null;
  /** Loads a built-in scenario at a step (0-based); throws for an unknown id. */
  loadScenario(id: string, step?: number, seed?: number): void;
  nextStep(): void;
  prevStep(): void;
  goToStep(step: number): void;
  /** Runs the current step to its end now (what "next" does first) without starting the next step. */
  finishStep(): void;
  /** Whether presentation mode is on. */
  presenting(): boolean;
};

declare global {
  interface Window {
    shipshape?: ShipshapeGlobal;
  }
}

/** Installs `window.shipshape` over the app's session. */
export function installGlobal(session: Session): ShipshapeGlobal {
  const state = () => session.store.getState();
  const api: ShipshapeGlobal = Object.freeze({
    version,
    snapshot: () => state().playback.snapshot(),
    now: () => state().playback.now(),
    playing: () => state().playback.playing,
    speed: () => state().playback.speed,
    play: () => state().play(),
    pause: () => state().pause(),
    setSpeed: (speed: number) => state().setSpeed(speed),
    seek: (t: number) => state().seek(t),
    advance: (ms: number) => state().seek(state().playback.now() + ms),
    skipWait: () => state().skipWait(),
    exec: (line: string, stdin?: string) => state().exec(line, stdin),
    apply: (yaml: string) => state().apply(yaml),
    inject: (fault: Fault) => state().inject(fault),
    reset: (config: SimulationConfig) => state().reset(config),
    inputs: () => state().playback.inputs(),
    logHash: () => state().playback.simulation().logHash(),
    scenarios: () => scenarios.map((s) => s.id),
    scenario: () => {
      const lesson = session.player.current();
      if (!lesson) return null;
      return {
        id: lesson.scenario.id,
        title: lesson.scenario.title,
        step: lesson.index,
        stepId: lesson.step?.id ?? null,
        stepCount: lesson.scenario.steps.length,
        complete: lesson.complete,
        timedOut: lesson.timedOut,
        revealed: lesson.revealed,
        startedAt: lesson.startedAt,
      };
    },
    loadScenario: (id: string, step?: number, seed?: number) => {
      const scenario = scenarioById(id);
      if (!scenario)
        throw new Error(`no scenario "${id}" (have: ${scenarios.map((s) => s.id).join(', ')})`);
      state().loadScenario(scenario, step, seed);
    },
    scenarioData: (id: string) => {
      const scenario = scenarioByKey(id);
      return scenario ? (JSON.parse(JSON.stringify(scenario)) as Scenario) : null;
    },
    nextStep: () => state().nextStep(),
    prevStep: () => state().prevStep(),
    goToStep: (step: number) => state().goToStep(step),
    finishStep: () => state().finishStep(),
    presenting: () => useUi.getState().presenting,
  });
  Object.defineProperty(window, 'shipshape', { value: api, configurable: true });
  return api;
}
