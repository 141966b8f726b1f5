// The signal officer: kube-proxy in iptables mode, one per ship.
export { KubeProxy } from './kubeProxy';
export type { Caller } from './dial';
export type { RuleEndpoint, RuleService } from './iptables';
export { simplifications } from './simplifications';
