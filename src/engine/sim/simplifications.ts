import type { Simplification } from './simplification';
import { simplifications as scheduler } from '../scheduler';
import { simplifications as workloads } from '../controllers/workloads';
import { simplifications as nodes } from '../controllers/nodes';
import { simplifications as services } from '../controllers/services';
import { simplifications as kubelet } from '../node/kubelet';
import { simplifications as runtime } from '../node/runtime';
import { simplifications as proxy } from '../node/proxy';
import { simplifications as cli } from '../cli';

/** Where the shared core (API server, ledger, network, the harbor itself) is simpler than Kubernetes. */
const core: readonly Simplification[] = [
  {
    id: 'apiserver.no-auth',
    component: 'kube-apiserver',
    text: 'Authentication, authorization (RBAC, Node authorizer) and admission webhooks are not modelled. Admission is the API defaulting plus DefaultTolerationSeconds, TaintNodesByCondition, and the ServiceAccount name and Priority defaults.',
  },
  {
    id: 'apiserver.resources',
    component: 'kube-apiserver',
    text: 'Only Pods, Nodes, Leases, Deployments, ReplicaSets, Services, EndpointSlices, Events and Namespaces exist; no ConfigMaps, Secrets, volumes, DaemonSets, Jobs or CRDs. Deletion has no finalizers or propagationPolicy (cascading deletion is the background kind, done by the garbage collector).',
  },
  {
    id: 'apiserver.latency',
    component: 'kube-apiserver',
    text: 'Every request takes a fixed few milliseconds on the network and in the server, and watch events arrive 5 ms after the write. Client-side rate limits (QPS/burst of controllers and kubelets) and API priority and fairness are not modelled.',
  },
  {
    id: 'apiserver.console-waits',
    component: 'kubectl',
    text: 'The console talks to the bridge directly and answers at once; without an etcd quorum its writes fail at once with the message real clients get after etcd’s 7 s request timeout.',
  },
  {
    id: 'etcd.one-keyspace',
    component: 'etcd',
    text: 'The members share one key space: a stopped member keeps the revision it had and catches up at the leader’s next heartbeat, without replaying its log. Members can be stopped, not partitioned from each other; no learners, quotas or defragmentation.',
  },
  {
    id: 'network.radio',
    component: 'cluster network',
    text: 'A cut radio separates a ship from the control plane only; containers on different ships still reach each other. Requests from a cut-off ship time out after 10 s.',
  },
  {
    id: 'harbor.control-plane-pods',
    component: 'control plane',
    text: 'The control plane’s parts run on the control ship but not as static pods in kube-system (no etcd-control-plane, kube-apiserver-control-plane… pods), and there is no CoreDNS or kube-proxy DaemonSet: kube-proxy runs on every ship directly.',
  },
  {
    id: 'harbor.one-box-per-pod',
    component: 'pods',
    text: 'The canvas draws one box per pod; a pod’s containers travel together and the first container’s image names the cargo.',
  },
];

/** Every simplification of the simulation, grouped by the folder that makes it. */
export function allSimplifications(): readonly Simplification[] {
  return [
    ...core,
    ...scheduler,
    ...workloads,
    ...nodes,
    ...services,
    ...kubelet,
    ...runtime,
    ...proxy,
    ...cli,
  ];
}
