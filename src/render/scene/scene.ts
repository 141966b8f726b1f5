import { Container, Graphics, Text, type Renderer } from 'pixi.js';
import type { ContainerView, ServiceView, ShipView, Snapshot } from '../../engine';
import type { LabelMode, Theme } from '../../store/preferences';
import type { Selection } from '../../store';
import { componentAnchor } from '../model/anchors';
import {
  approach,
  clampCamera,
  fitCamera,
  focusCamera,
  rectVisible,
  type Camera,
  type Viewport,
} from '../model/camera';
import { appHash } from '../model/colours';
import { cargoOrder, SinkClock } from '../model/fleet';
import { describeContainer, describeShip, partName } from '../model/labels';
import {
  CARGO_SHIP,
  CELL,
  CONTROL,
  CONTROL_SHIP,
  contains,
  layoutHarbor,
  type HarborLayout,
  type Point,
  type Rect,
} from '../model/layout';
import { palette, type Palette } from '../model/theme';
import { cacheResolution, detailAt, labelBoost, type Detail } from '../model/zoom';
import { BoxManager, type BoxGroup } from './boxes';
import { CargoShipNode } from './cargoShip';
import type { SceneContext } from './context';
import { ControlShipNode } from './controlShip';
import { BuoyNode, DockNode } from './dock';
import { FxLayer, type FxSource } from './fx';
import { textStyles } from './text';
import { SceneTextures } from './textures';

/** What the scene reads each frame; the app passes the session's playback and stores. */
export type SceneInputs = {
  snapshot(): Snapshot;
  /** Simulated time now (may run ahead of a snapshot that is refreshed less often than every frame). */
  now(): number;
  theme(): Theme;
  labels(): LabelMode;
  reducedMotion(): boolean;
  selection(): Selection | null;
  hover(): Selection | null;
};

type ShipEntry = { node: CargoShipNode; group: BoxGroup; target: Point };

const PART_RECTS: Record<Extract<Selection, { kind: 'part' }>['name'], Rect> = {
  bridge: { ...CONTROL_SHIP.bridge, y: CONTROL_SHIP.bridge.y - 60, h: CONTROL_SHIP.bridge.h + 60 },
  ledger: { ...CONTROL_SHIP.ledger, y: CONTROL_SHIP.ledger.y - 50, h: CONTROL_SHIP.ledger.h + 50 },
  cranes: CONTROL_SHIP.cranes,
  operations: CONTROL_SHIP.offices.operations,
  cargo: CONTROL_SHIP.offices.cargo,
  services: CONTROL_SHIP.offices.services,
};

const PART_NAMES = {
  bridge: 'bridge',
  ledger: 'ledger',
  cranes: 'cranes',
  operations: 'operations',
  cargo: 'cargoOffice',
  services: 'servicesOffice',
} as const;

/** Ship textures redrawn at most per frame (a deck or a look each). */
const CACHE_BUDGET = 12;

/** Frame statistics for the probe and the bench. */
export type FrameStats = { frames: number; rendered: number; lastMs: number; samples: number[] };

/**
 * The harbor scene: owns every display object, derives them from the latest snapshot and the
 * simulated time each frame, and renders only when something changed.
 */
