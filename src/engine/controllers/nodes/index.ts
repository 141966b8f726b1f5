// The Operations office: node lifecycle, taint eviction and node IPAM controllers of
// kube-controller-manager.
export { NodeLifecycleController } from './nodeLifecycleController';
export { TaintEvictionController } from './taintEvictionController';
export { NodeIpamController } from './nodeIpamController';
export { CLUSTER_CIDR } from './cidrSet';
export type { ZoneState } from './constants';
export { simplifications } from './simplifications';
