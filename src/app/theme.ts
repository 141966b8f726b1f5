import { usePreferences, useUi } from '../store';

/**
 * Mirrors the viewer's preferences and the mode onto <html> (data-theme, data-reduced-motion,
 * data-presenting), where the stylesheets read them. Returns the unsubscribe function.
 */
export function startThemeSync(): () => void {
  const root = document.documentElement;
  const apply = () => {
    const { theme, reducedMotion } = usePreferences.getState();
    root.dataset.theme = theme;
    root.dataset.reducedMotion = String(reducedMotion);
    root.dataset.presenting = String(useUi.getState().presenting);
  };
  apply();
  const stops = [usePreferences.subscribe(apply), useUi.subscribe(apply)];
  return () => stops.forEach((stop) => stop());
}
