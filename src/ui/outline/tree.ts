import type { ContainerView, Snapshot } from '../../engine';
import type { Selection } from '../../store';
import { partName, type LabelMode } from '../../store';
import {
  containerDetail,
  containerName,
  containerTone,
  containerTooltip,
  shipDetail,
  shipName,
  shipTone,
  type Tone,
} from './describe';

/** One row of the outline. */
export type OutlineItem = {
  /** Stable DOM-safe id. */
  readonly id: string;
  readonly level: number;
  readonly label: string;
  readonly detail: string;
  readonly tooltip: string;
  readonly tone: Tone;
  /** What selecting the row selects (null: a grouping row). */
  readonly target: Selection | null;
  /** The rows under this one; built only while it is expanded (a fleet can carry 10,000 containers). */
  readonly children: readonly OutlineItem[];
  /** How many rows it has, expanded or not. */
  readonly childCount: number;
  /** Children left out to keep the outline light (the canvas still draws them). */
  readonly more: number;
};

/** At most this many containers listed under one ship. */
export const CHILD_LIMIT = 60;

const PARTS = [
  ['bridge', 'bridge'],
  ['ledger', 'ledger'],
  ['cranes', 'cranes'],
  ['operations', 'operations'],
  ['cargo', 'cargoOffice'],
  ['services', 'servicesOffice'],
] as const;

