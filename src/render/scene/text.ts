import { Text, TextStyle } from 'pixi.js';
import type { Palette } from '../model/theme';

/** The label styles of a theme, created once per theme and shared by every Text. */
export type TextStyles = {
  readonly title: TextStyle;
  readonly label: TextStyle;
  readonly small: TextStyle;
  readonly onHull: TextStyle;
  readonly onHullSmall: TextStyle;
  readonly box: TextStyle;
  readonly mono: TextStyle;
  readonly ink: TextStyle;
  readonly inkSmall: TextStyle;
  readonly countdown: TextStyle;
};

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MONO = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';

/** Builds a theme's label styles (projector: larger and bold). */
export function textStyles(colours: Palette): TextStyles {
  const k = colours.textScale;
  const weight = colours.fontWeight;
  const shadow =
    colours.name === 'dark'
      ? { color: 0x000000, alpha: 0.6, blur: 2, distance: 1, angle: Math.PI / 2 }
      : false;
  const base = (
    size: number,
    fill: number,
    extra: Partial<ConstructorParameters<typeof TextStyle>[0]> = {},
  ) =>
    new TextStyle({
      fontFamily: FONT,
      fontSize: Math.round(size * k),
      fill,
      fontWeight: weight,
      dropShadow: shadow,
      ...extra,
    });
  return {
    title: base(22, colours.text, { fontWeight: 'bold' }),
    label: base(15, colours.text, {
      align: 'center',
      wordWrap: true,
      wordWrapWidth: 150 * k,
      lineHeight: Math.round(17 * k),
    }),
    small: base(12.5, colours.textMuted),
    onHull: base(19, colours.textOnHull, { fontWeight: 'bold', dropShadow: false }),
    onHullSmall: base(11.5, colours.textOnHull, { dropShadow: false }),
    box: base(12, 0x111111, { fontWeight: 'bold', dropShadow: false }),
    mono: new TextStyle({
      fontFamily: MONO,
      fontSize: Math.round(10.5 * k),
      fill: colours.text,
      lineHeight: Math.round(13 * k),
    }),
    ink: base(11, colours.ink, { dropShadow: false, fontFamily: MONO }),
    inkSmall: base(9.5, colours.ink, { dropShadow: false, fontFamily: MONO }),
    countdown: base(13, colours.danger, {
      fontWeight: 'bold',
      stroke: { color: 0xffffff, width: 3 },
      dropShadow: false,
    }),
  };
}

/** A Text label, crisp when zoomed in (resolution 2), anchored at its centre unless told. */
export function label(text: string, style: TextStyle, anchorX = 0.5, anchorY = 0.5): Text {
  const t = new Text({ text, style, resolution: 2 });
  t.anchor.set(anchorX, anchorY);
  return t;
}

/** Sets a Text's string only when it changed (a change re-rasterises the text). */
export function setText(t: Text, text: string): void {
  if (t.text !== text) t.text = text;
}

/** Scales a Text down (never up) so it is at most `maxWidth` wide and `maxHeight` tall (world units). */
export function fitText(t: Text, maxWidth: number, maxHeight = Infinity, base = 1): void {
  const w = t.width / (t.scale.x || 1);
  const h = t.height / (t.scale.y || 1);
  const k = Math.min(base, (maxWidth / Math.max(1, w)) * 1, maxHeight / Math.max(1, h));
  t.scale.set(Math.min(base, k));
}
