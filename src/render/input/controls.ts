import type { Selection } from '../../store';
import type { HarborScene } from '../scene/scene';
import { selectionKey } from '../scene/scene';
import type { Tooltip } from './tooltip';

/** A request to open the context menu for a target at a point (client coordinates). */
export type ContextMenuRequest = { target: Selection; x: number; y: number };

export type ControlsOptions = {
  canvas: HTMLCanvasElement;
  scene: HarborScene;
  tooltip: Tooltip;
  select(target: Selection | null): void;
  setHover(target: Selection | null): void;
  onContextMenu?: (request: ContextMenuRequest) => void;
};

const DRAG_THRESHOLD = 6;
const LONG_PRESS_MS = 550;

/**
 * Pointer, wheel and keyboard input on the canvas: drag to pan, wheel or pinch to zoom, click to
 * select, hover for a tooltip, right-click or long-press for the context menu; on the focused
 * canvas, + and − zoom, the arrows pan, 0 fits the harbor, Escape clears the selection.
 * Returns a function that removes every listener.
 */
export function attachControls(options: ControlsOptions): () => void {
  const { canvas, scene, tooltip } = options;
  const pointers = new Map<number, { x: number; y: number }>();
  let press: { id: number; x: number; y: number; moved: boolean; long: boolean } | undefined;
  let longTimer: ReturnType<typeof setTimeout> | undefined;
  let pinch: { d: number; mx: number; my: number } | undefined;
  let hoverKey = '';

  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const cancelLong = () => {
    if (longTimer !== undefined) clearTimeout(longTimer);
    longTimer = undefined;
  };
  const setHover = (target: Selection | null, e?: { clientX: number; clientY: number }) => {
    const k = selectionKey(target);
    if (k !== hoverKey) {
      hoverKey = k;
      options.setHover(target);
    }
    if (target && e) tooltip.show(scene.describe(target), e.clientX, e.clientY);
    else tooltip.hide();
  };
  const pinchState = () => {
    const [a, b] = [...pointers.values()];
    if (!a || !b) return undefined;
    return { d: Math.hypot(a.x - b.x, a.y - b.y), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    canvas.setPointerCapture?.(e.pointerId);
    const p = local(e);
    pointers.set(e.pointerId, p);
    if (pointers.size === 2) {
      cancelLong();
      press = undefined;
      pinch = pinchState();
      return;
    }
    press = { id: e.pointerId, x: p.x, y: p.y, moved: false, long: false };
    if (e.pointerType !== 'mouse') {
      cancelLong();
      longTimer = setTimeout(() => {
        if (!press || press.moved) return;
        press.long = true;
        const target = scene.hitTest(press.x, press.y);
        if (target) options.onContextMenu?.({ target, x: e.clientX, y: e.clientY });
      }, LONG_PRESS_MS);
    }
  };

  const onMove = (e: PointerEvent) => {
    const p = local(e);
    if (pointers.has(e.pointerId)) {
      const prev = pointers.get(e.pointerId)!;
      pointers.set(e.pointerId, p);
      if (pointers.size === 2 && pinch) {
        const next = pinchState();
        if (next && pinch.d > 0) {
          scene.zoomBy(next.d / pinch.d, next.mx, next.my);
          scene.panBy(next.mx - pinch.mx, next.my - pinch.my);
          pinch = next;
        }
        return;
      }
      if (press && press.id === e.pointerId) {
        if (!press.moved && Math.hypot(p.x - press.x, p.y - press.y) > DRAG_THRESHOLD) {
          press.moved = true;
          cancelLong();
          setHover(null);
          canvas.style.cursor = 'grabbing';
        }
        if (press.moved) scene.panBy(p.x - prev.x, p.y - prev.y, true);
        return;
      }
    }
    if (e.pointerType === 'mouse' && e.buttons === 0) {
      const target = scene.hitTest(p.x, p.y);
      canvas.style.cursor = target ? 'pointer' : 'grab';
      setHover(target, e);
    }
  };

  const onUp = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = undefined;
    cancelLong();
    if (press && press.id === e.pointerId) {
      const { moved, long, x, y } = press;
      press = undefined;
      canvas.style.cursor = 'grab';
      if (!moved && !long) options.select(scene.hitTest(x, y));
    }
  };

  const onLeave = () => setHover(null);

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = local(e);
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    scene.zoomBy(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0015)), p.x, p.y);
    tooltip.hide();
  };

  const onContext = (e: MouseEvent) => {
    e.preventDefault();
    const p = local(e);
    const target = scene.hitTest(p.x, p.y);
    tooltip.hide();
    if (target) options.onContextMenu?.({ target, x: e.clientX, y: e.clientY });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = 90;
    switch (e.key) {
      case '+':
      case '=':
        scene.zoomBy(1.25);
        break;
      case '-':
      case '_':
        scene.zoomBy(0.8);
        break;
      case 'ArrowLeft':
        scene.panBy(step, 0);
        break;
      case 'ArrowRight':
        scene.panBy(-step, 0);
        break;
      case 'ArrowUp':
        scene.panBy(0, step);
        break;
      case 'ArrowDown':
        scene.panBy(0, -step);
        break;
      case '0':
        scene.fit();
        break;
      case 'Escape':
        options.select(null);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  canvas.style.cursor = 'grab';
  canvas.style.touchAction = 'none';
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('contextmenu', onContext);
  canvas.addEventListener('keydown', onKey);
  return () => {
    cancelLong();
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onUp);
    canvas.removeEventListener('pointerleave', onLeave);
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('contextmenu', onContext);
    canvas.removeEventListener('keydown', onKey);
  };
}
