import { useEffect, useRef, useState } from 'react';
import { mountHarbor, type ContextMenuRequest, type HarborView } from '../render';
import { session, useSession } from '../store';
import { usePreferences } from '../store';
import { ActionMenu, actionsFor, targetName } from '../ui/outline';
import { startLoop } from './loop';
import { watchInsets } from './occlusion';

/** The mounted canvas, for the parts of the app that steer it (the outline's "inspect"). */
export const harbor: { current: HarborView | null } = { current: null };

/**
 * Hosts the Pixi canvas; the scene itself is owned imperatively by `render/`. One animation loop
 * advances the session and then draws; the canvas's context menu is the outline's action menu.
 */
export function HarborHost() {
  const host = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
  const view = useSession((s) => s.view);
  const select = useSession((s) => s.select);
  const inject = useSession((s) => s.inject);
  const mode = usePreferences((s) => s.labels);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let mounted: HarborView | undefined;
    let cancelled = false;
    let stopInsets: (() => void) | undefined;
    // The loop runs even before (or without) the canvas, so the simulation always advances.
    const stop = startLoop(session, () => mounted?.draw());
    mountHarbor(element, { session, onContextMenu: setMenu }).then(
      (view) => {
        if (cancelled) view.destroy();
        else {
          mounted = view;
          harbor.current = view;
          stopInsets = watchInsets((insets) => view.setInsets(insets));
        }
      },
      (error: unknown) => console.error('Shipshape could not start the canvas:', error),
    );
    return () => {
      cancelled = true;
      stop();
      stopInsets?.();
      if (harbor.current === mounted) harbor.current = null;
      mounted?.destroy();
    };
  }, []);

  return (
    <>
      <div ref={host} className="harbor" data-testid="harbor" />
      {menu ? (
        <ActionMenu
          label={`Actions for ${targetName(menu.target, view, mode)}`}
          actions={actionsFor(menu.target, view, mode)}
          api={{ select, inject, focus: (t) => harbor.current?.focus(t) }}
          x={menu.x}
          y={menu.y}
          onClose={(restore) => {
            setMenu(null);
            if (restore) harbor.current?.canvas.focus();
          }}
        />
      ) : null}
    </>
  );
}
