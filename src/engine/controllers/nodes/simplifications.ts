import type { Simplification } from '../../sim/simplification';

/** Where the Operations office (node lifecycle, taint eviction, node IPAM) is simpler than kube-controller-manager. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'node-lifecycle.status-retry',
    component: 'kube-controller-manager (node lifecycle)',
    text: 'Kubernetes retries a failed Ready=Unknown status update at once with a fresh GET (up to 5 times). Shipshape sends it once; after a conflict the next 5 s pass decides again.',
  },
  {
    id: 'node-lifecycle.tainting-pass-wakeup',
    component: 'kube-controller-manager (node lifecycle)',
    text: 'Kubernetes polls its rate-limited NoExecute tainting queues every 100 ms. Shipshape wakes the pass when a queued node’s turn or the next eviction token comes (at least 100 ms later), which taints at the same moments give or take one poll.',
  },
  {
    id: 'node-lifecycle.zone-settings-fixed',
    component: 'kube-controller-manager (node lifecycle)',
    text: 'The zone thresholds are Kubernetes’ defaults and cannot be changed by a scenario: --unhealthy-zone-threshold 0.55, --large-cluster-size-threshold 50, --secondary-node-eviction-rate 0.01. --node-eviction-rate and the grace periods come from the timings and can be.',
  },
  {
    id: 'node-lifecycle.no-label-reconcile',
    component: 'kube-controller-manager (node lifecycle)',
    text: 'Kubernetes also copies the kubernetes.io/os and arch labels to their old beta.kubernetes.io names on each node. Shipshape does not.',
  },
  {
    id: 'node-lifecycle.sequential-passes',
    component: 'kube-controller-manager (node lifecycle)',
    text: 'Kubernetes checks nodes in parallel workers and marks pods not ready one request after another. Shipshape checks nodes one by one in name order and sends the pod updates together. The outcome is the same.',
  },
  {
    id: 'taint-eviction.handled-on-arrival',
    component: 'kube-controller-manager (taint eviction)',
    text: 'Kubernetes hands node and pod updates to 8 workers through queues. Shipshape handles each update as it arrives. Eviction times are the same: at once, or tolerationSeconds after the controller saw the taint.',
  },
  {
    id: 'node-ipam.single-range',
    component: 'kube-controller-manager (node IPAM)',
    text: 'Only the IPv4 range allocator runs, with a fixed --cluster-cidr 10.244.0.0/16 and a /24 per node: no dual stack, no cloud allocator, no multi-CIDR. A failed CIDR patch is retried 3 times at once, not through a rate-limited queue.',
  },
];
