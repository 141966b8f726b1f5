import type { Container, Pod } from '../../objects/workloads';
import type { BackoffEntry } from './backoff';
import type { ContainerPhase } from './podLifecycle';

/** One container instance the runtime created (a restart makes a new one). */
export type Instance = {
  /** The runtime's ID (64 hex), and as pod status shows it (`containerd://…`). */
  readonly runtimeId: string;
  readonly containerID: string;
  /** The restart count it was started with (CRI attempt). */
  readonly attempt: number;
  readonly image: string;
  readonly imageID: string;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
};

/** A probe's worker: results and the ticks it is due at. */
export type ProbeState = {
  /** Whether the test (`setProbeHealth`) lets it pass. */
  healthy: boolean;
  /** The last result the kubelet acted on. */
  success: boolean;
  consecutive: number;
  timer?: number;
};

/** The kubelet's record of one container of a pod. */
export type ContainerRecord = {
  readonly name: string;
  readonly spec: Container;
  phase: ContainerPhase;
  /** When `phase` last changed. */
  since: number;
  /** The newest instance (running or exited), and the terminated one before it. */
  instance?: Instance;
  prior?: Instance;
  /** The kubelet's reason cache: why it could not start the container last time. */
  waiting?: { reason: string; message?: string };
  crash?: BackoffEntry;
  pull?: BackoffEntry;
  /** While in back-off: when the next try is due. */
  retryAt?: number;
  retryTimer?: number;
  ready: boolean;
  started: boolean;
  startup?: ProbeState;
  readiness?: ProbeState;
  liveness?: ProbeState;
};

/** The kubelet's record of one pod bound to its ship (a pod worker's state). */
export type PodRecord = {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  /** The latest object from the informer. */
  pod: Pod;
  readonly containers: ContainerRecord[];
  readonly requests: { cpu: number; memory: number };
  admitted: boolean;
  rejected?: { reason: string; message: string };
  sandbox: 'none' | 'creating' | 'ready' | 'removed';
  podIP?: string;
  /** RFC 3339: when the kubelet first synced the pod. */
  startTime?: string;
  /** A CRI step is in flight; another sync waits for it. */
  busy: boolean;
  again: boolean;
  terminating: boolean;
  /** The grace period the kill uses, in seconds. */
  grace: number;
  /** The object is gone from the API (deleted, or force-deleted while the radio was cut). */
  deletedFromApi: boolean;
  /** Every container stopped and the sandbox removed. */
  torndown: boolean;
  networkWarned: boolean;
  /** Condition type → [status, lastTransitionTime]. */
  readonly transitions: Map<string, [string, string]>;
  /** Status bookkeeping: bumped on every change, sent when it differs. */
  version: number;
  sentVersion: number;
  inflight: boolean;
  /** Terminal status acknowledged, delete with grace 0 sent. */
  deleting: boolean;
};
