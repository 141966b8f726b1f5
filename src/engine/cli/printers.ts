// Column sets and cell formats of `kubectl get`, after the server-side table printers
// (k/k pkg/printers/internalversion/printers.go): printPod, printNode, printDeployment,
// printReplicaSet, printService, printEndpointSlice, printEvent, printNamespace, printLease.

import type { KObject, LabelSelector } from '../objects/meta';
import type { Deployment, Pod, ReplicaSet, Container } from '../objects/workloads';
import type { EndpointSlice, KEvent, Lease, Namespace, Node, Service } from '../objects/cluster';
import type { ResourceName } from '../objects/resources';
import { podRow } from './podStatus';
import { since } from './timefmt';
import { kindPrefix } from './resources';
import { kubectlTable } from './tabwriter';

type Printer = {
  headers(wide: boolean): string[];
  row(obj: KObject, now: number, wide: boolean): string[];
};

/** `labels.FormatLabels`: `k=v,k=v` sorted by key, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** `labels.Selector.String()` of a LabelSelector: requirements sorted by key. */
export function selectorString(selector: LabelSelector | undefined): string {
  const parts: [string, string][] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}))
    parts.push([key, `${key}=${value}`]);
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    parts.push([e.key, text]);
  }
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return parts.map(([, text]) => text).join(',');
}

/** `metav1.FormatLabelSelector`: the selector string, or `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return selectorString(selector) || '<none>';
}

/** `layoutContainerCells`: container names and images, comma-separated. */
function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image).join(',')];
}

const age = (obj: KObject, now: number) => since(obj.metadata.creationTimestamp, now);

/** The node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return [...roles].sort();
}

/** STATUS of a node: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: 'InternalIP' | 'ExternalIP'): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

function servicePorts(svc: Service): string {
  const text = (svc.spec.ports ?? [])
    .map((p) =>
      p.nodePort
        ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
        : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
  return text || '<none>';
}

function externalIP(svc: Service): string {
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return '<none>';
    case 'LoadBalancer':
      return '<pending>';
    default:
      return '<unknown>';
  }
}

/** `listWithMoreString`: up to 3 items, then `+ N more...`; `<unset>` when empty. */
function listWithMore(items: readonly string[]): string {
  const max = 3;
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}

