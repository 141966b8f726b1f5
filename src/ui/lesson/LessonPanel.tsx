import { useId } from 'react';
import { runLesson, useSession, useUi, type PlayerState } from '../../store';
import { Panel } from '../layout';
import { RichText } from './RichText';
import { stepStatus } from './status';
import './lesson.css';

/**
 * The lesson: the scenario, the current step's narration in two voices (the harbor and
 * Kubernetes, with the real command), what the step waits for, the prediction question, notes on
 * simplifications and changed timings, every step to jump to, and previous/next.
 * Speaker notes are not here: they are for the presenter window only.
 */
export function LessonPanel() {
  return (
    <Panel id="lesson" title={<LessonTitle />} label="lesson" className="panel-lesson">
      <LessonBody />
    </Panel>
  );
}

function LessonTitle() {
  const title = useSession((s) => s.lesson?.scenario.title);
  return <>{title ?? 'Free play'}</>;
}

function LessonBody() {
  const lesson = useSession((s) => s.lesson);
  if (!lesson) {
    return (
      <div className="lesson">
        <p className="lesson-empty">
          Free play: no scenario is loaded. Choose one with the Scenario picker.
        </p>
      </div>
    );
  }
  const { scenario } = lesson;
  // The summary introduces the scenario: first, until the class is past step 1; then at the end.
  const intro = lesson.index <= 0;
  const summary = <RichText text={scenario.summary} className="lesson-summary" />;
  return (
    <div className="lesson">
      {intro && summary}
      {scenario.timingNote && (
        <p className="note note-timing">
          <strong>Timing changed: </strong>
          {scenario.timingNote}
        </p>
      )}
      {lesson.step ? (
        <>
          <StepView lesson={lesson} />
          <StepNav lesson={lesson} />
          <StepList lesson={lesson} />
          {!intro && (
            <section className="lesson-about" aria-label="About this scenario">
              <h3 className="voice-label">About this scenario</h3>
              {summary}
            </section>
          )}
        </>
      ) : (
        <p className="lesson-empty">
          This scenario has no steps: it is free play. Run commands in the console, add faults, and
          use the timeline to go back and try something else.
        </p>
      )}
    </div>
  );
}

function StepView({ lesson }: { lesson: PlayerState }) {
  const step = lesson.step!;
  const headingId = useId();
  return (
    <article className="step" aria-labelledby={headingId}>
      <p className="step-count" data-testid="step-count">
        Step {lesson.index + 1} of {lesson.scenario.steps.length}
      </p>
      <h3 className="step-title" id={headingId} data-testid="step-title">
        {step.title}
      </h3>
      <StepStatusLine lesson={lesson} />
      <section className="voice voice-analogy" aria-label="In the harbor">
        <h4 className="voice-label">In the harbor</h4>
        <RichText text={step.narration.analogy} className="voice-text" />
      </section>
      <section className="voice voice-kubernetes" aria-label="In Kubernetes">
        <h4 className="voice-label">In Kubernetes</h4>
        <RichText text={step.narration.kubernetes} className="voice-text" />
        {step.command && (
          <pre className="command">
            <code>{step.command}</code>
          </pre>
        )}
      </section>
      {step.question && (
        <Question
          prompt={step.question.prompt}
          answer={step.question.reveal}
          revealed={lesson.revealed}
        />
      )}
      {step.simplification && (
        <p className="note note-simplified">
          <strong>Simplified: </strong>
          {step.simplification}
        </p>
      )}
    </article>
  );
}

/** Live region: screen readers hear "Step complete" when it happens. */
function StepStatusLine({ lesson }: { lesson: PlayerState }) {
  const now = useSession((s) => s.now);
  const playing = useSession((s) => s.playing);
  const status = stepStatus({
    step: lesson.step!,
    startedAt: lesson.startedAt,
    complete: lesson.complete,
    timedOut: lesson.timedOut,
    now,
    playing,
  });
  return (
    <p className={`step-status step-status-${status.tone}`} role="status" data-testid="step-status">
      <span aria-hidden="true" className="step-status-icon">
        {status.tone === 'complete' ? '✓' : status.tone === 'timed-out' ? '!' : '…'}
      </span>
      {status.text}
    </p>
  );
}

function Question({
  prompt,
  answer,
  revealed,
}: {
  prompt: string;
  answer: string;
  revealed: boolean;
}) {
  const headingId = useId();
  return (
    <section className="question" aria-labelledby={headingId}>
      <h4 className="voice-label" id={headingId}>
        Predict
      </h4>
      <RichText text={prompt} className="question-prompt" />
      {revealed ? (
        <div className="question-answer">
          <RichText text={answer} />
        </div>
      ) : (
        <button type="button" className="button" onClick={() => runLesson({ kind: 'reveal' })}>
          Reveal
        </button>
      )}
    </section>
  );
}

function StepNav({ lesson }: { lesson: PlayerState }) {
  const playing = useSession((s) => s.playing);
  const now = useSession((s) => s.now);
  const autoplay = useUi((s) => s.autoplay);
  const last = lesson.scenario.steps.length - 1;
  const waiting = autoplay && !lesson.complete && !playing && now === lesson.startedAt;
  return (
    <div className="step-nav">
      <button
        type="button"
        className="button"
        onClick={() => runLesson({ kind: 'prev' })}
        disabled={lesson.index <= 0}
      >
        <span aria-hidden="true">← </span>Previous step
      </button>
      <button
        type="button"
        className="button button-primary"
        onClick={() => runLesson({ kind: 'next' })}
        disabled={lesson.index >= last && !waiting}
        title={waiting ? 'Play this step' : 'Go to the next step'}
      >
        Next step<span aria-hidden="true"> →</span>
      </button>
    </div>
  );
}

function StepList({ lesson }: { lesson: PlayerState }) {
  return (
    <nav className="step-list" aria-label="Steps">
      <ol>
        {lesson.scenario.steps.map((step, i) => {
          const done = i < lesson.index || (i === lesson.index && lesson.complete);
          return (
            <li key={step.id}>
              <button
                type="button"
                className="step-link"
                aria-current={i === lesson.index ? 'step' : undefined}
                data-done={done}
                aria-label={`Step ${i + 1}: ${step.title}${done ? ' (done)' : ''}`}
                onClick={() => runLesson({ kind: 'goto', index: i })}
              >
                <span className="step-link-number">{i + 1}</span>
                <span className="step-link-title">{step.title}</span>
                {done && (
                  <span className="step-link-done" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
