import { useMemo } from 'react';
import { useSession } from '../../../store';
import { useSimulation, useThrottled } from '../hooks';
import { useInspector, type InspectorTab } from '../inspectorStore';
import { quietRead } from '../read';
import {
  containerDetails,
  describeLine,
  PARTS,
  resolveSelection,
  shipDetails,
  type Detail,
} from './details';

function Facts({ rows }: { rows: readonly Detail[] }) {
  return (
    <dl className="ss-insp-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="ss-insp-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `kubectl describe` of the selection, read quietly, refreshed as the ledger changes. */
function Describe({ line }: { line: string }) {
  const sim = useSimulation();
  const revision = useThrottled(
    useSession((s) => s.view.ledger.revision),
    500,
  );
  const result = useMemo(() => {
    void revision;
    return quietRead(sim, line);
  }, [sim, line, revision]);
  return (
    <section className="ss-insp-section" aria-labelledby="ss-selection-describe">
      <h4 id="ss-selection-describe">
        <code>{line}</code>
      </h4>
      <pre
        className={`ss-insp-pre${result.ok ? '' : ' ss-insp-error'}`}
        tabIndex={0}
        aria-label={`Output of ${line}`}
      >
        {result.output}
      </pre>
    </section>
  );
}

const PART_TAB: Partial<Record<string, InspectorTab>> = { ledger: 'ledger', cranes: 'cranes' };

/** Details of what is selected on the harbor or in the outline: a ship, a container, a part. */
export function SelectionTab() {
  const selection = useSession((s) => s.selection);
  const view = useThrottled(
    useSession((s) => s.view),
    250,
  );
  const setTab = useInspector((s) => s.setTab);
  if (!selection) {
    return (
      <p className="ss-insp-note">
        Select a ship or a container on the harbor or in the outline to see its details here.
      </p>
    );
  }
  const resolved = resolveSelection(selection, view);
  const line = describeLine(resolved);
  return (
    <div className="ss-selection">
      {resolved.kind === 'ship' && (
        <>
          <h3>Ship {resolved.ship.name}</h3>
          <Facts rows={shipDetails(resolved.ship, resolved.containers, view.now)} />
        </>
      )}
      {resolved.kind === 'container' && (
        <>
          <h3>Container {resolved.container.pod}</h3>
          <Facts rows={containerDetails(resolved.container, view.now)} />
        </>
      )}
      {resolved.kind === 'part' && (
        <>
          <h3>{PARTS[resolved.name].title}</h3>
          <p>{PARTS[resolved.name].text}</p>
          {PART_TAB[resolved.name] && (
            <button type="button" onClick={() => setTab(PART_TAB[resolved.name]!)}>
              Open the {resolved.name} tab
            </button>
          )}
        </>
      )}
      {resolved.kind === 'gone' && (
        <p className="ss-insp-note">{`The selection (${resolved.what}) is no longer in the harbor.`}</p>
      )}
      {line && <Describe line={line} />}
    </div>
  );
}
