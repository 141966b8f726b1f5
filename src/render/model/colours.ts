import type { Palette } from './theme';

/** FNV-1a over the app name: the same app keeps its colour across runs, rewinds and themes. */
export function appHash(app: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < app.length; i += 1) {
    h ^= app.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The names lessons use get distinct colours; any other app gets one from its hash. */
const WELL_KNOWN: Readonly<Record<string, number>> = {
  web: 4,
  db: 0,
  api: 2,
  cache: 5,
  frontend: 1,
  backend: 6,
  nginx: 7,
  worker: 8,
  redis: 9,
  postgres: 3,
};

/** Index into `Palette.apps` for an app. */
export function appColourIndex(app: string, count: number): number {
  const known = WELL_KNOWN[app];
  return known !== undefined && known < count ? known : appHash(app) % count;
}

/** The fill colour of an app's containers. */
export function appColour(app: string, colours: Palette): number {
  return colours.apps[appColourIndex(app, colours.apps.length)]!;
}

/** Mixes two colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.min(1, Math.max(0, t));
  const r = Math.round(((a >> 16) & 255) * (1 - k) + ((b >> 16) & 255) * k);
  const g = Math.round(((a >> 8) & 255) * (1 - k) + ((b >> 8) & 255) * k);
  const bl = Math.round((a & 255) * (1 - k) + (b & 255) * k);
  return (r << 16) | (g << 8) | bl;
}
