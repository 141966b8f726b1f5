import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenarios';
import { createSession } from './session';

/** Four short steps that need only faults and time, so the test does not wait on controllers. */
const drill: Scenario = {
  id: 'drill',
  title: 'Drill',
  summary: 'A short drill for the player tests.',
  seed: 7,
  fleet: [
    { name: 'control-plane', role: 'control' },
    { name: 'ship-1' },
    { name: 'ship-2' },
    { name: 'ship-3' },
  ],
  settle: 5_000,
  steps: [
    {
      id: 'calm',
      title: 'Calm',
      narration: { analogy: 'a', kubernetes: 'k' },
      complete: { after: 4_000 },
    },
    {
      id: 'sink',
      title: 'Sink',
      narration: { analogy: 'a', kubernetes: 'k' },
      inputs: [{ fault: { kind: 'sink-ship', ship: 'ship-2' } }],
      complete: { after: 6_000 },
    },
    {
      id: 'radio',
      title: 'Radio',
      narration: { analogy: 'a', kubernetes: 'k' },
      inputs: [{ fault: { kind: 'cut-radio', ship: 'ship-3' } }],
      complete: { when: { event: { type: 'fault.cut-radio' } } },
    },
    {
      id: 'wait',
      title: 'Wait',
      narration: { analogy: 'a', kubernetes: 'k' },
      complete: { after: 3_000 },
    },
  ],
};

function moment(session: ReturnType<typeof createSession>) {
  const { playback } = session.store.getState();
  return {
    now: playback.now(),
    hash: playback.simulation().logHash(),
    snapshot: JSON.stringify(playback.snapshot()),
  };
}

function lesson(session: ReturnType<typeof createSession>) {
  const l = session.store.getState().lesson!;
  return { index: l.index, complete: l.complete, startedAt: l.startedAt };
}

describe('ScenarioPlayer', () => {
  it('reaches a step by next, by link and by going back at the same moment, exactly', () => {
    const byHand = createSession({});
    byHand.store.getState().loadScenario(drill);
    byHand.store.getState().nextStep();
    const step2 = moment(byHand);
    expect(lesson(byHand)).toEqual({ index: 1, complete: false, startedAt: 9_000 });

    const byLink = createSession({});
    byLink.store.getState().loadScenario(drill, 1);
    expect(moment(byLink)).toEqual(step2);

    byHand.store.getState().nextStep();
    byHand.store.getState().nextStep();
    expect(lesson(byHand).index).toBe(3);
    byHand.store.getState().goToStep(1);
    expect(moment(byHand)).toEqual(step2);
    expect(lesson(byHand)).toEqual({ index: 1, complete: false, startedAt: 9_000 });
    // The later steps stay on the timeline as the recorded future.
    expect(byHand.store.getState().lesson!.chapters.map((c) => c.index)).toEqual([0, 1, 2, 3]);

    // Step 3 starts the instant step 2 does (step 2 completes at once): reaching step 2 rebuilds.
    byHand.store.getState().goToStep(2);
    expect(lesson(byHand)).toEqual({ index: 2, complete: false, startedAt: 15_000 });
    expect(byHand.store.getState().lesson!.chapters.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('shows the step running at a moment the timeline seeks to, and its completion', () => {
    const s = createSession({});
    s.store.getState().loadScenario(drill, 3);
    s.store.getState().finishStep();
    const end = moment(s);
    s.store.getState().seek(12_000);
    expect(lesson(s)).toEqual({ index: 1, complete: false, startedAt: 9_000 });
    // Step 2 completes the instant it starts (its event is its own fault), so step 3 runs at 15 s.
    s.store.getState().seek(15_000);
    expect(lesson(s)).toEqual({ index: 3, complete: false, startedAt: 15_000 });
    s.store.getState().seek(0);
    expect(lesson(s)).toEqual({ index: 0, complete: false, startedAt: 5_000 });
    expect(s.store.getState().now).toBe(5_000);
    s.store.getState().seek(end.now);
    expect(moment(s)).toEqual(end);
    expect(lesson(s)).toEqual({ index: 3, complete: true, startedAt: 15_000 });
  });

  it('plays through the recorded future, pausing where each step completed', () => {
    const s = createSession({});
    s.store.getState().loadScenario(drill, 2);
    s.store.getState().goToStep(0);
    s.store.getState().play();
    for (let i = 0; i < 100; i += 1) s.frame(100);
    expect(lesson(s)).toEqual({ index: 0, complete: true, startedAt: 5_000 });
    expect(s.store.getState().playing).toBe(false);
    s.store.getState().play();
    for (let i = 0; i < 300; i += 1) s.frame(100);
    expect(lesson(s)).toEqual({ index: 1, complete: true, startedAt: 9_000 });
  });

  it('forgets the recorded future when the user acts in the past', () => {
    const s = createSession({});
    s.store.getState().loadScenario(drill, 3);
    s.store.getState().seek(10_000);
    s.store.getState().inject({ kind: 'cordon', ship: 'ship-1' });
    expect(s.store.getState().lesson!.chapters.map((c) => c.index)).toEqual([0, 1]);
    expect(s.store.getState().notice?.kind).toBe('branched');
    s.store.getState().nextStep();
    expect(lesson(s)).toEqual({ index: 2, complete: false, startedAt: 15_000 });
  });

  it('skips the wait of a step by running it to its end', () => {
    const s = createSession({});
    s.store.getState().loadScenario(drill, 1);
    expect(s.store.getState().skipWait()).toBe(6_000);
    expect(lesson(s).complete).toBe(true);
    expect(s.store.getState().notice?.text).toBe('Skipped 6 s of simulated time');
  });
});

describe('announcing the commands a step runs', () => {
  it('reports each input with its output when the step starts, not when replayed', async () => {
    const { scenarioById } = await import('../scenarios');
    const { Playback } = await import('./playback');
    const { ScenarioPlayer, scenarioConfig } = await import('./scenarioPlayer');
    const lesson = scenarioById('meet-the-fleet')!;
    const player = new ScenarioPlayer(new Playback(scenarioConfig(lesson)));
    const heard: string[] = [];
    player.onInput((input) =>
      heard.push(`${input.note} | ${input.line} | ${input.result.output.split('\n')[0]}`),
    );
    player.load(lesson, 1);
    expect(heard).toEqual([
      'step 2: The bridge | kubectl cluster-info | Kubernetes control plane is running at https://172.18.0.2:6443',
    ]);
    player.runToCompletion();
    player.next();
    expect(heard.at(-1)).toMatch(
      /^step 3: The ledger \| etcdctl get \/registry\/minions --prefix --keys-only \| \/registry\/minions\/control-plane$/,
    );
    player.prev();
    expect(heard).toHaveLength(2);
  });
});
