import type { KeyboardEvent } from 'react';
import { usePreferences, type Theme } from '../../store';

/**
 * Keys typed into a text field belong to it: arrows, Space, PageUp/PageDown, digits, F and ?
 * must not also step the lesson or go full screen. Escape still reaches the app (leave
 * presentation mode), unless the field used it.
 */
export function keepKeysLocal(event: KeyboardEvent): void {
  if (event.key !== 'Escape') event.stopPropagation();
}

/** The panel's colour theme (light, dark, projector), from the viewer's preferences. */
export function usePanelTheme(): Theme {
  return usePreferences((p) => p.theme);
}
