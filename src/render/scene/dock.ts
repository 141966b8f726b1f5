import { Container, Graphics, type Text } from 'pixi.js';
import type { ServiceView } from '../../engine';
import { partName } from '../model/labels';
import type { Point, Rect } from '../model/layout';
import { labelBoost, type Detail } from '../model/zoom';
import type { BoxGroup } from './boxes';
import type { SceneContext } from './context';
import { drawPerson } from './figures';
import { fitText, label, setText } from './text';

const INSET = { x: 14, y: 44, right: 14, bottom: 14 };

/** The dock (quay) where new containers wait for the cranes, with the harbour master's hut. */
export class DockNode implements BoxGroup {
  readonly key = 'dock';
  readonly root = new Container({ isRenderGroup: true });
  readonly layer = new Container();
  readonly area: { w: number; h: number };
  private readonly title: Text;
  private readonly more: Text;
  private readonly consoleLabel: Text;
  private readonly detailParts = new Container();

  constructor(
    private rect: Rect,
    ctx: SceneContext,
  ) {
    const { colours, styles, mode } = ctx;
    this.root.label = 'dock';
    this.area = { w: rect.w - INSET.x - INSET.right, h: rect.h - INSET.y - INSET.bottom };
    const g = new Graphics();
    g.rect(0, 0, rect.w, rect.h)
      .fill(colours.dock)
      .rect(0, 0, rect.w, rect.h)
      .stroke({ color: colours.dockEdge, width: colours.line });
    for (let x = 24; x < rect.w; x += 60) g.rect(x, rect.h - 6, 14, 10).fill(colours.dockEdge);
    g.rect(INSET.x - 4, INSET.y - 4, this.area.w + 8, this.area.h + 8).stroke({
      color: colours.dockEdge,
      width: 1.5,
      alpha: 0.8,
    });
    // The harbour master's hut, where kubectl and etcdctl come from.
    const hx = rect.w - 56;
    g.rect(hx, -48, 44, 40)
      .fill(colours.superstructure)
      .rect(hx, -48, 44, 40)
      .stroke({ color: colours.outline, width: 2 });
    g.poly([hx - 6, -48, hx + 22, -66, hx + 50, -48]).fill(colours.hullStripe);
    g.rect(hx + 6, -40, 14, 12).fill(colours.window);
    drawPerson(g, hx - 12, -6, 30, 0x264653, undefined, colours.outline);
    this.title = label(partName('dock', mode), styles.label, 0, 0);
    this.title.style = styles.small;
    this.title.position.set(INSET.x, 10);
    fitText(this.title, rect.w * 0.56, 22);
    this.more = label('', styles.small, 1, 0);
    this.more.position.set(rect.w - INSET.right, 10);
    this.consoleLabel = label(partName('console', mode), styles.small, 1, 1);
    this.consoleLabel.position.set(rect.w - 62, -30);
    fitText(this.consoleLabel, rect.w - 70, 22);
    this.layer.position.set(INSET.x, INSET.y);
    this.detailParts.addChild(this.consoleLabel);
    this.root.addChild(g, this.title, this.more, this.layer, this.detailParts);
    this.root.position.set(rect.x, rect.y);
  }

  origin(out: Point): Point {
    out.x = this.root.x + INSET.x;
    out.y = this.root.y + INSET.y;
    return out;
  }

  markDirty(): void {
    // The dock is not cached: boxes come and go too often for a cache to pay off.
  }

  moveTo(rect: Rect): void {
    this.rect = rect;
    this.root.position.set(rect.x, rect.y);
  }

  /** Where the cranes pick a container up: the dock's edge nearest the ships, spread by id. */
  pickup(hash: number, out: Point): Point {
    out.x = this.root.x + INSET.x + (hash % Math.max(1, Math.floor(this.area.w)));
    out.y = this.root.y + this.rect.h - INSET.bottom - 20;
    return out;
  }

  setWaiting(waiting: number, overflow: number): void {
    setText(
      this.more,
      waiting ? `${waiting} waiting${overflow ? ` (+${overflow} not shown)` : ''}` : '',
    );
    fitText(this.more, this.rect.w * 0.4, 20);
  }

  setDetail(detail: Detail, scale: number): void {
    this.detailParts.visible = detail !== 'far';
    const boost = labelBoost(scale);
    this.title.scale.set(boost);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

/** A Service as a named buoy: its name, ClusterIP and endpoints. */
export class BuoyNode {
  readonly root = new Container();
  private readonly name: Text;
  private readonly info: Text;
  private signature = '';
  private far = false;
  private nameScale = 0.8;
  private service: ServiceView;

  constructor(
    service: ServiceView,
    private readonly ctx: SceneContext,
  ) {
    const { colours, styles } = ctx;
    this.service = service;
    this.root.label = `service:${service.namespace}/${service.name}`;
    const g = new Graphics();
    g.ellipse(0, 16, 30, 8).fill({ color: colours.wave, alpha: 0.6 });
    g.roundRect(-16, -22, 32, 38, 8).fill(colours.buoy);
    g.rect(-16, -8, 32, 8).fill(colours.buoyStripe);
    g.roundRect(-16, -22, 32, 38, 8).stroke({ color: colours.outline, width: colours.line * 0.75 });
    g.moveTo(0, -22).lineTo(0, -44).stroke({ color: colours.outline, width: 2 });
    g.circle(0, -46, 5).fill(colours.windowLit);
    this.name = label('', styles.label, 0.5, 0);
    this.name.style = styles.title;
    this.name.scale.set(0.8);
    this.name.position.set(0, 22);
    this.info = label('', styles.small, 0.5, 0);
    this.info.position.set(0, 46);
    this.root.addChild(g, this.name, this.info);
    this.update(service);
  }

  update(service: ServiceView): void {
    this.service = service;
    const ready = service.endpoints.filter((e) => e.ready).length;
    const sig = `${service.name}|${service.clusterIP}|${ready}|${service.endpoints.length}|${this.ctx.mode}|${this.far}`;
    if (sig === this.signature) return;
    this.signature = sig;
    setText(
      this.name,
      this.far ? service.name : `${partName('buoy', this.ctx.mode)} ${service.name}`,
    );
    setText(
      this.info,
      `${service.clusterIP ?? 'None'} · ${ready} endpoint${ready === 1 ? '' : 's'}`,
    );
    fitText(this.name, 200, Infinity, this.nameScale);
    fitText(this.info, 200);
  }

  setDetail(detail: Detail, scale: number): void {
    this.far = detail === 'far';
    this.info.visible = !this.far;
    this.nameScale = 0.8 * Math.min(1.3, labelBoost(scale));
    this.signature = '';
    this.update(this.service);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}
