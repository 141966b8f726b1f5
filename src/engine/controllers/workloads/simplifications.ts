import type { Simplification } from '../../sim/simplification';

/** Where the workload controllers (the Cargo office, and pod GC in Operations) are simpler than kube-controller-manager's. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'workloads.pod-template-hash-input',
    component: 'kube-controller-manager (deployment)',
    text: 'The pod-template-hash is FNV-32a run through SafeEncodeString, plus collisionCount, as upstream, but it hashes a canonical JSON rendering of the pod template instead of Go’s dump of the PodTemplateSpec struct, so the same template gets a different (equally valid-looking) hash than on a real cluster.',
  },
  {
    id: 'workloads.gc-background-only',
    component: 'kube-controller-manager (garbage collector)',
    text: 'Only background cascading deletion is modelled: an object whose owners are all gone is deleted. The simulated API server’s delete has no propagationPolicy and no finalizers, so `--cascade=orphan` and foreground deletion (foregroundDeletion/orphan finalizers, blockOwnerDeletion) are not available.',
  },
  {
    id: 'workloads.gc-watched-kinds',
    component: 'kube-controller-manager (garbage collector)',
    text: 'The garbage collector watches Deployments, ReplicaSets and Pods (upstream: every resource found by discovery, through metadata-only informers). References to owners of other kinds are checked with a live read. Graph changes are handled as informer events arrive rather than by a separate graph-builder queue, and there are no “virtual” owner nodes.',
  },
  {
    id: 'workloads.expectations-resync',
    component: 'kube-controller-manager (replicaset)',
    text: 'When a ReplicaSet’s expectations expire (5 min) it is synced at that moment; upstream it waits for the next informer event or the shared informers’ 12–24 h resync.',
  },
  {
    id: 'workloads.rank-ties',
    component: 'kube-controller-manager (replicaset)',
    text: 'Pods that tie on every ActivePodsWithRanks rule are deleted in the order the controller first saw them; upstream their order comes from Go map iteration and is effectively random.',
  },
  {
    id: 'workloads.related-pods-by-owner',
    component: 'kube-controller-manager (replicaset)',
    text: 'For the “more pods on the same node” rank, related pods are those owned by ReplicaSets of the same Deployment (from an owner index); upstream lists pods by each sibling ReplicaSet’s selector.',
  },
  {
    id: 'workloads.indexed-syncs',
    component: 'kube-controller-manager (replicaset, deployment)',
    text: 'Syncs read counts kept up to date per ReplicaSet and indexes by owner instead of listing and filtering every pod of the namespace as upstream does; the results are the same, the cost no longer grows with the cluster. A sync itself takes no simulated time: only its API requests do.',
  },
  {
    id: 'workloads.shared-informers',
    component: 'kube-controller-manager',
    text: 'The four controllers share one informer per resource, as kube-controller-manager shares them between all its controllers; on the canvas pod and ReplicaSet watches go to kcm/replicaset, Deployment watches to kcm/deployment and Node watches to kcm/pod-gc.',
  },
  {
    id: 'workloads.deployment-revision-annotation',
    component: 'kube-controller-manager (deployment)',
    text: 'Upstream writes the Deployment’s revision annotation in the same status update (its status strategy keeps metadata changes); here the status update is followed by a metadata patch, because the simulated status subresource keeps the old metadata.',
  },
  {
    id: 'workloads.not-modelled',
    component: 'kube-controller-manager (deployment, replicaset)',
    text: 'Not modelled: ReplicationControllers (the same controller code serves them upstream), the deprecated rollbackTo field, the alpha terminatingReplicas status field, leader election between several kube-controller-manager instances, and informer resyncs.',
  },
];
