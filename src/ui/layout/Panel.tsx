import { useId, type ReactNode } from 'react';
import { useUi, type PanelId } from '../../store';

type Props = {
  id: PanelId;
  /** The panel's heading (h2). */
  title: ReactNode;
  /** A short word for the fold button: "Hide lesson", "Show lesson". */
  label: string;
  className?: string;
  children: ReactNode;
};

/**
 * A panel over the canvas that folds away to its title bar. The toggle is a real button with
 * `aria-expanded`, so keyboard and screen-reader users fold it like anyone else.
 */
export function Panel({ id, title, label, className, children }: Props) {
  const collapsed = useUi((s) => s.collapsed[id]);
  const toggle = useUi((s) => s.toggleCollapsed);
  const bodyId = useId();
  const headingId = useId();
  return (
    <section
      className={`panel ${className ?? ''}`}
      data-collapsed={collapsed}
      aria-labelledby={headingId}
    >
      <div className="panel-bar">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <button
          type="button"
          className="panel-toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => toggle(id)}
          title={collapsed ? `Show ${label}` : `Hide ${label}`}
        >
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
          <span className="visually-hidden">{collapsed ? `Show ${label}` : `Hide ${label}`}</span>
        </button>
      </div>
      <div id={bodyId} className="panel-body" hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
