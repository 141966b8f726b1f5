import { Container, Sprite, type Text } from 'pixi.js';
import type { ContainerView, Move } from '../../engine';
import { appColour } from '../model/colours';
import { arcPoint, liftEnd, liftProgress, RESTART_MS, SHAKE_MS, shakeOffset } from '../model/anim';
import { deckGrid, slotAt, slotRect, type DeckGrid, type Point, type Rect } from '../model/layout';
import { boxKind, isCrashStatus, styleOfKind, type BoxKind } from '../model/status';
import type { Detail } from '../model/zoom';
import type { SceneContext } from './context';
import { label, setText } from './text';

/** A place boxes rest in: a ship's deck, the control ship's deck, or the dock. */
export type BoxGroup = {
  readonly key: string;
  readonly area: { w: number; h: number };
  /** The layer resting boxes are children of (in the group's own coordinates). */
  readonly layer: Container;
  /** Where the layer's (0, 0) is in the world now. */
  origin(out: Point): Point;
  /** The layer changed (its cached drawing is stale). */
  markDirty(): void;
};

/**
 * A group's slots. Each slot owns a sprite (and, once needed, a badge sprite) for as long as the
 * grid keeps its size: a container arriving or leaving changes the sprite's texture, tint and
 * alpha, never the display tree, so the (cached) deck is re-drawn without being rebuilt.
 */
type SlotState = {
  grid: DeckGrid;
  slots: (BoxRecord | undefined)[];
  sprites: Sprite[];
  badges: (Sprite | undefined)[];
  overflowed: BoxRecord[];
  pending: BoxRecord[];
};

/** One container: what it is and where it sits (the sprites belong to slots and to the moving layer). */
export type BoxRecord = {
  readonly id: string;
  c: ContainerView;
  kind: BoxKind;
  app: string;
  group: BoxGroup | undefined;
  slot: number;
  /** While it moves (a crane lift, a shake): its sprite and badge in the moving layer. */
  flying: Sprite | undefined;
  flyingBadge: Sprite | undefined;
  /** The app's name on large boxes (lightly loaded decks, zoomed in). */
  text: Text | undefined;
  seen: number;
};

const scratch: Rect = { x: 0, y: 0, w: 0, h: 0 };
const from: Point = { x: 0, y: 0 };
const to: Point = { x: 0, y: 0 };

/**
 * Owns every container box, keyed by the pod's uid: a record is created when a pod appears and
 * dropped when it goes; at rest it is shown by its slot's sprite in the group's (cached) layer;
 * while it moves (a crane lift, a crash shake) a sprite from a pool flies in the `moving` layer.
 */
export class BoxManager {
  readonly moving = new Container({ isRenderGroup: true });
  private readonly records = new Map<string, BoxRecord>();
  private readonly slotStates = new Map<BoxGroup, SlotState>();
  private readonly pool: Sprite[] = [];
  private generation = 0;
  private readonly movesByUid = new Map<string, Move>();
  /** Records that may be moving now (in a crane lift or shaking); re-checked each frame. */
  private readonly candidates: BoxRecord[] = [];
  /** Records the effects layer draws on: crashed (smoke, countdown), pulling with back-off, restarted. */
  readonly effects: BoxRecord[] = [];
  private detail: Detail = 'mid';
  /** Crane targets this frame (world positions of boxes in flight, up to two). */
  readonly craneTargets: (Point | undefined)[] = [undefined, undefined];
  private readonly craneSpots: Point[] = [
    { x: 0, y: 0 },
    { x: 0, y: 0 },
  ];

  constructor(private readonly ctx: SceneContext) {
    this.moving.label = 'moving-boxes';
  }

  record(id: string): BoxRecord | undefined {
    return this.records.get(id);
  }

  count(): number {
    return this.records.size;
  }

  /** How many boxes did not fit their group (drawn as a count instead). */
  overflow(group: BoxGroup): number {
    return this.slotStates.get(group)?.overflowed.length ?? 0;
  }

  /** The box at a point in a group's coordinates. */
  boxAt(group: BoxGroup, x: number, y: number): BoxRecord | undefined {
    const state = this.slotStates.get(group);
    if (!state) return undefined;
    const i = slotAt(state.grid, x, y, group.area);
    return i >= 0 ? state.slots[i] : undefined;
  }

