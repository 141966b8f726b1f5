import type { StoreApi } from 'zustand';
import { session, type SessionState } from './session';
import { useUi } from './uiState';

/** What the keyboard, the buttons and the presenter window ask of a lesson. */
export type LessonCommand =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'goto'; index: number }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'toggle-play' }
  | { kind: 'reveal' };

/**
 * Lesson commands shared by every control, so a clicker, a key, a button and the presenter window
 * all do the same thing. "Next" is one beat, like a slide clicker: a step waiting at its start
 * plays; otherwise the lesson moves on. Entering a step plays it when auto-play is on, unless the
 * step asks a prediction question first.
 */
export function createLessonCommands(store: StoreApi<SessionState>, autoplay: () => boolean) {
  const enter = () => {
    const { lesson, play, pause } = store.getState();
    if (autoplay() && lesson?.step && !lesson.complete && !lesson.step.question) play();
    else pause();
  };
  const run = (command: LessonCommand): void => {
    const state = store.getState();
    const lesson = state.lesson;
    switch (command.kind) {
      case 'toggle-play':
        return state.toggle();
      case 'reveal':
        return state.reveal();
      case 'next': {
        if (!lesson?.step) return;
        const waiting =
          !lesson.complete && !state.playback.playing && state.playback.now() === lesson.startedAt;
        if (autoplay() && waiting) return state.play();
        if (lesson.index >= lesson.scenario.steps.length - 1) return;
        state.nextStep();
        return enter();
      }
      case 'prev':
        if (!lesson?.step || lesson.index <= 0) return;
        state.prevStep();
        return enter();
      case 'first':
        return run({ kind: 'goto', index: 0 });
      case 'last':
        return run({ kind: 'goto', index: (lesson?.scenario.steps.length ?? 0) - 1 });
      case 'goto': {
        if (!lesson || command.index < 0 || command.index >= lesson.scenario.steps.length) return;
        state.goToStep(command.index);
        return enter();
      }
    }
  };
  return run;
}

/** The app's lesson commands, on the app's session and the auto-play setting. */
export const runLesson = createLessonCommands(session.store, () => useUi.getState().autoplay);
