import { describe, expect, it } from 'vitest';
import { scenarios, scenarioSchema } from '../scenarios';
import { Playback } from './playback';
import { ScenarioPlayer, scenarioConfig } from './scenarioPlayer';

// Every built-in lesson, walked to its end on the real engine: each step's condition must hold
// (a step that times out means the lesson tells a story the simulation does not show).
describe.each(scenarios.map((s) => [s.id, s] as const))('lesson %s', (_id, scenario) => {
  it('satisfies the schema and has 4–12 steps (the sandbox has none)', () => {
    expect(scenarioSchema.safeParse(scenario).success).toBe(true);
    if (scenario.id === 'sandbox') expect(scenario.steps).toHaveLength(0);
    else {
      expect(scenario.steps.length).toBeGreaterThanOrEqual(4);
      expect(scenario.steps.length).toBeLessThanOrEqual(12);
    }
  });

  it('walks to its end with every step completing, and replays each step exactly', () => {
    const playback = new Playback(scenarioConfig(scenario));
    const player = new ScenarioPlayer(playback);
    player.load(scenario, 0);
    const starts: number[] = [];
    const hashes: string[] = [];
    for (let i = 0; i < scenario.steps.length; i += 1) {
      const state = player.current()!;
      expect(state.index).toBe(i);
      starts.push(state.startedAt);
      hashes.push(playback.simulation().logHash());
      player.runToCompletion();
      const done = player.current()!;
      expect(
        done.complete,
        `${scenario.id} step ${i + 1} (${done.step?.id}) did not complete`,
      ).toBe(true);
      expect(
        done.timedOut,
        `${scenario.id} step ${i + 1} (${done.step?.id}) timed out at ${playback.now()} ms`,
      ).toBe(false);
      if (i < scenario.steps.length - 1) player.next();
    }
    // Jumping straight to a step rebuilds exactly the same moment.
    if (scenario.steps.length > 1) {
      const k = Math.floor(scenario.steps.length / 2);
      const replayed = new Playback(scenarioConfig(scenario));
      const again = new ScenarioPlayer(replayed);
      again.load(scenario, k);
      expect(again.current()!.startedAt).toBe(starts[k]);
      expect(replayed.simulation().logHash()).toBe(hashes[k]);
    }
    // A step may complete at once when what it describes is already true; it never goes back in time.
    for (let i = 1; i < starts.length; i += 1)
      expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]!);
  }, 120_000);
});