  /** Where a box is in the world now (its slot, or where it flies). */
  worldRect(rec: BoxRecord, out: Rect): Rect | undefined {
    if (rec.flying) {
      out.x = rec.flying.x;
      out.y = rec.flying.y;
      out.w = rec.flying.width;
      out.h = rec.flying.height;
      return out;
    }
    if (!rec.group || rec.slot < 0) return undefined;
    const state = this.slotStates.get(rec.group)!;
    slotRect(state.grid, rec.slot, rec.group.area, out);
    rec.group.origin(from);
    out.x += from.x;
    out.y += from.y;
    return out;
  }

  /** Forgets a group (its ship left): its boxes wait, homeless, until they are placed elsewhere. */
  dropGroup(group: BoxGroup): void {
    const state = this.slotStates.get(group);
    if (!state) return;
    for (const rec of state.slots) if (rec) this.unplace(rec);
    for (const rec of [...state.pending, ...state.overflowed]) rec.group = undefined;
    for (const s of state.sprites) s.destroy();
    for (const b of state.badges) b?.destroy();
    this.slotStates.delete(group);
  }

  /** Diffs the snapshot's containers against the boxes drawn. */
  sync(
    containers: readonly ContainerView[],
    moves: readonly Move[],
    groupOf: (c: ContainerView) => BoxGroup | undefined,
    now: number,
  ): void {
    const gen = ++this.generation;
    this.movesByUid.clear();
    for (const m of moves) this.movesByUid.set(m.uid, m);
    const candidates = this.candidates;
    const effects = this.effects;
    candidates.length = 0;
    effects.length = 0;
    for (const c of containers) {
      let rec = this.records.get(c.id);
      if (!rec) {
        rec = {
          id: c.id,
          c,
          kind: boxKind(c),
          app: c.app,
          group: undefined,
          slot: -1,
          flying: undefined,
          flyingBadge: undefined,
          text: undefined,
          seen: 0,
        };
        this.records.set(c.id, rec);
      }
      rec.seen = gen;
      rec.c = c;
      const group = groupOf(c);
      if (group !== rec.group) {
        this.unplace(rec);
        rec.group = group;
        if (group) this.state(group).pending.push(rec);
      }
      const kind = boxKind(c);
      if (kind !== rec.kind || c.app !== rec.app) {
        rec.kind = kind;
        rec.app = c.app;
        this.paint(rec);
      }
      if (this.movesByUid.has(c.id) || (isCrashStatus(c.status) && now - c.since < SHAKE_MS))
        candidates.push(rec);
      if (
        kind === 'crash' ||
        kind === 'imagePull' ||
        (c.restarts > 0 && now - c.since < RESTART_MS)
      )
        effects.push(rec);
    }
    for (const [id, rec] of this.records) {
      if (rec.seen === gen) continue;
      this.unplace(rec);
      this.land(rec);
      rec.text?.destroy();
      this.records.delete(id);
    }
    for (const [group, state] of this.slotStates) {
      if (state.pending.length || (state.overflowed.length && state.slots.includes(undefined)))
        this.place(group, state);
    }
  }

  private state(group: BoxGroup): SlotState {
    let state = this.slotStates.get(group);
    if (!state) {
      state = {
        grid: deckGrid(0, group.area),
        slots: [],
        sprites: [],
        badges: [],
        overflowed: [],
        pending: [],
      };
      this.slotStates.set(group, state);
      this.resize(group, state, state.grid);
    }
    return state;
  }

  /** Gives the group's slots a sprite each, laid out for `grid` (only when the grid changes size). */
  private resize(group: BoxGroup, state: SlotState, grid: DeckGrid): void {
    const kept = state.slots.filter((s): s is BoxRecord => s !== undefined);
    state.grid = grid;
    state.slots = new Array<BoxRecord | undefined>(grid.capacity).fill(undefined);
    while (state.sprites.length > grid.capacity) state.sprites.pop()!.destroy();
    while (state.badges.length > grid.capacity) state.badges.pop()?.destroy();
    for (let i = 0; i < grid.capacity; i += 1) {
      let sprite = state.sprites[i];
      if (!sprite) {
        sprite = new Sprite(this.ctx.textures.box.solid);
        sprite.alpha = 0;
        state.sprites[i] = sprite;
        group.layer.addChild(sprite);
      }
      slotRect(grid, i, group.area, scratch);
      sprite.position.set(scratch.x, scratch.y);
      sprite.setSize(scratch.w, scratch.h);
      sprite.alpha = 0;
      const badge = state.badges[i];
      if (badge) {
        badge.alpha = 0;
        this.placeBadge(badge, scratch, grid);
      }
    }
    kept.forEach((rec, i) => {
      state.slots[i] = rec;
      rec.slot = i;
      this.paint(rec);
    });
    group.markDirty();
  }

