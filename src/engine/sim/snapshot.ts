import type { Taint } from '../objects/meta';
import type { Message, Move, OfficeActivity, Traffic } from './trace';
import type { RuntimeName } from './types';

/** CPU in millicores, memory in bytes, pods as a count. */
export type Resources = { cpu: number; memory: number; pods: number };

export type ShipView = {
  name: string;
  role: 'control' | 'cargo';
  /** Ready condition as the ledger has it; `Sunk` when the ship is gone (its Node may remain). */
  status: 'Ready' | 'NotReady' | 'Unknown' | 'Sunk';
  /** The ship has sunk, whatever the ledger still says. */
  sunk: boolean;
  /** When it sank (simulated ms). */
  sunkAt?: number;
  /** The Node's Ready condition as the ledger has it: what the bridge believes (a sunk ship stays True until the grace period ends). */
  ready: 'True' | 'False' | 'Unknown' | 'None';
  runtime: RuntimeName;
  runtimeVersion: string;
  capacity: Resources;
  allocatable: Resources;
  /** Requests of the pods bound to it that are not finished. */
  allocated: Resources;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  /** Simulated time of the captain's last successful Lease renewal. */
  lastCheckIn: number;
  radio: 'ok' | 'cut';
  /** Images in the ship's cache. */
  images: string[];
  /** kube-proxy's rules on this ship (iptables-save shape), for the zoomed-in view. */
  rules: string[];
  internalIP: string;
};

/**
 * A pod as the harbor shows it: one box per pod (its containers travel together).
 * `status` is what `kubectl get pods` prints in STATUS; `onDeck` is what the deck crew really has.
 */
export type ContainerView = {
  id: string;
  pod: string;
  namespace: string;
  app: string;
  ship?: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  status: string;
  reason?: string;
  ready: boolean;
  restarts: number;
  /** When `status` last changed (simulated ms): animations start here. */
  since: number;
  /** While crash-looping or pulling with back-off: when the next try is due. */
  backoffUntil?: number;
  /** What the ship's runtime actually holds, which can differ from the ledger (a cut radio). */
  onDeck: 'none' | 'sandbox' | 'pulling' | 'creating' | 'running' | 'exited' | 'stopping';
  terminating: boolean;
  ip?: string;
  image: string;
  requests: { cpu: number; memory: number };
  owner?: string;
};

export type ServiceView = {
  name: string;
  namespace: string;
  clusterIP?: string;
  ports: string[];
  selector: Record<string, string>;
  /** Ready endpoints as `pod@ship ip`. */
  endpoints: { pod: string; ship?: string; ip: string; ready: boolean }[];
};

export type LedgerView = {
  revision: number;
  lastWrites: { key: string; revision: number; at: number; type: 'PUT' | 'DELETE' }[];
  members: {
    name: string;
    up: boolean;
    leader: boolean;
    role: string;
    term: number;
    appliedRevision: number;
  }[];
  quorum: number;
  writable: 'ok' | 'no-leader' | 'no-quorum';
  keys: number;
};

/** Everything the canvas and panels draw, as plain serializable data. */
export type Snapshot = {
  now: number;
  seed: number;
  bridge: { running: boolean };
  ships: ShipView[];
  containers: ContainerView[];
  services: ServiceView[];
  moves: Move[];
  messages: Message[];
  traffic: Traffic[];
  offices: OfficeActivity[];
  ledger: LedgerView;
  /** Count of engine events so far, and of the scheduler's decisions: panels refresh when they change. */
  eventCount: number;
  decisionCount: number;
};
