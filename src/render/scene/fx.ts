import { Container, Graphics, Sprite, type Text, type Texture } from 'pixi.js';
import type { Snapshot } from '../../engine';
import {
  arcPoint,
  CHECKIN_MS,
  HIGHLIGHT_MS,
  pulseAt,
  RESTART_MS,
  signalProgress,
  SMOKE_MS,
  smokePuff,
} from '../model/anim';
import { signalKind, type SignalKind } from '../model/anchors';
import { countdownText } from '../model/labels';
import type { Point, Rect } from '../model/layout';
import type { Palette } from '../model/theme';
import type { Detail } from '../model/zoom';
import type { BoxManager } from './boxes';
import type { SceneContext } from './context';
import { label, setText } from './text';

/** What the effects layer needs from the scene each frame. */
export interface FxSource {
  readonly boxes: BoxManager;
  /** Where a component is (false: nowhere to draw it). */
  anchor(id: string, out: Point): boolean;
  /** World rectangle of a ship's cell, if laid out. */
  shipRect(name: string, out: Rect): Rect | undefined;
  /** Crane `i`'s jib tip, and what it is lifting (undefined: idle). */
  jibTip(i: number, out: Point): Point;
  craneTarget(i: number): Point | undefined;
  /** Whether a world rectangle is on screen (countdowns are drawn only there). */
  onScreen(r: Rect): boolean;
  /** When each sunk ship sank, by name. */
  sunkAt(name: string): number | undefined;
}

/** The most signals drawn at once; the newest win (a burst of watch notifications can be thousands). */
const MAX_SIGNALS = 260;
const MAX_TEXTS = 40;

/**
 * Everything drawn fresh each frame from timestamps: signals between components, traffic between
 * signal officers, crane cables, check-in pulses, smoke and countdowns on damaged containers,
 * ripples over a sinking ship, and the highlight rings of reduced motion. Its own render group,
 * so redrawing it does not rebuild the rest of the scene.
 */
export class FxLayer {
  readonly root = new Container({ isRenderGroup: true });
  private readonly under = new Graphics();
  private readonly sprites: Sprite[] = [];
  private readonly texts: Text[] = [];
  private readonly spriteLayer = new Container();
  private readonly textLayer = new Container();
  private used = 0;
  private usedTexts = 0;
  private readonly a: Point = { x: 0, y: 0 };
  private readonly b: Point = { x: 0, y: 0 };
  private readonly p: Point = { x: 0, y: 0 };
  private readonly r: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private readonly pulse = { r: 0, alpha: 0 };
  private readonly puff = { dx: 0, dy: 0, r: 0, alpha: 0 };
  /** How many signals were drawn last frame (for the probe and the bench). */
  signalsDrawn = 0;

  constructor(private readonly ctx: SceneContext) {
    this.root.label = 'effects';
    this.root.addChild(this.under, this.spriteLayer, this.textLayer);
  }

