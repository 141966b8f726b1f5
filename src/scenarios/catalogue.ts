import type { Scenario } from './types';
import { meetTheFleet } from './lessons/meetTheFleet';
import { theLedger } from './lessons/theLedger';
import { loadingCargo } from './lessons/loadingCargo';
import { howCranesChoose } from './lessons/howCranesChoose';
import { damagedContainer } from './lessons/damagedContainer';
import { shipSinks } from './lessons/shipSinks';
import { shipJoins } from './lessons/shipJoins';
import { scaling } from './lessons/scaling';
import { shipToShip } from './lessons/shipToShip';
import { haLedger } from './lessons/haLedger';
import { deckCrews } from './lessons/deckCrews';
import { sandbox } from './lessons/sandbox';

/** A lesson in the catalogue, in teaching order (DESIGN.md section 4). */
export type LessonEntry = { id: string; title: string };

/** The twelve scenarios, in the order a class meets them. */
export const scenarios: readonly Scenario[] = [
  meetTheFleet,
  theLedger,
  loadingCargo,
  howCranesChoose,
  damagedContainer,
  shipSinks,
  shipJoins,
  scaling,
  shipToShip,
  haLedger,
  deckCrews,
  sandbox,
];

/** The catalogue as id and title, for pickers. */
export const catalogue: readonly LessonEntry[] = scenarios.map(({ id, title }) => ({ id, title }));

export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
