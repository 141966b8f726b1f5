import { useEffect, useRef, useState } from 'react';
import type { Simulation } from '../../engine';
import { useSession } from '../../store';

/**
 * `value`, changing at most once every `ms` (the last change always lands). Panels that read
 * through the engine follow the ~10 Hz view through this, so a fast run costs a few reads a second.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const timer = setTimeout(
      () => {
        last.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

/** The live simulation; changes identity when a rewind rebuilds it. Read it, never act on it. */
export function useSimulation(): Simulation {
  return useSession((s) => s.playback.simulation());
}
