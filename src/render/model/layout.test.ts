import { describe, expect, it } from 'vitest';
import {
  CELL,
  CONTROL,
  contains,
  deckGrid,
  layoutHarbor,
  overlaps,
  slotAt,
  slotRect,
  type Rect,
} from './layout';

const names = (n: number) => Array.from({ length: n }, (_, i) => `ship-${i + 1}`);

describe('layoutHarbor', () => {
  it.each(Array.from({ length: 50 }, (_, i) => i + 1))(
    'lays out %i ships without overlaps, inside the bounds',
    (n) => {
      const layout = layoutHarbor(names(n), ['default/web', 'default/db'], 1.5);
      const cells: Rect[] = [...layout.ships.values()].map((p) => ({
        x: p.x,
        y: p.y,
        w: CELL.w,
        h: CELL.h,
      }));
      expect(cells).toHaveLength(n);
      const control = { x: layout.control.x, y: layout.control.y, w: CONTROL.w, h: CONTROL.h };
      for (let i = 0; i < cells.length; i += 1) {
        const c = cells[i]!;
        expect(c.x).toBeGreaterThanOrEqual(layout.bounds.x);
        expect(c.y).toBeGreaterThanOrEqual(layout.bounds.y);
        expect(c.x + c.w).toBeLessThanOrEqual(layout.bounds.x + layout.bounds.w + 1e-6);
        expect(c.y + c.h).toBeLessThanOrEqual(layout.bounds.y + layout.bounds.h + 1e-6);
        expect(overlaps(c, control)).toBe(false);
        expect(overlaps(c, layout.dock)).toBe(false);
        for (let j = i + 1; j < cells.length; j += 1) expect(overlaps(c, cells[j]!)).toBe(false);
      }
      for (const b of layout.buoys.values()) {
        expect(contains(layout.bounds, b.x, b.y)).toBe(true);
        for (const c of cells) expect(contains(c, b.x, b.y)).toBe(false);
      }
    },
  );

  it('on a narrow screen, moors the dock below the control ship', () => {
    for (const n of [1, 3, 12, 50]) {
      const layout = layoutHarbor(names(n), ['default/web'], 0.7);
      const control = { x: layout.control.x, y: layout.control.y, w: CONTROL.w, h: CONTROL.h };
      expect(layout.dock.y).toBeGreaterThanOrEqual(control.y + control.h);
      for (const p of layout.ships.values())
        expect(overlaps({ x: p.x, y: p.y, w: CELL.w, h: CELL.h }, layout.dock)).toBe(false);
      expect(layout.bounds.w / layout.bounds.h).toBeLessThan(1.4);
    }
  });

  it('chooses columns so the harbor fits a wide screen: 3 ships in a row, 50 in about 8 to 10 columns', () => {
    expect(layoutHarbor(names(3), [], 1.6).columns).toBe(3);
    const big = layoutHarbor(names(50), [], 1.6);
    expect(big.columns).toBeGreaterThanOrEqual(8);
    expect(big.columns).toBeLessThanOrEqual(10);
    const aspect = big.bounds.w / big.bounds.h;
    expect(aspect).toBeGreaterThan(1.2);
    expect(aspect).toBeLessThan(2.1);
  });

  it('is deterministic and keeps the order it is given', () => {
    const a = layoutHarbor(names(7), ['a/b'], 1.4);
    const b = layoutHarbor(names(7), ['a/b'], 1.4);
    expect([...a.ships.entries()]).toEqual([...b.ships.entries()]);
    const xs = [...a.ships.values()].slice(0, a.columns).map((p) => p.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it('re-lays the grid when a ship leaves: the rest close ranks', () => {
    const before = layoutHarbor(names(4), [], 1.4);
    const after = layoutHarbor(['ship-1', 'ship-3', 'ship-4'], [], 1.4);
    expect(after.ships.has('ship-2')).toBe(false);
    expect(after.ships.get('ship-3')).not.toEqual(before.ships.get('ship-3'));
  });
});

describe('deckGrid', () => {
  const area = { w: 232, h: 74 };

  it('holds any count up to its largest tier, growing in steps', () => {
    let tier = 0;
    for (let n = 0; n <= 700; n += 1) {
      const g = deckGrid(n, area);
      expect(g.capacity).toBeGreaterThanOrEqual(Math.min(n, 768));
      expect(g.tier).toBeGreaterThanOrEqual(tier);
      tier = g.tier;
    }
  });

  it('keeps boxes container-shaped and inside the area', () => {
    for (const n of [1, 6, 7, 40, 200, 768]) {
      const g = deckGrid(n, area);
      expect(g.boxH).toBeLessThanOrEqual(g.boxW * 0.62 + 1e-9);
      const r = { x: 0, y: 0, w: 0, h: 0 };
      for (let i = 0; i < g.capacity; i += 1) {
        slotRect(g, i, area, r);
        expect(r.x).toBeGreaterThanOrEqual(-1e-9);
        expect(r.y).toBeGreaterThanOrEqual(-1e-9);
        expect(r.x + r.w).toBeLessThanOrEqual(area.w + 1e-6);
        expect(r.y + r.h).toBeLessThanOrEqual(area.h + 1e-6);
      }
    }
  });

  it('finds the slot under a point (the inverse of slotRect)', () => {
    const g = deckGrid(40, area);
    const r = { x: 0, y: 0, w: 0, h: 0 };
    for (let i = 0; i < g.capacity; i += 1) {
      slotRect(g, i, area, r);
      expect(slotAt(g, r.x + r.w / 2, r.y + r.h / 2, area)).toBe(i);
    }
    expect(slotAt(g, -5, 10, area)).toBe(-1);
  });

  it('fills from the bottom row up, left to right', () => {
    const g = deckGrid(6, area);
    const first = slotRect(g, 0, area, { x: 0, y: 0, w: 0, h: 0 });
    const second = slotRect(g, 1, area, { x: 0, y: 0, w: 0, h: 0 });
    const above = slotRect(g, g.cols, area, { x: 0, y: 0, w: 0, h: 0 });
    expect(first.y + first.h).toBeCloseTo(area.h);
    expect(second.x).toBeGreaterThan(first.x);
    expect(above.y).toBeLessThan(first.y);
  });
});
