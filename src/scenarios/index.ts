export { catalogue, scenarios, scenarioById, type LessonEntry } from './catalogue';
export { holds, needsSnapshot, describeCondition } from './conditions';
export { scenarioSchema, loadScenario, formatPath, type LoadResult } from './schema';
export type {
  Scenario,
  Step,
  StepInput,
  Narration,
  Highlight,
  Condition,
  Completion,
} from './types';
