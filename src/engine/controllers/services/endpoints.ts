import type { Endpoint, EndpointSlice, Service, ServicePort } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';

// Per-pod helpers of the EndpointSlice controller (staging/src/k8s.io/endpointslice:
// utils.go, reconciler_helpers.go) and pkg/api/v1/pod (FindPort, IsPodReady).

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

export type SlicePort = EndpointSlice['ports'][number];

/** `IsPodReady`: the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * `ShouldPodBeInEndpoints(pod, includeTerminating=true)`: a pod with an IP that has not finished.
 * Terminating pods stay, marked terminating (EndpointSliceTerminatingCondition, GA in v1.26).
 */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  if (!pod.status.podIP) return false;
  return pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

/**
 * `podutil.FindPort`: a numeric targetPort as is; a named one is the container port of that
 * name and protocol; undefined if the pod has none (the pod then gets no port for it).
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec.containers) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}

/** `getEndpointPorts`: the service's ports as this pod serves them (name is always set, "" if unnamed). */
export function endpointPorts(service: Service, pod: Pod): SlicePort[] {
  const out: SlicePort[] = [];
  for (const servicePort of service.spec.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    out.push({ name: servicePort.name ?? '', port, protocol: servicePort.protocol ?? 'TCP' });
  }
  return out;
}

/** `NewPortMapKey`: endpoints with the same resolved ports share slices. */
export function portMapKey(ports: readonly SlicePort[]): string {
  return JSON.stringify(
    [...ports]
      .map((p) => [p.name ?? '', p.port, p.protocol ?? 'TCP'])
      .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0)),
  );
}

/**
 * `podToEndpoint`: ready means Ready and not terminating; serving means Ready regardless;
 * terminating means the pod has a deletionTimestamp.
 */
export function podToEndpoint(pod: Pod): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  return {
    addresses: [pod.status.podIP!],
    conditions: { ready: serving && !terminating, serving, terminating },
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
}

/** `hashEndpoint`: an endpoint's identity is its addresses and the pod it points at. */
export function endpointKey(endpoint: Endpoint): string {
  const ref = endpoint.targetRef;
  return `${[...endpoint.addresses].sort().join(',')}|${ref ? `${ref.namespace}/${ref.name}` : ''}`;
}

/** `EndpointsEqualBeyondHash`: conditions, node and target are the same too. */
export function endpointsEqual(a: Endpoint, b: Endpoint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `setEndpointSliceLabels`: the Service's own labels, plus the reserved ones naming the
 * Service and this controller (and `headless` for a Service without a ClusterIP).
 */
export function sliceLabels(service: Service): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) {
    if (key === LABEL_SERVICE_NAME || key === LABEL_MANAGED_BY || key === LABEL_HEADLESS) continue;
    out[key] = value;
  }
  const ip = service.spec.clusterIP;
  if (!ip || ip === 'None') out[LABEL_HEADLESS] = '';
  out[LABEL_SERVICE_NAME] = service.metadata.name;
  out[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return out;
}

/** `getEndpointSlicePrefix`: `<service>-` (a Service name, ≤ 63 characters, always leaves room). */
export function slicePrefix(serviceName: string): string {
  return `${serviceName}-`;
}

/** `newEndpointSlice`: an empty slice for the service, owned by it, named by the server. */
export function newEndpointSlice(service: Service, ports: readonly SlicePort[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(service.metadata.name),
      namespace: service.metadata.namespace ?? 'default',
      labels: sliceLabels(service),
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: service.metadata.name,
          uid: service.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    } as EndpointSlice['metadata'],
    addressType: 'IPv4',
    endpoints: [],
    ports: [...ports],
  };
}

/** `ownedBy`: the slice's controller reference is this Service. */
export function ownedBy(slice: EndpointSlice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (ref) => ref.controller && ref.kind === 'Service' && ref.uid === service.metadata.uid,
  );
}
