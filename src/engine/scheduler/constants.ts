// Fixed numbers and words of kube-scheduler that are not flags (so not in world.timings): each
// cites the upstream source it comes from. Times are simulated milliseconds.

/** Plugin names as the default profile calls them (k/k pkg/scheduler/framework/plugins/names). */
export const PLUGIN = {
  NodeUnschedulable: 'NodeUnschedulable',
  NodeName: 'NodeName',
  TaintToleration: 'TaintToleration',
  NodeAffinity: 'NodeAffinity',
  NodePorts: 'NodePorts',
  NodeResourcesFit: 'NodeResourcesFit',
  PodTopologySpread: 'PodTopologySpread',
  NodeResourcesBalancedAllocation: 'NodeResourcesBalancedAllocation',
  ImageLocality: 'ImageLocality',
  DefaultPreemption: 'DefaultPreemption',
  DefaultBinder: 'DefaultBinder',
} as const;

/** Score weights of the default profile (k/k pkg/scheduler/apis/config/v1/default_plugins.go). */
export const WEIGHT = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
} as const;

/** framework.MaxNodeScore: every score plugin answers 0–100 (k/k staging/.../framework/interface.go). */
export const MAX_NODE_SCORE = 100;

/**
 * numFeasibleNodesToFind (k/k pkg/scheduler/schedule_one.go): below 100 nodes every node is
 * checked; above, `50 − nodes/125` percent with a floor of 5 %, never fewer than 100 nodes.
 */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * Requests assumed for scoring a container that sets none (k/k pkg/scheduler/util/pod_resources.go
 * DefaultMilliCPURequest = 100m, DefaultMemoryRequest = 200 MiB): without them, a node full of
 * BestEffort pods would look empty to LeastAllocated.
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** ImageLocality thresholds (k/k .../plugins/imagelocality/image_locality.go): 23 MiB and 1000 MiB per container. */
export const IMAGE_MIN_THRESHOLD = 23 * 1024 * 1024;
export const IMAGE_MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024;

/**
 * The scheduling queue's fixed periods (k/k pkg/scheduler/backend/queue/scheduling_queue.go):
 * completed back-offs are flushed to activeQ every second, aligned to the 1 s ordering window of
 * SchedulerPopFromBackoffQ (backoff_queue.go backoffQOrderingWindowDuration); pods left in the
 * unschedulable pool are checked every 30 s (flushUnschedulablePodsLeftover).
 */
export const BACKOFF_ORDERING_WINDOW = 1_000;
export const UNSCHEDULABLE_FLUSH_PERIOD = 30_000;

/**
 * DefaultPreemption args (k/k pkg/scheduler/apis/config/v1/defaults.go): dry-run preemption on
 * at least 10 % of the potential nodes, and at least 100 of them.
 */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** How long the crane crew waits without work before it stands down (presentation only). */
export const CREW_IDLE_CHECK = 100;

/** Keep the last 200 decisions for the inspector. */
export const DECISION_RING = 200;

/** System default spreading (k/k .../plugins/podtopologyspread/plugin.go systemDefaultConstraints). */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
export const LABEL_ZONE_BETA = 'failure-domain.beta.kubernetes.io/zone';
export const LABEL_REGION_BETA = 'failure-domain.beta.kubernetes.io/region';
export const SPREAD_HOSTNAME_MAX_SKEW = 3;
export const SPREAD_ZONE_MAX_SKEW = 5;

/** The taint NodeUnschedulable treats `spec.unschedulable` as (k/k api/core/v1 well_known_taints.go). */
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Reasons in Kubernetes' own words (each plugin's ErrReason constants). */
export const REASON = {
  unschedulable: 'node(s) were unschedulable',
  nodeName: "node(s) didn't match the requested node name",
  affinity: "node(s) didn't match Pod's node affinity/selector",
  ports: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
  notHelpful: 'Preemption is not helpful for scheduling',
  noVictims: 'No preemption victims found for incoming pod',
  preemptNever: 'not eligible due to preemptionPolicy=Never.',
  terminatingOnNominated: 'not eligible due to a terminating pod on the nominated node.',
  noNodes: 'no nodes available to schedule pods',
} as const;

/** The taint message of TaintToleration (taint_toleration.go, before v1.35; see simplifications). */
export function untoleratedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}