const printers: Record<ResourceName, Printer> = {
  pods: {
    headers: (wide) => [
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
    ],
    row(obj, now, wide) {
      const pod = obj as Pod;
      const r = podRow(pod, now);
      const cells = [pod.metadata.name, r.ready, r.status, r.restarts, age(pod, now)];
      if (wide) {
        cells.push(
          pod.status.podIPs?.[0]?.ip || pod.status.podIP || '<none>',
          pod.spec.nodeName || '<none>',
          pod.status.nominatedNodeName || '<none>',
          '<none>',
        );
      }
      return cells;
    },
  },
  nodes: {
    headers: (wide) => [
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      ...(wide
        ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']
        : []),
    ],
    row(obj, now, wide) {
      const node = obj as Node;
      const info = node.status?.nodeInfo;
      const cells = [
        node.metadata.name,
        nodeStatus(node),
        nodeRoles(node).join(',') || '<none>',
        age(node, now),
        info?.kubeletVersion ?? '',
      ];
      if (wide) {
        cells.push(
          nodeAddress(node, 'InternalIP'),
          nodeAddress(node, 'ExternalIP'),
          info?.osImage || '<unknown>',
          info?.kernelVersion || '<unknown>',
          info?.containerRuntimeVersion || '<unknown>',
        );
      }
      return cells;
    },
  },
  deployments: {
    headers: (wide) => [
      'NAME',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'AGE',
      ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
    ],
    row(obj, now, wide) {
      const d = obj as Deployment;
      const cells = [
        d.metadata.name,
        `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
        String(d.status?.updatedReplicas ?? 0),
        String(d.status?.availableReplicas ?? 0),
        age(d, now),
      ];
      if (wide)
        cells.push(
          ...containerCells(d.spec.template?.spec?.containers),
          selectorString(d.spec.selector),
        );
      return cells;
    },
  },
  replicasets: {
    headers: (wide) => [
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'AGE',
      ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
    ],
    row(obj, now, wide) {
      const rs = obj as ReplicaSet;
      const cells = [
        rs.metadata.name,
        String(rs.spec.replicas ?? 1),
        String(rs.status?.replicas ?? 0),
        String(rs.status?.readyReplicas ?? 0),
        age(rs, now),
      ];
      if (wide) {
        cells.push(
          ...containerCells(rs.spec.template?.spec?.containers),
          formatLabelSelector(rs.spec.selector),
        );
      }
      return cells;
    },
  },
  services: {
    headers: (wide) => [
      'NAME',
      'TYPE',
      'CLUSTER-IP',
      'EXTERNAL-IP',
      'PORT(S)',
      'AGE',
      ...(wide ? ['SELECTOR'] : []),
    ],
    row(obj, now, wide) {
      const svc = obj as Service;
      const cells = [
        svc.metadata.name,
        svc.spec.type ?? 'ClusterIP',
        svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>',
        externalIP(svc),
        servicePorts(svc),
        age(svc, now),
      ];
      if (wide) cells.push(formatLabels(svc.spec.selector));
      return cells;
    },
  },
  endpointslices: {
    headers: () => ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row(obj, now) {
      const eps = obj as EndpointSlice;
      const ports = (eps.ports ?? []).map((p) =>
        p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'),
      );
      const addresses = (eps.endpoints ?? []).flatMap((e) => e.addresses);
      return [
        eps.metadata.name,
        eps.addressType,
        listWithMore(ports),
        listWithMore(addresses),
        age(eps, now),
      ];
    },
  },
  events: {
    headers: (wide) =>
      wide
        ? [
            'LAST SEEN',
            'TYPE',
            'REASON',
            'OBJECT',
            'SUBOBJECT',
            'SOURCE',
            'MESSAGE',
            'FIRST SEEN',
            'COUNT',
            'NAME',
          ]
        : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    row(obj, now, wide) {
      const e = obj as KEvent;
      const first = since(e.firstTimestamp, now);
      const last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
      const target = e.involvedObject.name
        ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`
        : e.involvedObject.kind.toLowerCase();
      const message = e.message.trim();
      if (!wide) return [last, e.type, e.reason, target, message];
      const component = e.source?.component || e.reportingComponent || '';
      const instance = e.source?.host || e.reportingInstance || '';
      return [
        last,
        e.type,
        e.reason,
        target,
        e.involvedObject.fieldPath ?? '',
        instance ? `${component}, ${instance}` : component,
        message,
        first,
        String(e.count || 1),
        e.metadata.name,
      ];
    },
  },
  namespaces: {
    headers: () => ['NAME', 'STATUS', 'AGE'],
    row: (obj, now) => [obj.metadata.name, (obj as Namespace).status?.phase ?? '', age(obj, now)],
  },
  leases: {
    headers: () => ['NAME', 'HOLDER', 'AGE'],
    row: (obj, now) => [
      obj.metadata.name,
      (obj as Lease).spec?.holderIdentity ?? '',
      age(obj, now),
    ],
  },
};

/** How a table is printed. */
export type TableOptions = {
  wide?: boolean;
  /** -A: a NAMESPACE column first. */
  allNamespaces?: boolean;
  /** --show-labels: a LABELS column last. */
  showLabels?: boolean;
  /** Several kinds in one command: names print as `pod/web-…`. */
  withKind?: boolean;
  noHeaders?: boolean;
  /** Widths kept across a `get -w` stream. */
  remembered?: number[];
};

/** Header and rows (cells) of a kubectl table, before alignment. */
export function tableRows(
  resource: ResourceName,
  objects: readonly KObject[],
  now: number,
  options: TableOptions,
): string[][] {
  const printer = printers[resource];
  const wide = options.wide ?? false;
  const rows: string[][] = [];
  const header = printer.headers(wide);
  if (options.allNamespaces) header.unshift('NAMESPACE');
  if (options.showLabels) header.push('LABELS');
  if (!options.noHeaders) rows.push(header);
  for (const obj of objects) {
    const cells = printer.row(obj, now, wide);
    const nameAt = resource === 'events' ? (wide ? 9 : -1) : 0;
    if (options.withKind && nameAt >= 0) cells[nameAt] = `${kindPrefix(resource)}/${cells[nameAt]}`;
    if (options.allNamespaces) cells.unshift(obj.metadata.namespace ?? '');
    if (options.showLabels) cells.push(formatLabels(obj.metadata.labels));
    rows.push(cells);
  }
  return rows;
}

/**
 * A `kubectl get` table: upper-case headers, cells aligned as kubectl's tabwriter aligns them
 * (at least 6 wide, 3 spaces between columns).
 *
 * @example
 * printTable('pods', pods, world.now(), {}); // 'NAME   READY   STATUS    RESTARTS   AGE\n…'
 */
export function printTable(
  resource: ResourceName,
  objects: readonly KObject[],
  now: number,
  options: TableOptions = {},
): string {
  return kubectlTable(tableRows(resource, objects, now, options), options.remembered);
}
