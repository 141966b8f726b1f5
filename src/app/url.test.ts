import { describe, expect, it } from 'vitest';
import { formatUrl, parseUrl, type ScenarioFacts, type UrlDefaults, type UrlState } from './url';

const sinks: ScenarioFacts = { id: 'ship-sinks', title: 'A ship sinks', steps: 6, seed: 6 };
const sandbox: ScenarioFacts = { id: 'sandbox', title: 'Sandbox', steps: 0, seed: 12 };
const lookup = (id: string) => [sinks, sandbox].find((s) => s.id === id);
const defaults: UrlDefaults = { scenario: sinks, speed: 1, labels: 'both', theme: 'dark' };

describe('parseUrl', () => {
  it('reads every parameter of a full link, with the step 1-based in the link', () => {
    const { state, notices } = parseUrl(
      '?scenario=ship-sinks&step=4&seed=7&speed=2&labels=analogy&theme=projector&mode=present',
      lookup,
      defaults,
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      scenario: 'ship-sinks',
      step: 3,
      seed: 7,
      speed: 2,
      labels: 'analogy',
      theme: 'projector',
      present: true,
    });
  });

  it('reads nothing from an empty query', () => {
    expect(parseUrl('', lookup, defaults)).toEqual({ state: {}, notices: [] });
  });

  it('falls back from an unknown scenario to the default and says so', () => {
    const { state, notices } = parseUrl('?scenario=titanic&step=2', lookup, defaults);
    expect(state).toEqual({ step: 1 });
    expect(notices).toEqual([
      'scenario=titanic is not a built-in scenario: opened "A ship sinks" instead.',
    ]);
    expect(parseUrl('?scenario=file:drill', lookup, defaults).notices).toEqual([
      'scenario=file:drill was loaded from a file in another window or session: opened "A ship sinks" instead. Load the file again with "Load scenario file".',
    ]);
  });

  it('names a bad step and opens step 1, or the last step when past the end', () => {
    expect(parseUrl('?scenario=ship-sinks&step=abc', lookup, defaults)).toEqual({
      state: { scenario: 'ship-sinks' },
      notices: ['step=abc is not a step number (1 to 6): opened step 1.'],
    });
    expect(parseUrl('?step=0', lookup, defaults).notices).toEqual([
      'step=0 is not a step number (1 to 6): opened step 1.',
    ]);
    expect(parseUrl('?scenario=ship-sinks&step=40', lookup, defaults)).toEqual({
      state: { scenario: 'ship-sinks', step: 5 },
      notices: ['step=40 is past the end of "A ship sinks", which has 6 steps: opened step 6.'],
    });
    expect(parseUrl('?scenario=sandbox&step=2', lookup, defaults).notices).toEqual([
      'step=2 was ignored: "Sandbox" has no steps.',
    ]);
  });

  it('names a bad seed and uses the scenario seed', () => {
    for (const seed of ['-1', '1.5', 'x', '4294967296']) {
      const { state, notices } = parseUrl(`?scenario=ship-sinks&seed=${seed}`, lookup, defaults);
      expect(state.seed).toBeUndefined();
      expect(notices).toEqual([
        `seed=${seed} is not a whole number from 0 to 4294967295: used the scenario's seed, 6.`,
      ]);
    }
    expect(parseUrl('?seed=4294967295', lookup, defaults).state.seed).toBe(4294967295);
  });

  it('accepts offered speeds (also written 2x), rounds others in range, refuses the rest', () => {
    expect(parseUrl('?speed=0.25', lookup, defaults).state.speed).toBe(0.25);
    expect(parseUrl('?speed=16x', lookup, defaults).state.speed).toBe(16);
    expect(parseUrl('?speed=3', lookup, defaults)).toEqual({
      state: { speed: 4 },
      notices: ['speed=3 is not one of the offered speeds: playing at 4×, the nearest.'],
    });
    expect(parseUrl('?speed=fast', lookup, defaults)).toEqual({
      state: {},
      notices: ['speed=fast is not a speed from 0.25× to 64×: playing at 1×.'],
    });
    expect(parseUrl('?speed=100', lookup, defaults).state.speed).toBeUndefined();
  });

  it('names bad labels, themes, modes and views and keeps the current ones', () => {
    const { state, notices } = parseUrl(
      '?labels=klingon&theme=neon&mode=party&view=stage',
      lookup,
      defaults,
    );
    expect(state).toEqual({});
    expect(notices).toEqual([
      'view=stage is not a view (the only one is "presenter"): opened the main window.',
      'labels=klingon is not a label mode (analogy, kubernetes, both): kept "both".',
      'theme=neon is not a theme (light, dark, projector): kept "dark".',
      'mode=party is not a mode (the only one is "present"): opened the normal layout.',
    ]);
  });

  it('reports unknown parameters once each', () => {
    expect(parseUrl('?scenaro=x&scenaro=y', lookup, defaults).notices).toEqual([
      'The link parameter "scenaro" is not one Shipshape knows; it was ignored.',
    ]);
  });

  it('reads the presenter window link', () => {
    expect(parseUrl('?view=presenter&channel=ab12-cd', lookup, defaults).state).toEqual({
      view: 'presenter',
      channel: 'ab12-cd',
    });
    expect(parseUrl('?view=presenter&channel=%3Cscript%3E', lookup, defaults).state).toEqual({
      view: 'presenter',
    });
  });
});

describe('formatUrl', () => {
  it('writes the step 1-based and leaves out defaults', () => {
    expect(
      formatUrl(
        { scenario: 'ship-sinks', step: 0, seed: 6, speed: 1, labels: 'both', theme: 'dark' },
        { ...defaults, seed: 6 },
      ),
    ).toBe('?scenario=ship-sinks&step=1');
    expect(formatUrl({}, defaults)).toBe('');
  });

  it('round-trips through parseUrl', () => {
    const states: UrlState[] = [
      {
        scenario: 'ship-sinks',
        step: 3,
        seed: 7,
        speed: 2,
        labels: 'analogy',
        theme: 'projector',
        present: true,
      },
      { scenario: 'ship-sinks', step: 0, speed: 0.25, theme: 'light' },
      { scenario: 'sandbox', labels: 'kubernetes', speed: 64 },
      { view: 'presenter', channel: 'x1' },
    ];
    for (const state of states) {
      const text = formatUrl(state, { ...defaults, seed: 6 });
      expect(parseUrl(text, lookup, defaults)).toEqual({ state, notices: [] });
    }
  });
});
