import { runLesson, useSession, useUi } from '../../store';
import { clockText } from '../../engine';
import { Icon } from '../layout';
import { RichText } from '../lesson/RichText';
import { stepStatus } from '../lesson/status';
import { leavePresentation, toggleFullscreen } from './fullscreen';
import './presentation.css';

/**
 * Presentation mode's captions over the canvas: the step, its narration in large type (the
 * harbor first, Kubernetes below with the command), and a small bar to leave, go full screen,
 * or show the keys. The panels are hidden meanwhile.
 */
export function Captions() {
  const lesson = useSession((s) => s.lesson);
  const now = useSession((s) => s.now);
  const playing = useSession((s) => s.playing);
  const setKeysOpen = useUi((s) => s.setKeysOpen);
  const step = lesson?.step;
  const status =
    step && lesson
      ? stepStatus({
          step,
          startedAt: lesson.startedAt,
          complete: lesson.complete,
          timedOut: lesson.timedOut,
          now,
          playing,
        })
      : undefined;
  return (
    <div className="presentation" role="region" aria-label="Presentation">
      <div className="presentation-bar" data-occludes-canvas="">
        <span className="presentation-scenario">{lesson?.scenario.title ?? 'Free play'}</span>
        <output className="presentation-clock" aria-label="Simulated time">
          {clockText(now)}
        </output>
        <button
          type="button"
          className="icon-button"
          aria-label="Previous step"
          onClick={() => runLesson({ kind: 'prev' })}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={() => runLesson({ kind: 'toggle-play' })}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Next step"
          onClick={() => runLesson({ kind: 'next' })}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Full screen"
          title="Full screen (F)"
          onClick={toggleFullscreen}
        >
          <Icon name="fullscreen" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keys (?)"
          onClick={() => setKeysOpen(true)}
        >
          <Icon name="keys" />
        </button>
        <button
          type="button"
          className="button"
          onClick={leavePresentation}
          title="Leave presentation mode (Esc)"
        >
          Leave presentation
        </button>
      </div>
      {lesson && step ? (
        <div className="captions" aria-live="polite" data-occludes-canvas="">
          <div className="captions-main">
            <p className="captions-step">
              Step {lesson.index + 1} of {lesson.scenario.steps.length}
            </p>
            <h2 className="captions-title">{step.title}</h2>
            <div className="captions-analogy">
              <RichText text={step.narration.analogy} />
            </div>
            {status && (
              <p className={`captions-status step-status-${status.tone}`}>{status.text}</p>
            )}
          </div>
          <div className="captions-side">
            <div className="captions-kubernetes">
              <RichText text={step.narration.kubernetes} />
              {step.command && (
                <pre className="command">
                  <code>{step.command}</code>
                </pre>
              )}
            </div>
            {step.question && (
              <div className="captions-question">
                <strong>Predict: </strong>
                {step.question.prompt}
                {lesson.revealed && <p className="captions-answer">{step.question.reveal}</p>}
              </div>
            )}
          </div>
        </div>
      ) : (
        <div className="captions captions-plain" data-occludes-canvas="">
          <h2 className="captions-title">{lesson?.scenario.title ?? 'Free play'}</h2>
          {lesson && <RichText text={lesson.scenario.summary} className="captions-analogy" />}
        </div>
      )}
    </div>
  );
}
