export { catalogue, scenarios, scenarioById, type LessonEntry } from './catalogue';
export { holds, describeCondition } from './conditions';
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
