import { Container, Graphics, type Text } from 'pixi.js';
import type { ShipView } from '../../engine';
import { sinkPose, type SinkPose } from '../model/anim';
import { CARGO_SHIP as S, CELL } from '../model/layout';
import {
  crewBadgeText,
  destinationText,
  gaugeFraction,
  gaugeTexts,
  partName,
  shipKindText,
  shipStatusText,
  taintText,
} from '../model/labels';
import { flagColour, lampColour } from '../model/status';
import { labelBoost, type Detail } from '../model/zoom';
import type { SceneContext } from './context';
import { drawLattice, drawPennant, drawPerson, drawWindows } from './figures';
import { fitText, label, setText } from './text';

const RULES_SHOWN = 9;

/**
 * A cargo ship (worker node): hull and house, captain (kubelet), deck crew badge (runtime),
 * signal officer (kube-proxy), status lamp, taint flags, destination, capacity gauges, and a deck
 * whose containers are a cached layer (`cargo`) redrawn only when they change.
 */
export class CargoShipNode {
  /** Positioned at the ship's cell. */
  readonly root = new Container();
  /**
   * Everything drawn of the ship but its cargo, cached as one texture: a ship at rest is two
   * textured quads (its look and its deck), and quads of many ships batch into a few draw calls.
   */
  private readonly look = new Container();
  /** Everything that sinks. */
  readonly body = new Container();
  /** The deck's container boxes, cached as a texture. */
  readonly cargo = new Container();
  /** The rules table (zoomed in), parented to the scene's notes layer so it draws above neighbours. */
  readonly notes = new Container();
  private readonly hull = new Graphics();
  private readonly dynamic = new Graphics();
  private readonly detail = new Container();
  private readonly nameText: Text;
  private readonly kindText: Text;
  private readonly statusText: Text;
  private readonly badgeText: Text;
  private readonly destText: Text;
  private readonly flagText: Text;
  private readonly gaugeLabels: Text[];
  private readonly crewLabels: Text[];
  private readonly rulesText: Text;
  private readonly rulesBg = new Graphics();
  private signature = '';
  private detailLevel: Detail = 'mid';
  private boost = 1;
  private cacheResolution = 0;
  private cargoDirty = true;
  private lookDirty = true;
  private readonly pose: SinkPose = { dy: 0, rotation: 0, alpha: 1 };
  ship: ShipView;

  constructor(
    ship: ShipView,
    private readonly ctx: SceneContext,
  ) {
    this.ship = ship;
    const { styles } = ctx;
    this.root.label = `ship:${ship.name}`;
    this.body.pivot.set(CELL.w / 2, S.hull.y + S.hull.h / 2);
    this.body.position.set(CELL.w / 2, S.hull.y + S.hull.h / 2);
    this.drawStatic();
    this.cargo.position.set(S.deck.x, S.deck.y);
    // The deck plate keeps the cached layer's bounds fixed (and non-empty) whatever it carries.
    this.cargo.addChild(
      new Graphics().rect(0, 0, S.deck.w, S.deck.h).fill({ color: ctx.colours.deck, alpha: 0.22 }),
    );
    this.cargo.cacheAsTexture({ resolution: 1, antialias: ctx.smooth });
    this.nameText = label(ship.name, styles.onHull, 0.5, 0);
    this.nameText.position.set(S.name.x, S.hull.y + 8);
    this.kindText = label('', styles.onHullSmall, 0.5, 0);
    this.kindText.position.set(S.name.x, S.hull.y + 34);
    this.statusText = label('', styles.small, 0, 0.5);
    this.statusText.position.set(S.lamp.x + 16, S.lamp.y);
    this.badgeText = label('', styles.onHullSmall, 0.5, 0.5);
    this.badgeText.position.set(S.badge.x + S.badge.w / 2, S.badge.y + 34);
    this.destText = label('', styles.small, 0.5, 0);
    this.destText.position.set(S.destination.x, S.destination.y);
    this.flagText = label('', styles.small, 0, 0);
    this.flagText.position.set(S.lamp.x + 16, S.lamp.y + 12);
    this.gaugeLabels = [0, 1, 2].map((i) => {
      const t = label('', styles.small, 0, 1);
      t.position.set(S.gauges.x + i * (S.gauges.w / 3), S.gauges.y + 22);
      return t;
    });
    this.crewLabels = [
      label(partName('captain', ctx.mode), styles.small, 0, 1),
      label(partName('deckCrew', ctx.mode), styles.onHullSmall, 0.5, 0.5),
      label(partName('signalOfficer', ctx.mode), styles.small, 1, 1),
    ];
    this.crewLabels[0]!.position.set(S.captain.x + 12, S.captain.y - 14);
    this.crewLabels[1]!.position.set(S.badge.x + S.badge.w / 2, S.badge.y + 11);
    this.crewLabels[2]!.position.set(S.hull.x + S.hull.w, S.deck.y - 6);
    this.rulesText = label('', styles.mono, 0, 0);
    this.rulesText.position.set(S.rules.x + 10, S.rules.y + 8);
    this.notes.addChild(this.rulesBg, this.rulesText);
    this.notes.visible = false;
    fitText(this.crewLabels[0]!, 150);
    fitText(this.crewLabels[1]!, S.badge.w - 8, 20);
    fitText(this.crewLabels[2]!, 200);
    this.detail.addChild(
      this.statusText,
      this.destText,
      this.flagText,
      ...this.gaugeLabels,
      ...this.crewLabels,
    );
    this.detail.addChild(this.badgeText);
    this.look.addChild(this.hull, this.dynamic, this.nameText, this.kindText, this.detail);
    this.look.cacheAsTexture({ resolution: 1, antialias: ctx.smooth });
    this.body.addChild(this.look, this.cargo);
    this.root.addChild(this.body);
    this.update(ship, true);
  }

