import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenarios';
import { createLessonCommands } from './commands';
import { createSession } from './session';

const narration = { analogy: 'a', kubernetes: 'k' };
const lesson: Scenario = {
  id: 'beats',
  title: 'Beats',
  summary: 'Three timed steps, the second with a question.',
  seed: 3,
  fleet: [{ name: 'control-plane', role: 'control' }, { name: 'ship-1' }],
  steps: [
    { id: 'one', title: 'One', narration, complete: { after: 1_000 } },
    {
      id: 'two',
      title: 'Two',
      narration,
      complete: { after: 1_000 },
      question: { prompt: 'What next?', reveal: 'This.' },
    },
    { id: 'three', title: 'Three', narration, complete: { after: 1_000 } },
  ],
};

function setup(autoplay: boolean) {
  const session = createSession({});
  session.store.getState().loadScenario(lesson);
  return { session, run: createLessonCommands(session.store, () => autoplay) };
}

describe('lesson commands', () => {
  it('with auto-play, "next" first plays a step waiting at its start, then moves on and plays', () => {
    const { session, run } = setup(true);
    run({ kind: 'next' });
    expect(session.store.getState().playing).toBe(true);
    expect(session.store.getState().lesson?.index).toBe(0);
    run({ kind: 'next' });
    // Step two asks a question: it waits for the class before playing.
    expect(session.store.getState().lesson?.index).toBe(1);
    expect(session.store.getState().playing).toBe(false);
    run({ kind: 'next' });
    expect(session.store.getState().playing).toBe(true);
    run({ kind: 'next' });
    expect(session.store.getState().lesson?.index).toBe(2);
    expect(session.store.getState().playing).toBe(true);
  });

  it('without auto-play, "next" moves on and stays paused; number and end keys jump', () => {
    const { session, run } = setup(false);
    run({ kind: 'next' });
    expect(session.store.getState().lesson?.index).toBe(1);
    expect(session.store.getState().playing).toBe(false);
    run({ kind: 'last' });
    expect(session.store.getState().lesson?.index).toBe(2);
    run({ kind: 'next' });
    expect(session.store.getState().lesson?.index).toBe(2);
    run({ kind: 'goto', index: 9 });
    expect(session.store.getState().lesson?.index).toBe(2);
    run({ kind: 'first' });
    expect(session.store.getState().lesson?.index).toBe(0);
    run({ kind: 'prev' });
    expect(session.store.getState().lesson?.index).toBe(0);
  });
});
