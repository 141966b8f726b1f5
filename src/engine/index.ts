export { defaultFleet } from './sim/fleet';
export type { ShipSpec, RuntimeName, Fault, ExecResult, RecordedInput } from './sim/types';
export type {
  Snapshot,
  ShipView,
  ContainerView,
  ServiceView,
  LedgerView,
  Resources,
} from './sim/snapshot';
export type { Message, Move, Traffic, OfficeActivity, OfficeName, SimEvent } from './sim/trace';
