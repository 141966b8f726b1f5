import type { Taint } from '../objects/meta';

/**
 * Container runtimes a ship's deck crew can be. containerd and CRI-O speak CRI natively; Docker
 * Engine works through the cri-dockerd adapter since dockershim was removed in v1.24.
 */
export type RuntimeName = 'containerd' | 'cri-o' | 'docker';

/**
 * Runtimes a learner may ask for that are history, with why.
 *
 * @example
 * RETIRED_RUNTIMES['rkt']; // 'rkt (rocket) support was removed in Kubernetes v1.11 …'
 */
export const RETIRED_RUNTIMES: Readonly<Record<string, string>> = {
  dockershim:
    'dockershim was removed from the kubelet in Kubernetes v1.24; run Docker Engine through cri-dockerd (runtime "docker") or use containerd',
  rkt: 'rkt (rocket) support was removed in Kubernetes v1.11 and the project is archived; use containerd or cri-o',
};

/** A ship the fleet starts with, or one that joins later: a Kubernetes node. */
export type ShipSpec = {
  name: string;
  /** The control ship runs the control plane and carries the control-plane taint. */
  role?: 'control' | 'cargo';
  /** CPU capacity as a quantity (default "4"). */
  cpu?: string;
  /** Memory capacity as a quantity (default "8Gi"). */
  memory?: string;
  /** kubelet maxPods (default 110). */
  maxPods?: number;
  labels?: Record<string, string>;
  /** Taints registered by the kubelet (--register-with-taints). */
  taints?: Taint[];
  runtime?: RuntimeName;
  /** Images already in the ship's cache at start (e.g. ["nginx:1.27"]). */
  images?: string[];
};

/**
 * Something that goes wrong (or is put right), applied at the current simulated time. Faults on a
 * pod name it (`pod`) or pick the first running pod, by name, matching a label `selector` ("app=web").
 */
export type Fault =
  | { kind: 'sink-ship'; ship: string }
  | { kind: 'cut-radio'; ship: string }
  | { kind: 'restore-radio'; ship: string }
  | { kind: 'add-ship'; ship: ShipSpec }
  | {
      kind: 'crash-container';
      pod?: string;
      selector?: string;
      namespace?: string;
      container?: string;
      exitCode?: number;
      times?: number;
    }
  | { kind: 'oom-kill'; pod?: string; selector?: string; namespace?: string; container?: string }
  | { kind: 'bad-image'; deployment: string; namespace?: string; image?: string }
  | {
      kind: 'fail-probe';
      pod?: string;
      selector?: string;
      namespace?: string;
      container?: string;
      probe: 'readiness' | 'liveness';
      healthy?: boolean;
    }
  | { kind: 'cordon'; ship: string }
  | { kind: 'uncordon'; ship: string }
  | { kind: 'drain'; ship: string }
  | { kind: 'stop-etcd-member'; member: string }
  | { kind: 'start-etcd-member'; member: string }
  | { kind: 'stop-apiserver' }
  | { kind: 'start-apiserver' };

/** What a console line (or an apply, or a fault) produced, as a terminal would show it. */
export type ExecResult = {
  readonly ok: boolean;
  /** stdout and stderr as the real tool prints them. */
  readonly output: string;
};

/** A user input, stamped with its simulated time: replaying the inputs replays the run. */
export type RecordedInput =
  | { readonly at: number; readonly kind: 'exec'; readonly line: string; readonly stdin?: string }
  | { readonly at: number; readonly kind: 'apply'; readonly yaml: string }
  | { readonly at: number; readonly kind: 'inject'; readonly fault: Fault };
