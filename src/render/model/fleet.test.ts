import { describe, expect, it } from 'vitest';
import { fixtureShip } from '../fixtures';
import { SINK_MS } from './anim';
import { cargoOrder, SinkClock } from './fleet';

describe('sinking and re-laying', () => {
  const afloat = ['control-plane', 'ship-1', 'ship-2', 'ship-3'].map((n) =>
    fixtureShip(n, n === 'control-plane' ? { role: 'control' } : {}),
  );
  const sunk2 = afloat.map((s) =>
    s.name === 'ship-2' ? { ...s, sunk: true, status: 'Sunk' as const } : s,
  );

  it('notes when a ship sank while playing, and replays nothing on first sight or after a rewind', () => {
    const clock = new SinkClock();
    clock.observe(afloat, 10_000);
    clock.observe(afloat, 10_016);
    clock.observe(sunk2, 10_032);
    expect(clock.sunkAt('ship-2')).toBe(10_016);
    clock.observe(sunk2, 10_048);
    expect(clock.sunkAt('ship-2')).toBe(10_016);
    const fresh = new SinkClock();
    fresh.observe(sunk2, 50_000);
    expect(fresh.sunkAt('ship-2')).toBeLessThan(50_000 - SINK_MS);
    clock.observe(afloat, 5_000);
    expect(clock.sunkAt('ship-2')).toBeUndefined();
    // Fast playback: a big step forward still sinks it from the last moment it was seen afloat.
    clock.observe(afloat, 6_000);
    clock.observe(sunk2, 26_000);
    expect(clock.sunkAt('ship-2')).toBe(6_000);
    // Back in time to a moment after the sinking: long sunk.
    clock.observe(sunk2, 20_000);
    expect(clock.sunkAt('ship-2')).toBeLessThan(20_000 - SINK_MS);
  });

  it('prefers a time the engine gives', () => {
    const clock = new SinkClock();
    clock.observe(
      sunk2.map((s) => (s.sunk ? { ...s, sunkAt: 1234 } : s)),
      9_000,
    );
    expect(clock.sunkAt('ship-2')).toBe(1234);
  });

  it('keeps a sinking ship in place, then moves the wreck to the end', () => {
    const at = (name: string) => (name === 'ship-2' ? 1_000 : undefined);
    expect(cargoOrder(sunk2, 2_000, at)).toEqual(['ship-1', 'ship-2', 'ship-3']);
    expect(cargoOrder(sunk2, 1_000 + SINK_MS, at)).toEqual(['ship-1', 'ship-3', 'ship-2']);
  });
});
