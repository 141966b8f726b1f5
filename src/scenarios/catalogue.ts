import type { Scenario } from './types';
import { sandbox } from './lessons/sandbox';

/** A lesson in the catalogue, in teaching order (DESIGN.md section 4). */
export type LessonEntry = { id: string; title: string };

/** The scenarios, in the order a class meets them. */
export const scenarios: readonly Scenario[] = [sandbox];

/** The catalogue as id and title, for pickers. */
export const catalogue: readonly LessonEntry[] = scenarios.map(({ id, title }) => ({ id, title }));

export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
