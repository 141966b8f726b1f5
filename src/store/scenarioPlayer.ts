import type { ExecResult, SimulationConfig } from '../engine';
import { holds, needsSnapshot, type Scenario, type Step, type StepInput } from '../scenarios';
import { formatSkip, type Playback } from './playback';

/**
 * Conditions on the snapshot are checked every 100 ms of simulated time from the step's start;
 * conditions on events after every event. Both are the same on every replay.
 */
export const CHECK_EVERY_MS = 100;
/** A condition that never holds ends the step after this long (authoring mistakes must not hang a class). */
export const DEFAULT_WITHIN_MS = 30 * 60_000;

/** A command a step ran, with what the tool printed (the console shows it). */
export type LessonInput = {
  line: string;
  note: string;
  result: ExecResult & { stream?: number };
  at: number;
};

/**
 * A step as it happened on this run's timeline: when it started and, once known, when it completed.
 * Chapters after the current moment are the recorded future: playing, "next" or the timeline go
 * back into them exactly, until the user acts in the past (a branch), which forgets them.
 */
export type Chapter = {
  readonly index: number;
  readonly at: number;
  readonly title: string;
  readonly completedAt?: number;
  readonly timedOut?: boolean;
};

/** Where the player is, for the panels. */
export type PlayerState = {
  scenario: Scenario;
  index: number;
  step: Step | undefined;
  startedAt: number;
  /** The engine's event count when the step began: the step's events come after it. */
  startSeq: number;
  complete: boolean;
  /** The step ended because its condition did not hold within its limit. */
  timedOut: boolean;
  /** The prediction question's answer is shown. */
  revealed: boolean;
  /** Known step start times (chapter marks on the timeline), in step order. */
  chapters: Chapter[];
};

/** The simulation configuration a scenario starts from. */
export function scenarioConfig(scenario: Scenario, seed = scenario.seed): SimulationConfig {
  return {
    seed,
    ships: scenario.fleet,
    ...(scenario.etcdMembers ? { etcdMembers: scenario.etcdMembers } : {}),
    ...(scenario.timings ? { timings: scenario.timings } : {}),
  };
}

/**
 * Plays a scenario on a Playback: each step applies its inputs (recorded on the timeline like any
 * user action), plays until its completion holds, then pauses for "next". Every way of reaching a
 * step (next, previous, a number key, the timeline, a link) lands on the same moment, exactly:
 * either by replaying the recorded timeline (Playback.seek) or by rebuilding from the seed.
 */
export class ScenarioPlayer {
  private state: PlayerState | undefined;
  private seed = 0;

  constructor(private readonly playback: Playback) {}

  current(): PlayerState | undefined {
    return this.state;
  }

  /** Loads a scenario and goes to step `index` (0 = the first step), rebuilding from the seed. */
  load(scenario: Scenario, index = 0, seed = scenario.seed): void {
    this.seed = seed;
    this.state = {
      scenario,
      index: -1,
      step: undefined,
      startedAt: 0,
      startSeq: 0,
      complete: true,
      timedOut: false,
      revealed: false,
      chapters: [],
    };
    this.rebuild(index);
  }

  /** Leaves the scenario (free play continues on the same simulation). */
  unload(): void {
    this.state = undefined;
  }

  /**
   * Goes to the next step: into the recorded future when there is one, otherwise by running this
   * step to its end (if it has not ended) and starting the next one now.
   */
  next(): void {
    const s = this.state;
    if (!s || s.index >= s.scenario.steps.length - 1) return;
    const recorded = this.chapter(s.index + 1);
    if (recorded && this.reachable(recorded)) return this.jump(recorded);
    if (!s.complete) this.runToCompletion();
    this.start(s.index + 1);
  }

  prev(): void {
    const s = this.state;
    if (!s || s.index <= 0) return;
    this.goTo(s.index - 1);
  }

  /** Goes to the start of step `index` exactly: on the recorded timeline when it is there, else by rebuilding. */
  goTo(index: number): void {
    const s = this.state;
    if (!s || s.scenario.steps.length === 0) return;
    const target = Math.max(0, Math.min(index, s.scenario.steps.length - 1));
    const recorded = this.chapter(target);
    if (recorded && this.reachable(recorded)) return this.jump(recorded);
    if (target > s.index) {
      while (s.index < target) this.next();
      return;
    }
    this.rebuild(target);
  }

