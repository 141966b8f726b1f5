import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { Selection } from '../../store';
import { useSession } from '../../store';
import { usePreferences } from '../../store';
import { ActionMenu } from './ActionMenu';
import { actionsFor, targetName, type ActionApi } from './actions';
import { buildOutline, rowIdOf, treeKey, visibleRows, type OutlineItem } from './tree';
import './outline.css';

type Props = {
  /** Brings a target into view on the canvas (the app passes the harbor's focus). */
  onFocusTarget?: (target: Selection) => void;
};

type Menu = { item: OutlineItem; target: Selection; x: number; y: number };

/**
 * An accessible outline of the scene (a WAI-ARIA tree with roving focus): the control ship and
 * its parts, the dock, every cargo ship with status and capacity, their containers, the buoys.
 * Selecting a row selects it on the canvas; each ship and container offers the canvas's actions.
 */
export function Outline({ onFocusTarget }: Props) {
  const view = useSession((s) => s.view);
  const selection = useSession((s) => s.selection);
  const select = useSession((s) => s.select);
  const setHover = useSession((s) => s.setHover);
  const inject = useSession((s) => s.inject);
  const mode = usePreferences((s) => s.labels);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const items = useMemo(() => buildOutline(view, mode, expanded), [view, mode, expanded]);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [tip, setTip] = useState<{ id: string; text: string; top: number } | null>(null);
  const [status, setStatus] = useState('');
  const tree = useRef<HTMLUListElement>(null);
  const moveFocus = useRef(false);
  const opener = useRef<HTMLElement | null>(null);

  const api: ActionApi = useMemo(
    () => ({ select, inject, ...(onFocusTarget ? { focus: onFocusTarget } : {}) }),
    [select, inject, onFocusTarget],
  );

  // Follow a selection made on the canvas: open its ship and make it the focusable row.
  const selectedRow = useMemo(
    () => (selection ? rowIdOf(selection, items) : undefined),
    [selection, items],
  );
  const [followed, setFollowed] = useState<string | undefined>(undefined);
  const selectedId = selectedRow?.id;
  if (selectedId !== followed) {
    setFollowed(selectedId);
    if (selectedRow?.parent && !expanded.has(selectedRow.parent))
      setExpanded(new Set([...expanded, selectedRow.parent]));
    if (selectedId) setFocusId(selectedId);
  }

  const rows = visibleRows(items, expanded);
  const current = rows.some((r) => r.item.id === focusId) ? focusId : rows[0]?.item.id;

  useEffect(() => {
    if (!moveFocus.current || !current) return;
    moveFocus.current = false;
    const el = tree.current?.querySelector<HTMLElement>(`#${CSS.escape(current)}`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const choose = (item: OutlineItem) => {
    setFocusId(item.id);
    if (item.target) select(item.target);
    else if (item.childCount) toggle(item.id);
  };

  const openMenu = (item: OutlineItem, el: HTMLElement) => {
    if (!item.target) return;
    const r = el.getBoundingClientRect();
    opener.current = el.closest<HTMLElement>('[role="treeitem"]');
    setTip(null);
    setMenu({ item, target: item.target, x: r.left + 24, y: r.bottom - 4 });
  };

  const closeMenu = useCallback((restore: boolean) => {
    setMenu(null);
    if (restore) opener.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>, item: OutlineItem) => {
    if (e.target !== e.currentTarget) return;
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      openMenu(item, e.currentTarget);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(item);
      if (item.target) onFocusTarget?.(item.target);
      return;
    }
    const move = treeKey(e.key, item.id, items, expanded);
    if (move.kind === 'none') return;
    e.preventDefault();
    if (move.kind === 'focus') {
      moveFocus.current = true;
      setFocusId(move.id);
    } else toggle(move.id);
  };

  const showTip = (item: OutlineItem, el: HTMLElement) => {
    const host = tree.current?.parentElement?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    setTip({ id: item.id, text: item.tooltip, top: r.bottom - (host?.top ?? 0) + 2 });
  };

  const hover = (item: OutlineItem, e: MouseEvent<HTMLElement>) => {
    setHover(item.target);
    showTip(item, e.currentTarget);
  };

  const renderRow = (item: OutlineItem) => {
    const open = expanded.has(item.id);
    const isSelected = selectedId === item.id;
    const name = item.target ? targetName(item.target, view, mode) : item.label;
    const actionable = item.target !== null && item.target.kind !== 'part';
    return (
      <li
        key={item.id}
        id={item.id}
        role="treeitem"
        aria-level={item.level}
        aria-label={`${item.label}, ${item.detail}`}
        aria-expanded={item.childCount ? open : undefined}
        aria-selected={isSelected}
        aria-describedby={tip?.id === item.id ? 'outline-tip' : undefined}
        aria-keyshortcuts={actionable ? 'Shift+F10' : undefined}
        tabIndex={current === item.id ? 0 : -1}
        className="outline-item"
        data-tone={item.tone}
        onKeyDown={(e) => onKeyDown(e, item)}
        onFocus={(e) => {
          if (e.target === e.currentTarget) {
            setFocusId(item.id);
            showTip(item, e.currentTarget);
          }
        }}
        onBlur={() => setTip(null)}
      >
        <div
          className="outline-row"
          data-selected={isSelected || undefined}
          onClick={() => choose(item)}
          onMouseEnter={(e) => hover(item, e)}
          onMouseLeave={() => {
            setHover(null);
            setTip(null);
          }}
          onContextMenu={(e) => {
            if (!actionable) return;
            e.preventDefault();
            openMenu(item, e.currentTarget);
          }}
        >
          {item.childCount ? (
            <span
              className="outline-twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                toggle(item.id);
              }}
            >
              {open ? '▾' : '▸'}
            </span>
          ) : (
            <span className="outline-twisty" aria-hidden="true" />
          )}
          <span className="outline-dot" aria-hidden="true" />
          <span className="outline-text">
            <span className="outline-name">{item.label}</span>
            <span className="outline-detail">{item.detail}</span>
          </span>
          {actionable ? (
            <button
              type="button"
              className="outline-actions"
              tabIndex={-1}
              aria-haspopup="menu"
              aria-label={`Actions for ${name}`}
              onClick={(e) => {
                e.stopPropagation();
                openMenu(item, e.currentTarget);
              }}
            >
              ⋯
            </button>
          ) : null}
        </div>
        {open && item.children.length ? (
          <ul role="group">
            {item.children.map(renderRow)}
            {item.more ? (
              <li role="none" className="outline-more">
                and {item.more} more (on the canvas)
              </li>
            ) : null}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <div className="outline">
      <ul ref={tree} role="tree" aria-label="Fleet outline" className="outline-tree">
        {items.map(renderRow)}
      </ul>
      {tip ? (
        <div id="outline-tip" role="tooltip" className="outline-tip" style={{ top: tip.top }}>
          {tip.text}
        </div>
      ) : null}
      <p role="status" className="outline-status">
        {status}
      </p>
      {menu ? (
        <ActionMenu
          label={`Actions for ${targetName(menu.target, view, mode)}`}
          actions={actionsFor(menu.target, view, mode)}
          api={api}
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          onResult={(text) => setStatus(text)}
        />
      ) : null}
    </div>
  );
}
