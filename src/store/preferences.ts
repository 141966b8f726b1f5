import { create } from 'zustand';

/** How names are shown: the analogy, Kubernetes' own, or both ("Captain (kubelet)"). */
export type LabelMode = 'analogy' | 'kubernetes' | 'both';
/** Colour themes; `projector` is high contrast with thick lines and large labels. */
export type Theme = 'light' | 'dark' | 'projector';

export const LABEL_MODES: readonly LabelMode[] = ['analogy', 'kubernetes', 'both'];
export const THEMES: readonly Theme[] = ['light', 'dark', 'projector'];

type Preferences = {
  labels: LabelMode;
  theme: Theme;
  /** Replace motion with instant changes plus a highlight (also on when the OS asks for it). */
  reducedMotion: boolean;
  setLabels: (labels: LabelMode) => void;
  setTheme: (theme: Theme) => void;
  setReducedMotion: (on: boolean) => void;
};

function systemPrefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The viewer's display preferences. */
export const usePreferences = create<Preferences>()((set) => ({
  labels: 'both',
  theme: 'dark',
  reducedMotion: systemPrefersReducedMotion(),
  setLabels: (labels) => set({ labels }),
  setTheme: (theme) => set({ theme }),
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
}));

/** The parts of the harbor that have a name in both vocabularies (DESIGN.md section 1). */
export type Part =
  | 'fleet'
  | 'controlShip'
  | 'bridge'
  | 'ledger'
  | 'clerk'
  | 'cranes'
  | 'operations'
  | 'cargoOffice'
  | 'servicesOffice'
  | 'cargoShip'
  | 'captain'
  | 'deckCrew'
  | 'signalOfficer'
  | 'container'
  | 'buoy'
  | 'dock'
  | 'flag'
  | 'destination'
  | 'checkIn'
  | 'console'
  | 'rules';

type Naming = { analogy: string; kubernetes: string; both?: string };

/** Each part's name in the analogy and in Kubernetes; render and ui both label with these. */
export const PART_NAMES: Readonly<Record<Part, Naming>> = {
  fleet: { analogy: 'Fleet', kubernetes: 'cluster' },
  controlShip: {
    analogy: 'Control ship',
    kubernetes: 'control plane (formerly master)',
    both: 'Control ship (control plane, formerly master)',
  },
  bridge: { analogy: 'Bridge', kubernetes: 'kube-apiserver' },
  ledger: { analogy: 'Ledger', kubernetes: 'etcd' },
  clerk: { analogy: 'Clerk', kubernetes: 'etcd member' },
  cranes: { analogy: 'Cranes', kubernetes: 'kube-scheduler' },
  operations: { analogy: 'Operations office', kubernetes: 'node lifecycle controller' },
  cargoOffice: { analogy: 'Cargo office', kubernetes: 'ReplicaSet controller' },
  servicesOffice: { analogy: 'Services office', kubernetes: 'EndpointSlice controller' },
  cargoShip: { analogy: 'Cargo ship', kubernetes: 'worker node' },
  captain: { analogy: 'Captain', kubernetes: 'kubelet' },
  deckCrew: { analogy: 'Deck crew', kubernetes: 'container runtime' },
  signalOfficer: { analogy: 'Signal officer', kubernetes: 'kube-proxy' },
  container: { analogy: 'Container', kubernetes: 'Pod' },
  buoy: { analogy: 'Buoy', kubernetes: 'Service' },
  dock: { analogy: 'Dock', kubernetes: 'unscheduled Pods' },
  flag: { analogy: 'Flag', kubernetes: 'taint' },
  destination: { analogy: 'Destination', kubernetes: 'node labels' },
  checkIn: { analogy: 'Check-in', kubernetes: 'Lease renewal' },
  console: { analogy: 'Harbour master', kubernetes: 'kubectl' },
  rules: { analogy: 'Signal book', kubernetes: 'kube-proxy rules' },
};

/**
 * A part's name in the chosen label mode.
 *
 * @example
 * partName('captain', 'both'); // 'Captain (kubelet)'
 */
export function partName(part: Part, mode: LabelMode): string {
  const naming = PART_NAMES[part];
  if (mode === 'analogy') return naming.analogy;
  if (mode === 'kubernetes') return naming.kubernetes;
  return naming.both ?? `${naming.analogy} (${naming.kubernetes})`;
}
