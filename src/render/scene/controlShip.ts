import { Container, Graphics, type Text } from 'pixi.js';
import type { LedgerView, OfficeActivity, ShipView, Snapshot } from '../../engine';
import { clerkSpot } from '../model/anchors';
import { LEDGER_FLASH_MS, officeLight, progress } from '../model/anim';
import { CONTROL, CONTROL_SHIP as C, type OfficeKey, type Point } from '../model/layout';
import { partName, shipStatusText, taintText } from '../model/labels';
import { flagColour, lampColour } from '../model/status';
import { labelBoost, type Detail } from '../model/zoom';
import type { SceneContext } from './context';
import { drawLattice, drawPennant, drawPerson, drawWindows } from './figures';
import { fitText, label, setText } from './text';

const OFFICE_PART = {
  operations: 'operations',
  cargo: 'cargoOffice',
  services: 'servicesOffice',
} as const;
const JIB = 200;
const CRANE_PIVOTS: readonly Point[] = [
  { x: C.cranes.x + 24, y: C.cranes.y + 40 },
  { x: C.cranes.x + 100, y: C.cranes.y + 10 },
];
const REST_ANGLE = -0.42;

/**
 * The control ship (control plane): the bridge (kube-apiserver), the ledger kept by its clerks
 * (etcd members), the cranes (kube-scheduler) and the three offices (controllers), plus its own
 * lamp and the control-plane flag. Its own render group.
 */
export class ControlShipNode {
  readonly root = new Container({ isRenderGroup: true });
  private readonly look = new Container();
  private lookDirty = true;
  private cacheResolution = 1;
  /** Containers bound to the control ship (rare: they need a toleration). */
  readonly cargo = new Container();
  private readonly frame = new Graphics();
  private readonly state = new Graphics();
  private readonly lights: Record<OfficeKey, Graphics>;
  private readonly actions: Record<OfficeKey, Text>;
  private readonly jibs: Graphics[];
  private readonly ledgerLines: Text;
  private readonly ledgerHeader: Text;
  private readonly ledgerFlash = new Graphics();
  private readonly clerkNames: Text;
  private readonly statusText: Text;
  private readonly bridgeState: Text;
  private readonly flagText: Text;
  private readonly partLabels: Text[] = [];
  private readonly titles: Text[];
  private readonly detailParts = new Container();
  private signature = '';
  private ledgerSignature = '';
  private officeSignature = '';
  private newestWriteAt = -Infinity;
  private boost = 1;
  private detailLevel: Detail = 'mid';
  /** Current jib angles, so the cables can be drawn from the tips. */
  readonly jibAngles = [REST_ANGLE, REST_ANGLE];

