import { useId, useState } from 'react';
import { useUi, type Selection } from '../../store';
import { Outline } from './Outline';

type Props = { onFocusTarget?: (target: Selection) => void };

/** The outline in a foldable panel with its heading ("Fleet outline"). */
export function OutlinePanel({ onFocusTarget }: Props) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const headingId = useId();
  // In presentation mode the panels are hidden: no need to follow a fleet of thousands 10×/s.
  const presenting = useUi((s) => s.presenting);
  if (presenting) return null;
  return (
    <section className="outline-panel" aria-labelledby={headingId} data-open={open}>
      <div className="outline-panel-bar">
        <h2 id={headingId}>Fleet outline</h2>
        <button
          type="button"
          className="outline-panel-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide outline' : 'Show outline'}
        </button>
      </div>
      <div id={bodyId} className="outline-panel-body" hidden={!open}>
        <Outline {...(onFocusTarget ? { onFocusTarget } : {})} />
      </div>
    </section>
  );
}