export class HarborScene implements FxSource {
  readonly stage = new Container();
  readonly world = new Container({ isRenderGroup: true });
  private readonly sea = new Graphics();
  /** Static and per-frame layers in render groups of their own, so a change in one rebuilds only it. */
  private readonly seaLayer = new Container({ isRenderGroup: true });
  private readonly overlayLayer = new Container({ isRenderGroup: true });
  private readonly shipsLayer = new Container();
  private readonly buoysLayer = new Container();
  private readonly notesLayer = new Container();
  private readonly overlay = new Graphics();
  private ctx!: SceneContext;
  boxes!: BoxManager;
  private fx!: FxLayer;
  private control!: ControlShipNode;
  private dock!: DockNode;
  private controlGroup!: BoxGroup;
  private readonly ships = new Map<string, ShipEntry>();
  private readonly buoys = new Map<string, BuoyNode>();
  private layout: HarborLayout;
  private layoutKey = '';
  private readonly sink = new SinkClock();
  private snap: Snapshot | undefined;
  private controlName: string | undefined;
  private shipViews = new Map<string, ShipView>();
  private theme: Theme | undefined;
  private mode: LabelMode | undefined;
  private clerks = 1;
  readonly cam: Camera = { x: 0, y: 0, scale: 1 };
  private target: Camera = { x: 0, y: 0, scale: 1 };
  /** While true, the camera keeps the whole harbor in view (until the user pans or zooms). */
  follow = true;
  private detail: Detail | undefined;
  private boost = 1;
  private view: Viewport = { w: 1, h: 1 };
  /** Screen margins covered by panels: fit and focus aim at the open sea between them. */
  private insets = { top: 0, right: 0, bottom: 0, left: 0 };
  private force = true;
  /** The screen's shape changed: lay the harbor out again for it. */
  private layoutStale = false;
  private lastNow = -1;
  private lastSelectionKey = '';
  private highlightKey = '';
  /** What the overlay highlighted in the last rendered frame (`ship:ship-1`, `container:<uid>`). */
  highlighted: string | null = null;
  readonly stats: FrameStats = { frames: 0, rendered: 0, lastMs: 0, samples: [] };
  private readonly tmpA: Point = { x: 0, y: 0 };
  private readonly shipList: ShipEntry[] = [];
  private cacheTurn = 0;
  private readonly tmpRect: Rect = { x: 0, y: 0, w: 0, h: 0 };

  constructor(
    private readonly renderer: Renderer,
    private readonly inputs: SceneInputs,
    /** Antialias edges (off on software rasterisers, where it costs dearly). */
    private readonly smooth = true,
  ) {
    this.layout = layoutHarbor([], []);
    this.stage.addChild(this.world);
    this.seaLayer.addChild(this.sea);
    this.overlayLayer.addChild(this.overlay);
    this.world.addChild(this.seaLayer, this.shipsLayer, this.buoysLayer);
    this.build();
  }

  /** (Re)creates every node for the current theme and label mode. */
  private build(): void {
    const theme = this.inputs.theme();
    const mode = this.inputs.labels();
    const colours = palette(theme);
    this.theme = theme;
    this.mode = mode;
    const textures = new SceneTextures(this.renderer, colours);
    this.ctx = {
      renderer: this.renderer,
      colours,
      styles: textStyles(colours),
      textures,
      mode,
      smooth: this.smooth,
    };
    this.renderer.background.color = colours.sea;
    this.boxes = new BoxManager(this.ctx);
    this.fx = new FxLayer(this.ctx);
    this.control = new ControlShipNode(this.ctx);
    this.dock = new DockNode(this.layout.dock, this.ctx);
    const control = this.control;
    const layout = () => this.layout;
    this.controlGroup = {
      key: 'control',
      area: { w: 90, h: 30 },
      layer: control.cargo,
      origin: (out) => {
        out.x = layout().control.x + control.cargo.x;
        out.y = layout().control.y + control.cargo.y;
        return out;
      },
      markDirty: () => undefined,
    };
    this.shipsLayer.addChild(this.control.root, this.dock.root);
    this.world.addChild(this.boxes.moving, this.fx.root, this.notesLayer, this.overlayLayer);
    this.layoutKey = '';
    this.detail = undefined;
    this.force = true;
    if (this.snap) {
      const snap = this.snap;
      this.snap = undefined;
      this.applySnapshot(snap);
    }
  }

  private teardown(): void {
    for (const entry of this.ships.values()) {
      this.boxes.dropGroup(entry.group);
      entry.node.destroy();
    }
    this.ships.clear();
    for (const b of this.buoys.values()) b.destroy();
    this.buoys.clear();
    this.boxes.destroy();
    this.fx.destroy();
    this.control.destroy();
    this.dock.destroy();
    this.overlayLayer.removeFromParent();
    this.notesLayer.removeChildren();
    this.ctx.textures.destroy();
  }

