import { useId } from 'react';
import { clockText } from '../../engine';
import { SPEEDS, runLesson, useSession, useUi } from '../../store';
import { Icon } from '../layout';
import { Timeline } from './Timeline';
import './playback.css';

/** How far "Step back" / "Step forward" move in free play (a lesson moves by steps). */
const FREE_STEP_MS = 10_000;

/**
 * Time control: restart, step back/forward (the lesson's previous/next step in a lesson), play or
 * pause, the simulated clock, the timeline, the speed, "skip the wait", and what just happened to
 * time (a skip, a branch that dropped later actions).
 */
export function PlaybackBar() {
  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <div className="playback-row">
        <Buttons />
        <Clock />
        <Timeline />
      </div>
      <div className="playback-row playback-row-secondary">
        <Speed />
        <SkipWait />
        <Autoplay />
        <PlaybackNotice />
      </div>
    </div>
  );
}

function Buttons() {
  const playing = useSession((s) => s.playing);
  const inLesson = useSession((s) => (s.lesson?.scenario.steps.length ?? 0) > 0);
  const toggle = useSession((s) => s.toggle);
  const seek = useSession((s) => s.seek);
  const restart = () => {
    const { goToStep, pause } = useSession.getState();
    if (inLesson) goToStep(0);
    else seek(0);
    pause();
  };
  const step = (direction: 1 | -1) => {
    if (inLesson) runLesson({ kind: direction > 0 ? 'next' : 'prev' });
    else seek(useSession.getState().now + direction * FREE_STEP_MS);
  };
  return (
    <div className="playback-buttons">
      <button
        type="button"
        className="icon-button"
        aria-label="Restart"
        title={inLesson ? 'Restart the lesson from step 1' : 'Back to the start'}
        onClick={restart}
      >
        <Icon name="restart" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step back"
        title={inLesson ? 'Previous step' : 'Back 10 s of simulated time'}
        onClick={() => step(-1)}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="icon-button play-button"
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (P)' : 'Play (P)'}
        onClick={toggle}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step forward"
        title={inLesson ? 'Next step' : 'Forward 10 s of simulated time'}
        onClick={() => step(1)}
      >
        <Icon name="forward" />
      </button>
    </div>
  );
}

function Clock() {
  const now = useSession((s) => s.now);
  return (
    <output
      className="clock"
      aria-label="Simulated time"
      title="Simulated time (hours:minutes:seconds)"
    >
      {clockText(now)}
    </output>
  );
}

function Speed() {
  const speed = useSession((s) => s.speed);
  const setSpeed = useSession((s) => s.setSpeed);
  const id = useId();
  return (
    <span className="speed">
      <label htmlFor={id}>Speed</label>
      <select id={id} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </span>
  );
}

function SkipWait() {
  const skipWait = useSession((s) => s.skipWait);
  return (
    <button
      type="button"
      className="button"
      onClick={() => skipWait()}
      title="Jump ahead to the next thing that happens"
    >
      <Icon name="skip" />
      Skip the wait
    </button>
  );
}

function Autoplay() {
  const autoplay = useUi((s) => s.autoplay);
  const setAutoplay = useUi((s) => s.setAutoplay);
  return (
    <label className="check">
      <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
      Play each step when it starts
    </label>
  );
}

function PlaybackNotice() {
  const notice = useSession((s) => s.notice);
  const dismiss = useSession((s) => s.dismissNotice);
  return (
    <div className="playback-notice" role="status">
      {notice && (
        <>
          <span className={`playback-notice-text playback-notice-${notice.kind}`}>
            {notice.text}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={dismiss}
            aria-label="Dismiss the playback notice"
          >
            <Icon name="close" />
          </button>
        </>
      )}
    </div>
  );
}
