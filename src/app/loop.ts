import type { Session } from '../store';

/**
 * The one animation loop (like tldraw's TickManager): each frame advances the session by the
 * frame's wall time, then lets the canvas draw. Returns a stop function.
 */
export function startLoop(session: Session, draw: () => void): () => void {
  let last = performance.now();
  let handle = 0;
  const tick = (time: number) => {
    session.frame(time - last);
    last = time;
    draw();
    handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(handle);
}
