import { describe, expect, it } from 'vitest';
import type { Step } from '../../scenarios';
import { spokenDuration, stepStatus } from './status';

const narration = { analogy: 'a', kubernetes: 'k' };
const waitFor: Step = {
  id: 'w',
  title: 'W',
  narration,
  complete: { when: { podsRunning: { app: 'web', count: 3 } }, within: 120_000 },
};
const timed: Step = { id: 't', title: 'T', narration, complete: { after: 40_000 } };

describe('stepStatus', () => {
  it('says what the step waits for, and when it is paused', () => {
    expect(
      stepStatus({
        step: waitFor,
        startedAt: 0,
        complete: false,
        timedOut: false,
        now: 5_000,
        playing: true,
      }),
    ).toEqual({
      tone: 'waiting',
      text: 'Waiting for 3 web container(s) Running and ready',
    });
    expect(
      stepStatus({
        step: timed,
        startedAt: 1_000,
        complete: false,
        timedOut: false,
        now: 11_000,
        playing: false,
      }).text,
    ).toBe('Waiting for 30 s of simulated time (paused)');
  });

  it('says complete, or that the goal did not happen in time', () => {
    expect(
      stepStatus({
        step: timed,
        startedAt: 0,
        complete: true,
        timedOut: false,
        now: 40_000,
        playing: false,
      }),
    ).toEqual({ tone: 'complete', text: 'Step complete' });
    expect(
      stepStatus({
        step: waitFor,
        startedAt: 0,
        complete: true,
        timedOut: true,
        now: 120_000,
        playing: false,
      }),
    ).toEqual({
      tone: 'timed-out',
      text: 'Step ended without its goal: 3 web container(s) Running and ready did not happen within 2 min of simulated time.',
    });
  });
});

describe('spokenDuration', () => {
  it('reads like speech', () => {
    expect(spokenDuration(45_400)).toBe('45 s');
    expect(spokenDuration(252_000)).toBe('4 min 12 s');
    expect(spokenDuration(300_000)).toBe('5 min');
    expect(spokenDuration(7_500_000)).toBe('2 h 5 min');
    expect(spokenDuration(-5)).toBe('0 s');
  });
});
