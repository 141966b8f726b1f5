/**
 * A place where the simulation is simpler than Kubernetes. Each engine folder lists its own in
 * `simplifications.ts`; the UI shows them ("How this simulation differs") and narration cites them.
 */
export type Simplification = {
  /** Stable id, e.g. `scheduler.no-inter-pod-affinity`. */
  readonly id: string;
  /** The component, in Kubernetes terms: `kube-scheduler`, `kubelet`, … */
  readonly component: string;
  /** What real Kubernetes does and what Shipshape does instead, in one or two sentences. */
  readonly text: string;
};
