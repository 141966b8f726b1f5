import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { clockText } from '../../engine';
import { useSession } from '../../store';
import { faultLabel } from './faults';

/**
 * The timeline: a slider over the simulated time recorded so far, with a mark where each step
 * started and where each fault was injected. Dragging seeks (at most once a frame: going back
 * rebuilds the run from its seed). Keys: ←/→ one second (Shift: ten), Page Up/Down a tenth,
 * Home/End the ends.
 */
export function Timeline() {
  const now = useSession((s) => s.now);
  const end = useSession((s) => s.end);
  const chapters = useSession((s) => s.lesson?.chapters);
  const steps = useSession((s) => s.lesson?.scenario.steps.length ?? 0);
  const playback = useSession((s) => s.playback);
  const seek = useSession((s) => s.seek);
  const [scrub, setScrub] = useState<number | null>(null);
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const min = chapters?.[0]?.at ?? 0;
  const max = Math.max(end, now, min + 1_000);
  const value = Math.min(max, Math.max(min, scrub ?? now));
  const span = max - min;
  const at = (t: number) => `${((t - min) / span) * 100}%`;
  const faults = playback.inputs().filter((input) => input.kind === 'inject' && input.at >= min);
  const current = chapters?.filter((c) => c.at <= value).at(-1);

  const scheduleSeek = (t: number) => {
    pending.current = t;
    setScrub(t);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (pending.current !== null) seek(pending.current);
      pending.current = null;
      setScrub(null);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const big = e.shiftKey ? 10_000 : 1_000;
    const moves: Record<string, number> = {
      ArrowLeft: value - big,
      ArrowDown: value - big,
      ArrowRight: value + big,
      ArrowUp: value + big,
      PageDown: value - span / 10,
      PageUp: value + span / 10,
      Home: min,
      End: max,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    seek(Math.min(max, Math.max(min, Math.round(target))));
  };

  return (
    <div className="timeline" style={{ ['--progress' as string]: at(value) }}>
      <input
        type="range"
        className="timeline-input"
        aria-label="Timeline"
        min={min}
        max={max}
        step={100}
        value={value}
        aria-valuetext={`${clockText(value)}${current && steps > 0 ? `, step ${current.index + 1}: ${current.title}` : ''}`}
        onChange={(e) => scheduleSeek(Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
      <div className="timeline-marks" aria-hidden="true">
        {chapters?.map((c) => (
          <span
            key={`c${c.index}`}
            className="timeline-mark timeline-chapter"
            style={{ left: at(c.at) }}
            title={`Step ${c.index + 1}: ${c.title}`}
          >
            <span className="timeline-chapter-label">{c.index + 1}</span>
          </span>
        ))}
        {faults.map((f, i) =>
          f.kind === 'inject' ? (
            <span
              key={`f${i}`}
              className="timeline-mark timeline-fault"
              style={{ left: at(f.at) }}
              title={`${clockText(f.at)}: ${faultLabel(f.fault)}`}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}