  /** Sets the screen margins covered by panels (pixels). */
  setInsets(insets: { top: number; right: number; bottom: number; left: number }): void {
    const i = this.insets;
    if (
      i.top === insets.top &&
      i.right === insets.right &&
      i.bottom === insets.bottom &&
      i.left === insets.left
    )
      return;
    this.insets = { ...insets };
    this.force = true;
    this.layoutStale = true;
  }

  /** The part of the screen not covered by panels (the whole screen when too little is left). */
  private openView(): { x: number; y: number; w: number; h: number } {
    const { top, right, bottom, left } = this.insets;
    const w = this.view.w - left - right;
    const h = this.view.h - top - bottom;
    if (w < 240 || h < 180) return { x: 0, y: 0, w: this.view.w, h: this.view.h };
    return { x: left, y: top, w, h };
  }

  private fitTarget(): Camera {
    const open = this.openView();
    const cam = fitCamera(this.layout.bounds, open, 20);
    cam.x += open.x;
    cam.y += open.y;
    return cam;
  }

  private focusTarget(r: Rect): Camera {
    const open = this.openView();
    const cam = focusCamera(
      { ...this.target, x: this.target.x - open.x, y: this.target.y - open.y },
      r,
      open,
    );
    cam.x += open.x;
    cam.y += open.y;
    return cam;
  }

  resize(w: number, h: number): void {
    this.view = { w: Math.max(1, w), h: Math.max(1, h) };
    this.force = true;
    this.layoutStale = true;
  }

  // ——— per frame ———

  /** One frame: read, diff, animate, render if anything changed. `dtWall` is wall-clock ms. */
  frame(dtWall: number): void {
    const started = performance.now();
    this.stats.frames += 1;
    if (this.inputs.theme() !== this.theme || this.inputs.labels() !== this.mode) {
      this.teardown();
      this.build();
    }
    const reduced = this.inputs.reducedMotion();
    const snap = this.inputs.snapshot();
    const changed = snap !== this.snap || this.layoutStale;
    if (changed) this.applySnapshot(snap);
    const now = Math.max(snap.now, this.inputs.now());
    const timeMoved = now !== this.lastNow;
    this.lastNow = now;

    // Camera: follow the fit while the user has not taken over; glide (or jump, with reduced motion).
    if (this.follow) this.target = this.fitTarget();
    const camMoving = reduced ? this.snapCamera() : approach(this.cam, this.target, dtWall);
    const camChanged =
      camMoving ||
      this.world.scale.x !== this.cam.scale ||
      this.world.x !== this.cam.x ||
      this.world.y !== this.cam.y;
    if (camChanged || this.detail === undefined) {
      this.world.position.set(this.cam.x, this.cam.y);
      this.world.scale.set(this.cam.scale);
      this.applyZoom();
    }

    // Ships glide to new places after a re-layout; sinking ones go down.
    let animating = false;
    for (const [name, entry] of this.ships) {
      const root = entry.node.root;
      const dx = entry.target.x - root.x;
      const dy = entry.target.y - root.y;
      if (dx !== 0 || dy !== 0) {
        if (reduced || Math.abs(dx) + Math.abs(dy) < 0.5)
          root.position.set(entry.target.x, entry.target.y);
        else {
          const k = 1 - 0.5 ** (dtWall / 110);
          root.position.set(root.x + dx * k, root.y + dy * k);
        }
        animating = true;
      }
      if (entry.node.applySink(now, this.sink.sunkAt(name), reduced)) animating = true;
    }
    if (animating || camChanged || changed) this.cull();

    let active = false;
    if (changed || timeMoved || this.force || animating || camChanged) {
      active =
        this.boxes.animate(now, reduced, (uid, out) => this.dock.pickup(appHash(uid), out)) ||
        active;
      active =
        this.control.animate(snap, now, this.boxes.craneTargets, this.layout.control) || active;
      active = this.fx.draw(snap, now, this, reduced, this.boost, this.detail ?? 'mid') || active;
    }
    const selection = this.inputs.selection();
    const hover = this.inputs.hover();
    const selectionKey = `${key(selection)}|${key(hover)}`;
    const selectionChanged = selectionKey !== this.lastSelectionKey;
    if (selectionChanged) {
      this.lastSelectionKey = selectionKey;
      if (selection) this.reveal(selection);
    }
    const render =
      this.force || changed || camChanged || animating || selectionChanged || (timeMoved && active);
    if (render) {
      this.drawOverlay(selection, hover);
      const pending = this.refreshCaches();
      this.control.refreshCache(cacheResolution(this.cam.scale, this.renderer.resolution));
      this.renderer.render(this.stage);
      this.stats.rendered += 1;
      this.force = pending;
    }
    const ms = performance.now() - started;
    this.stats.lastMs = ms;
    const samples = this.stats.samples;
    if (samples.length >= 600) samples.shift();
    samples.push(ms);
  }

