import { createSimulation } from '../../engine';
import { loadScenario, type Scenario } from '../../scenarios';
import { scenarioConfig, useSession, useUi } from '../../store';

/** Scenario files are small; a bigger file is a mistake (a video, a log), refused before parsing. */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * Checks a teacher's scenario file and, when it is good, adds it to the picker and plays it.
 * A bad file changes nothing: the running simulation and lesson stay as they were, and every
 * problem is listed (with where it is in the file).
 */
export async function loadScenarioFile(file: File): Promise<boolean> {
  const ui = useUi.getState();
  const result = await checkScenarioFile(file);
  if (!result.ok) {
    ui.setLoadErrors({ file: file.name, errors: result.errors });
    return false;
  }
  ui.setLoadErrors(null);
  ui.addScenario(result.scenario);
  useSession.getState().loadScenario(result.scenario);
  ui.notify(
    `Loaded "${result.scenario.title}" from ${file.name}. It is in the Scenario picker for this session.`,
    'info',
  );
  return true;
}

async function checkScenarioFile(
  file: File,
): Promise<{ ok: true; scenario: Scenario } | { ok: false; errors: string[] }> {
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      errors: [
        `${file.name}: the file is ${Math.round(file.size / 1000)} kB; a scenario file is at most 1000 kB`,
      ],
    };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      errors: [
        `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
      ],
    };
  }
  const result = loadScenario(text, file.name);
  if (!result.ok) return result;
  try {
    // A dry launch: the schema cannot know everything the engine checks about a fleet.
    createSimulation({ ...scenarioConfig(result.scenario), detail: false });
  } catch (error) {
    return {
      ok: false,
      errors: [`${file.name}: fleet: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  return result;
}
