import { Container, Graphics, Rectangle, Text, type Renderer, type Texture } from 'pixi.js';
import type { BoxBadge, BoxTexture } from '../model/status';
import type { Palette } from '../model/theme';

/** Box textures are drawn at this size (pixels) and scaled to each slot. */
const BOX_W = 64;
const BOX_H = 40;

/**
 * Shared textures for the many small things (boxes, badges, signal dots, slips, smoke), drawn
 * once per theme and tinted per use, so a container is one sprite and batching stays cheap.
 */
export class SceneTextures {
  readonly box: Record<BoxTexture, Texture>;
  readonly badge: Record<Exclude<BoxBadge, 'none'>, Texture>;
  readonly dot: Texture;
  readonly slip: Texture;
  readonly bottle: Texture;
  readonly puff: Texture;
  readonly ring: Texture;
  private readonly owned: Texture[] = [];

  constructor(renderer: Renderer, colours: Palette) {
    const make = (target: Container, w: number, h: number): Texture => {
      const texture = renderer.generateTexture({
        target,
        frame: new Rectangle(0, 0, w, h),
        resolution: 2,
        antialias: true,
      });
      target.destroy({ children: true });
      this.owned.push(texture);
      return texture;
    };
    this.box = {
      solid: make(boxGraphic('solid'), BOX_W, BOX_H),
      outline: make(boxGraphic('outline'), BOX_W, BOX_H),
      hatched: make(boxGraphic('hatched'), BOX_W, BOX_H),
      dashed: make(boxGraphic('dashed'), BOX_W, BOX_H),
    };
    this.badge = {
      crack: make(badgeGraphic('crack', colours), 32, 32),
      question: make(badgeGraphic('question', colours), 32, 32),
      cross: make(badgeGraphic('cross', colours), 32, 32),
      check: make(badgeGraphic('check', colours), 32, 32),
      down: make(badgeGraphic('down', colours), 32, 32),
      bang: make(badgeGraphic('bang', colours), 32, 32),
    };
    this.dot = make(
      new Graphics()
        .circle(16, 16, 14)
        .fill(0xffffff)
        .circle(16, 16, 14)
        .stroke({ color: 0x000000, width: 3, alpha: 0.45 }),
      32,
      32,
    );
    this.ring = make(
      new Graphics().circle(32, 32, 28).stroke({ color: 0xffffff, width: 5 }),
      64,
      64,
    );
    this.puff = make(
      new Graphics().circle(16, 16, 15).fill({ color: 0xffffff, alpha: 0.9 }),
      32,
      32,
    );
    this.slip = make(
      new Graphics()
        .rect(2, 2, 28, 36)
        .fill(0xffffff)
        .rect(2, 2, 28, 36)
        .stroke({ color: 0x333333, width: 2 })
        .moveTo(7, 12)
        .lineTo(25, 12)
        .moveTo(7, 19)
        .lineTo(25, 19)
        .moveTo(7, 26)
        .lineTo(19, 26)
        .stroke({ color: 0x555555, width: 2 }),
      32,
      40,
    );
    this.bottle = make(
      new Graphics()
        .roundRect(4, 12, 24, 16, 6)
        .fill(0xffffff)
        .rect(27, 16, 6, 8)
        .fill(0xffffff)
        .roundRect(4, 12, 24, 16, 6)
        .stroke({ color: 0x000000, width: 2, alpha: 0.5 }),
      36,
      40,
    );
  }

  destroy(): void {
    for (const texture of this.owned) texture.destroy(true);
    this.owned.length = 0;
  }
}