  /**
   * Redraws stale ship textures, at most `CACHE_BUDGET` a frame, taking turns so none waits long:
   * a burst of changes (scaling by hundreds) is spread over a few frames instead of one long one.
   */
  private refreshCaches(): boolean {
    const resolution = cacheResolution(this.cam.scale, this.renderer.resolution);
    const entries = this.shipList;
    entries.length = 0;
    for (const entry of this.ships.values()) entries.push(entry);
    let budget = CACHE_BUDGET;
    const n = entries.length;
    for (let k = 0; k < n && budget > 0; k += 1) {
      const entry = entries[(this.cacheTurn + k) % n]!;
      if (!entry.node.root.visible || !entry.node.stale(resolution)) continue;
      budget -= entry.node.refreshCaches(resolution);
      this.cacheTurn = (this.cacheTurn + k + 1) % n;
    }
    // Textures still stale: draw again next frame to catch up.
    return budget <= 0;
  }

  private snapCamera(): boolean {
    const moved =
      this.cam.x !== this.target.x ||
      this.cam.y !== this.target.y ||
      this.cam.scale !== this.target.scale;
    this.cam.x = this.target.x;
    this.cam.y = this.target.y;
    this.cam.scale = this.target.scale;
    return moved;
  }

  private applyZoom(): void {
    const detail = detailAt(this.cam.scale, this.detail);
    const boost = labelBoost(this.cam.scale);
    if (detail === this.detail && Math.abs(boost - this.boost) < 0.02) return;
    this.detail = detail;
    this.boost = boost;
    // Zoomed out, the waves would be a fine mesh of lines: calmer (and cheaper) without them.
    this.sea.visible = detail !== 'far';
    for (const entry of this.ships.values()) entry.node.setDetail(detail, this.cam.scale);
    this.control.setDetail(detail, this.cam.scale);
    this.dock.setDetail(detail, this.cam.scale);
    for (const b of this.buoys.values()) b.setDetail(detail, this.cam.scale);
    this.boxes.setDetail(detail);
  }

  /** Hides ships that are off screen (their decks are not re-cached until they come back). */
  private cull(): void {
    const r = this.tmpRect;
    for (const entry of this.ships.values()) {
      const root = entry.node.root;
      r.x = root.x - 20;
      r.y = root.y - 40;
      r.w = CELL.w + 40;
      r.h = CELL.h + 200;
      const visible = rectVisible(r, this.cam, this.view);
      if (root.visible !== visible) root.visible = visible;
      const notes = visible && this.detail === 'near' && !entry.node.ship.sunk;
      if (entry.node.notes.visible !== notes) entry.node.notes.visible = notes;
    }
  }

  // ——— snapshot ———

