import { describe, expect, it } from 'vitest';
import { cacheResolution, detailAt, labelBoost, ZOOM_THRESHOLDS } from './zoom';

describe('semantic zoom', () => {
  it('shows hulls far out, the crew in the middle, the rules table close in', () => {
    expect(detailAt(0.2)).toBe('far');
    expect(detailAt(ZOOM_THRESHOLDS.mid)).toBe('mid');
    expect(detailAt(0.8)).toBe('mid');
    expect(detailAt(ZOOM_THRESHOLDS.near)).toBe('near');
    expect(detailAt(3)).toBe('near');
  });

  it('does not flicker around a threshold (hysteresis)', () => {
    const { mid } = ZOOM_THRESHOLDS;
    expect(detailAt(mid * 1.02, 'far')).toBe('far');
    expect(detailAt(mid * 1.1, 'far')).toBe('mid');
    expect(detailAt(mid * 0.98, 'mid')).toBe('mid');
    expect(detailAt(mid * 0.9, 'mid')).toBe('far');
    expect(detailAt(ZOOM_THRESHOLDS.near * 0.97, 'near')).toBe('near');
    expect(detailAt(0.1, 'near')).toBe('far');
  });

  it('enlarges labels when zoomed out, within limits', () => {
    expect(labelBoost(1)).toBe(1);
    expect(labelBoost(0.35)).toBeCloseTo(2);
    expect(labelBoost(0.01)).toBe(2.6);
  });

  it('caches decks at a few resolutions only', () => {
    const steps = new Set<number>();
    for (let s = 0.05; s < 5; s += 0.01) steps.add(cacheResolution(s, 1));
    expect(steps.size).toBeLessThanOrEqual(6);
    expect(cacheResolution(2, 2)).toBeGreaterThanOrEqual(3.5);
  });
});
