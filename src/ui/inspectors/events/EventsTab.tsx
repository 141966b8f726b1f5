import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../../store';
import { keepKeysLocal } from '../../console/keys';
import { useSimulation, useThrottled } from '../hooks';
import { quietRead } from '../read';
import { filterRows, filterTable, logRows, type EventRow } from './rows';

/** The read the "as kubectl prints it" view shows. */
export const EVENTS_LINE = 'kubectl get events -A';

/**
 * What the tab shows. The live views come from the engine's log (cheap at any size); the kubectl
 * view asks the engine to print the table, which costs more, so it refreshes once a second.
 */
type Source = 'events' | 'kubectl' | 'log';

const SOURCES: Record<Source, string> = {
  events: 'Kubernetes Events (live)',
  kubectl: `${EVENTS_LINE} (every second)`,
  log: 'Whole engine log (live)',
};

/** Keeps a scrolled box at its bottom as lines arrive, unless the reader scrolled up. */
function useStickToBottom(dep: unknown) {
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [dep]);
  const onScroll = () => {
    const el = box.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return { box, onScroll };
}

const Row = memo(
  function Row({ row, source, namespace }: { row: EventRow; source: boolean; namespace: boolean }) {
    return (
      <tr>
        {namespace && <td>{row.namespace}</td>}
        <td>{row.lastSeen}</td>
        <td>{row.reason}</td>
        <td>{row.object}</td>
        {source && <td>{row.source}</td>}
        <td className="ss-events-message">{row.message}</td>
      </tr>
    );
  },
  (a, b) =>
    a.row.seq === b.row.seq &&
    a.row.lastSeen === b.row.lastSeen &&
    a.source === b.source &&
    a.namespace === b.namespace,
);

function LogTable({ rows, everything }: { rows: readonly EventRow[]; everything: boolean }) {
  // A NAMESPACE column only when there is more than one namespace: the panel is narrow.
  // (Events about cluster-wide objects such as nodes live in `default`, as kubectl shows.)
  const first = rows.find((r) => r.namespace !== '')?.namespace;
  const namespace = rows.some((r) => r.namespace !== '' && r.namespace !== first);
  return (
    <table className="ss-insp-table ss-events-table">
      {!namespace && first && <caption className="ss-events-caption">namespace {first}</caption>}
      <thead>
        <tr>
          {namespace && <th scope="col">NAMESPACE</th>}
          <th scope="col">LAST SEEN</th>
          <th scope="col">{everything ? 'TYPE' : 'REASON'}</th>
          <th scope="col">OBJECT</th>
          {everything && <th scope="col">SOURCE</th>}
          <th scope="col">MESSAGE</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={r.seq} row={r} source={everything} namespace={namespace} />
        ))}
      </tbody>
    </table>
  );
}

/** The event log, like `kubectl get events -A`, or the engine's whole log, with a filter box. */
export function EventsTab() {
  const sim = useSimulation();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [source, setSource] = useState<Source>('events');
  const eventCount = useThrottled(
    useSession((s) => s.view.eventCount),
    500,
  );
  const now = useThrottled(
    useSession((s) => s.now),
    source === 'kubectl' ? 1000 : 500,
  );
  const kubectl = useMemo(() => {
    void now;
    return source === 'kubectl' ? quietRead(sim, EVENTS_LINE) : undefined;
  }, [sim, now, source]);
  const rows = useMemo(() => {
    void eventCount;
    return source === 'kubectl' ? [] : logRows(sim.events(), now, source === 'log');
  }, [sim, eventCount, now, source]);
  const shownRows = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const table = kubectl ? filterTable(kubectl.output, filter) : undefined;
  const { box, onScroll } = useStickToBottom(source === 'kubectl' ? table : shownRows);

  return (
    <div className="ss-events">
      <div className="ss-events-controls">
        <input
          type="search"
          className="ss-insp-filter"
          aria-label="Filter events"
          placeholder="Filter: words to match, e.g. failed ship-2"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={keepKeysLocal}
        />
        <label htmlFor={id}>Show</label>
        <select
          id={id}
          value={source}
          onChange={(e) => setSource(e.target.value as Source)}
          onKeyDown={keepKeysLocal}
        >
          {(Object.keys(SOURCES) as Source[]).map((s) => (
            <option key={s} value={s}>
              {SOURCES[s]}
            </option>
          ))}
        </select>
      </div>
      <div
        className="ss-events-scroll"
        ref={box}
        onScroll={onScroll}
        tabIndex={0}
        aria-label="Event log"
        role="region"
      >
        {source === 'kubectl' && kubectl ? (
          <pre className={`ss-insp-pre ss-events-pre${kubectl.ok ? '' : ' ss-insp-error'}`}>
            {table}
          </pre>
        ) : shownRows.length === 0 ? (
          <p className="ss-insp-note">
            {rows.length === 0 ? 'No events yet.' : 'No event matches the filter.'}
          </p>
        ) : (
          <LogTable rows={shownRows} everything={source === 'log'} />
        )}
      </div>
    </div>
  );
}
