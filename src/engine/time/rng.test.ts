import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('repeats for the same seed and differs across seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('stays in range and spreads evenly', () => {
    const rng = new Rng(1);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i += 1) counts[rng.int(6)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(9_400);
    for (let i = 0; i < 1000; i += 1) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('restores a saved state', () => {
    const rng = new Rng(42);
    rng.next();
    const saved = rng.state();
    const after = [rng.next(), rng.next()];
    rng.restore(saved);
    expect([rng.next(), rng.next()]).toEqual(after);
  });
});
