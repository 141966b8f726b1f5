import { create } from 'zustand';

export type InspectorTab = 'ledger' | 'cranes' | 'events' | 'selection';

type InspectorState = {
  tab: InspectorTab;
  /** The ledger key being looked at. */
  ledgerKey: string | undefined;
  /** The cranes' decision being looked at (its seq), or undefined to follow the latest. */
  decision: number | undefined;
  setTab: (tab: InspectorTab) => void;
  setLedgerKey: (key: string | undefined) => void;
  setDecision: (seq: number | undefined) => void;
};

/** What the inspectors show, kept outside React so it survives the panel being hidden. */
export const useInspector = create<InspectorState>()((set) => ({
  tab: 'ledger',
  ledgerKey: undefined,
  decision: undefined,
  setTab: (tab) => set({ tab }),
  setLedgerKey: (ledgerKey) => set({ ledgerKey }),
  setDecision: (decision) => set({ decision }),
}));
