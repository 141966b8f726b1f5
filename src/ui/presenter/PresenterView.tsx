import { useEffect, useMemo, useState } from 'react';
import { clockText } from '../../engine';
import type { LessonCommand } from '../../store';
import { Icon } from '../layout';
import { RichText } from '../lesson/RichText';
import { stepStatus } from '../lesson/status';
import { useLessonKeys } from '../presentation/useLessonKeys';
import { usePresenterChannel, type Connection } from './usePresenterChannel';
import './presenter.css';

const CONNECTION_TEXT: Record<Connection, string> = {
  waiting: 'Looking for the audience window…',
  connected: 'In sync with the audience window',
  closed:
    'The audience window closed or is reloading. Reopen it, or reload it, and this window follows again.',
  silent: 'The audience window is not answering. Is it still open?',
  unsupported:
    'This window has no link to an audience window. Open it with the "Presenter view" button.',
};

/** m:ss or h:mm:ss of wall-clock time. */
function elapsedText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor(s / 60) % 60).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function useElapsed() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  return { elapsed: Math.max(0, now - start), reset: () => setStart(Date.now()) };
}

/**
 * The presenter window (`?view=presenter`): speaker notes, the current step, a preview of the
 * next, an elapsed timer, and the controls. It runs no simulation: the audience window does, and
 * both windows move together whichever one is used.
 */
export function PresenterView({ channel }: { channel: string | undefined }) {
  const { state, connection, send } = usePresenterChannel(channel);
  const { elapsed, reset } = useElapsed();
  const keys = useMemo(
    () => ({
      run: (command: LessonCommand) => send(command),
      presenting: () => false,
      fullscreen: () => undefined,
      leave: () => undefined,
      help: () => undefined,
      blocked: () => false,
    }),
    [send],
  );
  useLessonKeys(keys);
  useEffect(() => {
    document.title = 'Shipshape — presenter view';
  }, []);

  const scenario = state?.scenario ?? null;
  const step = scenario?.steps[state?.index ?? -1];
  const next = scenario?.steps[(state?.index ?? -1) + 1];
  const status =
    state && step
      ? stepStatus({
          step,
          startedAt: 0,
          complete: state.complete,
          timedOut: state.timedOut,
          now: 0,
          playing: state.playing,
        })
      : undefined;

  return (
    <div className="presenter">
      <header className="presenter-header">
        <h1>Presenter view</h1>
        <p className={`presenter-connection presenter-connection-${connection}`} role="status">
          {CONNECTION_TEXT[connection]}
        </p>
        <div className="presenter-timer">
          <span className="presenter-timer-label">Elapsed</span>
          <output aria-label="Elapsed time" className="presenter-timer-value">
            {elapsedText(elapsed)}
          </output>
          <button type="button" className="button" onClick={reset}>
            Reset timer
          </button>
        </div>
      </header>

      <main className="presenter-main">
        <section className="presenter-current" aria-labelledby="presenter-current-title">
          <p className="presenter-kicker">
            {scenario ? scenario.title : 'No scenario yet'}
            {scenario && step ? ` · Step ${state!.index + 1} of ${scenario.steps.length}` : ''}
            {state ? ` · ${clockText(state.now)}` : ''}
          </p>
          <h2 id="presenter-current-title" data-testid="presenter-step-title">
            {step?.title ?? (scenario ? 'Free play (no steps)' : 'Waiting for the audience window')}
          </h2>
          {status && (
            <p className={`step-status step-status-${status.tone}`}>
              {status.tone === 'waiting' ? (state?.playing ? 'Playing…' : 'Paused') : status.text}
            </p>
          )}
          <div className="presenter-controls">
            <button
              type="button"
              className="button"
              onClick={() => send({ kind: 'prev' })}
              disabled={!state || state.index <= 0}
            >
              <Icon name="back" />
              Previous step
            </button>
            <button
              type="button"
              className="button"
              onClick={() => send({ kind: 'toggle-play' })}
              disabled={!state}
            >
              <Icon name={state?.playing ? 'pause' : 'play'} />
              {state?.playing ? 'Pause' : 'Play'}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => send({ kind: 'next' })}
              disabled={!state}
            >
              Next step
              <Icon name="forward" />
            </button>
          </div>
        </section>

        <section className="presenter-notes" aria-labelledby="presenter-notes-title">
          <h2 id="presenter-notes-title">Speaker notes</h2>
          {step?.notes ? (
            <RichText text={step.notes} />
          ) : (
            <p className="presenter-muted">No notes for this step.</p>
          )}
          {step?.question && (
            <div className="presenter-question">
              <p>
                <strong>Ask: </strong>
                {step.question.prompt}
              </p>
              <p>
                <strong>Answer: </strong>
                {step.question.reveal}
              </p>
              <button
                type="button"
                className="button"
                onClick={() => send({ kind: 'reveal' })}
                disabled={state?.revealed}
              >
                {state?.revealed ? 'Answer shown to the class' : 'Show the answer to the class'}
              </button>
            </div>
          )}
          {step && (
            <details className="presenter-narration">
              <summary>What the class sees</summary>
              <RichText text={step.narration.analogy} />
              <RichText text={step.narration.kubernetes} />
              {step.command && (
                <pre className="command">
                  <code>{step.command}</code>
                </pre>
              )}
            </details>
          )}
        </section>

        <section className="presenter-next" aria-labelledby="presenter-next-title">
          <h2 id="presenter-next-title">Next</h2>
          {next ? (
            <>
              <h3 data-testid="presenter-next-title">{next.title}</h3>
              <RichText text={next.narration.analogy} className="presenter-muted" />
            </>
          ) : (
            <p className="presenter-muted">{scenario ? 'This is the last step.' : '—'}</p>
          )}
        </section>

        {scenario && scenario.steps.length > 0 && (
          <nav className="presenter-steps" aria-label="Steps">
            <ol>
              {scenario.steps.map((s, i) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="step-link"
                    aria-current={i === state?.index ? 'step' : undefined}
                    aria-label={`Step ${i + 1}: ${s.title}`}
                    onClick={() => send({ kind: 'goto', index: i })}
                  >
                    <span className="step-link-number">{i + 1}</span>
                    <span className="step-link-title">{s.title}</span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </main>
    </div>
  );
}