  private drawStatic(): void {
    const { colours } = this.ctx;
    const g = this.hull;
    const line = colours.line;
    const h = S.hull;
    const bowX = h.x + h.w;
    // Hull: stern on the left, raked bow on the right, a boot-top stripe at the waterline.
    g.poly([h.x, h.y, bowX, h.y, bowX - 24, h.y + h.h, h.x + 16, h.y + h.h]).fill(colours.hull);
    g.poly([
      h.x + 10,
      h.y + h.h - 14,
      bowX - 19,
      h.y + h.h - 14,
      bowX - 24,
      h.y + h.h,
      h.x + 16,
      h.y + h.h,
    ]).fill(colours.hullStripe);
    g.poly([h.x, h.y, bowX, h.y, bowX - 24, h.y + h.h, h.x + 16, h.y + h.h]).stroke({
      color: colours.outline,
      width: line,
    });
    // Deck line and the deck crew's badge plate on the hull side.
    g.rect(h.x + 4, h.y - 4, h.w - 8, 6).fill(colours.deck);
    const b = S.badge;
    g.roundRect(b.x, b.y, b.w, b.h + 24, 6).fill({ color: 0x000000, alpha: 0.35 });
    // The house (bridge of the cargo ship) at the stern with its windows.
    const house = S.house;
    g.rect(house.x, house.y, house.w, house.h)
      .fill(colours.superstructure)
      .rect(house.x, house.y, house.w, house.h)
      .stroke({ color: colours.outline, width: line });
    drawWindows(g, house.x + 4, house.y + 6, house.w - 8, 40, 2, 4, colours.window);
    g.rect(house.x - 6, house.y - 6, house.w + 12, 8).fill(colours.hull);
    // Mast with the lamp at its top.
    g.moveTo(S.mast.x, S.mast.bottom)
      .lineTo(S.mast.x, S.mast.top)
      .stroke({ color: colours.outline, width: line * 1.3 });
    g.moveTo(S.mast.x - 14, S.mast.top + 22)
      .lineTo(S.mast.x + 14, S.mast.top + 22)
      .stroke({ color: colours.outline, width: line });
    // Deck bed under the containers.
    g.rect(S.deck.x - 4, S.deck.y + S.deck.h, S.deck.w + 8, 4).fill(colours.outline);
    // Captain on the bridge wing; signal officer at the bow with semaphore flags.
    drawPerson(g, S.captain.x, S.captain.y + 14, 30, 0x1d3557, 0xffffff, colours.outline);
    drawPerson(
      g,
      S.signalOfficer.x,
      S.signalOfficer.y + 18,
      28,
      0x2a9d8f,
      0x2a9d8f,
      colours.outline,
    );
    const o = S.signalOfficer;
    g.moveTo(o.x - 4, o.y - 4)
      .lineTo(o.x - 16, o.y - 20)
      .moveTo(o.x + 4, o.y - 4)
      .lineTo(o.x + 14, o.y - 22)
      .stroke({ color: colours.outline, width: 2 });
    g.rect(o.x - 26, o.y - 30, 10, 10)
      .fill(0xffd400)
      .rect(o.x + 10, o.y - 32, 10, 10)
      .fill(0xe63946);
    // A small radio aerial above the lamp.
    drawLattice(g, S.mast.x - 3, S.mast.top - 2, S.mast.top - 14, 6, colours.outline, 1);
  }