function boxGraphic(kind: BoxTexture): Graphics {
  const g = new Graphics();
  const w = BOX_W;
  const h = BOX_H;
  const edge = 0xb0b0b0;
  switch (kind) {
    case 'solid':
      g.rect(1, 1, w - 2, h - 2).fill(0xffffff);
      for (let x = 12; x < w - 6; x += 10) g.moveTo(x, 5).lineTo(x, h - 5);
      g.stroke({ color: 0xd8d8d8, width: 3 });
      g.rect(2, 2, w - 4, h - 4).stroke({ color: edge, width: 4 });
      break;
    case 'outline':
      g.rect(2, 2, w - 4, h - 4).fill({ color: 0xffffff, alpha: 0.18 });
      g.rect(3, 3, w - 6, h - 6).stroke({ color: 0xffffff, width: 5 });
      break;
    case 'hatched':
      g.rect(2, 2, w - 4, h - 4).fill({ color: 0xffffff, alpha: 0.3 });
      // Diagonals from (s, h) to (s + h, 0), clipped to the box inside its border.
      for (let s = -h; s < w; s += 11) {
        const t0 = Math.max(0, (3 - s) / h, 3 / h);
        const t1 = Math.min(1, (w - 3 - s) / h, (h - 3) / h);
        if (t0 < t1) g.moveTo(s + h * t0, h - h * t0).lineTo(s + h * t1, h - h * t1);
      }
      g.stroke({ color: 0xffffff, width: 4 });
      g.rect(3, 3, w - 6, h - 6).stroke({ color: 0xffffff, width: 4 });
      break;
    case 'dashed':
      g.rect(2, 2, w - 4, h - 4).fill({ color: 0xffffff, alpha: 0.2 });
      for (let x = 3; x < w - 3; x += 12)
        g.moveTo(x, 4)
          .lineTo(Math.min(w - 3, x + 7), 4)
          .moveTo(x, h - 4)
          .lineTo(Math.min(w - 3, x + 7), h - 4);
      for (let y = 3; y < h - 3; y += 12)
        g.moveTo(4, y)
          .lineTo(4, Math.min(h - 3, y + 7))
          .moveTo(w - 4, y)
          .lineTo(w - 4, Math.min(h - 3, y + 7));
      g.stroke({ color: 0xffffff, width: 5 });
      break;
  }
  return g;
}

function badgeGraphic(kind: Exclude<BoxBadge, 'none'>, colours: Palette): Container {
  const root = new Container();
  const g = new Graphics();
  root.addChild(g);
  const disc = (color: number) =>
    g.circle(16, 16, 14).fill(color).circle(16, 16, 14).stroke({ color: 0xffffff, width: 3 });
  const glyph = (text: string) => {
    const t = new Text({
      text,
      style: {
        fontFamily: 'system-ui, sans-serif',
        fontSize: 22,
        fontWeight: 'bold',
        fill: 0xffffff,
      },
    });
    t.anchor.set(0.5);
    t.position.set(16, 17);
    root.addChild(t);
  };
  switch (kind) {
    case 'crack':
      disc(colours.danger);
      g.moveTo(10, 6)
        .lineTo(17, 14)
        .lineTo(12, 18)
        .lineTo(20, 27)
        .stroke({ color: 0xffffff, width: 3.5, cap: 'round', join: 'round' });
      break;
    case 'question':
      disc(colours.warning);
      glyph('?');
      break;
    case 'bang':
      disc(colours.warning);
      glyph('!');
      break;
    case 'cross':
      disc(colours.danger);
      g.moveTo(10, 10)
        .lineTo(22, 22)
        .moveTo(22, 10)
        .lineTo(10, 22)
        .stroke({ color: 0xffffff, width: 4, cap: 'round' });
      break;
    case 'check':
      disc(colours.ok);
      g.moveTo(9, 16)
        .lineTo(14, 22)
        .lineTo(23, 10)
        .stroke({ color: 0xffffff, width: 4, cap: 'round', join: 'round' });
      break;
    case 'down':
      disc(0x555555);
      g.moveTo(16, 8)
        .lineTo(16, 23)
        .moveTo(10, 17)
        .lineTo(16, 23)
        .lineTo(22, 17)
        .stroke({ color: 0xffffff, width: 3.5, cap: 'round', join: 'round' });
      break;
  }
  return root;
}

/** Aspect of the box texture (width / height). */
export const BOX_TEXTURE_ASPECT = BOX_W / BOX_H;
