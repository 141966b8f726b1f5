/**
 * Semantic zoom. Far: hulls with container dots and names. Mid: the crew, gauges, flags and
 * labels appear. Near: kube-proxy's rules table, container names and countdowns.
 */
export type Detail = 'far' | 'mid' | 'near';

/** Camera scales (screen pixels per world unit) where the detail changes. */
export const ZOOM_THRESHOLDS = { mid: 0.45, near: 1.15 } as const;
/** Relative margin around each threshold so a zoom resting on it does not flicker. */
export const ZOOM_HYSTERESIS = 0.06;

/** The detail level at `scale`, given the previous one (hysteresis). */
export function detailAt(scale: number, previous?: Detail): Detail {
  const up = 1 + ZOOM_HYSTERESIS;
  const down = 1 - ZOOM_HYSTERESIS;
  const { mid, near } = ZOOM_THRESHOLDS;
  switch (previous) {
    case 'far':
      return scale >= near * up ? 'near' : scale >= mid * up ? 'mid' : 'far';
    case 'mid':
      return scale >= near * up ? 'near' : scale < mid * down ? 'far' : 'mid';
    case 'near':
      return scale < mid * down ? 'far' : scale < near * down ? 'mid' : 'near';
    default:
      return scale >= near ? 'near' : scale >= mid ? 'mid' : 'far';
  }
}

/**
 * How much to enlarge labels and markers (in world units) when zoomed out, so they stay readable
 * on screen: 1 at and above `comfortable`, growing as the camera zooms out, at most `max`.
 */
export function labelBoost(scale: number, comfortable = 0.7, max = 2.6): number {
  if (scale >= comfortable) return 1;
  return Math.min(max, comfortable / Math.max(scale, 1e-3));
}

/**
 * The resolution to cache a ship's drawing at: a little above the screen's, so small labels stay
 * sharp; quantised so zooming re-caches only in steps.
 */
export function cacheResolution(scale: number, devicePixelRatio: number): number {
  const want = scale * devicePixelRatio * 1.4;
  if (want <= 0.35) return 0.35;
  if (want <= 0.6) return 0.6;
  if (want <= 1) return 1;
  if (want <= 1.6) return 1.6;
  if (want <= 2.5) return 2.5;
  return 3.5;
}