  /**
   * Goes to simulated time `t` within the lesson (never before step 1 starts). Within the recorded
   * timeline this replays it; beyond, it plays forward, checking completion as playing does.
   */
  seek(t: number): void {
    const s = this.state;
    const first = s?.chapters[0];
    if (!s || !first) return this.playback.seek(t);
    const target = Math.max(first.at, Math.round(t));
    const end = this.playback.end();
    this.playback.seek(Math.min(target, end));
    this.locate(this.playback.now());
    if (target > end) this.runTo(target, false);
  }

  /**
   * "Skip the wait" inside a lesson: the wait is for the step's condition, so this runs the step to
   * its end; after the step ended it skips as free play does, stopping at the next recorded step.
   */
  skipWait(limitMs = 15 * 60_000): number {
    const s = this.state;
    if (!s?.step) return this.playback.skipWait(limitMs);
    const before = this.playback.now();
    if (!s.complete) {
      this.runToCompletion();
      const skipped = this.playback.now() - before;
      this.playback.notice = {
        kind: 'skipped',
        text: `Skipped ${formatSkip(skipped)} of simulated time`,
        at: this.playback.now(),
      };
      return skipped;
    }
    const next = this.chapter(s.index + 1);
    const limit = next && next.at > before ? Math.min(limitMs, next.at - before) : limitMs;
    const skipped = this.playback.skipWait(limit);
    if (next && this.playback.now() === next.at) this.locate(next.at, next.index);
    return skipped;
  }

  /** Shows the answer to the step's prediction question. */
  reveal(): void {
    if (this.state) this.state.revealed = true;
  }

  /**
   * The user acted now (a console line, a fault): the recorded future is gone (Playback dropped it),
   * so forget later steps and any completion recorded after now.
   */
  forgetFuture(): void {
    const s = this.state;
    if (!s) return;
    const now = this.playback.now();
    s.chapters = s.chapters
      .filter((c) => c.index <= s.index)
      .map((c) =>
        c.completedAt !== undefined && c.completedAt > now
          ? { index: c.index, at: c.at, title: c.title }
          : c,
      );
  }

  /**
   * Advances by one frame of wall time (when playing), checking completion on the 100 ms grid and
   * pausing exactly where the step completes.
   */
  frame(wallMs: number, maxFrameMs: number): void {
    const s = this.state;
    if (!s || !this.playback.playing) return;
    const target =
      this.playback.now() +
      Math.round(Math.min(Math.max(0, wallMs), maxFrameMs) * this.playback.speed);
    this.runTo(target, true);
  }

  /** Runs the current step until it completes (used by "next" and when rebuilding). */
  runToCompletion(): void {
    const s = this.state;
    if (!s || s.complete || !s.step) return;
    this.advanceChecking(this.deadline(s));
  }

  private chapter(index: number): Chapter | undefined {
    return this.state?.chapters.find((c) => c.index === index);
  }

  /**
   * A recorded step start can be reached by replaying the timeline unless a later step started at
   * the same instant (replaying to that instant would apply the later step's inputs too).
   */
  private reachable(chapter: Chapter): boolean {
    return !this.state!.chapters.some((c) => c.index > chapter.index && c.at === chapter.at);
  }

  private jump(chapter: Chapter): void {
    this.playback.seek(chapter.at);
    this.locate(chapter.at, chapter.index);
  }

  /** Makes the step running at time `t` (by the chapters) the current one. */
  private locate(t: number, prefer?: number): void {
    const s = this.state!;
    let found: Chapter | undefined;
    for (const c of s.chapters)
      if (c.at <= t && (prefer === undefined || c.index <= prefer)) found = c;
    if (!found) return;
    const changed = found.index !== s.index;
    s.index = found.index;
    s.step = s.scenario.steps[found.index];
    s.startedAt = found.at;
    s.complete = found.completedAt !== undefined && found.completedAt <= t;
    s.timedOut = s.complete && found.timedOut === true;
    if (changed) s.revealed = false;
  }

  /** Rebuilds the run from the seed: setup, settle, every earlier step to its end, then step `index`. */
  private rebuild(index: number): void {
    const s = this.state!;
    const target = Math.max(0, Math.min(index, s.scenario.steps.length - 1));
    this.playback.reset(scenarioConfig(s.scenario, this.seed));
    this.playback.pause();
    for (const input of s.scenario.setup ?? []) this.apply(input);
    this.playback.advanceBy(s.scenario.settle ?? 0);
    s.chapters = [];
    s.index = -1;
    s.step = undefined;
    s.complete = true;
    if (s.scenario.steps.length === 0) return;
    for (let i = 0; i < target; i += 1) {
      this.start(i, false);
      this.runToCompletion();
    }
    this.start(target);
  }

