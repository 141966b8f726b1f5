import type { Simplification } from '../../sim/simplification';

/** Where the Services office (EndpointSlice controller) is simpler than kube-controller-manager. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'endpointslice.ipv4-only',
    component: 'kube-controller-manager (EndpointSlice)',
    text: 'Slices are IPv4 only. Endpoints have no zone, no topology hints (trafficDistribution) and no hostname, and Services have no publishNotReadyAddresses.',
  },
  {
    id: 'endpointslice.no-trigger-time',
    component: 'kube-controller-manager (EndpointSlice)',
    text: 'The endpoints.kubernetes.io/last-change-trigger-time annotation is not written.',
  },
  {
    id: 'endpointslice.ordered-placement',
    component: 'kube-controller-manager (EndpointSlice)',
    text: 'New endpoints are placed in pod-name order. Kubernetes takes them from a hash set in no fixed order, so the same slices hold the same endpoints but the order may differ.',
  },
  {
    id: 'endpointslice.resync-on-any-pod-change',
    component: 'kube-controller-manager (EndpointSlice)',
    text: 'Any change to a selected pod re-syncs its Services. Kubernetes first checks whether a field that matters changed. The slices come out the same either way.',
  },
  {
    id: 'endpointslice.no-endpoints-v1',
    component: 'kube-controller-manager (EndpointSlice)',
    text: 'Only EndpointSlices are kept. There are no v1 Endpoints objects (the older endpoints controller) and no mirroring of hand-made Endpoints. Named target ports are found in app containers only, not in sidecar init containers.',
  },
];
