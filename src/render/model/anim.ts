import type { Point } from './layout';

// Every animation here is a pure function of simulated time and a timestamp from the snapshot, so
// playback speed, pause and rewind need nothing special: a different `now` is a different frame.

/** Shortest time (simulated ms) a signal stays visible, counted from `sent`: real hops take ~2 ms. */
export const MIN_SIGNAL_MS = 700;
/**
 * Shortest crane lift (simulated ms), counted from `start`: the engine's binding takes a few
 * network hops, far too quick to see. Within the engine's linger for moves (1.5 s).
 */
export const MIN_LIFT_MS = 1_400;
/** How long a crashed container shakes after its status changes. */
export const SHAKE_MS = 900;
/** How long smoke rises from a crashed container. */
export const SMOKE_MS = 2_600;
/** How long a ship takes to sink. */
export const SINK_MS = 4_000;
/** How long the captain's check-in pulse lasts. */
export const CHECKIN_MS = 1_200;
/** How long a restarted container flashes. */
export const RESTART_MS = 1_200;
/** How long the ledger shows a key it wrote. */
export const LEDGER_FLASH_MS = 1_500;
/** How long an office stays lit after its work ends, fading. */
export const OFFICE_AFTERGLOW_MS = 800;
/** With reduced motion, how long a change stays highlighted instead of animating. */
export const HIGHLIGHT_MS = 1_500;

export function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Progress of an interval at `now`, clamped to [0, 1]; a zero-length interval is done at its end. */
export function progress(now: number, start: number, end: number): number {
  if (end <= start) return now >= end ? 1 : 0;
  return clamp01((now - start) / (end - start));
}

export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

export function easeOutCubic(t: number): number {
  return 1 - (1 - t) ** 3;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** When a signal stops being drawn: when it arrives, but never sooner than `MIN_SIGNAL_MS` after it was sent. */
export function signalEnd(sent: number, arrives: number): number {
  return Math.max(arrives, sent + MIN_SIGNAL_MS);
}

/** A signal's progress along its path at `now`, or -1 when it is not in flight. */
export function signalProgress(now: number, sent: number, arrives: number): number {
  const end = signalEnd(sent, arrives);
  if (now < sent || now > end) return -1;
  return (now - sent) / (end - sent);
}

/**
 * A point on an arc from `a` to `b` at t ∈ [0, 1], raised by `lift` at the middle (a crane's
 * swing, a signal's curve). Writes into `out` so the frame loop allocates nothing.
 */
export function arcPoint(a: Point, b: Point, t: number, lift: number, out: Point): Point {
  out.x = a.x + (b.x - a.x) * t;
  out.y = a.y + (b.y - a.y) * t - lift * 4 * t * (1 - t);
  return out;
}

/** When a crane lift is drawn as landed: at `end`, but never sooner than `MIN_LIFT_MS` after `start`. */
export function liftEnd(start: number, end: number): number {
  return Math.max(end, start + MIN_LIFT_MS);
}

/** A crane lift's progress at `now`: eased over its visible duration; with reduced motion, already landed. */
export function liftProgress(now: number, start: number, end: number, reduced: boolean): number {
  if (reduced) return now >= start ? 1 : 0;
  return easeInOutCubic(progress(now, start, liftEnd(start, end)));
}

/** Horizontal shake of a crashed container, decaying to 0 over `SHAKE_MS` (0 with reduced motion). */
export function shakeOffset(
  now: number,
  since: number,
  amplitude: number,
  reduced: boolean,
): number {
  const dt = now - since;
  if (reduced || dt < 0 || dt >= SHAKE_MS) return 0;
  return amplitude * (1 - dt / SHAKE_MS) * Math.sin(dt * 0.06);
}

/** Whether something that started at `since` is still within an effect lasting `duration`. */
export function within(now: number, since: number, duration: number): boolean {
  return now >= since && now < since + duration;
}

/** How a sinking ship sits at progress p: lower, listing, fading. */
export type SinkPose = { dy: number; rotation: number; alpha: number };

/** The ship's pose `now`, given when it sank (reduced motion: straight to the wreck). */
export function sinkPose(now: number, sunkAt: number, reduced: boolean, out: SinkPose): SinkPose {
  const p = reduced
    ? now >= sunkAt
      ? 1
      : 0
    : easeInOutCubic(progress(now, sunkAt, sunkAt + SINK_MS));
  out.dy = p * 70;
  out.rotation = p * 0.12;
  out.alpha = 1 - 0.6 * p;
  return out;
}

/** A pulse's expanding ring at `now` (radius factor 0..1 and alpha) into `out`; false when over. */
export function pulseAt(
  now: number,
  start: number,
  duration: number,
  out: { r: number; alpha: number },
): boolean {
  const dt = now - start;
  if (dt < 0 || dt >= duration) return false;
  const t = dt / duration;
  out.r = easeOutCubic(t);
  out.alpha = 1 - t;
  return true;
}

/** Smoke puff `i` of `count` above a crashed box: offset from the box top and alpha, or alpha 0. */
export function smokePuff(
  now: number,
  since: number,
  i: number,
  count: number,
  out: { dx: number; dy: number; r: number; alpha: number },
): { dx: number; dy: number; r: number; alpha: number } {
  const dt = now - since - (i * SMOKE_MS) / (count * 2);
  if (dt < 0 || dt > SMOKE_MS / 2) {
    out.alpha = 0;
    return out;
  }
  const t = dt / (SMOKE_MS / 2);
  out.dx = Math.sin(i * 2.1 + t * 3) * 6;
  out.dy = -t * 40;
  out.r = 4 + t * 9;
  out.alpha = 0.7 * (1 - t);
  return out;
}

/** Office light: 1 while busy, fading to 0 over the afterglow. */
export function officeLight(now: number, busyUntil: number): number {
  if (now < busyUntil) return 1;
  return 1 - clamp01((now - busyUntil) / OFFICE_AFTERGLOW_MS);
}
