import { useUi } from '../../store';

/** Whether the page is full screen now. */
export function isFullscreen(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.fullscreenElement !== null &&
    document.fullscreenElement !== undefined
  );
}

let leavingOnPurpose = false;

/**
 * Asks for full screen. Browsers allow it only from a key press or a click, and some kiosks not
 * at all: presentation mode works without it, so a refusal is not an error.
 */
export function requestFullscreen(): void {
  const root = document.documentElement;
  if (isFullscreen() || typeof root.requestFullscreen !== 'function') return;
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

export function exitFullscreen(): void {
  if (!isFullscreen()) return;
  leavingOnPurpose = true;
  document.exitFullscreen().catch(() => {
    leavingOnPurpose = false;
  });
}

export function toggleFullscreen(): void {
  if (isFullscreen()) exitFullscreen();
  else requestFullscreen();
}

/** Enters presentation mode: large captions, panels hidden, full screen when the browser allows. */
export function enterPresentation(): void {
  useUi.getState().setPresenting(true);
  requestFullscreen();
}

export function leavePresentation(): void {
  useUi.getState().setPresenting(false);
  exitFullscreen();
}

/**
 * Esc in full screen is taken by the browser (it leaves full screen and the page never sees the
 * key), so leaving full screen that we did not ask for also leaves presentation mode.
 * Returns the unsubscribe function.
 */
export function watchFullscreen(): () => void {
  const onChange = () => {
    if (isFullscreen()) return;
    const onPurpose = leavingOnPurpose;
    leavingOnPurpose = false;
    if (!onPurpose && useUi.getState().presenting) useUi.getState().setPresenting(false);
  };
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