  constructor(private readonly ctx: SceneContext) {
    const { styles, mode } = ctx;
    this.root.label = 'control-ship';
    this.drawFrame();
    this.lights = {
      operations: this.officeLight('operations'),
      cargo: this.officeLight('cargo'),
      services: this.officeLight('services'),
    };
    this.actions = {
      operations: this.officeAction('operations'),
      cargo: this.officeAction('cargo'),
      services: this.officeAction('services'),
    };
    this.jibs = CRANE_PIVOTS.map((p) => {
      const jib = new Graphics();
      jib.position.set(p.x, p.y);
      jib.rotation = REST_ANGLE;
      const crane = ctx.colours.crane;
      jib
        .moveTo(0, -6)
        .lineTo(JIB, -2)
        .moveTo(0, 6)
        .lineTo(JIB, 2)
        .stroke({ color: crane, width: 3 });
      for (let x = 0; x < JIB - 10; x += 16)
        jib.moveTo(x, -6 + (x / JIB) * 4).lineTo(x + 16, 6 - ((x + 16) / JIB) * 4);
      jib.stroke({ color: crane, width: 2 });
      jib.circle(JIB, 0, 5).fill(ctx.colours.outline);
      jib.circle(0, 0, 7).fill(ctx.colours.outline);
      return jib;
    });
    this.ledgerHeader = label('', styles.ink, 0, 0);
    this.ledgerHeader.position.set(C.ledger.x + 14, C.ledger.y + 8);
    this.ledgerLines = label('', styles.inkSmall, 0, 0);
    this.ledgerLines.position.set(C.ledger.x + 14, C.ledger.y + 26);
    this.clerkNames = label('', styles.small, 0.5, 1);
    this.clerkNames.position.set(C.ledger.x + C.ledger.w / 2, C.ledger.y - 44);
    this.statusText = label('', styles.small, 0, 0.5);
    this.statusText.position.set(C.lamp.x + 16, C.lamp.y);
    this.bridgeState = label('', styles.countdown, 0.5, 0.5);
    this.bridgeState.position.set(C.bridge.x + C.bridge.w / 2, C.bridge.y + 56);
    this.flagText = label('', styles.small, 0, 0);
    this.flagText.position.set(C.lamp.x + 16, C.lamp.y + 14);
    const partLabel = (text: string, x: number, y: number) => {
      const t = label(text, styles.label, 0.5, 1);
      t.position.set(x, y);
      this.partLabels.push(t);
      return t;
    };
    (Object.keys(C.offices) as OfficeKey[]).forEach((key) => {
      const o = C.offices[key];
      const t = partLabel(partName(OFFICE_PART[key], mode), o.x + o.w / 2, o.y - 16);
      t.style = styles.label.clone();
      t.style.wordWrapWidth = o.w + 4;
      fitText(t, o.w + 8, 92);
    });
    partLabel(partName('ledger', mode), C.ledger.x + C.ledger.w / 2, C.ledger.y - 62);
    const bridgeLabel = partLabel(
      partName('bridge', mode),
      C.bridge.x + C.bridge.w / 2,
      C.bridge.y + 100,
    );
    bridgeLabel.anchor.set(0.5, 0.5);
    bridgeLabel.style = styles.onHullSmall.clone();
    bridgeLabel.style.align = 'center';
    bridgeLabel.style.wordWrap = true;
    bridgeLabel.style.wordWrapWidth = C.bridge.w - 16;
    bridgeLabel.style.fontSize = styles.label.fontSize;
    bridgeLabel.style.fontWeight = 'bold';
    fitText(bridgeLabel, C.bridge.w - 16, 58);
    partLabel(partName('cranes', mode), C.cranes.x + 60, C.cranes.y + 268);
    const cranes = this.partLabels.at(-1)!;
    cranes.anchor.set(0.5, 0);
    cranes.position.set(C.cranes.x + 62, C.hull.y + 10);
    cranes.style = styles.onHullSmall.clone();
    cranes.style.fontSize = styles.label.fontSize;
    cranes.style.align = 'center';
    cranes.style.wordWrap = true;
    cranes.style.wordWrapWidth = 130;
    fitText(cranes, 136, 44);
    this.titles = [label('', styles.onHull, 0.5, 0), label('', styles.onHullSmall, 0.5, 0)];
    this.titles[0]!.position.set(C.name.x - 80, C.hull.y + 10);
    this.titles[1]!.position.set(C.name.x - 80, C.hull.y + 38);
    this.cargo.position.set(C.bridge.x + C.bridge.w + 4, C.hull.y - 34);
    this.detailParts.addChild(
      ...this.partLabels,
      this.ledgerHeader,
      this.ledgerLines,
      this.clerkNames,
      this.statusText,
      this.flagText,
      ...Object.values(this.actions),
    );
    // The still parts are one cached texture, redrawn only when something on them changes; the
    // office lights, the ledger's flash, the jibs and the deck's containers move over it.
    this.look.addChild(this.frame, this.state, this.bridgeState, ...this.titles, this.detailParts);
    this.look.cacheAsTexture({ resolution: 1, antialias: ctx.smooth });
    this.root.addChild(
      this.look,
      ...Object.values(this.lights),
      this.ledgerFlash,
      ...this.jibs,
      this.cargo,
    );
  }

  /** Re-renders the cached look when stale or when the zoom asks for another resolution. */
  refreshCache(resolution: number): void {
    if (resolution !== this.cacheResolution) {
      this.cacheResolution = resolution;
      this.look.cacheAsTexture({ resolution, antialias: this.ctx.smooth });
      this.lookDirty = false;
      return;
    }
    if (!this.lookDirty) return;
    this.lookDirty = false;
    this.look.updateCacheTexture();
  }