  private applySnapshot(snap: Snapshot): void {
    this.snap = snap;
    this.layoutStale = false;
    const now = snap.now;
    this.sink.observe(snap.ships, now);
    this.shipViews.clear();
    let control: ShipView | undefined;
    for (const ship of snap.ships) {
      this.shipViews.set(ship.name, ship);
      if (ship.role === 'control' && !control) control = ship;
    }
    this.controlName = control?.name;
    this.clerks = Math.max(1, snap.ledger.members.length);

    // Ships: create on appear, update, destroy on disappear.
    for (const ship of snap.ships) {
      if (ship.role !== 'cargo') continue;
      const entry = this.ships.get(ship.name);
      if (entry) entry.node.update(ship);
      else this.addShip(ship);
    }
    for (const [name, entry] of this.ships) {
      if (this.shipViews.has(name)) continue;
      this.boxes.dropGroup(entry.group);
      entry.node.destroy();
      this.ships.delete(name);
    }

    // Services: one buoy each.
    const serviceKeys: string[] = [];
    for (const svc of snap.services) {
      const k = `${svc.namespace}/${svc.name}`;
      serviceKeys.push(k);
      const buoy = this.buoys.get(k);
      if (buoy) buoy.update(svc);
      else this.addBuoy(k, svc);
    }
    if (this.buoys.size !== serviceKeys.length) {
      const keep = new Set(serviceKeys);
      for (const [k, b] of this.buoys) {
        if (keep.has(k)) continue;
        b.destroy();
        this.buoys.delete(k);
      }
    }

    // Layout: re-laid when ships join or sink, or services come and go.
    const order = cargoOrder(snap.ships, now, (name) => this.sink.sunkAt(name));
    const open = this.openView();
    const aspect = open.w / open.h;
    const layoutKey = `${order.join(',')}#${serviceKeys.join(',')}#${aspect.toFixed(2)}`;
    if (layoutKey !== this.layoutKey) {
      const first = this.layoutKey === '';
      this.layoutKey = layoutKey;
      this.relayout(order, serviceKeys, aspect, first);
    }

    this.control.update(snap, control);
    this.boxes.sync(snap.containers, snap.moves, (c) => this.groupOf(c), now);
    let waiting = 0;
    for (const c of snap.containers) if (c.ship === undefined) waiting += 1;
    this.dock.setWaiting(waiting, this.boxes.overflow(this.dock));
  }

  private addShip(ship: ShipView): void {
    const node = new CargoShipNode(ship, this.ctx);
    const group: BoxGroup = {
      key: ship.name,
      area: { w: CARGO_SHIP.deck.w, h: CARGO_SHIP.deck.h },
      layer: node.cargo,
      origin: (out) => {
        out.x = node.root.x + CARGO_SHIP.deck.x;
        out.y = node.root.y + CARGO_SHIP.deck.y + (node.body.y - node.body.pivot.y);
        return out;
      },
      markDirty: () => node.markCargoDirty(),
    };
    const cell = this.layout.ships.get(ship.name);
    const target = { x: cell?.x ?? this.layout.bounds.w + 100, y: cell?.y ?? 0 };
    node.root.position.set(target.x, target.y);
    this.ships.set(ship.name, { node, group, target });
    this.shipsLayer.addChild(node.root);
    this.notesLayer.addChild(node.notes);
    if (this.detail) node.setDetail(this.detail, this.cam.scale);
    this.force = true;
  }

  private addBuoy(k: string, svc: ServiceView): void {
    const b = new BuoyNode(svc, this.ctx);
    this.buoys.set(k, b);
    this.buoysLayer.addChild(b.root);
    const at = this.layout.buoys.get(k);
    if (at) b.root.position.set(at.x, at.y);
    if (this.detail) b.setDetail(this.detail, this.cam.scale);
  }

