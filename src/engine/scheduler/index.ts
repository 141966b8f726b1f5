export { Scheduler } from './scheduler';
export type { SchedulingDecision } from './types';
export { simplifications } from './simplifications';