  /** Applies the ship's state; cheap when nothing visible changed. */
  update(ship: ShipView, force = false): void {
    this.ship = ship;
    const sig = signature(ship);
    if (!force && sig === this.signature) return;
    this.signature = sig;
    this.lookDirty = true;
    const { colours, mode } = this.ctx;
    const g = this.dynamic;
    g.clear();
    // Lamp.
    g.circle(S.lamp.x, S.lamp.y, 9)
      .fill(lampColour(ship.status, colours))
      .circle(S.lamp.x, S.lamp.y, 9)
      .stroke({ color: colours.outline, width: 2 });
    if (ship.status === 'Unknown') {
      g.moveTo(S.lamp.x - 4, S.lamp.y - 3)
        .lineTo(S.lamp.x + 4, S.lamp.y + 3)
        .stroke({ color: 0xffffff, width: 2 });
    }
    // Radio cut: a red slash through the aerial.
    if (ship.radio === 'cut') {
      g.moveTo(S.mast.x - 14, S.mast.top - 22)
        .lineTo(S.mast.x + 14, S.mast.top + 4)
        .stroke({ color: colours.danger, width: 4, cap: 'round' });
      g.moveTo(S.mast.x + 14, S.mast.top - 22)
        .lineTo(S.mast.x - 14, S.mast.top + 4)
        .stroke({ color: colours.danger, width: 4, cap: 'round' });
    }
    // Flags (taints) on a halyard from the masthead down to the deck's edge.
    const taints = ship.taints;
    for (let i = 0; i < taints.length && i < 6; i += 1) {
      const t = (i + 1) / (Math.min(taints.length, 6) + 1);
      const fx = S.mast.x + (S.deck.x - 8 - S.mast.x) * t;
      const fy = S.mast.top + 6 + (S.deck.y - 24 - S.mast.top) * t;
      drawPennant(
        g,
        fx,
        fy,
        14,
        flagColour(taints[i]!.effect, colours),
        colours.outline,
        colours.line,
      );
    }
    if (taints.length) {
      g.moveTo(S.mast.x, S.mast.top + 4)
        .lineTo(S.deck.x - 8, S.deck.y - 20)
        .stroke({ color: colours.outline, width: 1 });
    }
    // Gauges: cpu, memory, containers (allocated vs allocatable).
    const fractions = [
      gaugeFraction(ship.allocated.cpu, ship.allocatable.cpu),
      gaugeFraction(ship.allocated.memory, ship.allocatable.memory),
      gaugeFraction(ship.allocated.pods, ship.allocatable.pods),
    ];
    const gw = S.gauges.w / 3 - 12;
    fractions.forEach((f, i) => {
      const x = S.gauges.x + i * (S.gauges.w / 3);
      const y = S.gauges.y + 26;
      g.roundRect(x, y, gw, 12, 4).fill(colours.gaugeTrack);
      if (f > 0)
        g.roundRect(x, y, Math.max(6, gw * f), 12, 4).fill(
          f >= 0.9 ? colours.gaugeFull : colours.gaugeFill,
        );
      g.roundRect(x, y, gw, 12, 4).stroke({ color: colours.outline, width: 1.5 });
    });
    const texts = gaugeTexts(ship);
    this.gaugeLabels.forEach((t, i) => {
      setText(t, texts[i]!);
      fitText(t, S.gauges.w / 3 - 12);
    });
    setText(this.statusText, shipStatusText(ship));
    fitText(this.statusText, 300);
    setText(this.kindText, shipKindText(ship, mode));
    fitText(this.kindText, 176, 18);
    setText(this.badgeText, crewBadgeText(ship));
    fitText(this.badgeText, S.badge.w - 8, 18);
    setText(this.destText, destinationText(ship.labels) ?? '');
    fitText(this.destText, 340);
    setText(
      this.flagText,
      taints.length
        ? taints
            .slice(0, 4)
            .map((t) => `⚑ ${taintText(t).replace(/^node\.kubernetes\.io\//, '')}`)
            .join('\n')
        : '',
    );
    this.drawRules(ship);
  }

