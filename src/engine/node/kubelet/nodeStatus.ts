import type { Condition, Taint } from '../../objects/meta';
import type { Node } from '../../objects/cluster';
import type { ResourceList } from '../../objects/workloads';
import { bytes, milliCpu } from '../../objects/quantity';
import type { ShipSpec } from '../../sim/types';
import type { World } from '../../sim/world';
import { rfc3339 } from '../../time/format';
import { kubeletSettings } from './settings';

/** Node conditions the kubelet owns (kubelet_node_status.go setters). */
export const NODE_CONDITIONS: readonly string[] = [
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
  'Ready',
];

/** Capacity and allocatable in numbers the kubelet's admission compares. */
export type NodeResources = { cpu: number; memory: number; pods: number };

/** What the node's status says about readiness. */
export type Readiness = { ready: boolean; message: string };

const internalIPs = new WeakMap<World, { next: number; byShip: Map<string, string> }>();

/**
 * A stable address on the fleet's network (kind's 172.18.0.0/16): the control ship is the API
 * server's host (`network.apiserverAddress`), cargo ships take the next ones in the order their
 * captains come aboard, and a ship keeps its address for the whole run.
 */
export function internalIP(world: World, ship: string, role: 'control' | 'cargo'): string {
  let table = internalIPs.get(world);
  if (!table) internalIPs.set(world, (table = { next: 3, byShip: new Map() }));
  const known = table.byShip.get(ship);
  if (known) return known;
  let ip: string;
  const control = world.network.apiserverAddress.split(':')[0]!;
  if (role === 'control' && ![...table.byShip.values()].includes(control)) ip = control;
  else {
    let n = table.next;
    while ((n & 255) === 0 || (n & 255) === 255) n += 1;
    table.next = n + 1;
    ip = `172.18.${n >> 8}.${n & 255}`;
  }
  table.byShip.set(ship, ip);
  return ip;
}

/** Ki as cAdvisor reports memory and disk (`8388608Ki`). */
function ki(value: number): string {
  return `${Math.floor(value / 1024)}Ki`;
}

/** The node's capacity and allocatable (capacity minus the default hard eviction thresholds). */
export function nodeResources(spec: ShipSpec): {
  capacity: ResourceList;
  allocatable: ResourceList;
  allocatableNumbers: NodeResources;
} {
  const cpu = milliCpu(spec.cpu ?? '4');
  const memory = bytes(spec.memory ?? '8Gi');
  const pods = spec.maxPods ?? kubeletSettings.maxPods;
  const disk = kubeletSettings.diskBytes;
  const allocatableMemory = Math.max(0, memory - kubeletSettings.evictionHardMemory);
  const cpuText = cpu % 1000 === 0 ? String(cpu / 1000) : `${cpu}m`;
  return {
    capacity: {
      cpu: cpuText,
      'ephemeral-storage': ki(disk),
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: ki(memory),
      pods: String(pods),
    },
    allocatable: {
      cpu: cpuText,
      'ephemeral-storage': String(Math.floor(disk * (1 - kubeletSettings.evictionHardNodefs))),
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: ki(allocatableMemory),
      pods: String(pods),
    },
    allocatableNumbers: { cpu, memory: Math.floor(allocatableMemory / 1024) * 1024, pods },
  };
}

/** Labels the kubelet sets on its Node, and kubeadm's control-plane label. */
export function nodeLabels(spec: ShipSpec): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    ...(spec.role === 'control'
      ? {
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        }
      : {}),
    ...spec.labels,
  };
}

/** Taints registered with the Node: kubeadm's control-plane taint, then --register-with-taints. */
export function nodeTaints(spec: ShipSpec): Taint[] {
  const taints: Taint[] = [];
  if (spec.role === 'control')
    taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  for (const t of spec.taints ?? [])
    if (!taints.some((x) => x.key === t.key && x.effect === t.effect)) taints.push({ ...t });
  return taints;
}

/**
 * The kubelet's node conditions (pkg/kubelet/nodestatus/setters.go): no pressure, and Ready with
 * upstream's reasons. A condition keeps its lastTransitionTime while its status is unchanged.
 */
export function nodeConditions(
  readiness: Readiness,
  previous: readonly Condition[] | undefined,
  now: number,
): Condition[] {
  const at = rfc3339(now);
  const make = (
    type: string,
    status: 'True' | 'False',
    reason: string,
    message: string,
  ): Condition => {
    const old = previous?.find((c) => c.type === type);
    return {
      type,
      status,
      lastHeartbeatTime: at,
      lastTransitionTime:
        old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : at,
      reason,
      message,
    };
  };
  return [
    make(
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ),
    make('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    make('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    readiness.ready
      ? make('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
      : make('Ready', 'False', 'KubeletNotReady', readiness.message),
  ];
}

/** Identity of the machine, drawn once per ship. */
export type MachineIdentity = { machineID: string; bootID: string };

/** The kubelet's part of Node status. */
export function nodeStatusOf(
  spec: ShipSpec,
  address: string,
  identity: MachineIdentity,
  runtimeVersion: string,
  images: { names: string[]; sizeBytes: number }[],
  conditions: Condition[],
): Node['status'] {
  const { capacity, allocatable } = nodeResources(spec);
  return {
    capacity,
    allocatable,
    conditions,
    addresses: [
      { type: 'InternalIP', address },
      { type: 'Hostname', address: spec.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: kubeletSettings.port } },
    nodeInfo: {
      architecture: 'amd64',
      bootID: identity.bootID,
      containerRuntimeVersion: runtimeVersion,
      kernelVersion: '6.8.0-88-generic',
      kubeletVersion: kubeletSettings.version,
      machineID: identity.machineID,
      operatingSystem: 'linux',
      osImage: 'Ubuntu 24.04.3 LTS',
    },
    images: images.slice(0, kubeletSettings.nodeStatusMaxImages),
  };
}

/** The Node object a kubelet registers (kubelet_node_status.go `initialNode` + `setNodeStatus`). */
export function initialNode(spec: ShipSpec, socket: string, status: Node['status']): Node {
  const taints = nodeTaints(spec);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: nodeLabels(spec),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': socket,
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    } as unknown as Node['metadata'],
    spec: taints.length > 0 ? { taints } : {},
    status,
  };
}

/** A signature of the status that ignores heartbeat times: the kubelet posts when it changes. */
export function statusSignature(status: Node['status']): string {
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  return `${ready?.status}|${ready?.message}|${status.nodeInfo?.containerRuntimeVersion}|${(
    status.images ?? []
  )
    .map((i) => i.names[i.names.length - 1])
    .join(',')}`;
}
