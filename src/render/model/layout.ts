/** An axis-aligned rectangle in world units. */
export type Rect = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };

/** Size of one cargo ship's cell in the grid (the ship, its gauges and a margin). */
export const CELL = { w: 400, h: 330 } as const;
/** The control ship's drawing, origin at its top-left. */
export const CONTROL = { w: 960, h: 390 } as const;
/** The dock (quay) where containers wait for the cranes, right of the control ship. */
export const DOCK = { w: 300, h: 230 } as const;
/** A buoy's slot in the services row. */
export const BUOY = { w: 210, h: 120 } as const;

/** Where things are on a cargo ship, relative to its cell origin (the bow points right). */
export const CARGO_SHIP = {
  hull: { x: 12, y: 172, w: 376, h: 64 },
  deck: { x: 112, y: 96, w: 232, h: 74 },
  house: { x: 22, y: 92, w: 76, h: 80 },
  mast: { x: 60, top: 18, bottom: 92 },
  lamp: { x: 60, y: 18 },
  captain: { x: 86, y: 78 },
  signalOfficer: { x: 366, y: 152 },
  badge: { x: 26, y: 182, w: 150, h: 24 },
  name: { x: 270, y: 194 },
  destination: { x: 200, y: 244 },
  gauges: { x: 30, y: 262, w: 340, h: 54 },
  rules: { x: 0, y: 330, w: 400 },
  /** Where check-in pulses and signals from the captain start. */
  radio: { x: 60, y: 10 },
} as const;

/** Where the parts of the control ship are, relative to its origin. */
export const CONTROL_SHIP = {
  hull: { x: 10, y: 292, w: 940, h: 82 },
  offices: {
    operations: { x: 24, y: 196, w: 124, h: 96 },
    cargo: { x: 158, y: 196, w: 124, h: 96 },
    services: { x: 292, y: 196, w: 124, h: 96 },
  },
  ledger: { x: 436, y: 200, w: 180, h: 92 },
  bridge: { x: 640, y: 92, w: 140, h: 200 },
  cranes: { x: 800, y: 60, w: 140, h: 232 },
  name: { x: 470, y: 318 },
  lamp: { x: 710, y: 30 },
} as const;

export type OfficeKey = keyof typeof CONTROL_SHIP.offices;

/** The whole harbor: where every ship, the dock and the buoys are. */
export type HarborLayout = {
  readonly bounds: Rect;
  /** Origin of the control ship. */
  readonly control: Point;
  readonly dock: Rect;
  /** The harbour master's spot (where `kubectl` and `etcdctl` signals start). */
  readonly console: Point;
  /** Cell origins of cargo ships, by name, in drawing order. */
  readonly ships: ReadonlyMap<string, Point>;
  /** Buoy anchors by service key (`namespace/name`). */
  readonly buoys: ReadonlyMap<string, Point>;
  readonly columns: number;
};

const GAP = 40;
/** Room above a dock moored below the control ship (for the harbour master's hut). */
const DOCK_DROP = 80;
const BUOYS_PER_ROW_MIN = 4;

/**
 * Lays the harbor out for any number of cargo ships (1 to 50 and beyond): the control ship and
 * the dock on top, a row of buoys, then the ships in a grid whose column count makes the whole
 * harbor's aspect ratio closest to the screen's. Deterministic: the same names give the same
 * layout.
 */
