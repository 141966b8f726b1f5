// The Cargo office: the workload controllers of kube-controller-manager (Deployment, ReplicaSet,
// garbage collector) and pod GC, which works from the Operations office.
export { DeploymentController } from './deploymentController';
export { ReplicaSetController } from './replicaSetController';
export { GarbageCollector } from './garbageCollector';
export { PodGCController } from './podGC';
export { simplifications } from './simplifications';