  /** Gives pending boxes a slot: the first free one; grows or shrinks the grid in steps. */
  private place(group: BoxGroup, state: SlotState): void {
    let count = 0;
    for (const s of state.slots) if (s) count += 1;
    const waiting = state.overflowed.length
      ? [...state.overflowed, ...state.pending]
      : state.pending.slice();
    state.overflowed.length = 0;
    state.pending.length = 0;
    const want = count + waiting.length;
    const fit = deckGrid(want, group.area);
    const shrink = deckGrid(want + 1, group.area).tier < state.grid.tier;
    if (fit.tier > state.grid.tier || shrink) this.resize(group, state, fit);
    let next = 0;
    for (const rec of waiting) {
      while (next < state.slots.length && state.slots[next]) next += 1;
      if (next >= state.slots.length) {
        rec.slot = -1;
        state.overflowed.push(rec);
        continue;
      }
      state.slots[next] = rec;
      rec.slot = next;
      this.paint(rec);
      group.markDirty();
    }
  }

  private placeBadge(badge: Sprite, r: Rect, grid: DeckGrid): void {
    const size = Math.min(grid.boxH * 0.8, grid.boxW * 0.6, 18);
    badge.setSize(size, size);
    badge.position.set(r.x + r.w - size * 0.75, r.y - size * 0.3);
  }

  /** Shows a record in its slot (or hides the slot while the record flies). */
  private paint(rec: BoxRecord): void {
    const state = rec.group ? this.slotStates.get(rec.group) : undefined;
    if (!state || rec.slot < 0) {
      if (rec.flying) this.style(rec.flying, rec.flyingBadge, rec, state?.grid);
      return;
    }
    const { textures } = this.ctx;
    const style = styleOfKind(rec.kind);
    const sprite = state.sprites[rec.slot]!;
    const resting = !rec.flying;
    this.style(sprite, undefined, rec, state.grid);
    sprite.alpha = resting ? style.alpha : 0;
    let badge = state.badges[rec.slot];
    if (style.badge !== 'none' && !badge) {
      badge = new Sprite(textures.badge[style.badge]);
      state.badges[rec.slot] = badge;
      rec.group!.layer.addChild(badge);
      this.placeBadge(badge, slotRect(state.grid, rec.slot, rec.group!.area, scratch), state.grid);
    }
    if (badge) {
      if (style.badge !== 'none') badge.texture = textures.badge[style.badge];
      badge.alpha = resting && style.badge !== 'none' ? 1 : 0;
    }
    if (rec.flying) this.style(rec.flying, rec.flyingBadge, rec, state.grid);
    this.decorate(rec, state);
    rec.group!.markDirty();
  }

  private style(
    sprite: Sprite,
    badge: Sprite | undefined,
    rec: BoxRecord,
    grid: DeckGrid | undefined,
  ): void {
    const { colours, textures } = this.ctx;
    const style = styleOfKind(rec.kind);
    sprite.texture = textures.box[style.texture];
    sprite.tint = style.appTint ? appColour(rec.app, colours) : 0x9e9e9e;
    if (badge) {
      badge.texture = style.badge === 'none' ? textures.dot : textures.badge[style.badge];
      badge.alpha = style.badge === 'none' ? 0 : 1;
    }
    if (grid) sprite.setSize(grid.boxW, grid.boxH);
  }

  /** The app's name on big boxes (the two smallest grids), when zoomed in enough to read it. */
  private decorate(rec: BoxRecord, state: SlotState): void {
    const wantText = state.grid.tier <= 1 && this.detail !== 'far' && rec.slot >= 0;
    if (wantText && !rec.text) {
      rec.text = label(rec.app, this.ctx.styles.box);
      rec.group!.layer.addChild(rec.text);
    } else if (!wantText && rec.text) {
      rec.text.destroy();
      rec.text = undefined;
    }
    if (!rec.text) return;
    slotRect(state.grid, rec.slot, rec.group!.area, scratch);
    setText(rec.text, rec.app.length > 9 ? `${rec.app.slice(0, 8)}…` : rec.app);
    rec.text.scale.set(1);
    rec.text.scale.set(Math.min(1, (scratch.w - 4) / Math.max(1, rec.text.width)));
    rec.text.position.set(scratch.x + scratch.w / 2, scratch.y + scratch.h / 2);
    rec.text.visible = !rec.flying;
  }

  /** Zoom level changed: box labels come and go. */
  setDetail(detail: Detail): void {
    if (detail === this.detail) return;
    this.detail = detail;
    for (const [group, state] of this.slotStates) {
      for (const rec of state.slots) if (rec) this.decorate(rec, state);
      group.markDirty();
    }
  }