  private relayout(order: string[], services: string[], aspect: number, first: boolean): void {
    this.layout = layoutHarbor(order, services, aspect);
    const l = this.layout;
    this.control.root.position.set(l.control.x, l.control.y);
    this.dock.moveTo(l.dock);
    for (const [name, entry] of this.ships) {
      const cell = l.ships.get(name);
      if (!cell) continue;
      entry.target = { x: cell.x, y: cell.y };
      entry.node.notes.position.set(cell.x, cell.y);
      if (first) entry.node.root.position.set(cell.x, cell.y);
    }
    for (const [k, b] of this.buoys) {
      const at = l.buoys.get(k);
      if (at) b.root.position.set(at.x, at.y);
    }
    this.drawSea();
    this.force = true;
  }

  /**
   * The sea: the renderer's clear colour everywhere (free), with wave lines drawn once around the
   * harbor. Not a full-screen textured quad: on a software rasteriser that alone cost ~100 ms a frame.
   */
  private drawSea(): void {
    const { colours } = this.ctx;
    const b = this.layout.bounds;
    const g = this.sea;
    g.clear();
    const margin = 700;
    for (let y = b.y - margin, row = 0; y < b.y + b.h + margin; y += 64, row += 1) {
      const off = (row % 2) * 100;
      for (let x = b.x - margin + off; x < b.x + b.w + margin; x += 200) {
        g.moveTo(x, y)
          .quadraticCurveTo(x + 20, y - 8, x + 40, y)
          .quadraticCurveTo(x + 60, y + 8, x + 80, y);
      }
    }
    g.stroke({ color: colours.wave, width: 2, alpha: colours.waveAlpha });
  }

  private groupOf(c: ContainerView): BoxGroup | undefined {
    if (c.ship === undefined) return this.dock;
    if (c.ship === this.controlName) return this.controlGroup;
    return this.ships.get(c.ship)?.group;
  }

  // ——— FxSource ———

  anchor(id: string, out: Point): boolean {
    const ok = componentAnchor(id, this.layout, this.clerks, this.controlName, out);
    if (!ok) return false;
    // Follow a ship that glides or sinks: anchors are relative to its current place.
    const slash = id.indexOf('/');
    if (slash > 0 && !id.startsWith('kcm/')) {
      const entry = this.ships.get(id.slice(slash + 1));
      const cell = this.layout.ships.get(id.slice(slash + 1));
      if (entry && cell) {
        out.x += entry.node.root.x - cell.x;
        out.y += entry.node.root.y - cell.y + (entry.node.body.y - entry.node.body.pivot.y);
      }
    }
    return true;
  }

  shipRect(name: string, out: Rect): Rect | undefined {
    const entry = this.ships.get(name);
    if (!entry) return undefined;
    out.x = entry.node.root.x;
    out.y = entry.node.root.y;
    out.w = CELL.w;
    out.h = CELL.h;
    return out;
  }

  jibTip(i: number, out: Point): Point {
    return this.control.jibTip(i, this.layout.control, out);
  }

  craneTarget(i: number): Point | undefined {
    return this.boxes.craneTargets[i];
  }

  onScreen(r: Rect): boolean {
    return rectVisible(r, this.cam, this.view);
  }

  sunkAt(name: string): number | undefined {
    return this.sink.sunkAt(name);
  }

  // ——— selection, hit testing, camera commands ———

  /** The world rectangle of a selectable thing, if it is drawn. */
  targetRect(target: Selection, out: Rect): Rect | undefined {
    if (target.kind === 'ship') {
      if (target.name === this.controlName) return this.controlRect(out);
      const r = this.shipRect(target.name, out);
      if (!r) return undefined;
      r.x += 4;
      r.y += 4;
      r.w -= 8;
      r.h -= 12;
      return r;
    }
    if (target.kind === 'container') {
      const rec = this.boxes.record(target.id);
      return rec ? this.boxes.worldRect(rec, out) : undefined;
    }
    const p = PART_RECTS[target.name];
    out.x = this.layout.control.x + p.x;
    out.y = this.layout.control.y + p.y;
    out.w = p.w;
    out.h = p.h;
    return out;
  }

  private controlRect(out: Rect): Rect {
    out.x = this.layout.control.x;
    out.y = this.layout.control.y;
    out.w = CONTROL.w;
    out.h = CONTROL.h;
    return out;
  }

