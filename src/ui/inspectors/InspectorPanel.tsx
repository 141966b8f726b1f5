import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { usePreferences, useSession, type LabelMode, type Selection } from '../../store';
import { usePanelTheme } from '../console/keys';
import { CranesTab } from './cranes/CranesTab';
import { EventsTab } from './events/EventsTab';
import { useInspector, type InspectorTab } from './inspectorStore';
import { LedgerTab } from './ledger/LedgerTab';
import { SelectionTab } from './selection/SelectionTab';
import '../console/panelTheme.css';
import './inspectors.css';

const TABS: readonly InspectorTab[] = ['ledger', 'cranes', 'events', 'selection'];

/** Tab names in the viewer's label mode: the analogy, Kubernetes' words, or both. */
const NAMES: Record<InspectorTab, { analogy: string; kubernetes: string }> = {
  ledger: { analogy: 'Ledger', kubernetes: 'etcd' },
  cranes: { analogy: 'Cranes', kubernetes: 'Scheduler' },
  events: { analogy: 'Event log', kubernetes: 'Events' },
  selection: { analogy: 'Selection', kubernetes: 'Selection' },
};

/** "Ledger (etcd)" in both voices, the Kubernetes word smaller so four tabs fit a narrow column. */
function TabName({ tab, labels }: { tab: InspectorTab; labels: LabelMode }) {
  const { analogy, kubernetes } = NAMES[tab];
  if (labels === 'analogy') return <>{analogy}</>;
  if (labels === 'kubernetes' || analogy === kubernetes || tab === 'events') {
    return <>{labels === 'kubernetes' ? kubernetes : analogy}</>;
  }
  return (
    <>
      {analogy} <span className="ss-insp-tab-k8s">({kubernetes.toLowerCase()})</span>
    </>
  );
}

/** Which tab shows a selection: parts that have their own tab open it. */
function tabFor(selection: Selection): InspectorTab {
  if (selection.kind === 'part' && selection.name === 'ledger') return 'ledger';
  if (selection.kind === 'part' && selection.name === 'cranes') return 'cranes';
  return 'selection';
}

/**
 * The inspectors: the ledger (etcd keys, values, revisions, history, clerks), the cranes (the
 * scheduler's decisions with the per-ship table), the event log, and the selection's details.
 * Only the open tab reads from the simulation.
 */
export function InspectorPanel() {
  const theme = usePanelTheme();
  const labels = usePreferences((p) => p.labels);
  const tab = useInspector((s) => s.tab);
  const setTab = useInspector((s) => s.setTab);
  const selection = useSession((s) => s.selection);
  const id = useId();
  const tabs = useRef<Partial<Record<InspectorTab, HTMLButtonElement | null>>>({});

  // Selecting something on the harbor shows it (but opening the panel does not switch tabs).
  const previous = useRef(selection);
  useEffect(() => {
    if (selection && selection !== previous.current) setTab(tabFor(selection));
    previous.current = selection;
  }, [selection, setTab]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab);
    const go = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[
      event.key
    ];
    if (go === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const next = TABS[(go + TABS.length) % TABS.length]!;
    setTab(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="ss-panel ss-inspectors" data-theme={theme} aria-label="Inspectors">
      <div className="ss-insp-tabs" role="tablist" aria-label="Inspectors" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              tabs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t}-tab`}
            aria-selected={t === tab}
            aria-controls={`${id}-${t}-panel`}
            tabIndex={t === tab ? 0 : -1}
            className="ss-insp-tab"
            onClick={() => setTab(t)}
          >
            <TabName tab={t} labels={labels} />
          </button>
        ))}
      </div>
      <div
        className="ss-insp-body"
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}-tab`}
        tabIndex={0}
      >
        {tab === 'ledger' && <LedgerTab />}
        {tab === 'cranes' && <CranesTab />}
        {tab === 'events' && <EventsTab />}
        {tab === 'selection' && <SelectionTab />}
      </div>
    </section>
  );
}
