import { autoDetectRenderer } from 'pixi.js';
import type { Snapshot } from '../engine';
import { usePreferences } from '../store';
import type { Selection, Session } from '../store';
import { attachControls, type ContextMenuRequest } from './input/controls';
import { Tooltip } from './input/tooltip';
import { HarborScene, selectionKey } from './scene/scene';
import type { ChurnOptions } from './fixtures';

export type { ContextMenuRequest };

/** Options of `mountHarbor`. */
export type HarborOptions = {
  /** The session whose playback the canvas draws and whose selection it shows. */
  session: Session;
  /** Right-click or long-press on a ship or container. */
  onContextMenu?: (request: ContextMenuRequest) => void;
};

/** What tests and the bench can ask the canvas (`window.__harbor`): facts about what is drawn. */
export type HarborProbe = {
  /** The selection the overlay highlighted in the last rendered frame (`ship:ship-1`), or null. */
  highlighted(): string | null;
  /** Ships as drawn: screen rectangle, status, visibility, how far sunk (0..0.6). */
  ships(): ReturnType<HarborScene['shipProbe']>;
  /** Every visible text on the canvas. */
  texts(): string[];
  /** The semantic zoom level. */
  detail(): string | undefined;
  /** The simulated time of the last frame drawn (tests wait for it after moving time). */
  drawnAt(): number;
  /** Frames seen, frames rendered, and the last frames' scene times in ms. */
  stats(): { frames: number; rendered: number; boxes: number; signals: number; sceneMs: number[] };
  /** Screen rectangle of a target. */
  rect(target: Selection): { x: number; y: number; w: number; h: number } | undefined;
  /**
   * Draw a synthetic fleet instead of the session (benchmarks, demos, and development while the
   * engine cannot produce the scene yet): a fleet under churn, or the classroom fixture frozen at
   * one moment. null goes back to the session.
   */
  useSyntheticFleet(options: ChurnOptions | 'classroom' | null): Promise<void>;
};

/** A mounted harbor canvas. */
export type HarborView = {
  readonly canvas: HTMLCanvasElement;
  /** Draws one frame (call once per animation frame, after the session advanced). */
  draw(): void;
  /** Brings a ship, container or part into view. */
  focus(target: Selection): void;
  /** Fits the whole harbor on screen. */
  fit(): void;
  /** Screen margins covered by panels, so fit and focus aim at the open sea between them. */
  setInsets(insets: { top: number; right: number; bottom: number; left: number }): void;
  readonly probe: HarborProbe;
  destroy(): void;
};

declare global {
  interface Window {
    __harbor?: HarborProbe;
  }
}

/**
 * Mounts the WebGL harbor canvas in `host`. The scene reads the session's latest snapshot each
 * frame and writes back only the selection and hover.
 *
 * @example
 * const view = await mountHarbor(element, { session });
 * const stop = startLoop(session, () => view.draw());
 */