  private drawFrame(): void {
    const { colours } = this.ctx;
    const g = this.frame;
    const line = colours.line;
    const h = C.hull;
    const bow = h.x + h.w;
    g.poly([h.x, h.y, bow, h.y, bow - 34, h.y + h.h, h.x + 22, h.y + h.h]).fill(colours.hull);
    g.poly([
      h.x + 14,
      h.y + h.h - 16,
      bow - 28,
      h.y + h.h - 16,
      bow - 34,
      h.y + h.h,
      h.x + 22,
      h.y + h.h,
    ]).fill(colours.hullStripe);
    g.poly([h.x, h.y, bow, h.y, bow - 34, h.y + h.h, h.x + 22, h.y + h.h]).stroke({
      color: colours.outline,
      width: line,
    });
    g.rect(h.x + 4, h.y - 5, h.w - 8, 6).fill(colours.deck);
    // Offices.
    for (const key of Object.keys(C.offices) as OfficeKey[]) {
      const o = C.offices[key];
      g.rect(o.x, o.y, o.w, o.h)
        .fill(colours.superstructure)
        .rect(o.x, o.y, o.w, o.h)
        .stroke({ color: colours.outline, width: line });
      g.poly([o.x - 6, o.y, o.x + o.w / 2, o.y - 14, o.x + o.w + 6, o.y]).fill(colours.hull);
      drawWindows(g, o.x + 6, o.y + 8, o.w - 12, 44, 2, 4, colours.window);
      g.roundRect(o.x + 6, o.y + 56, o.w - 12, 36, 4).fill(colours.ledgerPage);
    }
    // The ledger: a desk with an open book.
    const l = C.ledger;
    g.poly([
      l.x - 6,
      l.y + 30,
      l.x + l.w + 6,
      l.y + 30,
      l.x + l.w - 8,
      l.y + l.h,
      l.x + 8,
      l.y + l.h,
    ]).fill(0x7f5539);
    g.roundRect(l.x, l.y, l.w, 62, 6)
      .fill(colours.ledgerPage)
      .roundRect(l.x, l.y, l.w, 62, 6)
      .stroke({ color: colours.outline, width: line });
    g.moveTo(l.x + l.w / 2, l.y + 4)
      .lineTo(l.x + l.w / 2, l.y + 58)
      .stroke({ color: 0x999999, width: 1 });
    // The bridge tower with its radio room and aerial.
    const b = C.bridge;
    g.rect(b.x, b.y, b.w, b.h)
      .fill(colours.superstructure)
      .rect(b.x, b.y, b.w, b.h)
      .stroke({ color: colours.outline, width: line });
    g.rect(b.x - 10, b.y - 4, b.w + 20, 10).fill(colours.hull);
    drawWindows(g, b.x + 6, b.y + 12, b.w - 12, 30, 1, 5, colours.window);
    g.roundRect(b.x + 6, b.y + 68, b.w - 12, 64, 6).fill(colours.hull);
    drawWindows(g, b.x + 14, b.y + 134, b.w - 28, 60, 2, 3, colours.window);
    g.moveTo(b.x + b.w / 2, b.y - 4)
      .lineTo(b.x + b.w / 2, C.lamp.y)
      .stroke({ color: colours.outline, width: line * 1.3 });
    g.moveTo(b.x + b.w / 2 - 22, b.y - 30)
      .lineTo(b.x + b.w / 2 + 22, b.y - 30)
      .stroke({ color: colours.outline, width: line });
    g.ellipse(b.x + b.w / 2 - 30, b.y - 44, 12, 6)
      .fill(colours.superstructure)
      .ellipse(b.x + b.w / 2 - 30, b.y - 44, 12, 6)
      .stroke({ color: colours.outline, width: 2 });
    // Crane towers (the jibs are separate so they can swing).
    for (const p of CRANE_PIVOTS) {
      drawLattice(g, p.x - 9, h.y, p.y + 6, 18, colours.crane, 2.5);
      g.rect(p.x - 16, p.y - 2, 32, 24)
        .fill(colours.crane)
        .rect(p.x - 16, p.y - 2, 32, 24)
        .stroke({ color: colours.outline, width: 2 });
      g.rect(p.x - 10, p.y + 3, 10, 9).fill(colours.window);
    }
  }

  private officeLight(key: OfficeKey): Graphics {
    const o = C.offices[key];
    const g = new Graphics();
    drawWindows(g, o.x + 6, o.y + 8, o.w - 12, 44, 2, 4, this.ctx.colours.windowLit);
    g.rect(o.x - 3, o.y - 3, o.w + 6, o.h + 6).stroke({
      color: this.ctx.colours.windowLit,
      width: 4,
    });
    g.alpha = 0;
    return g;
  }

