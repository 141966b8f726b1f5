import { describe, expect, it } from 'vitest';
import {
  arcPoint,
  liftProgress,
  MIN_LIFT_MS,
  MIN_SIGNAL_MS,
  officeLight,
  progress,
  pulseAt,
  shakeOffset,
  SHAKE_MS,
  signalEnd,
  signalProgress,
  sinkPose,
  SINK_MS,
  smokePuff,
} from './anim';

describe('animations from timestamps', () => {
  it('gives every signal a minimum visible time in simulated ms, counted from sent', () => {
    expect(signalEnd(1_000, 1_002)).toBe(1_000 + MIN_SIGNAL_MS);
    expect(signalEnd(1_000, 5_000)).toBe(5_000);
    expect(signalProgress(999, 1_000, 1_002)).toBe(-1);
    expect(signalProgress(1_000, 1_000, 1_002)).toBe(0);
    expect(signalProgress(1_000 + MIN_SIGNAL_MS / 2, 1_000, 1_002)).toBeCloseTo(0.5);
    expect(signalProgress(1_000 + MIN_SIGNAL_MS + 1, 1_000, 1_002)).toBe(-1);
  });

  it('replays identically: the same now gives the same frame, whatever the speed or order', () => {
    const times = [1_350, 1_100, 1_600, 1_100];
    const a = times.map((t) => signalProgress(t, 1_000, 1_002));
    expect(a[1]).toBe(a[3]);
    const p = { x: 0, y: 0 };
    const q = { x: 0, y: 0 };
    arcPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.3, 50, p);
    arcPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.3, 50, q);
    expect(p).toEqual(q);
  });

  it('lifts a container along an arc from the dock to its ship', () => {
    const a = { x: 0, y: 100 };
    const b = { x: 200, y: 300 };
    const out = { x: 0, y: 0 };
    expect(arcPoint(a, b, 0, 80, out)).toEqual(a);
    expect(arcPoint(a, b, 1, 80, out)).toEqual(b);
    arcPoint(a, b, 0.5, 80, out);
    expect(out.y).toBeLessThan((a.y + b.y) / 2);
    expect(liftProgress(5_000, 4_000, 6_000, false)).toBeCloseTo(0.5);
    // A binding takes a few ms; the lift is still drawn for MIN_LIFT_MS from its start.
    expect(liftProgress(4_000 + MIN_LIFT_MS / 2, 4_000, 4_006, false)).toBeCloseTo(0.5);
    expect(liftProgress(4_000 + MIN_LIFT_MS, 4_000, 4_006, false)).toBe(1);
    expect(liftProgress(4_100, 4_000, 6_000, true)).toBe(1);
    expect(liftProgress(3_900, 4_000, 6_000, true)).toBe(0);
  });

  it('shakes a crashed container, then stops; never with reduced motion', () => {
    expect(shakeOffset(10_000, 10_000, 5, false)).toBe(0);
    expect(Math.abs(shakeOffset(10_030, 10_000, 5, false))).toBeGreaterThan(0);
    expect(shakeOffset(10_000 + SHAKE_MS, 10_000, 5, false)).toBe(0);
    expect(shakeOffset(10_030, 10_000, 5, true)).toBe(0);
  });

  it('sinks a ship over SINK_MS; with reduced motion, at once', () => {
    const pose = { dy: 0, rotation: 0, alpha: 1 };
    sinkPose(0, 0, false, pose);
    expect(pose.dy).toBe(0);
    sinkPose(SINK_MS / 2, 0, false, pose);
    expect(pose.dy).toBeGreaterThan(0);
    expect(pose.dy).toBeLessThan(70);
    sinkPose(SINK_MS, 0, false, pose);
    expect(pose.dy).toBe(70);
    expect(pose.alpha).toBeCloseTo(0.4);
    sinkPose(1, 0, true, pose);
    expect(pose.dy).toBe(70);
  });

  it('pulses, puffs and lights for a while, then stops', () => {
    const out = { r: 0, alpha: 0 };
    expect(pulseAt(100, 0, 1_000, out)).toBe(true);
    expect(out.r).toBeGreaterThan(0);
    expect(pulseAt(1_000, 0, 1_000, out)).toBe(false);
    expect(pulseAt(-1, 0, 1_000, out)).toBe(false);
    const puff = { dx: 0, dy: 0, r: 0, alpha: 0 };
    expect(smokePuff(100, 0, 0, 4, puff).alpha).toBeGreaterThan(0);
    expect(smokePuff(100_000, 0, 0, 4, puff).alpha).toBe(0);
    expect(officeLight(10, 20)).toBe(1);
    expect(officeLight(400, 0)).toBeGreaterThan(0);
    expect(officeLight(10_000, 0)).toBe(0);
    expect(progress(5, 10, 10)).toBe(0);
    expect(progress(10, 10, 10)).toBe(1);
  });
});
