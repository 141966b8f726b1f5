/** The API resources the simulation serves. */
export type ResourceName =
  | 'pods'
  | 'nodes'
  | 'leases'
  | 'replicasets'
  | 'deployments'
  | 'services'
  | 'endpointslices'
  | 'events'
  | 'namespaces';

export type ResourceInfo = {
  readonly name: ResourceName;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  /** Where kube-apiserver keeps it in etcd (`SpecialDefaultResourcePrefixes` for the odd ones). */
  readonly keyPrefix: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  /** Has a `/status` subresource: spec and status are written separately. */
  readonly statusSubresource: boolean;
};

function info(
  name: ResourceName,
  kind: string,
  group: string,
  namespaced: boolean,
  keyPrefix: string,
  shortNames: string[],
  statusSubresource: boolean,
): ResourceInfo {
  return {
    name,
    kind,
    group,
    version: 'v1',
    namespaced,
    keyPrefix,
    singular: kind.toLowerCase(),
    shortNames,
    statusSubresource,
  };
}

// Key prefixes: k/k pkg/kubeapiserver/default_storage_factory_builder.go (nodes → minions,
// services → services/specs).
export const RESOURCES: Readonly<Record<ResourceName, ResourceInfo>> = {
  pods: info('pods', 'Pod', '', true, '/registry/pods/', ['po'], true),
  nodes: info('nodes', 'Node', '', false, '/registry/minions/', ['no'], true),
  leases: info('leases', 'Lease', 'coordination.k8s.io', true, '/registry/leases/', [], false),
  replicasets: info(
    'replicasets',
    'ReplicaSet',
    'apps',
    true,
    '/registry/replicasets/',
    ['rs'],
    true,
  ),
  deployments: info(
    'deployments',
    'Deployment',
    'apps',
    true,
    '/registry/deployments/',
    ['deploy'],
    true,
  ),
  services: info('services', 'Service', '', true, '/registry/services/specs/', ['svc'], true),
  endpointslices: info(
    'endpointslices',
    'EndpointSlice',
    'discovery.k8s.io',
    true,
    '/registry/endpointslices/',
    [],
    false,
  ),
  events: info('events', 'Event', '', true, '/registry/events/', ['ev'], false),
  namespaces: info('namespaces', 'Namespace', '', false, '/registry/namespaces/', ['ns'], true),
};

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(resource: ResourceInfo): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

/** The etcd key of an object. */
export function keyOf(resource: ResourceName, namespace: string | undefined, name: string): string {
  const r = RESOURCES[resource];
  return r.namespaced ? `${r.keyPrefix}${namespace ?? 'default'}/${name}` : `${r.keyPrefix}${name}`;
}

/** The resource a `/registry/...` key belongs to, and its namespace and name. */
export function parseKey(
  key: string,
): { resource: ResourceName; namespace?: string; name: string } | undefined {
  // Longest prefix first, so /registry/services/specs/ wins over a shorter one.
  for (const r of Object.values(RESOURCES).sort(
    (a, b) => b.keyPrefix.length - a.keyPrefix.length,
  )) {
    if (!key.startsWith(r.keyPrefix)) continue;
    const rest = key.slice(r.keyPrefix.length).split('/');
    if (r.namespaced) {
      if (rest.length !== 2 || !rest[0] || !rest[1]) return undefined;
      return { resource: r.name, namespace: rest[0], name: rest[1] };
    }
    if (rest.length !== 1 || !rest[0]) return undefined;
    return { resource: r.name, name: rest[0] };
  }
  return undefined;
}

/** `deployments.apps`, `pods`: how error messages name a resource. */
export function qualifiedName(resource: ResourceName): string {
  const r = RESOURCES[resource];
  return r.group === '' ? r.name : `${r.name}.${r.group}`;
}

/** `Deployment.apps`, `Pod`: how "is invalid" messages name a kind. */
export function qualifiedKind(resource: ResourceName): string {
  const r = RESOURCES[resource];
  return r.group === '' ? r.kind : `${r.kind}.${r.group}`;
}