  private drawRules(ship: ShipView): void {
    const { colours, mode } = this.ctx;
    const shown = ship.rules.slice(0, RULES_SHOWN);
    const more = ship.rules.length - shown.length;
    const title = `${partName('rules', mode)}${ship.rules.length ? '' : ': none yet'}`;
    setText(
      this.rulesText,
      [
        title,
        ...shown.map((r) => (r.length > 62 ? `${r.slice(0, 61)}…` : r)),
        ...(more > 0 ? [`… ${more} more`] : []),
      ].join('\n'),
    );
    this.rulesBg.clear();
    const h = this.rulesText.height + 16;
    this.rulesBg
      .roundRect(S.rules.x, S.rules.y, S.rules.w, h, 8)
      .fill({ color: colours.panel, alpha: colours.panelAlpha })
      .roundRect(S.rules.x, S.rules.y, S.rules.w, h, 8)
      .stroke({ color: colours.outline, width: 1.5 });
  }

  /** Shows the parts that belong to this zoom level. */
  setDetail(detail: Detail, scale: number): void {
    const boost = labelBoost(scale);
    if (detail === this.detailLevel && Math.abs(boost - this.boost) < 0.02) return;
    this.detailLevel = detail;
    this.boost = boost;
    this.lookDirty = true;
    this.detail.visible = detail !== 'far';
    this.kindText.visible = detail !== 'far';
    this.notes.visible = detail === 'near' && !this.ship.sunk;
    this.flagText.visible = detail === 'near';
    // Zoomed out, the name grows so it stays readable and moves above the ship.
    this.nameText.style = this.ctx.styles.onHull;
    if (detail === 'far') {
      // Zoomed out, the name fills the hull, large enough to read.
      this.nameText.scale.set(1);
      fitText(this.nameText, S.hull.w - 60, S.hull.h - 10, boost);
      this.nameText.position.set(CELL.w / 2, S.hull.y + (S.hull.h - this.nameText.height) / 2 - 2);
    } else {
      this.nameText.scale.set(1);
      fitText(this.nameText, 176, 30);
      this.nameText.position.set(S.name.x, S.hull.y + 6);
    }
  }

  /** Marks the deck's cached drawing stale. */
  markCargoDirty(): void {
    this.cargoDirty = true;
  }

  /**
   * Re-renders the cached look and deck when stale, or when the zoom asks for another resolution.
   * Called only for ships on screen: the others keep their old textures until they come back.
   * Returns how many textures it redrew.
   */
  refreshCaches(resolution: number): number {
    if (resolution !== this.cacheResolution) {
      this.cacheResolution = resolution;
      this.cargo.cacheAsTexture({ resolution, antialias: this.ctx.smooth });
      this.look.cacheAsTexture({ resolution, antialias: this.ctx.smooth });
      this.cargoDirty = false;
      this.lookDirty = false;
      return 2;
    }
    let redrawn = 0;
    if (this.cargoDirty) {
      this.cargoDirty = false;
      this.cargo.updateCacheTexture();
      redrawn += 1;
    }
    if (this.lookDirty) {
      this.lookDirty = false;
      this.look.updateCacheTexture();
      redrawn += 1;
    }
    return redrawn;
  }

  /** Whether a cached texture waits to be redrawn (or redrawn at another resolution). */
  stale(resolution: number): boolean {
    return this.cargoDirty || this.lookDirty || resolution !== this.cacheResolution;
  }

  /** Sinks the ship to where it is at `now` (sunkAt undefined: afloat). Returns whether it is still moving. */
  applySink(now: number, sunkAt: number | undefined, reduced: boolean): boolean {
    if (sunkAt === undefined) {
      if (this.pose.dy !== 0 || this.body.alpha !== 1) {
        this.body.position.y = this.body.pivot.y;
        this.body.rotation = 0;
        this.body.alpha = 1;
        this.pose.dy = 0;
      }
      return false;
    }
    sinkPose(now, sunkAt, reduced, this.pose);
    this.body.position.y = this.body.pivot.y + this.pose.dy;
    this.body.rotation = this.pose.rotation;
    this.body.alpha = this.pose.alpha;
    return this.pose.dy < 70;
  }

  destroy(): void {
    this.notes.destroy({ children: true });
    this.root.destroy({ children: true });
  }
}

function signature(s: ShipView): string {
  return [
    s.status,
    s.radio,
    s.unschedulable,
    s.runtimeVersion,
    s.allocated.cpu,
    s.allocated.memory,
    s.allocated.pods,
    s.allocatable.cpu,
    s.allocatable.memory,
    s.allocatable.pods,
    s.taints.map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`).join(','),
    Object.entries(s.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    s.rules.length,
    s.rules[0] ?? '',
    s.rules[s.rules.length - 1] ?? '',
  ].join('|');
}