export async function mountHarbor(host: HTMLElement, options: HarborOptions): Promise<HarborView> {
  const { session } = options;
  const software = softwareWebGL();
  const renderer = await autoDetectRenderer({
    preference: 'webgl',
    // Multisampling is nearly free on a GPU and very dear on a software rasteriser (SwiftShader,
    // llvmpipe: school laptops without a usable GPU, headless tests): there, edges go unsmoothed.
    antialias: !software,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    autoDensity: true,
    width: Math.max(1, host.clientWidth),
    height: Math.max(1, host.clientHeight),
  });
  const canvas = renderer.canvas as HTMLCanvasElement;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'harbor map');
  canvas.setAttribute(
    'aria-label',
    'Harbor canvas. Plus and minus zoom, arrow keys pan, 0 fits the whole harbor. The fleet outline lists everything drawn here.',
  );
  canvas.style.display = 'block';
  canvas.style.outlineOffset = '-4px';
  host.appendChild(canvas);

  const state = () => session.store.getState();
  const live = liveSnapshots(session);
  let source: () => Snapshot = live.snapshot;
  let clock: () => number = live.now;
  const prefs = () => usePreferences.getState();
  const scene = new HarborScene(
    renderer,
    {
      snapshot: () => source(),
      now: () => clock(),
      theme: () => prefs().theme,
      labels: () => prefs().labels,
      reducedMotion: () => prefs().reducedMotion,
      selection: () => state().selection,
      hover: () => state().hover,
    },
    !software,
  );
  const tooltip = new Tooltip(host);
  let tooltipTheme = '';
  const detach = attachControls({
    canvas,
    scene,
    tooltip,
    select: (target) => state().select(target),
    setHover: (target) => state().setHover(target),
    ...(options.onContextMenu ? { onContextMenu: options.onContextMenu } : {}),
  });

  const resize = () => {
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    renderer.resize(w, h);
    scene.resize(w, h);
  };
  resize();
  const observer = new ResizeObserver(resize);
  observer.observe(host);

  let last = performance.now();
  let shownHighlight = '';
  let synthetic: { stop: () => void } | undefined;

  const probe: HarborProbe = {
    highlighted: () => scene.highlighted,
    ships: () => scene.shipProbe(),
    texts: () => scene.visibleTexts(),
    detail: () => scene.detailLevel(),
    drawnAt: () => scene.drawnAt(),
    stats: () => ({
      frames: scene.stats.frames,
      rendered: scene.stats.rendered,
      boxes: scene.boxes.count(),
      signals: scene.signalsDrawn(),
      sceneMs: [...scene.stats.samples],
    }),
    rect: (target) => scene.screenRect(target),
    useSyntheticFleet: async (fleet) => {
      synthetic?.stop();
      synthetic = undefined;
      if (!fleet) {
        source = live.snapshot;
        clock = live.now;
        return;
      }
      const { churnSnapshot, classroomSnapshot } = await import('./fixtures');
      if (fleet === 'classroom') {
        const frozen = classroomSnapshot(60_000);
        source = () => frozen;
        clock = () => frozen.now;
        return;
      }
      // Simulated time runs with the wall clock; the fleet's data refreshes about 10 times a
      // second, as the store's projection does, and the canvas animates in between.
      let simNow = 60_000;
      let lastWall = performance.now();
      let cached: Snapshot | undefined;
      let cachedWall = -Infinity;
      clock = () => {
        const wall = performance.now();
        simNow += Math.min(250, wall - lastWall);
        lastWall = wall;
        return Math.round(simNow);
      };
      source = () => {
        const wall = performance.now();
        if (!cached || wall - cachedWall >= 100) {
          cached = churnSnapshot(Math.round(simNow), fleet);
          cachedWall = wall;
        }
        return cached;
      };
      synthetic = { stop: () => undefined };
    },
  };
  Object.defineProperty(window, '__harbor', { value: probe, configurable: true });

  return {
    canvas,
    probe,
    draw() {
      const wall = performance.now();
      const dt = Math.min(250, wall - last);
      last = wall;
      scene.frame(dt);
      const theme = scene.palette().name;
      if (theme !== tooltipTheme) {
        tooltipTheme = theme;
        tooltip.theme(scene.palette());
      }
      const highlight = scene.highlighted ?? '';
      if (highlight !== shownHighlight) {
        shownHighlight = highlight;
        host.dataset.highlighted = highlight;
      }
    },
    focus: (target) => scene.focus(target),
    fit: () => scene.fit(),
    setInsets: (insets) => scene.setInsets(insets),
    destroy() {
      observer.disconnect();
      detach();
      tooltip.destroy();
      synthetic?.stop();
      if (window.__harbor === probe) delete window.__harbor;
      scene.destroy();
      renderer.destroy({ removeView: true });
    },
  };
}

export { selectionKey };

/** Whether WebGL here runs on a software rasteriser (read once from a throwaway context). */
function softwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ??
      canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

/** Above this cost (ms) a snapshot is not rebuilt every frame while playing: see `liveSnapshots`. */
const COSTLY_SNAPSHOT_MS = 5;

/**
 * The session's snapshots for the canvas. A snapshot is cached by the engine until time moves, so
 * while playing every frame would rebuild it; for a small fleet that is cheap and the canvas takes
 * a fresh one each frame. When a rebuild costs more than a few milliseconds (thousands of pods),
 * the canvas takes the one the store refreshes for the panels (about 10 times a second, free from
 * the cache in the same frame) and animates between refreshes from `playback.now()`: every
 * animation is a function of simulated time, so movement stays smooth.
 */
function liveSnapshots(session: Session): { snapshot: () => Snapshot; now: () => number } {
  let snap: Snapshot | undefined;
  let storeView: Snapshot | undefined;
  let costly = false;
  return {
    snapshot: () => {
      const state = session.store.getState();
      const playback = state.playback;
      if (!snap || !costly || !playback.playing || state.view !== storeView) {
        const started = performance.now();
        snap = playback.snapshot();
        const cost = performance.now() - started;
        // Judge the cost only of a snapshot built for the canvas (not the store's, from the cache).
        if (snap !== state.view)
          costly = cost > COSTLY_SNAPSHOT_MS ? true : cost < 1 ? false : costly;
        storeView = state.view;
      }
      return snap;
    },
    now: () => session.store.getState().playback.now(),
  };
}
