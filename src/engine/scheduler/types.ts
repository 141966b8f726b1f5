/** One scheduling attempt, explained: what the cranes decided for a container and why. */
export type SchedulingDecision = {
  seq: number;
  at: number;
  pod: string;
  namespace: string;
  uid: string;
  outcome: 'bound' | 'unschedulable' | 'bind-failed' | 'preempting';
  node?: string;
  /** "Successfully assigned default/web-x to ship-2" or the full FailedScheduling text. */
  message: string;
  nodesTotal: number;
  nodesEvaluated: number;
  feasibleFound: number;
  numFeasibleNodesToFind: number;
  nodes: {
    name: string;
    /** 'passed', or the reason in Kubernetes' words. */
    filter: 'passed' | string;
    failedPlugin?: string;
    /** Per plugin, weighted, after normalization. */
    scores?: Record<string, number>;
    total?: number;
  }[];
};
