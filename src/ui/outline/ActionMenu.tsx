import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ActionApi, TargetAction } from './actions';

type Props = {
  /** The menu's accessible name: "Actions for ship-1". */
  label: string;
  actions: readonly TargetAction[];
  api: ActionApi;
  /** Where to open (client coordinates). */
  x: number;
  y: number;
  /** Closed: `restore` asks to return focus to what opened the menu. */
  onClose: (restore: boolean) => void;
  /** What the action answered (shown in a live region by the caller). */
  onResult?: (text: string, ok: boolean) => void;
};

/**
 * The actions menu shared by the canvas (right-click, long-press) and the outline: a WAI-ARIA
 * menu with roving focus (arrows, Home, End), Enter or Space to act, Escape to close.
 */
export function ActionMenu({ label, actions, api, x, y, onClose, onResult }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      actions.findIndex((a) => !a.disabled),
    ),
  );
  const [pos, setPos] = useState({ left: x, top: y });

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({
      left: Math.max(4, Math.min(x, window.innerWidth - r.width - 8)),
      top: Math.max(4, Math.min(y, window.innerHeight - r.height - 8)),
    });
  }, [x, y]);

  useEffect(() => {
    root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const run = (action: TargetAction) => {
    if (action.disabled) return;
    const result = action.run(api);
    if (result) onResult?.(result.output, result.ok);
    onClose(action.id !== 'inspect');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = actions.length;
    switch (e.key) {
      case 'ArrowDown':
        setActive((i) => (i + 1) % n);
        break;
      case 'ArrowUp':
        setActive((i) => (i - 1 + n) % n);
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(n - 1);
        break;
      case 'Escape':
        onClose(true);
        break;
      case 'Tab':
        onClose(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={root}
      role="menu"
      aria-label={label}
      className="action-menu"
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
    >
      {actions.map((action, i) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          className="action-menu-item"
          tabIndex={i === active ? 0 : -1}
          aria-disabled={action.disabled || undefined}
          title={action.why}
          onClick={() => run(action)}
          onMouseEnter={() => setActive(i)}
        >
          {action.label}
          {action.why && action.disabled ? (
            <span className="visually-hidden"> ({action.why})</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
