import { loadScenario } from '../scenarios';
import { useUi } from '../store';

const KEY = 'shipshape.loadedScenarios';

/**
 * Scenarios loaded from files survive a reload of the same tab (sessionStorage), so a teacher's
 * file keeps its place in the picker and its link (`?scenario=file:<id>&step=3`) still opens.
 * Each is checked again on the way back in. Returns the unsubscribe function.
 */
export function keepLoadedScenarios(): () => void {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    if (Array.isArray(stored)) {
      for (const item of stored) {
        const result = loadScenario(JSON.stringify(item), 'stored scenario');
        if (result.ok) useUi.getState().addScenario(result.scenario);
      }
    }
  } catch {
    // Storage disabled or a damaged entry: start without the stored files.
  }
  let last = useUi.getState().loaded;
  return useUi.subscribe((state) => {
    if (state.loaded === last) return;
    last = state.loaded;
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state.loaded));
    } catch {
      // Full or disabled storage: the files just do not survive a reload.
    }
  });
}
