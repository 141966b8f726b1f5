import { useId, useMemo, useRef } from 'react';
import { allSimplifications, type Simplification } from '../../engine';
import './about.css';

/** Simplifications grouped by component, in the order the engine lists them. */
export function groupByComponent(items: readonly Simplification[]): [string, Simplification[]][] {
  const groups = new Map<string, Simplification[]>();
  for (const item of items) {
    const list = groups.get(item.component) ?? [];
    list.push(item);
    groups.set(item.component, list);
  }
  return [...groups];
}

/**
 * "About this simulation": what Shipshape models faithfully (Kubernetes' own defaults and
 * messages) and every place it is simpler, so a Kubernetes engineer can see what not to trust.
 */
export function AboutSimulation() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const groups = useMemo(() => groupByComponent(allSimplifications()), []);
  return (
    <>
      <button
        type="button"
        className="button"
        title="How Shipshape differs from a real cluster"
        onClick={() => dialog.current?.showModal()}
      >
        About the simulation
      </button>
      <dialog ref={dialog} className="about-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>How Shipshape differs from a real cluster</h2>
        <p>
          The simulation runs Kubernetes’ own defaults — the 10 s lease renewals, the 50 s grace
          period, 300 s tolerations, the scheduler’s filters and scores, back-off from 10 s to 5
          minutes, etcd’s quorum — and prints kubectl’s and etcdctl’s own messages. Where it is
          simpler, it says so here and in the lessons:
        </p>
        <div className="about-list" tabIndex={0} aria-label="Simplifications by component">
          {groups.map(([component, items]) => (
            <section key={component}>
              <h3>{component}</h3>
              <ul>
                {items.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <button
          type="button"
          className="button button-primary"
          autoFocus
          onClick={() => dialog.current?.close()}
        >
          Close
        </button>
      </dialog>
    </>
  );
}
