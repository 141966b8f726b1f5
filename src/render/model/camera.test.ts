import { describe, expect, it } from 'vitest';
import {
  approach,
  clampCamera,
  fitCamera,
  focusCamera,
  MAX_SCALE,
  rectVisible,
  screenToWorld,
  worldToScreen,
  zoomAt,
} from './camera';

describe('camera', () => {
  const view = { w: 1280, h: 800 };
  const bounds = { x: 0, y: 0, w: 4000, h: 2500 };

  it('fits the whole harbor, centred, with padding', () => {
    const cam = fitCamera(bounds, view, 20);
    const tl = worldToScreen(cam, 0, 0, { x: 0, y: 0 });
    const br = worldToScreen(cam, bounds.w, bounds.h, { x: 0, y: 0 });
    expect(tl.x).toBeGreaterThanOrEqual(19.9);
    expect(tl.y).toBeGreaterThanOrEqual(19.9);
    expect(br.x).toBeLessThanOrEqual(view.w - 19.9);
    expect(br.y).toBeLessThanOrEqual(view.h - 19.9);
    expect(Math.abs(tl.x - (view.w - br.x))).toBeLessThan(1);
  });

  it('zooms about the pointer: the world point under it stays put', () => {
    const cam = fitCamera(bounds, view);
    const before = screenToWorld(cam, 300, 200, { x: 0, y: 0 });
    const z = zoomAt(cam, 300, 200, 2);
    const after = screenToWorld(z, 300, 200, { x: 0, y: 0 });
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt(cam, 0, 0, 1e6).scale).toBe(MAX_SCALE);
  });

  it('never loses the harbor off screen', () => {
    const cam = clampCamera({ scale: 1, x: -100_000, y: 50_000 }, bounds, view);
    expect(rectVisible(bounds, cam, view)).toBe(true);
  });

  it('focuses on an entity, zooming in on something small', () => {
    const cam = fitCamera(bounds, view);
    const target = { x: 1000, y: 1000, w: 400, h: 330 };
    const f = focusCamera(cam, target, view);
    expect(f.scale).toBeGreaterThan(cam.scale);
    const c = worldToScreen(f, 1200, 1165, { x: 0, y: 0 });
    expect(c.x).toBeCloseTo(view.w / 2);
    expect(c.y).toBeCloseTo(view.h / 2);
  });

  it('glides towards a target and arrives', () => {
    const cam = { x: 0, y: 0, scale: 1 };
    const target = { x: 100, y: -50, scale: 2 };
    let moving = true;
    for (let i = 0; i < 200 && moving; i += 1) moving = approach(cam, target, 16);
    expect(moving).toBe(false);
    expect(cam).toEqual(target);
  });
});
