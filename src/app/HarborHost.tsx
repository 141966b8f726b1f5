import { useEffect, useRef } from 'react';
import { defaultFleet } from '../engine';
import { mountHarbor, type HarborView } from '../render';

/** Hosts the Pixi canvas; the scene itself is owned imperatively by `render/`. */
export function HarborHost() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let view: HarborView | undefined;
    let cancelled = false;
    mountHarbor(element, defaultFleet()).then(
      (mounted) => {
        if (cancelled) mounted.destroy();
        else view = mounted;
      },
      (error: unknown) => console.error('Shipshape could not start the canvas:', error),
    );
    return () => {
      cancelled = true;
      view?.destroy();
    };
  }, []);
  return <div ref={host} className="harbor" data-testid="harbor" />;
}