  /** Draws this frame's effects; returns whether anything is animating. */
  draw(
    snap: Snapshot,
    now: number,
    src: FxSource,
    reduced: boolean,
    boost: number,
    detail: Detail,
  ): boolean {
    const { colours, textures } = this.ctx;
    const g = this.under;
    g.clear();
    this.used = 0;
    this.usedTexts = 0;
    let active = false;
    const line = colours.line;
    const a = this.a;
    const b = this.b;
    const p = this.p;

    // Crane cables from the jib tips to the containers they lift.
    for (let i = 0; i < 2; i += 1) {
      const target = src.craneTarget(i);
      if (!target) continue;
      src.jibTip(i, a);
      g.moveTo(a.x, a.y)
        .lineTo(target.x, target.y)
        .stroke({ color: colours.outline, width: Math.max(1.5, line * 0.6) });
      active = true;
    }

    // Captains' check-ins: a radio pulse from the masthead.
    for (const ship of snap.ships) {
      if (ship.role !== 'cargo' || ship.sunk) continue;
      if (!pulseAt(now, ship.lastCheckIn, CHECKIN_MS, this.pulse)) continue;
      if (!src.anchor(`kubelet/${ship.name}`, a)) continue;
      const rect = src.shipRect(ship.name, this.r);
      if (!rect || !src.onScreen(rect)) continue;
      const mx = rect.x + 60;
      const my = rect.y + 18;
      active = true;
      if (reduced)
        g.circle(mx, my, 16).stroke({
          color: colours.signalLease,
          width: 4,
          alpha: this.pulse.alpha,
        });
      else
        g.circle(mx, my, 10 + this.pulse.r * 36).stroke({
          color: colours.signalLease,
          width: 3,
          alpha: this.pulse.alpha,
        });
    }

    // Signals: every request and watch notification between the bridge and a component.
    const messages = snap.messages;
    let drawn = 0;
    for (let i = messages.length - 1; i >= 0 && drawn < MAX_SIGNALS; i -= 1) {
      const m = messages[i]!;
      const t = signalProgress(now, m.sent, m.arrives);
      if (t < 0) continue;
      if (!src.anchor(m.from, a) || !src.anchor(m.to, b)) continue;
      drawn += 1;
      active = true;
      const kind = signalKind(m.from, m.kind, m.ok);
      const colour = signalColour(kind, colours);
      if (reduced) {
        const fade = 1 - t;
        g.moveTo(a.x, a.y)
          .lineTo(b.x, b.y)
          .stroke({ color: colour, width: 2.5 * boost, alpha: 0.25 + 0.5 * fade });
        this.sprite(textures.dot, b.x, b.y, 12 * boost, colour, 0.9);
        continue;
      }
      const dist = Math.hypot(b.x - a.x, b.y - a.y);
      arcPoint(a, b, t, Math.min(120, dist * 0.18), p);
      if (kind === 'slip') this.sprite(textures.slip, p.x, p.y, 22 * boost, 0xffffff, 1);
      else this.sprite(textures.dot, p.x, p.y, (kind === 'watch' ? 10 : 13) * boost, colour, 1);
    }
    this.signalsDrawn = drawn;

    // Traffic between ships, through their signal officers: a bottle crossing the water.
    for (const tr of snap.traffic) {
      const t = signalProgress(now, tr.sent, tr.arrives);
      if (t < 0) continue;
      if (!src.anchor(`kube-proxy/${tr.fromShip}`, a) || !src.anchor(`kube-proxy/${tr.toShip}`, b))
        continue;
      active = true;
      if (reduced) {
        g.moveTo(a.x, a.y)
          .lineTo(b.x, b.y)
          .stroke({ color: colours.traffic, width: 4 * boost, alpha: 0.8 * (1 - t) + 0.2 });
        continue;
      }
      const dist = Math.hypot(b.x - a.x, b.y - a.y);
      arcPoint(a, b, t, Math.min(160, dist * 0.25), p);
      g.moveTo(a.x, a.y)
        .lineTo(p.x, p.y)
        .stroke({ color: colours.traffic, width: 2 * boost, alpha: 0.35 });
      this.sprite(textures.bottle, p.x, p.y, 24 * boost, colours.traffic, 1);
    }

    // Damaged containers: smoke after a crash, a countdown to the next try, a flash on restart.
    for (const rec of src.boxes.effects) {
      if (!src.boxes.worldRect(rec, this.r)) continue;
      const r = this.r;
      if (!src.onScreen(r)) continue;
      const c = rec.c;
      const dt = now - c.since;
      if (rec.kind === 'crash' && dt >= 0 && dt < SMOKE_MS) {
        active = true;
        if (reduced) {
          g.rect(r.x - 3, r.y - 3, r.w + 6, r.h + 6).stroke({ color: colours.danger, width: 3 });
        } else {
          for (let k = 0; k < 4; k += 1) {
            smokePuff(now, c.since, k, 4, this.puff);
            if (this.puff.alpha <= 0) continue;
            const s = Math.min(1, r.w / 30);
            this.sprite(
              textures.puff,
              r.x + r.w / 2 + this.puff.dx * s,
              r.y + this.puff.dy * s,
              this.puff.r * 2 * s,
              colours.smoke,
              this.puff.alpha,
            );
          }
        }
      }
      if (
        (rec.kind === 'crash' || rec.kind === 'imagePull') &&
        c.backoffUntil !== undefined &&
        c.backoffUntil > now &&
        detail !== 'far'
      ) {
        active = true;
        const total = Math.max(1, c.backoffUntil - c.since);
        const left = Math.min(1, (c.backoffUntil - now) / total);
        const cx = r.x + r.w / 2;
        const cy = r.y + r.h / 2;
        const radius = Math.max(6, Math.min(r.w, r.h) * 0.42);
        g.moveTo(cx + radius, cy)
          .arc(cx, cy, radius, 0, Math.PI * 2 * left)
          .stroke({ color: colours.danger, width: 3 });
        if (detail === 'near' || r.w * boost >= 40) {
          const text = countdownText(c, now);
          if (text) this.text(text, cx, r.y - 10);
        }
      }
      if (rec.kind === 'running' && c.restarts > 0 && dt >= 0 && dt < RESTART_MS) {
        active = true;
        pulseAt(now, c.since, RESTART_MS, this.pulse);
        const grow = reduced ? 3 : 3 + this.pulse.r * 10;
        g.rect(r.x - grow, r.y - grow, r.w + grow * 2, r.h + grow * 2).stroke({
          color: colours.ok,
          width: 3,
          alpha: this.pulse.alpha,
        });
      }
    }

    // Sinking ships: rings on the water; reduced motion: a highlight around the wreck instead.
    for (const ship of snap.ships) {
      if (!ship.sunk) continue;
      const at = src.sunkAt(ship.name);
      if (at === undefined || now < at || now > at + 5_000) continue;
      const rect = src.shipRect(ship.name, this.r);
      if (!rect) continue;
      active = true;
      if (reduced) {
        if (now < at + HIGHLIGHT_MS)
          g.rect(rect.x, rect.y, rect.w, rect.h).stroke({ color: colours.danger, width: 6 });
        continue;
      }
      for (let k = 0; k < 3; k += 1) {
        if (!pulseAt(now, at + k * 900, 2_400, this.pulse)) continue;
        g.ellipse(
          rect.x + rect.w / 2,
          rect.y + 236,
          60 + this.pulse.r * 160,
          14 + this.pulse.r * 30,
        ).stroke({ color: colours.wave, width: 4, alpha: this.pulse.alpha });
      }
    }

    this.finish();
    return active;
  }

