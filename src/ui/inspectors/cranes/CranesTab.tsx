import { useMemo } from 'react';
import { clockText, type SchedulingDecision } from '../../../engine';
import { useSession } from '../../../store';
import { useSimulation, useThrottled } from '../hooks';
import { useInspector } from '../inspectorStore';
import { decisionTable, evaluationSummary, parseUnschedulable } from './decisionTable';

/** How many recent decisions the list shows. */
const SHOWN = 100;

const OUTCOME: Record<SchedulingDecision['outcome'], string> = {
  bound: 'bound',
  unschedulable: 'FailedScheduling',
  'bind-failed': 'bind failed',
  preempting: 'preempting',
};

/** A plugin name that may break between its words in a narrow column: NodeResources|Fit. */
function PluginName({ name }: { name: string }) {
  const parts = name.split(/(?=[A-Z][a-z])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={part + i}>
          {i > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  );
}

function DecisionDetail({
  decision,
  fleet,
}: {
  decision: SchedulingDecision;
  fleet: readonly string[];
}) {
  const table = useMemo(() => decisionTable(decision, fleet), [decision, fleet]);
  const unschedulable =
    decision.outcome === 'unschedulable' ? parseUnschedulable(decision.message) : undefined;
  return (
    <section className="ss-insp-section" aria-labelledby="ss-cranes-detail">
      <h3 id="ss-cranes-detail">
        {decision.namespace}/{decision.pod}:{' '}
        {decision.node && decision.outcome !== 'unschedulable'
          ? `${OUTCOME[decision.outcome]} to ${decision.node}`
          : OUTCOME[decision.outcome]}{' '}
        <span className="ss-insp-muted">at {clockText(decision.at)}</span>
      </h3>
      <pre
        className={`ss-insp-pre ss-cranes-message${decision.outcome === 'bound' ? '' : ' is-warning'}`}
      >
        {decision.message}
      </pre>
      {unschedulable && (
        <>
          <p>
            The container waits on the dock: {unschedulable.available} of {unschedulable.total}{' '}
            ships can take it.
          </p>
          <ul className="ss-cranes-reasons">
            {unschedulable.reasons.map((r) => (
              <li key={r.text}>
                <strong>{r.count}</strong> {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="ss-insp-muted">{evaluationSummary(decision)}</p>
      <div className="ss-insp-tablewrap">
        <table className="ss-insp-table ss-cranes-table">
          <caption className="ss-visually-hidden">Filter and score per ship</caption>
          <thead>
            <tr>
              <th scope="col">Ship</th>
              <th scope="col">Filter</th>
              {table.plugins.map((p) => (
                <th scope="col" key={p} className="ss-num">
                  <PluginName name={p} />
                </th>
              ))}
              <th scope="col" className="ss-num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.ship} className={row.chosen ? 'is-chosen' : undefined}>
                <th scope="row">
                  {row.ship}
                  {row.chosen && <span className="ss-cranes-chosen"> ✓ chosen</span>}
                </th>
                <td
                  className={
                    row.verdict === 'filtered'
                      ? 'is-bad'
                      : row.verdict === 'feasible'
                        ? 'is-ok'
                        : 'ss-insp-muted'
                  }
                >
                  {row.verdict === 'feasible'
                    ? 'passed'
                    : row.verdict === 'filtered'
                      ? row.reason
                      : 'not evaluated'}
                  {row.plugin && <span className="ss-insp-muted"> ({row.plugin})</span>}
                </td>
                {row.scores.map((score, i) => (
                  <td key={table.plugins[i]} className="ss-num">
                    {score ?? '–'}
                  </td>
                ))}
                <td className="ss-num">
                  <strong>{row.total ?? '–'}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The cranes (kube-scheduler): recent decisions, and for one the per-ship filter and scores. */
export function CranesTab() {
  const sim = useSimulation();
  const count = useThrottled(
    useSession((s) => s.view.decisionCount),
    250,
  );
  const fleetKey = useSession((s) => s.view.ships.map((ship) => ship.name).join(' '));
  const fleet = useMemo(() => (fleetKey ? fleetKey.split(' ') : []), [fleetKey]);
  const chosen = useInspector((s) => s.decision);
  const choose = useInspector((s) => s.setDecision);
  const decisions = useMemo(() => {
    void count;
    return sim.decisions().slice(-SHOWN).reverse();
  }, [sim, count]);
  if (decisions.length === 0) {
    return (
      <p className="ss-insp-note">
        No decisions yet: the cranes act when a container waits on the dock. Try{' '}
        <code>kubectl create deployment web --image=nginx:1.27 --replicas=3</code> in the console.
      </p>
    );
  }
  const current =
    (chosen !== undefined && decisions.find((d) => d.seq === chosen)) || decisions[0]!;
  return (
    <div className="ss-cranes">
      <section className="ss-insp-section ss-cranes-list" aria-labelledby="ss-cranes-list">
        <h3 id="ss-cranes-list">
          Recent decisions{' '}
          {chosen !== undefined && (
            <button type="button" onClick={() => choose(undefined)}>
              Follow the latest
            </button>
          )}
        </h3>
        <ul>
          {decisions.map((d) => (
            <li key={d.seq}>
              <button
                type="button"
                className={`ss-cranes-item is-${d.outcome}`}
                aria-pressed={d.seq === current.seq}
                onClick={() => choose(d.seq)}
              >
                <span className="ss-insp-muted">{clockText(d.at).slice(0, 8)}</span>{' '}
                <span className="ss-cranes-pod">{d.pod}</span>{' '}
                <span className="ss-cranes-outcome">{OUTCOME[d.outcome]}</span>
                {d.node && d.outcome === 'bound' && <span> → {d.node}</span>}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <DecisionDetail decision={current} fleet={fleet} />
    </div>
  );
}