function domId(prefix: string, raw: string): string {
  return `${prefix}-${raw.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

function containerItem(c: ContainerView, mode: LabelMode, now: number): OutlineItem {
  return {
    id: domId('c', c.id),
    level: 2,
    label: containerName(c, mode),
    detail: containerDetail(c, now),
    tooltip: containerTooltip(c, now),
    tone: containerTone(c),
    target: { kind: 'container', id: c.id },
    children: [],
    childCount: 0,
    more: 0,
  };
}

/**
 * The outline of the scene: the control ship with its parts, the dock with waiting containers,
 * each cargo ship with its containers, and the buoys. Mirrors what the canvas draws.
 */
export function buildOutline(
  view: Snapshot,
  mode: LabelMode,
  expanded?: ReadonlySet<string>,
  limit = CHILD_LIMIT,
): OutlineItem[] {
  const open = (id: string) => !expanded || expanded.has(id);
  const now = view.now;
  const byShip = new Map<string, ContainerView[]>();
  const waiting: ContainerView[] = [];
  for (const c of view.containers) {
    if (c.ship === undefined) waiting.push(c);
    else {
      const list = byShip.get(c.ship);
      if (list) list.push(c);
      else byShip.set(c.ship, [c]);
    }
  }
  const items: OutlineItem[] = [];
  const leds = view.ledger;
  for (const ship of view.ships) {
    const aboard = byShip.get(ship.name) ?? [];
    const id = domId('ship', ship.name);
    const children: OutlineItem[] = [];
    const parts = ship.role === 'control' ? PARTS.length : 0;
    if (ship.role === 'control' && open(id)) {
      // The control ship's parts first, in the order they stand on deck.
      for (const [name, part] of PARTS) {
        const detail =
          name === 'ledger'
            ? `revision ${leds.revision} · ${leds.members.length} clerk${leds.members.length === 1 ? '' : 's'}${leds.writable === 'ok' ? '' : ` · ${leds.writable}`}`
            : name === 'bridge'
              ? view.bridge.running
                ? 'running'
                : 'stopped'
              : name === 'cranes'
                ? `${waiting.length} waiting on the dock`
                : (view.offices.find((o) => o.name === name)?.lastAction ?? 'idle');
        children.push({
          id: domId('part', name),
          level: 2,
          label: partName(part, mode),
          detail,
          tooltip: detail,
          tone: name === 'bridge' && !view.bridge.running ? 'danger' : 'ok',
          target: { kind: 'part', name },
          children: [],
          childCount: 0,
          more: 0,
        });
      }
    }
    if (open(id))
      for (const c of aboard.slice(0, limit)) children.push(containerItem(c, mode, now));
    const detail = shipDetail(ship, aboard.length, mode);
    items.push({
      id,
      level: 1,
      label: shipName(ship, mode),
      detail,
      tooltip: `${detail}\n${partName('deckCrew', mode)}: ${ship.runtimeVersion.replace('://', ' ')}${ship.taints.length ? `\n${partName('flag', mode)}: ${ship.taints.map((t) => `${t.key}:${t.effect}`).join(', ')}` : ''}`,
      tone: shipTone(ship),
      target: { kind: 'ship', name: ship.name },
      children,
      childCount: parts + Math.min(limit, aboard.length),
      more: Math.max(0, aboard.length - limit),
    });
  }
  const control = items.findIndex(
    (i) =>
      i.target?.kind === 'ship' &&
      view.ships.find((s) => s.name === (i.target as { name: string }).name)?.role === 'control',
  );
  const dock: OutlineItem = {
    id: 'dock',
    level: 1,
    label: partName('dock', mode),
    detail: `${waiting.length} waiting for the cranes`,
    tooltip: 'Containers the cranes have not placed on a ship yet (Pending, unscheduled)',
    tone: waiting.length ? 'warn' : 'muted',
    target: null,
    children: open('dock') ? waiting.slice(0, limit).map((c) => containerItem(c, mode, now)) : [],
    childCount: Math.min(limit, waiting.length),
    more: Math.max(0, waiting.length - limit),
  };
  items.splice(control >= 0 ? control + 1 : 0, 0, dock);
  if (view.services.length) {
    items.push({
      id: 'buoys',
      level: 1,
      label: `${partName('buoy', mode)}s`,
      detail: `${view.services.length}`,
      tooltip: 'Services: stable names and addresses in front of changing containers',
      tone: 'muted',
      target: null,
      children: view.services.map((s) => {
        const ready = s.endpoints.filter((e) => e.ready).length;
        return {
          id: domId('svc', `${s.namespace}-${s.name}`),
          level: 2,
          label: `${partName('buoy', mode)} ${s.name}`,
          detail: `${s.clusterIP ?? 'None'} · ${ready} endpoint${ready === 1 ? '' : 's'}`,
          tooltip:
            s.endpoints
              .map((e) => `${e.pod} on ${e.ship ?? '?'} (${e.ip})${e.ready ? '' : ' not ready'}`)
              .join('\n') || 'no endpoints',
          tone: ready ? 'ok' : 'warn',
          target: null,
          children: [],
          childCount: 0,
          more: 0,
        };
      }),
      childCount: view.services.length,
      more: 0,
    });
  }
  return items;
}

/** The rows a keyboard user can reach: top level, plus children of expanded rows. */
export function visibleRows(
  items: readonly OutlineItem[],
  expanded: ReadonlySet<string>,
): { item: OutlineItem; parent: OutlineItem | undefined }[] {
  const rows: { item: OutlineItem; parent: OutlineItem | undefined }[] = [];
  for (const item of items) {
    rows.push({ item, parent: undefined });
    if (expanded.has(item.id))
      for (const child of item.children) rows.push({ item: child, parent: item });
  }
  return rows;
}

/** The key that moves focus in a tree, and where it goes (WAI-ARIA tree view pattern). */
export type TreeMove =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; id: string }
  | { kind: 'collapse'; id: string }
  | { kind: 'none' };

/** What a key does on row `id`: Up/Down/Home/End move; Right expands or enters; Left collapses or leaves. */
export function treeKey(
  key: string,
  id: string,
  items: readonly OutlineItem[],
  expanded: ReadonlySet<string>,
): TreeMove {
  const rows = visibleRows(items, expanded);
  const index = rows.findIndex((r) => r.item.id === id);
  if (index < 0) return rows[0] ? { kind: 'focus', id: rows[0].item.id } : { kind: 'none' };
  const row = rows[index]!;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length
        ? { kind: 'focus', id: rows[index + 1]!.item.id }
        : { kind: 'none' };
    case 'ArrowUp':
      return index > 0 ? { kind: 'focus', id: rows[index - 1]!.item.id } : { kind: 'none' };
    case 'Home':
      return { kind: 'focus', id: rows[0]!.item.id };
    case 'End':
      return { kind: 'focus', id: rows[rows.length - 1]!.item.id };
    case 'ArrowRight':
      if (row.item.childCount === 0) return { kind: 'none' };
      if (!expanded.has(row.item.id)) return { kind: 'expand', id: row.item.id };
      return row.item.children[0]
        ? { kind: 'focus', id: row.item.children[0].id }
        : { kind: 'none' };
    case 'ArrowLeft':
      if (row.item.childCount && expanded.has(row.item.id))
        return { kind: 'collapse', id: row.item.id };
      return row.parent ? { kind: 'focus', id: row.parent.id } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/**
 * The row of a selection (so the outline can follow a selection made on the canvas), and the row
 * to expand to show it: a container's ship (or the dock), a part's control ship.
 */
export function rowIdOf(
  target: Selection,
  items: readonly OutlineItem[],
  view?: Snapshot,
): { id: string; parent?: string } | undefined {
  for (const item of items) {
    if (same(item.target, target)) return { id: item.id };
    for (const child of item.children)
      if (same(child.target, target)) return { id: child.id, parent: item.id };
  }
  if (!view) return undefined;
  if (target.kind === 'container') {
    const c = view.containers.find((x) => x.id === target.id);
    if (!c) return undefined;
    return { id: domId('c', c.id), parent: c.ship === undefined ? 'dock' : domId('ship', c.ship) };
  }
  if (target.kind === 'part') {
    const control = view.ships.find((s) => s.role === 'control');
    return control
      ? { id: domId('part', target.name), parent: domId('ship', control.name) }
      : undefined;
  }
  return undefined;
}

function same(a: Selection | null, b: Selection): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'ship' && b.kind === 'ship') return a.name === b.name;
  if (a.kind === 'container' && b.kind === 'container') return a.id === b.id;
  return a.kind === 'part' && b.kind === 'part' && a.name === b.name;
}