  /** Takes a record out of its slot (the slot's sprite goes blank). */
  private unplace(rec: BoxRecord): void {
    const state = rec.group ? this.slotStates.get(rec.group) : undefined;
    if (state) {
      if (rec.slot >= 0 && state.slots[rec.slot] === rec) {
        state.slots[rec.slot] = undefined;
        state.sprites[rec.slot]!.alpha = 0;
        const badge = state.badges[rec.slot];
        if (badge) badge.alpha = 0;
        rec.group!.markDirty();
      }
      remove(state.overflowed, rec);
      remove(state.pending, rec);
    }
    if (rec.text) {
      rec.text.destroy();
      rec.text = undefined;
    }
    rec.group = undefined;
    rec.slot = -1;
  }

  /** Gives a record a flying sprite (taken from the pool), hiding its slot's. */
  private fly(rec: BoxRecord): Sprite {
    if (rec.flying) return rec.flying;
    const sprite = this.pool.pop() ?? new Sprite();
    sprite.alpha = 1;
    this.moving.addChild(sprite);
    rec.flying = sprite;
    const style = styleOfKind(rec.kind);
    if (style.badge !== 'none') {
      rec.flyingBadge = new Sprite(this.ctx.textures.badge[style.badge]);
      this.moving.addChild(rec.flyingBadge);
    }
    this.paint(rec);
    sprite.alpha = style.alpha;
    return sprite;
  }

  /** Puts a flying record back in its slot. */
  private land(rec: BoxRecord): void {
    if (!rec.flying) return;
    rec.flying.removeFromParent();
    if (this.pool.length < 512) this.pool.push(rec.flying);
    else rec.flying.destroy();
    rec.flyingBadge?.destroy();
    rec.flying = undefined;
    rec.flyingBadge = undefined;
    this.paint(rec);
  }

  /**
   * Per frame: boxes in a crane lift fly along their arc, crashed ones shake; each lands back on
   * its (cached) deck when done. Returns whether any box moved.
   */
  animate(now: number, reduced: boolean, dockPickup: (uid: string, out: Point) => Point): boolean {
    let moving = false;
    this.craneTargets[0] = undefined;
    this.craneTargets[1] = undefined;
    let cranes = 0;
    for (const rec of this.candidates) {
      if (!rec.group || rec.slot < 0) {
        this.land(rec);
        continue;
      }
      const move = this.movesByUid.get(rec.id);
      const state = this.slotStates.get(rec.group)!;
      slotRect(state.grid, rec.slot, rec.group.area, scratch);
      rec.group.origin(to);
      to.x += scratch.x;
      to.y += scratch.y;
      let t = 1;
      if (move && now >= move.start && now < liftEnd(move.start, move.end))
        t = liftProgress(now, move.start, move.end, reduced);
      const shaking =
        !reduced &&
        isCrashStatus(rec.c.status) &&
        now >= rec.c.since &&
        now - rec.c.since < SHAKE_MS;
      if (t >= 1 && !shaking) {
        this.land(rec);
        continue;
      }
      const sprite = this.fly(rec);
      moving = true;
      if (t < 1) {
        dockPickup(rec.id, from);
        const lift = 120 + Math.abs(to.x - from.x) * 0.08;
        arcPoint(from, to, t, lift, sprite.position);
        if (cranes < 2) {
          const spot = this.craneSpots[cranes]!;
          spot.x = sprite.x + scratch.w / 2;
          spot.y = sprite.y;
          this.craneTargets[cranes] = spot;
          cranes += 1;
        }
      } else {
        sprite.position.set(
          to.x + shakeOffset(now, rec.c.since, Math.max(3, scratch.w * 0.15), reduced),
          to.y,
        );
      }
      const badge = rec.flyingBadge;
      if (badge) {
        const size = Math.min(state.grid.boxH * 0.8, state.grid.boxW * 0.6, 18);
        badge.setSize(size, size);
        badge.position.set(sprite.x + scratch.w - size * 0.75, sprite.y - size * 0.3);
      }
    }
    return moving;
  }

  destroy(): void {
    for (const rec of this.records.values()) rec.text?.destroy();
    this.records.clear();
    for (const state of this.slotStates.values()) {
      for (const s of state.sprites) s.destroy();
      for (const b of state.badges) b?.destroy();
    }
    this.slotStates.clear();
    for (const s of this.pool) s.destroy();
    this.pool.length = 0;
    this.moving.destroy({ children: true });
  }
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
