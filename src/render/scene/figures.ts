import type { Graphics } from 'pixi.js';

/** A crew member seen from the side: feet at (x, feetY), `h` tall. */
export function drawPerson(
  g: Graphics,
  x: number,
  feetY: number,
  h: number,
  body: number,
  hat: number | undefined,
  outline: number,
): void {
  const head = h * 0.22;
  const headY = feetY - h + head;
  g.roundRect(x - h * 0.16, feetY - h * 0.62, h * 0.32, h * 0.4, h * 0.08).fill(body);
  g.rect(x - h * 0.13, feetY - h * 0.24, h * 0.1, h * 0.24).fill(outline);
  g.rect(x + h * 0.03, feetY - h * 0.24, h * 0.1, h * 0.24).fill(outline);
  g.circle(x, headY, head)
    .fill(0xf1c27d)
    .circle(x, headY, head)
    .stroke({ color: outline, width: Math.max(1, h * 0.04) });
  if (hat !== undefined) {
    g.roundRect(x - head * 1.1, headY - head * 1.25, head * 2.2, head * 0.75, head * 0.2).fill(hat);
    g.rect(x - head * 0.2, headY - head * 0.7, head * 1.6, head * 0.28).fill(hat);
  }
}

/** A lattice tower from (x, baseY) up to topY, `w` wide. */
export function drawLattice(
  g: Graphics,
  x: number,
  baseY: number,
  topY: number,
  w: number,
  colour: number,
  line: number,
): void {
  g.moveTo(x, baseY)
    .lineTo(x, topY)
    .moveTo(x + w, baseY)
    .lineTo(x + w, topY);
  const step = w * 1.2;
  for (let y = baseY; y > topY + step / 2; y -= step) {
    g.moveTo(x, y)
      .lineTo(x + w, y - step)
      .moveTo(x + w, y)
      .lineTo(x, y - step);
  }
  g.stroke({ color: colour, width: line });
}

/** A grid of windows in a rectangle. */
export function drawWindows(
  g: Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  rows: number,
  cols: number,
  colour: number,
): void {
  const gw = w / cols;
  const gh = h / rows;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      g.roundRect(x + c * gw + gw * 0.18, y + r * gh + gh * 0.2, gw * 0.64, gh * 0.55, 2).fill(
        colour,
      );
    }
  }
}

/** A pennant flag flying right from the point (x, y) on a halyard. */
export function drawPennant(
  g: Graphics,
  x: number,
  y: number,
  size: number,
  colour: number,
  outline: number,
  line: number,
): void {
  g.poly([x, y, x + size * 1.4, y + size * 0.45, x, y + size * 0.9]).fill(colour);
  g.poly([x, y, x + size * 1.4, y + size * 0.45, x, y + size * 0.9]).stroke({
    color: outline,
    width: line * 0.5,
  });
}