  /**
   * Plays forward to `target`: checking completion while a step runs, entering recorded steps as
   * time reaches them. When playing (`stopAtCompletion`), stops where a step completes.
   */
  private runTo(target: number, stopAtCompletion: boolean): void {
    const s = this.state!;
    while (this.playback.now() < target) {
      if (!s.complete && s.step) {
        this.advanceChecking(target);
        if (!s.complete || stopAtCompletion) return;
        continue;
      }
      const next = this.chapter(s.index + 1);
      if (next && next.at <= target && next.at >= this.playback.now()) {
        this.playback.advanceTo(next.at);
        this.locate(next.at, next.index);
        continue;
      }
      this.playback.advanceTo(target);
      return;
    }
  }

  private deadline(s: PlayerState): number {
    const complete = s.step!.complete;
    return (
      s.startedAt + ('after' in complete ? complete.after : (complete.within ?? DEFAULT_WITHIN_MS))
    );
  }

  private advanceChecking(target: number): void {
    const s = this.state!;
    if (s.complete || !s.step) {
      this.playback.advanceTo(target);
      return;
    }
    const complete = s.step.complete;
    const deadline = this.deadline(s);
    const limit = Math.min(target, deadline);
    const everyEvent = 'when' in complete && !needsSnapshot(complete.when);
    const sim = () => this.playback.simulation();
    const onGrid = (t: number) => (t - s.startedAt) % CHECK_EVERY_MS === 0;
    if (onGrid(this.playback.now()) || everyEvent) {
      if (this.check(s)) return this.finish(s, false);
    }
    while (this.playback.now() < limit) {
      const now = this.playback.now();
      const grid =
        s.startedAt + (Math.floor((now - s.startedAt) / CHECK_EVERY_MS) + 1) * CHECK_EVERY_MS;
      const next = everyEvent ? Math.min(sim().nextEventTime() ?? Infinity, grid) : grid;
      const t = Math.min(next, limit);
      this.playback.advanceTo(t);
      if ((everyEvent || onGrid(t)) && this.check(s)) return this.finish(s, false);
    }
    if (this.playback.now() >= deadline) return this.finish(s, !('after' in complete));
  }

  private check(s: PlayerState): boolean {
    const complete = s.step!.complete;
    if ('after' in complete) return this.playback.now() >= s.startedAt + complete.after;
    const sim = this.playback.simulation();
    return holds(complete.when, () => this.playback.snapshot(), sim.eventsSince(s.startSeq));
  }

  private finish(s: PlayerState, timedOut: boolean): void {
    s.complete = true;
    s.timedOut = timedOut;
    const completedAt = this.playback.now();
    s.chapters = s.chapters.map((c) => (c.index === s.index ? { ...c, completedAt, timedOut } : c));
    this.playback.pause();
  }

  private readonly inputListeners = new Set<(input: LessonInput) => void>();

  /** Tells `listener` about each command a step runs as it starts (not when replayed). */
  onInput(listener: (input: LessonInput) => void): () => void {
    this.inputListeners.add(listener);
    return () => this.inputListeners.delete(listener);
  }

  private start(index: number, announce = true): void {
    const s = this.state!;
    const step = s.scenario.steps[index]!;
    s.index = index;
    s.step = step;
    s.startedAt = this.playback.now();
    s.startSeq = this.playback.simulation().eventCount();
    s.complete = false;
    s.timedOut = false;
    s.revealed = false;
    s.chapters = [
      ...s.chapters.filter((c) => c.index < index),
      { index, at: s.startedAt, title: step.title },
    ];
    for (const input of step.inputs ?? []) {
      const result = this.apply(input);
      if (!announce || this.inputListeners.size === 0) continue;
      const announced: LessonInput = {
        ...describeInput(input, step),
        note: `step ${index + 1}: ${step.title}`,
        result,
        at: s.startedAt,
      };
      for (const listener of this.inputListeners) listener(announced);
    }
  }

  private apply(input: StepInput): ExecResult & { stream?: number } {
    if ('exec' in input) return this.playback.exec(input.exec, input.stdin);
    if ('apply' in input) return this.playback.apply(input.apply);
    return this.playback.inject(input.fault);
  }
}

/** How a step's input reads in the console: the command line a person would have typed. */
function describeInput(input: StepInput, step: Step): { line: string } {
  if ('exec' in input) return { line: input.exec };
  if ('apply' in input)
    return {
      line: step.command?.startsWith('kubectl apply') ? step.command : 'kubectl apply -f -',
    };
  if (step.command?.startsWith('fault ')) return { line: step.command };
  const { kind, ...rest } = input.fault;
  const args = Object.values(rest).filter((v) => typeof v === 'string' || typeof v === 'number');
  return { line: ['fault', kind, ...args].join(' ') };
}
