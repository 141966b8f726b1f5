import { useEffect } from 'react';
import type { LessonCommand } from '../../store';
import { keyAction, targetKeepsKey, type FocusTarget } from './keys';

type Handlers = {
  run: (command: LessonCommand) => void;
  presenting: () => boolean;
  fullscreen: () => void;
  leave: () => void;
  help: () => void;
  /** While a dialog is open the keys are its own. */
  blocked: () => boolean;
};

function focusTarget(target: EventTarget | null): FocusTarget | null {
  if (!(target instanceof Element)) return null;
  return {
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target instanceof HTMLElement && target.isContentEditable,
    role: target.getAttribute('role'),
  };
}

/**
 * Slide-software keys on the whole window (→ Space PageDown, ← PageUp, Home, End, 1–9, F, Esc, ?),
 * except while typing in a field (the console), moving a slider or choosing in a select.
 */
export function useLessonKeys(handlers: Handlers): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || handlers.blocked()) return;
      if (targetKeepsKey(focusTarget(e.target), e.key)) return;
      const action = keyAction(e, handlers.presenting());
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'lesson') handlers.run(action.command);
      else if (action.kind === 'fullscreen') handlers.fullscreen();
      else if (action.kind === 'leave') handlers.leave();
      else handlers.help();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