  /** What is at a screen point: a container, a part of the control ship, a ship, or nothing. */
  hitTest(sx: number, sy: number): Selection | null {
    const wx = (sx - this.cam.x) / this.cam.scale;
    const wy = (sy - this.cam.y) / this.cam.scale;
    const p = this.tmpA;
    this.dock.origin(p);
    const onDock = this.boxes.boxAt(this.dock, wx - p.x, wy - p.y);
    if (onDock) return { kind: 'container', id: onDock.id };
    const c = this.layout.control;
    if (contains({ x: c.x, y: c.y, w: CONTROL.w, h: CONTROL.h }, wx, wy)) {
      this.controlGroup.origin(p);
      const box = this.boxes.boxAt(this.controlGroup, wx - p.x, wy - p.y);
      if (box) return { kind: 'container', id: box.id };
      for (const name of Object.keys(PART_RECTS) as (keyof typeof PART_RECTS)[]) {
        const r = PART_RECTS[name];
        if (contains(r, wx - c.x, wy - c.y)) return { kind: 'part', name };
      }
      return this.controlName ? { kind: 'ship', name: this.controlName } : null;
    }
    for (const [name, entry] of this.ships) {
      const root = entry.node.root;
      if (!root.visible || !contains({ x: root.x, y: root.y, w: CELL.w, h: CELL.h - 10 }, wx, wy))
        continue;
      entry.group.origin(p);
      const box = this.boxes.boxAt(entry.group, wx - p.x, wy - p.y);
      if (box) return { kind: 'container', id: box.id };
      return { kind: 'ship', name };
    }
    return null;
  }

  /** A tooltip's text for a target. */
  describe(target: Selection): string {
    const snap = this.snap;
    const mode = this.mode ?? 'both';
    if (!snap) return '';
    if (target.kind === 'ship') {
      const ship = this.shipViews.get(target.name);
      if (!ship) return target.name;
      let aboard = 0;
      for (const c of snap.containers) if (c.ship === ship.name) aboard += 1;
      return describeShip(ship, aboard, mode);
    }
    if (target.kind === 'container') {
      const rec = this.boxes.record(target.id);
      return rec ? describeContainer(rec.c, mode, snap.now) : '';
    }
    const name = partName(PART_NAMES[target.name], mode);
    if (target.name === 'ledger')
      return `${name}\nrevision ${snap.ledger.revision} · ${snap.ledger.keys} keys · ${snap.ledger.members.length} clerk(s)`;
    const office = snap.offices.find((o) => o.name === target.name);
    return office?.lastAction ? `${name}\nlast: ${office.lastAction}` : name;
  }

  /** Screen rectangle of a target (for menus and tests). */
  screenRect(target: Selection): Rect | undefined {
    const r = this.targetRect(target, { x: 0, y: 0, w: 0, h: 0 });
    if (!r) return undefined;
    return {
      x: r.x * this.cam.scale + this.cam.x,
      y: r.y * this.cam.scale + this.cam.y,
      w: r.w * this.cam.scale,
      h: r.h * this.cam.scale,
    };
  }

  private reveal(target: Selection): void {
    const r = this.targetRect(target, this.tmpRect);
    if (!r) return;
    const s = this.target;
    const open = this.openView();
    const x0 = r.x * s.scale + s.x;
    const y0 = r.y * s.scale + s.y;
    const fits =
      x0 >= open.x &&
      y0 >= open.y &&
      x0 + r.w * s.scale <= open.x + open.w &&
      y0 + r.h * s.scale <= open.y + open.h;
    const big = r.w * s.scale >= 24;
    if (fits && big) return;
    this.focus(target);
  }

  /** Brings a target into view (the outline's "inspect"). */
  focus(target: Selection): void {
    const r = this.targetRect(target, this.tmpRect);
    if (!r) return;
    this.follow = false;
    this.target = this.focusTarget(
      target.kind === 'container'
        ? { x: r.x - 150, y: r.y - 120, w: r.w + 300, h: r.h + 240 }
        : { ...r },
    );
  }

