import { scenarios, type Scenario } from '../scenarios';
import { scenarioByKey, scenarioKey, usePreferences, useUi, type Session } from '../store';
import {
  formatUrl,
  parseUrl,
  type ParsedUrl,
  type ScenarioFacts,
  type UrlDefaults,
  type UrlState,
} from './url';

function facts(scenario: Scenario): ScenarioFacts {
  return {
    id: scenario.id,
    title: scenario.title,
    steps: scenario.steps.length,
    seed: scenario.seed,
  };
}

/** The scenario a link without `scenario=` opens: the first lesson. */
function defaultScenario(): Scenario | undefined {
  return scenarios[0];
}

function defaults(): UrlDefaults {
  const preferences = usePreferences.getState();
  const scenario = defaultScenario();
  return {
    ...(scenario ? { scenario: facts(scenario) } : {}),
    speed: 1,
    labels: 'both',
    theme: preferences.theme,
  };
}

/**
 * Reads this page's link. `scenario=` names a built-in lesson by id, or a file loaded in this tab
 * as `file:<id>` (kept across reloads by keepLoadedScenarios).
 */
export function readUrl(search: string): ParsedUrl {
  return parseUrl(
    search,
    (id) => {
      const scenario = scenarioByKey(id);
      return scenario && { ...facts(scenario), id };
    },
    defaults(),
  );
}

/**
 * Opens the moment a link names: preferences first (so the canvas starts in the right theme),
 * then the scenario at its step and seed, the speed and the mode. Problems become notices; a
 * scenario that cannot start falls back to free play rather than a blank page.
 */
export function applyUrl(session: Session, parsed: ParsedUrl): void {
  const { state, notices } = parsed;
  const ui = useUi.getState();
  const preferences = usePreferences.getState();
  if (state.labels) preferences.setLabels(state.labels);
  if (state.theme) preferences.setTheme(state.theme);
  const scenario = (state.scenario && scenarioByKey(state.scenario)) || defaultScenario();
  if (scenario) {
    try {
      session.store.getState().loadScenario(scenario, state.step ?? 0, state.seed ?? scenario.seed);
    } catch (error) {
      console.error('Shipshape could not open the scenario:', error);
      notices.push(
        `"${scenario.title}" could not start (${error instanceof Error ? error.message : String(error)}): showing free play instead.`,
      );
      session.store.getState().reset({});
    }
  }
  if (state.speed) session.store.getState().setSpeed(state.speed);
  if (state.present) ui.setPresenting(true);
  for (const notice of notices) ui.notify(notice, 'warning');
}

/** The link for the moment on screen now. */
export function currentUrlState(session: Session): UrlState {
  const { lesson, playback, speed } = session.store.getState();
  const preferences = usePreferences.getState();
  const state: UrlState = { speed, labels: preferences.labels, theme: preferences.theme };
  if (lesson) {
    state.scenario = scenarioKey(lesson.scenario);
    if (lesson.step) state.step = lesson.index;
    state.seed = playback.simulation().seed;
  }
  if (useUi.getState().presenting) state.present = true;
  return state;
}

/**
 * Keeps the address bar on the moment shown, with history.replaceState (moving through a lesson
 * does not fill the Back button's history). Returns the unsubscribe function.
 */
export function startUrlSync(session: Session): () => void {
  let last = '';
  const write = () => {
    const lesson = session.store.getState().lesson;
    const initial = usePreferences.getInitialState();
    const search = formatUrl(currentUrlState(session), {
      speed: 1,
      labels: initial.labels,
      theme: initial.theme,
      ...(lesson ? { seed: lesson.scenario.seed } : {}),
    });
    if (search === last) return;
    last = search;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  };
  write();
  const stops = [
    session.store.subscribe(write),
    usePreferences.subscribe(write),
    useUi.subscribe(write),
  ];
  return () => stops.forEach((stop) => stop());
}
