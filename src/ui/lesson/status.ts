import { describeCondition, type Step } from '../../scenarios';

/** "4 min 12 s", "45 s", "2 h 5 min": durations as a teacher says them. */
export function spokenDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`;
  return sec > 0 ? `${min} min ${sec} s` : `${min} min`;
}

export type StepStatus = { tone: 'waiting' | 'complete' | 'timed-out'; text: string };

type Where = {
  step: Step;
  startedAt: number;
  complete: boolean;
  timedOut: boolean;
  now: number;
  playing: boolean;
};

/** What a step is waiting for, or that it is complete, in words (lesson panel, captions, presenter). */
export function stepStatus({
  step,
  startedAt,
  complete,
  timedOut,
  now,
  playing,
}: Where): StepStatus {
  const c = step.complete;
  if (complete && timedOut && 'when' in c) {
    return {
      tone: 'timed-out',
      text: `Step ended without its goal: ${describeCondition(c.when)} did not happen within ${spokenDuration(c.within ?? 30 * 60_000)} of simulated time.`,
    };
  }
  if (complete) return { tone: 'complete', text: 'Step complete' };
  const what =
    'when' in c
      ? describeCondition(c.when)
      : `${spokenDuration(startedAt + c.after - now)} of simulated time`;
  return { tone: 'waiting', text: `Waiting for ${what}${playing ? '' : ' (paused)'}` };
}