  fit(): void {
    this.follow = true;
  }

  zoomBy(factor: number, sx = this.view.w / 2, sy = this.view.h / 2): void {
    this.follow = false;
    const t = this.target;
    const scale = Math.min(4, Math.max(0.06, t.scale * factor));
    const k = scale / t.scale;
    this.target = clampCamera(
      { scale, x: sx - (sx - t.x) * k, y: sy - (sy - t.y) * k },
      this.layout.bounds,
      this.view,
    );
  }

  panBy(dx: number, dy: number, immediate = false): void {
    this.follow = false;
    this.target = clampCamera(
      { scale: this.target.scale, x: this.target.x + dx, y: this.target.y + dy },
      this.layout.bounds,
      this.view,
    );
    if (immediate) {
      this.cam.x = this.target.x;
      this.cam.y = this.target.y;
      this.cam.scale = this.target.scale;
    }
  }

  private drawOverlay(selection: Selection | null, hover: Selection | null): void {
    const g = this.overlay;
    g.clear();
    const { colours } = this.ctx;
    const w = Math.max(3, colours.line * 1.6) / Math.min(1, this.cam.scale);
    let highlighted: string | null = null;
    if (hover && key(hover) !== key(selection)) {
      const r = this.targetRect(hover, this.tmpRect);
      if (r)
        g.roundRect(r.x - 4, r.y - 4, r.w + 8, r.h + 8, 8).stroke({
          color: colours.hover,
          width: w * 0.6,
          alpha: 0.9,
        });
    }
    if (selection) {
      const r = this.targetRect(selection, this.tmpRect);
      if (r) {
        const pad = selection.kind === 'container' ? 4 : 6;
        g.roundRect(r.x - pad, r.y - pad, r.w + pad * 2, r.h + pad * 2, 10).stroke({
          color: 0x000000,
          width: w + 4,
          alpha: 0.35,
        });
        g.roundRect(r.x - pad, r.y - pad, r.w + pad * 2, r.h + pad * 2, 10).stroke({
          color: colours.highlight,
          width: w,
        });
        highlighted = key(selection);
      }
    }
    this.highlighted = highlighted;
    this.highlightKey = highlighted ?? '';
  }

  // ——— probe ———

  /** Every visible text on the canvas (for tests: the label modes must show on the canvas). */
  visibleTexts(): string[] {
    const out: string[] = [];
    const walk = (c: Container) => {
      if (!c.visible || c.alpha === 0) return;
      if (c instanceof Text) {
        if (c.text) out.push(c.text);
        return;
      }
      for (const child of c.children) walk(child);
    };
    walk(this.stage);
    return out;
  }

  /** Where each ship is on screen, with its drawn state (for tests and the bench). */
  shipProbe(): {
    name: string;
    status: string;
    x: number;
    y: number;
    w: number;
    h: number;
    visible: boolean;
    sinking: number;
  }[] {
    const out = [];
    for (const [name, entry] of this.ships) {
      const r = this.screenRect({ kind: 'ship', name })!;
      out.push({
        name,
        status: entry.node.ship.status,
        ...r,
        visible: entry.node.root.visible,
        sinking: 1 - entry.node.body.alpha,
      });
    }
    return out;
  }

  palette(): Palette {
    return this.ctx.colours;
  }

  drawnAt(): number {
    return this.lastNow;
  }

  detailLevel(): Detail | undefined {
    return this.detail;
  }

  signalsDrawn(): number {
    return this.fx.signalsDrawn;
  }

  destroy(): void {
    this.teardown();
    this.stage.destroy({ children: true });
  }
}

function key(s: Selection | null): string {
  if (!s) return '';
  if (s.kind === 'ship') return `ship:${s.name}`;
  if (s.kind === 'container') return `container:${s.id}`;
  return `part:${s.name}`;
}

export { key as selectionKey };
