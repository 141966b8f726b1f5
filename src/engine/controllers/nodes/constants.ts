// kube-controller-manager settings of the node lifecycle controller that are not timings in
// sim/timings.ts (defaults from cmd/kube-controller-manager/app/options/nodelifecyclecontroller.go
// and pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go).

/** `scheduler.NodeEvictionPeriod`: how often doNoExecuteTaintingPass looks at its queues. */
export const NODE_EVICTION_PERIOD = 100;
/** `EvictionRateLimiterBurst`: one node's NoExecute taint may go through at once. */
export const EVICTION_RATE_LIMITER_BURST = 1;
/** --unhealthy-zone-threshold: a zone with ≥ 55 % (and > 2) unhealthy nodes is PartialDisruption. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** --large-cluster-size-threshold: zones up to 50 nodes stop evicting in PartialDisruption. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** --secondary-node-eviction-rate 0.01 nodes/s: larger zones slow to one node per 100 s. */
export const SECONDARY_EVICTION_INTERVAL = 100_000;
/** `labelNodeDisruptionExclusion`: nodes with this label do not count toward zone health. */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** Zone states of handleDisruption. */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';
