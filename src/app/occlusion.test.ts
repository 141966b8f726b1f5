import { describe, expect, it } from 'vitest';
import { measureInsets } from './occlusion';

function el(x: number, y: number, width: number, height: number): Element {
  return {
    getBoundingClientRect: () => ({
      x,
      y,
      width,
      height,
      left: x,
      top: y,
      right: x + width,
      bottom: y + height,
    }),
  } as unknown as Element;
}

describe('measureInsets', () => {
  it('counts bars against the top and bottom, columns against the sides', () => {
    const insets = measureInsets(
      [el(10, 10, 1260, 50), el(10, 700, 1260, 90), el(10, 70, 400, 600), el(820, 70, 450, 600)],
      1280,
      800,
    );
    expect(insets).toEqual({ top: 60, bottom: 100, left: 410, right: 460 });
  });

  it('counts a small bar in a corner against the edge that costs least (the top)', () => {
    expect(measureInsets([el(660, 12, 608, 48)], 1280, 800)).toEqual({
      top: 60,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });

  it('ignores hidden panels', () => {
    expect(measureInsets([el(0, 0, 0, 0)], 1280, 800)).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });
});
