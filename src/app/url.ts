import { LABEL_MODES, SPEEDS, THEMES, type LabelMode, type Theme } from '../store';

/**
 * What a link carries: `?scenario=ship-sinks&step=4&seed=7&speed=2&labels=both&theme=projector&mode=present`.
 * `step` is 1-based in the URL and 0-based here. `view=presenter&channel=…` opens the presenter window.
 */
export type UrlState = {
  scenario?: string;
  /** 0-based step index. */
  step?: number;
  seed?: number;
  speed?: number;
  labels?: LabelMode;
  theme?: Theme;
  present?: boolean;
  view?: 'presenter';
  channel?: string;
};

/** What the parser needs to know about a scenario. */
export type ScenarioFacts = { id: string; title: string; steps: number; seed: number };

/** Values the app uses when the link does not say (or says something invalid). */
export type UrlDefaults = {
  scenario?: ScenarioFacts;
  speed: number;
  labels: LabelMode;
  theme: Theme;
};

export type ParsedUrl = {
  state: UrlState;
  /** One sentence per parameter that could not be used: what was wrong and what is used instead. */
  notices: string[];
};

const KNOWN = ['scenario', 'step', 'seed', 'speed', 'labels', 'theme', 'mode', 'view', 'channel'];
const MAX_SEED = 2 ** 32 - 1;

function speedText(speed: number): string {
  return `${speed}×`;
}

function nearestSpeed(speed: number): number {
  return SPEEDS.reduce(
    (best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best),
    1 as number,
  );
}

/**
 * Reads a link's query string. Never throws: every parameter that cannot be used yields a notice
 * naming it and saying what is used instead, and is left out of the state.
 *
 * @example
 * parseUrl('?scenario=sandbox&step=2', lookup, defaults).state; // { scenario: 'sandbox', step: 1 }
 */
export function parseUrl(
  search: string,
  lookup: (id: string) => ScenarioFacts | undefined,
  defaults: UrlDefaults,
): ParsedUrl {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const notices: string[] = [];

  for (const key of new Set(params.keys())) {
    if (!KNOWN.includes(key))
      notices.push(`The link parameter "${key}" is not one Shipshape knows; it was ignored.`);
  }

  const view = params.get('view');
  if (view !== null) {
    if (view === 'presenter') state.view = 'presenter';
    else
      notices.push(
        `view=${view} is not a view (the only one is "presenter"): opened the main window.`,
      );
  }
  const channel = params.get('channel');
  if (channel !== null) {
    if (/^[A-Za-z0-9-]{1,64}$/.test(channel)) state.channel = channel;
    else notices.push(`channel=${channel} is not a presenter channel name: it was ignored.`);
  }

  let scenario: ScenarioFacts | undefined = defaults.scenario;
  const id = params.get('scenario');
  if (id !== null) {
    const found = lookup(id);
    if (found) {
      scenario = found;
      state.scenario = found.id;
    } else {
      const instead = defaults.scenario
        ? `opened "${defaults.scenario.title}" instead`
        : 'opened free play instead';
      if (id.startsWith('file:')) {
        notices.push(
          `scenario=${id} was loaded from a file in another window or session: ${instead}. Load the file again with "Load scenario file".`,
        );
      } else notices.push(`scenario=${id} is not a built-in scenario: ${instead}.`);
    }
  }

  const step = params.get('step');
  if (step !== null) {
    const n = /^\d+$/.test(step) ? Number(step) : NaN;
    const count = scenario?.steps ?? 0;
    const name = scenario ? `"${scenario.title}"` : 'free play';
    if (count === 0) notices.push(`step=${step} was ignored: ${name} has no steps.`);
    else if (!Number.isInteger(n) || n < 1)
      notices.push(`step=${step} is not a step number (1 to ${count}): opened step 1.`);
    else if (n > count) {
      notices.push(
        `step=${step} is past the end of ${name}, which has ${count} step${count === 1 ? '' : 's'}: opened step ${count}.`,
      );
      state.step = count - 1;
    } else state.step = n - 1;
  }

  const seed = params.get('seed');
  if (seed !== null) {
    const n = /^\d+$/.test(seed) ? Number(seed) : NaN;
    const instead = scenario
      ? `used the scenario's seed, ${scenario.seed}`
      : 'used the default seed';
    if (Number.isInteger(n) && n <= MAX_SEED) state.seed = n;
    else notices.push(`seed=${seed} is not a whole number from 0 to ${MAX_SEED}: ${instead}.`);
  }

  const speed = params.get('speed');
  if (speed !== null) {
    const match = /^(\d+(?:\.\d+)?)(?:x|×)?$/i.exec(speed.trim());
    const n = match ? Number(match[1]) : NaN;
    if ((SPEEDS as readonly number[]).includes(n)) state.speed = n;
    else if (n >= SPEEDS[0] && n <= SPEEDS[SPEEDS.length - 1]!) {
      state.speed = nearestSpeed(n);
      notices.push(
        `speed=${speed} is not one of the offered speeds: playing at ${speedText(state.speed)}, the nearest.`,
      );
    } else {
      notices.push(
        `speed=${speed} is not a speed from ${speedText(SPEEDS[0])} to ${speedText(SPEEDS[SPEEDS.length - 1]!)}: playing at ${speedText(defaults.speed)}.`,
      );
    }
  }

  const labels = params.get('labels');
  if (labels !== null) {
    if ((LABEL_MODES as readonly string[]).includes(labels)) state.labels = labels as LabelMode;
    else
      notices.push(
        `labels=${labels} is not a label mode (${LABEL_MODES.join(', ')}): kept "${defaults.labels}".`,
      );
  }

  const theme = params.get('theme');
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) state.theme = theme as Theme;
    else
      notices.push(
        `theme=${theme} is not a theme (${THEMES.join(', ')}): kept "${defaults.theme}".`,
      );
  }

  const mode = params.get('mode');
  if (mode !== null) {
    if (mode === 'present') state.present = true;
    else
      notices.push(
        `mode=${mode} is not a mode (the only one is "present"): opened the normal layout.`,
      );
  }

  return { state, notices };
}

/**
 * Writes the state as a query string (with the leading "?"), leaving out what equals the defaults
 * so links stay short: the seed when it is the scenario's, speed 1×, the default labels and theme.
 */
export function formatUrl(state: UrlState, defaults: UrlDefaults & { seed?: number }): string {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  if (state.channel) params.set('channel', state.channel);
  if (state.scenario) params.set('scenario', state.scenario);
  if (state.step !== undefined) params.set('step', String(state.step + 1));
  if (state.seed !== undefined && state.seed !== defaults.seed)
    params.set('seed', String(state.seed));
  if (state.speed !== undefined && state.speed !== defaults.speed)
    params.set('speed', String(state.speed));
  if (state.labels && state.labels !== defaults.labels) params.set('labels', state.labels);
  if (state.theme && state.theme !== defaults.theme) params.set('theme', state.theme);
  if (state.present) params.set('mode', 'present');
  const text = params.toString();
  return text ? `?${text}` : '';
}