  private sprite(
    texture: Texture,
    x: number,
    y: number,
    size: number,
    tint: number,
    alpha: number,
  ): void {
    let s = this.sprites[this.used];
    if (!s) {
      s = new Sprite(texture);
      s.anchor.set(0.5);
      this.sprites.push(s);
      this.spriteLayer.addChild(s);
    }
    this.used += 1;
    if (s.texture !== texture) s.texture = texture;
    s.position.set(x, y);
    const aspect = texture.height / texture.width;
    s.setSize(size, size * aspect);
    s.tint = tint;
    s.alpha = alpha;
    if (!s.visible) s.visible = true;
  }

  private text(text: string, x: number, y: number): void {
    if (this.usedTexts >= MAX_TEXTS) return;
    let t = this.texts[this.usedTexts];
    if (!t) {
      t = label('', this.ctx.styles.countdown);
      this.texts.push(t);
      this.textLayer.addChild(t);
    }
    this.usedTexts += 1;
    setText(t, text);
    t.position.set(x, y);
    if (!t.visible) t.visible = true;
  }

  private finish(): void {
    for (let i = this.used; i < this.sprites.length; i += 1) {
      const s = this.sprites[i]!;
      if (s.visible) s.visible = false;
    }
    for (let i = this.usedTexts; i < this.texts.length; i += 1) {
      const t = this.texts[i]!;
      if (t.visible) t.visible = false;
    }
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

/** Signal colours by kind. */
export function signalColour(kind: SignalKind, colours: Palette): number {
  switch (kind) {
    case 'slip':
    case 'write':
      return colours.signalWrite;
    case 'read':
      return colours.signalRead;
    case 'watch':
      return colours.signalWatch;
    case 'ledger':
      return colours.signalLedger;
    case 'lease':
      return colours.signalLease;
    case 'failed':
      return colours.danger;
  }
}