  private officeAction(key: OfficeKey): Text {
    const o = C.offices[key];
    const t = label('', this.ctx.styles.inkSmall, 0.5, 0.5);
    t.style = this.ctx.styles.inkSmall.clone();
    t.style.wordWrap = true;
    t.style.wordWrapWidth = o.w - 16;
    t.style.align = 'center';
    t.style.breakWords = true;
    t.position.set(o.x + o.w / 2, o.y + 74);
    return t;
  }

  /** Applies the parts of the snapshot this ship draws (the ship row, offices, ledger, bridge). */
  update(snap: Snapshot, ship: ShipView | undefined): void {
    this.updateShip(ship);
    this.updateOffices(snap.offices);
    this.updateLedger(snap.ledger);
    if (this.stateDirty) {
      this.stateDirty = false;
      this.lookDirty = true;
      this.drawState();
    }
    const sig = `${snap.bridge.running}`;
    if (sig !== this.signature) {
      this.signature = sig;
      this.lookDirty = true;
      setText(this.bridgeState, snap.bridge.running ? '' : 'STOPPED');
    }
  }

  private ship: ShipView | undefined;
  private shipSignature = '';
  private members: LedgerView['members'] = [];
  private stateDirty = true;

  private updateShip(ship: ShipView | undefined): void {
    this.ship = ship;
    const sig = ship
      ? `${ship.name}|${ship.status}|${ship.taints.map(taintText).join(',')}|${ship.unschedulable}`
      : '';
    if (sig === this.shipSignature) return;
    this.shipSignature = sig;
    this.stateDirty = true;
    setText(this.titles[0]!, ship?.name ?? 'control plane');
    setText(this.titles[1]!, partName('controlShip', this.ctx.mode));
    fitText(this.titles[1]!, 560, 24);
    setText(this.statusText, ship ? shipStatusText(ship) : '');
    setText(this.flagText, ship?.taints.map((t) => `⚑ ${taintText(t)}`).join('\n') ?? '');
  }

  /** The lamp, the control-plane flag and the clerks. */
  private drawState(): void {
    const { colours } = this.ctx;
    const ship = this.ship;
    const g = this.state;
    g.clear();
    if (ship) {
      g.circle(C.lamp.x, C.lamp.y, 10)
        .fill(lampColour(ship.status, colours))
        .circle(C.lamp.x, C.lamp.y, 10)
        .stroke({ color: colours.outline, width: 2 });
      ship.taints
        .slice(0, 3)
        .forEach((t, i) =>
          drawPennant(
            g,
            C.lamp.x + 2,
            C.lamp.y + 14 + i * 16,
            13,
            flagColour(t.effect, colours),
            colours.outline,
            colours.line,
          ),
        );
    }
    // Clerks behind the ledger: up or down, the leader with a gold star.
    const count = Math.max(1, this.members.length);
    const spot = { x: 0, y: 0 };
    this.members.forEach((m, i) => {
      clerkSpot(i, count, spot);
      drawPerson(
        g,
        spot.x,
        spot.y + 16,
        34,
        m.up ? 0x6d597a : 0x9e9e9e,
        m.up ? 0x3d405b : 0x9e9e9e,
        colours.outline,
      );
      if (!m.up)
        g.moveTo(spot.x - 10, spot.y - 22)
          .lineTo(spot.x + 10, spot.y - 2)
          .moveTo(spot.x + 10, spot.y - 22)
          .lineTo(spot.x - 10, spot.y - 2)
          .stroke({ color: colours.danger, width: 3 });
      if (m.leader)
        g.star(spot.x, spot.y - 30, 5, 8, 3.5)
          .fill(0xffd400)
          .star(spot.x, spot.y - 30, 5, 8, 3.5)
          .stroke({ color: colours.outline, width: 1 });
    });
  }

  private updateOffices(offices: readonly OfficeActivity[]): void {
    let sig = '';
    for (const o of offices) sig += `${o.name}:${o.lastAction ?? ''};`;
    if (sig === this.officeSignature) return;
    this.officeSignature = sig;
    this.lookDirty = true;
    for (const o of offices) {
      const t = this.actions[o.name];
      if (!t) continue;
      const text = o.lastAction ?? '';
      setText(t, text.length > 64 ? `${text.slice(0, 63)}…` : text);
      const box = C.offices[o.name];
      fitText(t, box.w - 14, 34);
    }
  }

