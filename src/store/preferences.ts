import { create } from 'zustand';

/** How names are shown: the analogy, Kubernetes' own, or both ("Captain (kubelet)"). */
export type LabelMode = 'analogy' | 'kubernetes' | 'both';
/** Colour themes; `projector` is high contrast with thick lines and large labels. */
export type Theme = 'light' | 'dark' | 'projector';

type Preferences = {
  labels: LabelMode;
  theme: Theme;
  setLabels: (labels: LabelMode) => void;
  setTheme: (theme: Theme) => void;
};

/** The viewer's display preferences. */
export const usePreferences = create<Preferences>()((set) => ({
  labels: 'both',
  theme: 'dark',
  setLabels: (labels) => set({ labels }),
  setTheme: (theme) => set({ theme }),
}));
