import type { Renderer } from 'pixi.js';
import type { LabelMode } from '../../store';
import type { Palette } from '../model/theme';
import type { TextStyles } from './text';
import type { SceneTextures } from './textures';

/** What every part of the scene draws with: the theme, its label styles, shared textures, the label mode. */
export type SceneContext = {
  readonly renderer: Renderer;
  readonly colours: Palette;
  readonly styles: TextStyles;
  readonly textures: SceneTextures;
  readonly mode: LabelMode;
  /** Antialias cached textures (off on software rasterisers). */
  readonly smooth: boolean;
};
