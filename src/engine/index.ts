// The engine's public face: everything outside src/engine imports from here.

export { Simulation, createSimulation, replay, type SimulationConfig } from './sim/simulation';
export { defaultFleet } from './sim/fleet';
export { defaultTimings, type Timings } from './sim/timings';
export { RETIRED_RUNTIMES } from './sim/types';
export type { ShipSpec, RuntimeName, Fault, ExecResult, RecordedInput } from './sim/types';
export type {
  Snapshot,
  ShipView,
  ContainerView,
  ServiceView,
  LedgerView,
  Resources,
} from './sim/snapshot';
export type {
  Message,
  Move,
  Traffic,
  OfficeActivity,
  OfficeName,
  SimEvent,
  ComponentId,
} from './sim/trace';
export type { Simplification } from './sim/simplification';
export type { SchedulingDecision } from './scheduler';
export { clockText, humanDuration, rfc3339 } from './time/format';
export { formatBytes, formatMilliCpu } from './objects/quantity';
export { allSimplifications } from './sim/simplifications';
