import type { Simplification } from '../sim/simplification';

/** Where the console (kubectl, etcdctl) is simpler than the real tools. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'kubectl.subset',
    component: 'kubectl',
    text: 'kubectl has dozens of commands and flags; the console runs get, describe, create, apply, scale, delete, set image, expose, label, taint, cordon, uncordon, drain, logs, exec, rollout status, version, cluster-info and api-resources, and says so for the rest.',
  },
  {
    id: 'kubectl.apply-all-or-nothing',
    component: 'kubectl',
    text: 'Real kubectl apply sends each document in turn and reports errors per document, so a bad document does not stop the good ones. The console checks every document (YAML, kind, known fields, the API server’s validation) before writing any, so an invalid set changes nothing.',
  },
  {
    id: 'kubectl.client-side-apply',
    component: 'kubectl',
    text: 'kubectl apply computes a strategic merge patch from the last-applied-configuration annotation; the console does the same three-way merge on JSON, merging lists by name (containers, env) or port and replacing other lists whole. Server-side apply (--server-side, managedFields) is not modelled.',
  },
  {
    id: 'kubectl.strict-fields',
    component: 'kube-apiserver',
    text: 'Strict field validation knows every field of every type; the console knows the fields of Deployments, ReplicaSets, Pods, Services and Namespaces that people type, and accepts the rest of a manifest as written.',
  },
  {
    id: 'kubectl.no-waiting',
    component: 'kubectl',
    text: 'kubectl drain waits until the evicted pods are gone and uses the Eviction API (which honours PodDisruptionBudgets); the console deletes them gracefully and prints kubectl’s lines at once. kubectl delete does not wait for deletion to finish either.',
  },
  {
    id: 'kubectl.namespace-deletion',
    component: 'kube-controller-manager',
    text: 'Deleting a namespace sets it Terminating while the namespace controller deletes its contents; the console deletes the contents and then the namespace at once.',
  },
  {
    id: 'kubectl.discovery-noise',
    component: 'kubectl',
    text: 'With the API server down, kubectl logs several "couldn’t get current server API group list" lines before its final message; the console prints only the final "The connection to the server … was refused" line.',
  },
  {
    id: 'kubectl.exec-commands',
    component: 'kubelet',
    text: 'kubectl exec runs any program in the container; the console’s containers understand curl, wget and nc (also inside sh -c), which send one request through kube-proxy’s rules, and have no interactive shell.',
  },
  {
    id: 'kubectl.sort-by',
    component: 'kubectl',
    text: 'kubectl get --sort-by takes any JSONPath; the console takes a dotted field path such as .metadata.creationTimestamp or .lastTimestamp. Without it, kubectl get events lists events in the API’s order (by name), as real kubectl does.',
  },
  {
    id: 'kubectl.no-coredns',
    component: 'kubectl',
    text: 'CoreDNS is not modelled as pods, so cluster-info shows only the control plane line, and names are resolved by the simulation’s kube-proxy.',
  },
  {
    id: 'etcdctl.protobuf',
    component: 'etcd',
    text: 'kube-apiserver stores objects in etcd as protobuf (a k8s\\x00 envelope) that etcdctl prints as binary; the console shows them as JSON, with a note that auger decodes the real thing.',
  },
  {
    id: 'etcdctl.timeouts',
    component: 'etcd',
    text: 'Without quorum etcdctl waits for its command timeout (5 s by default) before "Error: context deadline exceeded"; the console answers at once.',
  },
  {
    id: 'etcdctl.endpoints',
    component: 'etcd',
    text: 'The console’s etcdctl is set up with every member’s client URL (like ETCDCTL_ENDPOINTS on an HA control plane), so endpoint status lists all members with or without --cluster, and TLS flags are accepted and ignored.',
  },
  {
    id: 'etcdctl.status-columns',
    component: 'etcd',
    text: 'etcdctl 3.6 endpoint status also shows the storage version, DB size in use, quota and downgrade columns; the console shows the columns of 3.5 (endpoint, ID, version, DB size, leader, learner, raft term, index, applied index, errors). Raft index is the ledger revision the member applied, and DB size is estimated from the keys and history held.',
  },
  {
    id: 'etcdctl.v2',
    component: 'etcd',
    text: 'The v2 API (etcdctl set, ls, mkdir, rm with ETCDCTL_API=2) is gone since etcd 3.6; the console still answers those verbs by running the v3 equivalent and says which v3 command to use. v2 directories have no v3 counterpart: keys with a common prefix play that role.',
  },
  {
    id: 'console.pipes',
    component: 'kubectl',
    text: 'The console is not a shell: it understands quotes and VAR=value prefixes, and pipes into grep, head, tail and wc -l only.',
  },
];
