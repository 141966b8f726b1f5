import { create } from 'zustand';
import { scenarioById, scenarios, type Scenario } from '../scenarios';

/** The panels over the canvas that a user can fold away. */
export type PanelId = 'lesson' | 'tools';

/** A message for the user that stays until dismissed (a bad link, a loaded file). */
export type UiNotice = {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
};

type UiState = {
  /** Presentation mode: large captions over the canvas, panels hidden, slide-like keys. */
  presenting: boolean;
  /** The keyboard help dialog is open. */
  keysOpen: boolean;
  /** Entering a step plays it (a step with a prediction question waits for "next" or Play). */
  autoplay: boolean;
  collapsed: Readonly<Record<PanelId, boolean>>;
  notices: readonly UiNotice[];
  /** Scenarios loaded from teachers' files during this session, in the order they were loaded. */
  loaded: readonly Scenario[];
  /** The last file that could not be loaded, with every problem found in it. */
  loadErrors: { readonly file: string; readonly errors: readonly string[] } | null;
  /** This window's presenter channel id (the presenter window joins it). */
  channel: string | undefined;
  setPresenting: (on: boolean) => void;
  setKeysOpen: (open: boolean) => void;
  setAutoplay: (on: boolean) => void;
  toggleCollapsed: (panel: PanelId) => void;
  notify: (text: string, tone?: UiNotice['tone']) => void;
  dismiss: (id: number) => void;
  /** Adds a scenario from a file (replacing an earlier file's scenario with the same id). */
  addScenario: (scenario: Scenario) => void;
  setLoadErrors: (loadErrors: UiState['loadErrors']) => void;
};

let nextNotice = 1;

/** State of the interface itself (not of the simulation): modes, folded panels, notices, loaded files. */
export const useUi = create<UiState>()((set) => ({
  presenting: false,
  keysOpen: false,
  autoplay: true,
  collapsed: { lesson: false, tools: false },
  notices: [],
  loaded: [],
  loadErrors: null,
  channel: undefined,
  setPresenting: (presenting) => set({ presenting }),
  setKeysOpen: (keysOpen) => set({ keysOpen }),
  setAutoplay: (autoplay) => set({ autoplay }),
  toggleCollapsed: (panel) =>
    set((s) => ({ collapsed: { ...s.collapsed, [panel]: !s.collapsed[panel] } })),
  notify: (text, tone = 'warning') =>
    set((s) => ({ notices: [...s.notices, { id: nextNotice++, text, tone }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  addScenario: (scenario) =>
    set((s) => ({ loaded: [...s.loaded.filter((l) => l.id !== scenario.id), scenario] })),
  setLoadErrors: (loadErrors) => set({ loadErrors }),
}));

/** Picker keys: a built-in scenario by its id, a file's scenario as `file:<id>` (ids may repeat). */
export function scenarioKey(scenario: Scenario): string {
  return scenarios.includes(scenario) ? scenario.id : `file:${scenario.id}`;
}

/** The scenario a picker key names, built-in or loaded from a file this session. */
export function scenarioByKey(key: string): Scenario | undefined {
  if (key.startsWith('file:')) return useUi.getState().loaded.find((s) => s.id === key.slice(5));
  return scenarioById(key);
}
