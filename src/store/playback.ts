import {
  createSimulation,
  replay,
  type ExecResult,
  type Fault,
  type RecordedInput,
  type Simulation,
  type SimulationConfig,
  type Snapshot,
} from '../engine';

/** Playback speeds offered (DESIGN.md section 4). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

/** A frame longer than this (a stalled tab) counts as this long, so the simulation never leaps. */
export const MAX_FRAME_MS = 250;

/** What changed that the UI should tell the user about. */
export type PlaybackNotice = {
  readonly kind: 'branched' | 'skipped' | 'error';
  readonly text: string;
  readonly at: number;
};

type Listener = () => void;

/**
 * Owns the simulation and its timeline. Each frame advances simulated time by wall time × speed;
 * inputs are stamped with their simulated time; going back rebuilds the simulation from the seed and
 * replays the inputs up to that moment, so the state is exactly what it was. Inputs recorded after
 * the current time stay on the timeline and play again when time moves forward, until the user acts
 * in the past, which drops them (a branch).
 *
 * @example
 * const playback = new Playback({ seed: 7 });
 * playback.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
 * playback.advanceBy(30_000);
 * playback.seek(0); // back to the start, exactly
 */
export class Playback {
  private sim: Simulation;
  private timeline: RecordedInput[] = [];
  private horizon = 0;
  private listeners = new Set<Listener>();
  playing = false;
  speed = 1;
  notice: PlaybackNotice | undefined;

  constructor(private config: SimulationConfig) {
    this.sim = createSimulation(config);
  }

  /** The live simulation (read it; change it only through this controller so inputs are recorded). */
  simulation(): Simulation {
    return this.sim;
  }

  now(): number {
    return this.sim.now();
  }

  /** The furthest simulated time reached on this timeline. */
  end(): number {
    return Math.max(this.horizon, this.sim.now(), this.timeline.at(-1)?.at ?? 0);
  }

  inputs(): readonly RecordedInput[] {
    return this.timeline;
  }

  snapshot(): Snapshot {
    return this.sim.snapshot();
  }

  /** Called on discrete changes (not every frame): seek, inputs, play state, speed. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(): void {
    this.playing = true;
    this.emit();
  }

  pause(): void {
    this.playing = false;
    this.emit();
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) return;
    this.speed = Math.min(64, Math.max(0.25, speed));
    this.emit();
  }

  /** One animation frame: advances by `wallMs` × speed when playing. */
  frame(wallMs: number): void {
    if (!this.playing) return;
    const ms = Math.round(Math.min(Math.max(0, wallMs), MAX_FRAME_MS) * this.speed);
    if (ms > 0) this.advanceBy(ms);
  }

  /** Advances simulated time, applying timeline inputs that fall due. */
  advanceBy(ms: number): void {
    this.advanceTo(this.sim.now() + ms);
  }

  /** Invariant: the simulation's inputs are always a prefix of the timeline. */
  advanceTo(t: number): void {
    for (
      let i = this.sim.inputs().length;
      i < this.timeline.length && this.timeline[i]!.at <= t;
      i += 1
    ) {
      this.sim.replayInput(this.timeline[i]!);
    }
    this.sim.advanceTo(t);
    this.horizon = Math.max(this.horizon, t);
  }

  /**
   * Goes to simulated time `t`: forward by running, backward by rebuilding from the seed and the
   * recorded inputs (exact: the engine is deterministic).
   */
  seek(t: number): void {
    const target = Math.max(0, Math.round(t));
    if (target >= this.sim.now()) this.advanceTo(target);
    else this.sim = replay(this.config, this.timeline, target);
    this.emit();
  }

  /** "Skip the wait": runs until something a learner would notice happens; says how long it skipped. */
  skipWait(limitMs = 15 * 60_000): number {
    const before = this.sim.now();
    const next = this.timeline[this.sim.inputs().length];
    const skipped = this.sim.skipWait(next ? Math.min(limitMs, next.at - before) : limitMs);
    this.advanceTo(this.sim.now());
    this.notice = {
      kind: 'skipped',
      text: `Skipped ${formatSkip(skipped)} of simulated time`,
      at: this.sim.now(),
    };
    this.emit();
    return skipped;
  }

  /** Restarts the same run from t = 0 (the timeline is kept; play runs it again). */
  restart(): void {
    this.seek(0);
  }

  /** Starts a new run with another configuration; the timeline is cleared. */
  reset(config: SimulationConfig): void {
    this.config = config;
    this.sim = createSimulation(config);
    this.timeline = [];
    this.horizon = 0;
    this.notice = undefined;
    this.emit();
  }

  exec(line: string, stdin?: string): ExecResult & { stream?: number } {
    this.branch();
    const result = this.sim.exec(line, stdin);
    this.adopt();
    return result;
  }

  apply(yaml: string): ExecResult {
    this.branch();
    const result = this.sim.apply(yaml);
    this.adopt();
    return result;
  }

  inject(fault: Fault): ExecResult {
    this.branch();
    const result = this.sim.inject(fault);
    this.adopt();
    return result;
  }

  /** Acting before the end of the timeline drops the inputs not yet replayed (the old future). */
  private branch(): void {
    const applied = this.sim.inputs().length;
    const dropped = this.timeline.length - applied;
    if (dropped > 0) {
      this.timeline = this.timeline.slice(0, applied);
      this.notice = {
        kind: 'branched',
        text: `You acted in the past: ${dropped} later action${dropped === 1 ? ' was' : 's were'} dropped from the timeline`,
        at: this.sim.now(),
      };
    }
    this.horizon = this.sim.now();
  }

  private adopt(): void {
    this.timeline.push(...this.sim.inputs().slice(this.timeline.length));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** "4 min 12 s": how long a skip jumped, in the words of the notice. */
export function formatSkip(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
