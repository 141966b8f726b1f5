import type { Fault, ShipSpec, Timings } from '../engine';

/** Narration in the two voices every step has. */
export type Narration = {
  /** The analogy: ships, captains, cranes, the ledger. */
  analogy: string;
  /** The same in Kubernetes' own terms, with the real command, object or log line. */
  kubernetes: string;
};

/** Something a step does to the simulation when it starts. */
export type StepInput = { exec: string; stdin?: string } | { apply: string } | { fault: Fault };

/** A part of the harbor the narration points at. */
export type Highlight =
  | { part: 'bridge' | 'ledger' | 'cranes' | 'operations' | 'cargo' | 'services' | 'dock' }
  | { ship: string; detail?: 'captain' | 'crew' | 'signal-officer' | 'gauges' | 'flags' }
  | { app: string }
  | { service: string };

/**
 * A condition on the simulation, as data (so teacher-written files can use it). Evaluated on the
 * snapshot and the engine's event log since the step started.
 */
export type Condition =
  | { podsRunning: { app: string; count: number; ready?: boolean } }
  | { podsWithStatus: { app: string; status: string; atLeast?: number } }
  | { podsScheduled: { app: string; count: number } }
  /** Every pod object of the app, terminating ones (ghosts of a sunk ship) included. */
  | { podsTotal: { app: string; count: number } }
  | { podsOnShip: { ship: string; count: number; app?: string } }
  | { shipStatus: { ship: string; status: 'Ready' | 'NotReady' | 'Unknown' | 'Sunk' } }
  /** The Node's Ready condition in the ledger: what the bridge believes, even about a sunk ship. */
  | { nodeReady: { ship: string; status: 'True' | 'False' | 'Unknown' } }
  | { shipTainted: { ship: string; key: string } }
  | { ledger: 'ok' | 'no-leader' | 'no-quorum' }
  | { endpoints: { service: string; ready: number } }
  | { restarts: { app: string; atLeast: number } }
  | { event: { type: string; subject?: string; count?: number } }
  | { allOf: Condition[] }
  | { anyOf: Condition[] };

/** When a step is complete: a condition on the simulation (with a safety limit), or a fixed duration. */
export type Completion = { after: number } | { when: Condition; within?: number };

export type Step = {
  id: string;
  title: string;
  narration: Narration;
  /** The real command or object this step is about, shown as code. */
  command?: string;
  inputs?: StepInput[];
  highlight?: Highlight[];
  /** What the camera frames. */
  focus?: Highlight;
  complete: Completion;
  /** For the presenter only. */
  notes?: string;
  /** Asked before the step plays; the reveal is shown on request. */
  question?: { prompt: string; reveal: string };
  /** A place where this step simplifies Kubernetes, said on screen. */
  simplification?: string;
};

export type Scenario = {
  id: string;
  title: string;
  summary: string;
  seed: number;
  fleet: ShipSpec[];
  etcdMembers?: 1 | 3 | 5;
  /** Overrides of Kubernetes' timings; then `timingNote` is shown on screen. */
  timings?: Partial<Timings>;
  timingNote?: string;
  /** Inputs applied at t=0, and how long to let the fleet settle before step 1. */
  setup?: StepInput[];
  settle?: number;
  steps: Step[];
};