  private updateLedger(ledger: LedgerView): void {
    const newest = ledger.lastWrites.at(-1);
    const sig = `${ledger.revision}|${ledger.writable}|${ledger.members.map((m) => `${m.name}${m.up}${m.leader}`).join(',')}|${newest?.key}`;
    if (sig === this.ledgerSignature) return;
    this.ledgerSignature = sig;
    this.lookDirty = true;
    this.members = ledger.members;
    this.stateDirty = true;
    const recent = ledger.lastWrites.slice(-3).reverse();
    setText(
      this.ledgerHeader,
      `rev ${ledger.revision}${ledger.writable === 'ok' ? '' : ledger.writable === 'no-quorum' ? '  NO QUORUM' : '  NO LEADER'}`,
    );
    setText(
      this.ledgerLines,
      recent.map((w) => `${w.type === 'DELETE' ? '✗' : '✎'} ${shortKey(w.key, 26)}`).join('\n'),
    );
    fitText(this.ledgerLines, C.ledger.w - 24, 36);
    setText(
      this.clerkNames,
      ledger.members
        .map((m) => `${m.name}${m.leader ? '★' : ''}${m.up ? '' : ' (down)'}`)
        .join('   '),
    );
    fitText(this.clerkNames, C.ledger.w + 40, 20);
    this.newestWriteAt = newest?.at ?? -Infinity;
  }

  /** Per-frame: office lights, the ledger's flash, the cranes' swing. Returns whether anything moves. */
  animate(
    snap: Snapshot,
    now: number,
    craneTargets: readonly (Point | undefined)[],
    origin: Point,
  ): boolean {
    let moving = false;
    for (const o of snap.offices) {
      const light = this.lights[o.name];
      if (!light) continue;
      const a = officeLight(now, o.busyUntil);
      light.alpha = a;
      if (a > 0 && a < 1) moving = true;
      if (a === 1) moving = true;
    }
    const flash = 1 - progress(now, this.newestWriteAt, this.newestWriteAt + LEDGER_FLASH_MS);
    this.ledgerFlash.clear();
    if (flash > 0 && now >= this.newestWriteAt) {
      moving = true;
      this.ledgerFlash
        .roundRect(C.ledger.x + 8, C.ledger.y + 24, C.ledger.w - 16, 14, 3)
        .fill({ color: this.ctx.colours.highlight, alpha: 0.4 * flash });
    }
    this.jibs.forEach((jib, i) => {
      const target = craneTargets[i];
      const pivot = CRANE_PIVOTS[i]!;
      let angle = REST_ANGLE;
      if (target) {
        angle = Math.atan2(target.y - (origin.y + pivot.y), target.x - (origin.x + pivot.x));
        angle = Math.max(-1.3, Math.min(1.35, angle));
        moving = true;
      }
      if (jib.rotation !== angle) jib.rotation = angle;
      this.jibAngles[i] = angle;
    });
    return moving;
  }

  /** Where crane `i`'s jib tip is, in world coordinates. */
  jibTip(i: number, origin: Point, out: Point): Point {
    const p = CRANE_PIVOTS[i]!;
    const a = this.jibAngles[i]!;
    out.x = origin.x + p.x + Math.cos(a) * JIB;
    out.y = origin.y + p.y + Math.sin(a) * JIB;
    return out;
  }

  setDetail(detail: Detail, scale: number): void {
    const boost = labelBoost(scale);
    if (detail === this.detailLevel && Math.abs(boost - this.boost) < 0.02) return;
    this.detailLevel = detail;
    this.boost = boost;
    this.lookDirty = true;
    this.detailParts.visible = detail !== 'far';
    this.flagText.visible = detail === 'near';
    this.titles[1]!.visible = detail !== 'far';
    for (const t of this.titles) t.scale.set(detail === 'far' ? Math.min(boost, 2) : 1);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

/** `/registry/pods/default/web-1` → `pods/default/web-1`, shortened from the left to fit a page. */
export function shortKey(key: string, max = 28): string {
  const k = key.startsWith('/registry/') ? key.slice('/registry/'.length) : key;
  return k.length > max ? `…${k.slice(k.length - max + 1)}` : k;
}

export const CONTROL_SIZE = CONTROL;
