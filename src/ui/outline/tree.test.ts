import { describe, expect, it } from 'vitest';
import { testView } from './testView';
import { buildOutline, rowIdOf, treeKey, visibleRows } from './tree';

const view = testView();

describe('the outline tree', () => {
  it('mirrors the scene: control ship with its parts, the dock, each cargo ship with its containers, the buoys', () => {
    const items = buildOutline(view, 'both');
    expect(items.map((i) => i.label)).toEqual([
      'Control ship (control plane, formerly master) control-plane',
      'Dock (unscheduled Pods)',
      'Cargo ship (worker node) ship-1',
      'Cargo ship (worker node) ship-2',
      'Cargo ship (worker node) ship-3',
      'Buoy (Service)s',
    ]);
    expect(items[0]!.children.map((c) => c.target)).toContainEqual({
      kind: 'part',
      name: 'ledger',
    });
    const ship1 = items[2]!;
    expect(ship1.detail).toMatch(
      /^Ready · CPU .* of 4 · memory .* · \d+ containers \(pods\) \(max 110\)$/,
    );
    expect(ship1.children.every((c) => c.target?.kind === 'container')).toBe(true);
    expect(items[1]!.children).toHaveLength(1);
    expect(items[4]!.tone).toBe('danger');
  });

  it('switches vocabulary with the label mode', () => {
    expect(buildOutline(view, 'analogy')[2]!.label).toBe('Cargo ship ship-1');
    expect(buildOutline(view, 'kubernetes')[2]!.label).toBe('worker node ship-1');
    expect(buildOutline(view, 'kubernetes')[2]!.children[0]!.label).toMatch(/^Pod /);
  });

  it('stays light with thousands of containers', () => {
    const items = buildOutline(testView({ containers: 3_000 }), 'both', undefined, 60);
    const ships = items.filter((i) => i.target?.kind === 'ship');
    expect(ships).toHaveLength(4);
    for (const s of ships) expect(s.children.length).toBeLessThanOrEqual(60 + 6);
    expect(ships.some((s) => s.more > 0)).toBe(true);
  });

  it('builds only the rows of expanded ships', () => {
    const view2 = testView({ containers: 300 });
    const items = buildOutline(view2, 'both', new Set(['ship-ship-2']));
    expect(items.find((i) => i.id === 'ship-ship-1')!.children).toHaveLength(0);
    expect(items.find((i) => i.id === 'ship-ship-1')!.childCount).toBeGreaterThan(0);
    expect(items.find((i) => i.id === 'ship-ship-2')!.children.length).toBeGreaterThan(0);
    expect(rowIdOf({ kind: 'container', id: 'x0' }, items, view2)).toEqual({
      id: 'c-x0',
      parent: 'ship-ship-1',
    });
  });

  it('moves focus like a WAI-ARIA tree', () => {
    const items = buildOutline(view, 'both');
    const none = new Set<string>();
    const ship1 = items[2]!.id;
    expect(treeKey('ArrowDown', items[0]!.id, items, none)).toEqual({
      kind: 'focus',
      id: items[1]!.id,
    });
    expect(treeKey('ArrowUp', items[0]!.id, items, none)).toEqual({ kind: 'none' });
    expect(treeKey('End', items[0]!.id, items, none)).toEqual({
      kind: 'focus',
      id: items.at(-1)!.id,
    });
    expect(treeKey('ArrowRight', ship1, items, none)).toEqual({ kind: 'expand', id: ship1 });
    const open = new Set([ship1]);
    const child = items[2]!.children[0]!.id;
    expect(treeKey('ArrowRight', ship1, items, open)).toEqual({ kind: 'focus', id: child });
    expect(treeKey('ArrowLeft', child, items, open)).toEqual({ kind: 'focus', id: ship1 });
    expect(treeKey('ArrowLeft', ship1, items, open)).toEqual({ kind: 'collapse', id: ship1 });
    expect(visibleRows(items, open)).toHaveLength(items.length + items[2]!.children.length);
  });

  it('finds the row of a selection made on the canvas', () => {
    const items = buildOutline(view, 'both');
    expect(rowIdOf({ kind: 'ship', name: 'ship-2' }, items)).toEqual({ id: 'ship-ship-2' });
    expect(rowIdOf({ kind: 'container', id: 'a1' }, items)).toEqual({
      id: 'c-a1',
      parent: 'ship-ship-1',
    });
    expect(rowIdOf({ kind: 'part', name: 'cranes' }, items)?.parent).toBe('ship-control-plane');
  });
});
