// The Services office: the EndpointSlice controller of kube-controller-manager.
export { EndpointSliceController, MAX_ENDPOINTS_PER_SLICE } from './endpointSliceController';
export { simplifications } from './simplifications';