export function layoutHarbor(
  shipNames: readonly string[],
  serviceKeys: readonly string[],
  aspect = 1.4,
): HarborLayout {
  const n = shipNames.length;
  // On a narrow screen the dock moors below the control ship instead of beside it.
  const stacked = aspect < 1.05;
  const topW = stacked ? CONTROL.w : CONTROL.w + GAP + DOCK.w;
  const topH = stacked ? CONTROL.h + DOCK_DROP + DOCK.h : CONTROL.h;
  let best = { cols: 1, score: Infinity };
  const maxCols = Math.max(1, Math.min(n, 12));
  for (let cols = 1; cols <= maxCols; cols += 1) {
    const rows = Math.ceil(n / cols);
    const width = Math.max(topW, cols * CELL.w);
    const buoyRows = buoyRowCount(serviceKeys.length, width);
    const height = topH + buoyRows * BUOY.h + GAP + rows * CELL.h;
    const score = Math.abs(Math.log(width / height / aspect));
    if (score < best.score - 1e-9) best = { cols, score };
  }
  const cols = n === 0 ? 1 : best.cols;
  const gridW = Math.min(n, cols) * CELL.w;
  const width = Math.max(topW, gridW);
  const controlX = Math.round((width - topW) / 2);
  const control = { x: controlX, y: 0 };
  const dock = stacked
    ? { x: controlX + CONTROL.w - DOCK.w - 20, y: CONTROL.h + DOCK_DROP, w: DOCK.w, h: DOCK.h }
    : { x: controlX + CONTROL.w + GAP, y: 90, w: DOCK.w, h: DOCK.h };
  const buoyRows = buoyRowCount(serviceKeys.length, width);
  const perRow = Math.max(1, Math.floor(width / BUOY.w));
  const buoys = new Map<string, Point>();
  serviceKeys.forEach((key, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, serviceKeys.length - row * perRow);
    const left = (width - inRow * BUOY.w) / 2;
    buoys.set(key, { x: left + (i % perRow) * BUOY.w + BUOY.w / 2, y: topH + row * BUOY.h + 50 });
  });
  const gridTop = topH + buoyRows * BUOY.h + GAP;
  const gridLeft = Math.round((width - gridW) / 2);
  const ships = new Map<string, Point>();
  shipNames.forEach((name, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    // The last row is centred, so 4 ships in 3 columns do not leave a ragged edge on the left.
    const inRow = Math.min(cols, n - row * cols);
    const rowLeft = gridLeft + ((cols - inRow) * CELL.w) / 2;
    ships.set(name, { x: rowLeft + col * CELL.w, y: gridTop + row * CELL.h });
  });
  const rows = Math.ceil(n / cols);
  return {
    bounds: { x: 0, y: 0, w: width, h: gridTop + rows * CELL.h },
    control,
    dock,
    console: { x: dock.x + dock.w - 30, y: dock.y - 56 },
    ships,
    buoys,
    columns: cols,
  };
}

function buoyRowCount(services: number, width: number): number {
  if (services === 0) return 0.5;
  const perRow = Math.max(BUOYS_PER_ROW_MIN, Math.floor(width / BUOY.w));
  return Math.ceil(services / perRow);
}

/** A grid of container slots on a deck (or the dock). Slots fill from the bottom row up. */
export type DeckGrid = {
  readonly tier: number;
  readonly cols: number;
  readonly rows: number;
  readonly boxW: number;
  readonly boxH: number;
  readonly gapX: number;
  readonly gapY: number;
  readonly capacity: number;
};

const TIERS: readonly (readonly [number, number])[] = [
  [3, 2],
  [5, 3],
  [8, 4],
  [12, 5],
  [16, 7],
  [22, 9],
  [28, 11],
  [36, 14],
  [48, 16],
];

/**
 * The smallest grid that holds `count` boxes in an area: boxes are large while a ship carries a
 * few containers and shrink in steps as it fills, so one more container rarely moves the others.
 */
export function deckGrid(count: number, area: { w: number; h: number }): DeckGrid {
  let tier = TIERS.findIndex(([c, r]) => c * r >= count);
  if (tier < 0) tier = TIERS.length - 1;
  const [cols, rows] = TIERS[tier]!;
  const gapX = Math.max(1, Math.min(6, area.w / cols / 8));
  const gapY = Math.max(1, Math.min(5, area.h / rows / 8));
  const boxW = (area.w - gapX * (cols - 1)) / cols;
  // Containers stay container-shaped: never taller than about 0.62 of their width.
  const boxH = Math.min((area.h - gapY * (rows - 1)) / rows, boxW * 0.62);
  return { tier, cols, rows, boxW, boxH, gapX, gapY, capacity: cols * rows };
}

/** The rectangle of slot `i` (0-based) in a grid whose area's top-left is (0,0). */
export function slotRect(
  grid: DeckGrid,
  i: number,
  area: { w: number; h: number },
  out: Rect,
): Rect {
  const col = i % grid.cols;
  const row = Math.floor(i / grid.cols);
  out.x = col * (grid.boxW + grid.gapX);
  out.y = area.h - grid.boxH - row * (grid.boxH + grid.gapY);
  out.w = grid.boxW;
  out.h = grid.boxH;
  return out;
}

/** The slot under a point in the area's coordinates, or -1. */
export function slotAt(
  grid: DeckGrid,
  x: number,
  y: number,
  area: { w: number; h: number },
): number {
  if (x < 0 || y < 0 || x > area.w || y > area.h) return -1;
  const col = Math.floor(x / (grid.boxW + grid.gapX));
  const row = Math.floor((area.h - y) / (grid.boxH + grid.gapY));
  if (col < 0 || col >= grid.cols || row < 0 || row >= grid.rows) return -1;
  const inX = x - col * (grid.boxW + grid.gapX) <= grid.boxW;
  const inY = area.h - y - row * (grid.boxH + grid.gapY) <= grid.boxH;
  return inX && inY ? row * grid.cols + col : -1;
}

/** Whether two rectangles overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether a point is inside a rectangle. */
export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}
