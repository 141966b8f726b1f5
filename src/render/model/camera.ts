import type { Point, Rect } from './layout';

/** The camera: screen = world × scale + (x, y). */
export type Camera = { x: number; y: number; scale: number };
export type Viewport = { w: number; h: number };

export const MIN_SCALE = 0.06;
export const MAX_SCALE = 4;

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The camera that shows all of `bounds` centred in the viewport with `padding` pixels around. */
export function fitCamera(bounds: Rect, view: Viewport, padding = 24): Camera {
  const w = Math.max(1, view.w - 2 * padding);
  const h = Math.max(1, view.h - 2 * padding);
  const scale = clampScale(Math.min(w / Math.max(1, bounds.w), h / Math.max(1, bounds.h)));
  return {
    scale,
    x: view.w / 2 - (bounds.x + bounds.w / 2) * scale,
    y: view.h / 2 - (bounds.y + bounds.h / 2) * scale,
  };
}

/** Zooms by `factor` keeping the world point under screen point (sx, sy) still. */
export function zoomAt(cam: Camera, sx: number, sy: number, factor: number): Camera {
  const scale = clampScale(cam.scale * factor);
  const k = scale / cam.scale;
  return { scale, x: sx - (sx - cam.x) * k, y: sy - (sy - cam.y) * k };
}

export function panBy(cam: Camera, dx: number, dy: number): Camera {
  return { scale: cam.scale, x: cam.x + dx, y: cam.y + dy };
}

/** Keeps at least `margin` pixels of the harbor on screen, so it can never be lost off an edge. */
export function clampCamera(cam: Camera, bounds: Rect, view: Viewport, margin = 80): Camera {
  const left = bounds.x * cam.scale + cam.x;
  const right = (bounds.x + bounds.w) * cam.scale + cam.x;
  const top = bounds.y * cam.scale + cam.y;
  const bottom = (bounds.y + bounds.h) * cam.scale + cam.y;
  let { x, y } = cam;
  if (right < margin) x += margin - right;
  if (left > view.w - margin) x -= left - (view.w - margin);
  if (bottom < margin) y += margin - bottom;
  if (top > view.h - margin) y -= top - (view.h - margin);
  return { scale: cam.scale, x, y };
}

export function screenToWorld(cam: Camera, sx: number, sy: number, out: Point): Point {
  out.x = (sx - cam.x) / cam.scale;
  out.y = (sy - cam.y) / cam.scale;
  return out;
}

export function worldToScreen(cam: Camera, wx: number, wy: number, out: Point): Point {
  out.x = wx * cam.scale + cam.x;
  out.y = wy * cam.scale + cam.y;
  return out;
}

/** Whether a world rectangle is at least partly on screen. */
export function rectVisible(r: Rect, cam: Camera, view: Viewport): boolean {
  const x0 = r.x * cam.scale + cam.x;
  const y0 = r.y * cam.scale + cam.y;
  return x0 < view.w && y0 < view.h && x0 + r.w * cam.scale > 0 && y0 + r.h * cam.scale > 0;
}

/**
 * A camera that brings `target` into view: centred on it, zoomed in so it fills about half of
 * the screen when it was small, never zoomed out further than needed.
 */
export function focusCamera(cam: Camera, target: Rect, view: Viewport): Camera {
  const fit = Math.min(view.w / Math.max(1, target.w), view.h / Math.max(1, target.h));
  const scale = clampScale(Math.min(Math.max(cam.scale, fit * 0.5), fit * 0.9));
  return {
    scale,
    x: view.w / 2 - (target.x + target.w / 2) * scale,
    y: view.h / 2 - (target.y + target.h / 2) * scale,
  };
}

/**
 * Moves `current` towards `target` with a half-life of `halfLifeMs` of wall time (camera motion is
 * the viewer's, not the simulation's). Writes into `current`; returns whether it is still moving.
 */
export function approach(current: Camera, target: Camera, dtMs: number, halfLifeMs = 90): boolean {
  const k = 1 - 0.5 ** (Math.max(0, dtMs) / halfLifeMs);
  const ds = target.scale - current.scale;
  const dx = target.x - current.x;
  const dy = target.y - current.y;
  if (Math.abs(ds) < 1e-4 * target.scale && Math.abs(dx) < 0.25 && Math.abs(dy) < 0.25) {
    current.scale = target.scale;
    current.x = target.x;
    current.y = target.y;
    return false;
  }
  // Interpolate in log-scale so zooming feels even; keep the screen centre path straight.
  current.scale = current.scale * (target.scale / current.scale) ** k;
  current.x += dx * k;
  current.y += dy * k;
  return true;
}
