import type { Theme } from '../../store';

/** Every colour and size the scene uses, per theme. Colours are 0xRRGGBB numbers. */
export type Palette = {
  readonly name: Theme;
  readonly sea: number;
  readonly wave: number;
  readonly waveAlpha: number;
  readonly hull: number;
  readonly hullStripe: number;
  readonly deck: number;
  readonly superstructure: number;
  readonly window: number;
  readonly windowLit: number;
  readonly outline: number;
  readonly dock: number;
  readonly dockEdge: number;
  readonly crane: number;
  readonly ledgerPage: number;
  readonly ink: number;
  readonly text: number;
  readonly textMuted: number;
  readonly textOnHull: number;
  readonly panel: number;
  readonly panelAlpha: number;
  readonly highlight: number;
  readonly hover: number;
  readonly ready: number;
  readonly notReady: number;
  readonly unknown: number;
  readonly sunk: number;
  readonly danger: number;
  readonly warning: number;
  readonly ok: number;
  readonly signalWrite: number;
  readonly signalRead: number;
  readonly signalWatch: number;
  readonly signalLedger: number;
  readonly signalLease: number;
  readonly traffic: number;
  readonly gaugeTrack: number;
  readonly gaugeFill: number;
  readonly gaugeFull: number;
  readonly buoy: number;
  readonly buoyStripe: number;
  readonly smoke: number;
  /** Stroke width of outlines, in world units at zoom 1. */
  readonly line: number;
  /** Multiplier for every label size. */
  readonly textScale: number;
  readonly fontWeight: 'normal' | 'bold';
  /** App colours for containers (index by `appColour`). */
  readonly apps: readonly number[];
};

/** Okabe–Ito based: distinguishable with common colour-vision deficiencies; no pure red (red means trouble). */
const APP_COLOURS = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xcc79a7, 0x8c6d31, 0x17becf, 0xbcbd22,
  0x9467bd,
] as const;

const dark: Palette = {
  name: 'dark',
  sea: 0x0b3d5c,
  wave: 0x2a6f97,
  waveAlpha: 0.35,
  hull: 0x2b2d42,
  hullStripe: 0xc1121f,
  deck: 0x8d99ae,
  superstructure: 0xedf2f4,
  window: 0x415a77,
  windowLit: 0xffd166,
  outline: 0x0d1321,
  dock: 0x6c757d,
  dockEdge: 0x495057,
  crane: 0xffb703,
  ledgerPage: 0xfdf6e3,
  ink: 0x1b1b1b,
  text: 0xffffff,
  textMuted: 0xc9d6df,
  textOnHull: 0xffffff,
  panel: 0x0d1b2a,
  panelAlpha: 0.85,
  highlight: 0xffd400,
  hover: 0x8ecae6,
  ready: 0x2dc653,
  notReady: 0xff9f1c,
  unknown: 0xb8b8d1,
  sunk: 0x000000,
  danger: 0xff4d4d,
  warning: 0xffbe0b,
  ok: 0x2dc653,
  signalWrite: 0xffb703,
  signalRead: 0x8ecae6,
  signalWatch: 0x90e0ef,
  signalLedger: 0xffd166,
  signalLease: 0x95d5b2,
  traffic: 0xf72585,
  gaugeTrack: 0x1b263b,
  gaugeFill: 0x52b788,
  gaugeFull: 0xff4d4d,
  buoy: 0xe63946,
  buoyStripe: 0xffffff,
  smoke: 0x9e9e9e,
  line: 2,
  textScale: 1,
  fontWeight: 'normal',
  apps: APP_COLOURS,
};

const light: Palette = {
  ...dark,
  name: 'light',
  sea: 0xcfe8f3,
  wave: 0x8ec5dd,
  waveAlpha: 0.6,
  hull: 0x34495e,
  deck: 0xadb5bd,
  superstructure: 0xffffff,
  window: 0x90a4ae,
  outline: 0x1c2833,
  dock: 0xb0a99f,
  dockEdge: 0x7d746a,
  crane: 0xf4a100,
  text: 0x102a43,
  textMuted: 0x486581,
  panel: 0xffffff,
  panelAlpha: 0.92,
  highlight: 0xd00000,
  hover: 0x0077b6,
  signalWrite: 0xd97706,
  signalRead: 0x0369a1,
  signalWatch: 0x0891b2,
  signalLedger: 0xb45309,
  signalLease: 0x15803d,
  gaugeTrack: 0xdde5ec,
  gaugeFill: 0x2d6a4f,
  smoke: 0x6b7280,
};

/** High contrast for projectors: light water, black outlines, thick lines, large bold labels. */
const projector: Palette = {
  ...light,
  name: 'projector',
  sea: 0xf2fbff,
  wave: 0x7fb8d6,
  waveAlpha: 0.7,
  hull: 0x111111,
  hullStripe: 0xd00000,
  deck: 0x777777,
  superstructure: 0xffffff,
  window: 0x444444,
  windowLit: 0xffc300,
  outline: 0x000000,
  dock: 0x9a9a9a,
  dockEdge: 0x000000,
  crane: 0xff9500,
  text: 0x000000,
  textMuted: 0x222222,
  panel: 0xffffff,
  panelAlpha: 1,
  highlight: 0xff00aa,
  hover: 0x0050ff,
  ready: 0x00a000,
  notReady: 0xff8c00,
  unknown: 0x6a00ff,
  danger: 0xe00000,
  signalWrite: 0xff6a00,
  signalRead: 0x0050ff,
  signalWatch: 0x0096c7,
  signalLedger: 0xb00060,
  signalLease: 0x008000,
  traffic: 0xd6007a,
  gaugeTrack: 0xdddddd,
  gaugeFill: 0x007a33,
  line: 4,
  textScale: 1.2,
  fontWeight: 'bold',
};

const THEMES: Readonly<Record<Theme, Palette>> = { dark, light, projector };

/** The palette of a theme. */
export function palette(theme: Theme): Palette {
  return THEMES[theme];
}

/** `0xRRGGBB` as `#rrggbb` (for the DOM tooltip). */
export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
