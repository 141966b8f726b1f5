import { useEffect, useId } from 'react';
import { LABEL_MODES, THEMES, usePreferences, type LabelMode, type Theme } from '../../store';
import './settings.css';

const LABEL_TEXT: Record<LabelMode, string> = {
  analogy: 'Analogy (Captain)',
  kubernetes: 'Kubernetes (kubelet)',
  both: 'Both (Captain (kubelet))',
};

const THEME_TEXT: Record<Theme, string> = {
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector (high contrast)',
};

/** Display settings: which names to show, the colour theme, reduced motion. */
export function Settings() {
  const labels = usePreferences((s) => s.labels);
  const theme = usePreferences((s) => s.theme);
  const reducedMotion = usePreferences((s) => s.reducedMotion);
  const setLabels = usePreferences((s) => s.setLabels);
  const setTheme = usePreferences((s) => s.setTheme);
  const setReducedMotion = usePreferences((s) => s.setReducedMotion);
  const id = useId();
  return (
    <section className="settings" aria-label="Display settings">
      <div className="settings-field">
        <label htmlFor={`${id}-labels`}>Labels</label>
        <select
          id={`${id}-labels`}
          value={labels}
          onChange={(e) => setLabels(e.target.value as LabelMode)}
        >
          {LABEL_MODES.map((m) => (
            <option key={m} value={m}>
              {LABEL_TEXT[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-field">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(e) => setTheme(e.target.value as Theme)}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_TEXT[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-field settings-check">
        <input
          id={`${id}-motion`}
          type="checkbox"
          checked={reducedMotion}
          onChange={(e) => setReducedMotion(e.target.checked)}
        />
        <label htmlFor={`${id}-motion`}>Reduced motion</label>
      </div>
    </section>
  );
}

/** Follows the system's reduced-motion setting when it changes while the app is open. */
export function useSystemReducedMotion(): void {
  const setReducedMotion = usePreferences((s) => s.setReducedMotion);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const onChange = () => setReducedMotion(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setReducedMotion]);
}
