import type { Simplification } from '../sim/simplification';

const component = 'kube-scheduler';

/** Where Shipshape's cranes (kube-scheduler, default profile) differ from the real one. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'scheduler.no-inter-pod-affinity',
    component,
    text: 'InterPodAffinity (pod affinity and anti-affinity, a filter and a score of weight 2) is not modelled: pods here have no podAffinity fields.',
  },
  {
    id: 'scheduler.default-spreading-only',
    component,
    text: 'PodTopologySpread scores with the system default constraints only (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) for pods selected by a Service or owned by a ReplicaSet; pods cannot declare their own topologySpreadConstraints, so the plugin never filters. ReplicationControllers and StatefulSets do not exist here.',
  },
  {
    id: 'scheduler.no-volume-plugins',
    component,
    text: 'VolumeRestrictions, NodeVolumeLimits, VolumeBinding and VolumeZone are absent: pods have no volumes.',
  },
  {
    id: 'scheduler.no-dra',
    component,
    text: 'DynamicResources (in the default profile since v1.34) is absent, so FailedScheduling messages lack its "no new claims to deallocate, " before the preemption part.',
  },
  {
    id: 'scheduler.taint-message',
    component,
    text: 'Since v1.35 (kubernetes#134740) TaintToleration says "node(s) had untolerated taint(s)" without the taint; Shipshape keeps the earlier wording, "node(s) had untolerated taint {key: value}", because it shows which flag kept the container off.',
  },
  {
    id: 'scheduler.resources',
    component,
    text: 'NodeResourcesFit checks cpu, memory and pod count; ephemeral storage, hugepages, extended resources, init containers, pod overhead and pod-level resources are not modelled. NodePorts ignores hostIP (every host port binds 0.0.0.0).',
  },
  {
    id: 'scheduler.instant-cycle',
    component,
    text: 'A scheduling cycle takes no simulated time (a real one takes around a millisecond at this scale); cycles still run one at a time, each as its own step of the simulation, and binding still crosses the network.',
  },
  {
    id: 'scheduler.filter-stops-exactly',
    component,
    text: 'Filtering stops at exactly numFeasibleNodesToFind feasible nodes; upstream filters in parallel goroutines and may look at a few more nodes before the cancel lands.',
  },
  {
    id: 'scheduler.tie-break-one-draw',
    component,
    text: 'Among equally scored nodes the choice is uniform from the seeded PRNG with one draw per cycle; upstream samples a reservoir with one draw per tie. The odds are the same.',
  },
  {
    id: 'scheduler.queueing-hints',
    component,
    text: "Queueing hints are modelled for node additions and updates (allocatable, labels, taints, cordon lifted) and assigned-pod deletions, per rejecting filter plugin. A pending pod's own update requeues it when its spec, labels or annotations change, without upstream's finer UpdatePod* event kinds; resizing a running pod down does not requeue others.",
  },
  {
    id: 'scheduler.preemption',
    component,
    text: "There are no PodDisruptionBudgets, so preemption never weighs PDB violations. Victims are patched (DisruptionTarget) and deleted with API calls as upstream does, but without async preemption's PreEnqueue gate: the preemptor simply waits in the unschedulable pool until a victim is gone.",
  },
  {
    id: 'scheduler.no-gates-or-batching',
    component,
    text: 'Scheduling gates, extenders, multiple profiles, a configurable percentageOfNodesToScore, OpportunisticBatching (v1.35) and leader election are not modelled: one default-profile scheduler runs.',
  },
  {
    id: 'scheduler.queue-periods',
    component,
    text: "The queue's fixed periods (1 s back-off flush on the ordering window, 30 s unschedulable flush) are upstream constants kept in the scheduler's own constants, not in world.timings; the back-off (1 s to 10 s) and the 5-minute unschedulable limit do come from world.timings.",
  },
];
