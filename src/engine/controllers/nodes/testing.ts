import type { Lease, Node } from '../../objects/cluster';
import type { Condition, KObject } from '../../objects/meta';
import type { Pod, PodSpec } from '../../objects/workloads';
import type { ResourceName } from '../../objects/resources';
import { mustCreate, testNode, testPod } from '../../sim/testing';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';

// Test helpers that play the kubelet (there is none in these tests): register a node, renew its
// Lease, post Ready, run a pod with an IP. Writes go straight to the bridge, as kubectl's do.

function mustPatch<T extends KObject>(
  world: World,
  resource: ResourceName,
  namespace: string | undefined,
  name: string,
  mutate: (current: T) => T,
  subresource?: 'status',
): T {
  const result = world.api.request<T>(
    {
      verb: 'patch',
      resource,
      name,
      mutate: mutate as unknown as (c: KObject) => KObject,
      ...(namespace ? { namespace } : {}),
      ...(subresource ? { subresource } : {}),
    },
    'kubelet',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

/** A Ready node (heartbeat now) and its Lease in kube-node-lease, as a kubelet registers them. */
export function registerShip(
  world: World,
  name: string,
  labels: Record<string, string> = {},
): Node {
  const stamp = rfc3339(world.now());
  const base = testNode(name, { labels });
  const conditions: Condition[] = [
    {
      type: 'MemoryPressure',
      status: 'False',
      reason: 'KubeletHasSufficientMemory',
      lastHeartbeatTime: stamp,
      lastTransitionTime: stamp,
    },
    {
      type: 'DiskPressure',
      status: 'False',
      reason: 'KubeletHasNoDiskPressure',
      lastHeartbeatTime: stamp,
      lastTransitionTime: stamp,
    },
    {
      type: 'PIDPressure',
      status: 'False',
      reason: 'KubeletHasSufficientPID',
      lastHeartbeatTime: stamp,
      lastTransitionTime: stamp,
    },
    {
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastHeartbeatTime: stamp,
      lastTransitionTime: stamp,
    },
  ];
  const node = mustCreate<Node>(world, 'nodes', {
    ...base,
    status: { ...base.status, conditions },
  });
  mustCreate<Lease>(world, 'leases', {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: 'kube-node-lease' } as Lease['metadata'],
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: stamp },
  });
  return node;
}

/** The kubelet renews its Lease (spec.renewTime = now). */
export function renewLease(world: World, name: string): void {
  mustPatch<Lease>(world, 'leases', 'kube-node-lease', name, (lease) => ({
    ...lease,
    spec: { ...lease.spec, renewTime: rfc3339(world.now()) },
  }));
}

/** Renews `name`'s Lease every 10 s from now on, until `until` (a kubelet in good health). */
export function keepRenewing(world: World, name: string, until = Infinity): void {
  const tick = () => {
    if (world.now() > until) return;
    renewLease(world, name);
    world.agenda.after(world.timings.leaseRenewInterval, tick);
  };
  world.agenda.after(world.timings.leaseRenewInterval, tick);
}

/** The kubelet posts its Ready condition (heartbeat now; transition now if the status changes). */
export function postReady(
  world: World,
  name: string,
  status: Condition['status'],
  reason = status === 'True' ? 'KubeletReady' : 'KubeletNotReady',
): Node {
  const stamp = rfc3339(world.now());
  return mustPatch<Node>(
    world,
    'nodes',
    undefined,
    name,
    (node) => ({
      ...node,
      status: {
        ...node.status,
        conditions: (node.status.conditions ?? []).map((c) =>
          c.type === 'Ready'
            ? {
                ...c,
                status,
                reason,
                message:
                  status === 'True'
                    ? 'kubelet is posting ready status'
                    : 'container runtime network not ready',
                lastHeartbeatTime: stamp,
                lastTransitionTime: c.status === status ? c.lastTransitionTime! : stamp,
              }
            : {
                ...c,
                lastHeartbeatTime: stamp,
                ...(c.status === 'Unknown'
                  ? { status: 'False' as const, lastTransitionTime: stamp }
                  : {}),
              },
        ),
      },
    }),
    'status',
  );
}

/** A pod bound to `node`, Running with `ip`, Ready or not (as its kubelet would report it). */
export function runPod(
  world: World,
  name: string,
  node: string,
  ip: string,
  options: { ready?: boolean; labels?: Record<string, string>; spec?: Partial<PodSpec> } = {},
): Pod {
  mustCreate(world, 'pods', testPod(name, options.spec ?? {}, options.labels ?? { app: name }));
  const bound = world.api.request({ verb: 'bind', namespace: 'default', name, node }, 'scheduler');
  if (!bound.ok) throw new Error(bound.error.message);
  return setPodReady(world, name, options.ready ?? true, ip);
}

/** The kubelet reports the pod Ready (or not). */
export function setPodReady(world: World, name: string, ready: boolean, ip?: string): Pod {
  const stamp = rfc3339(world.now());
  return mustPatch<Pod>(
    world,
    'pods',
    'default',
    name,
    (pod) => {
      const conditions = (pod.status.conditions ?? []).filter(
        (c) => c.type !== 'Ready' && c.type !== 'ContainersReady',
      );
      const status = ready ? ('True' as const) : ('False' as const);
      conditions.push(
        { type: 'ContainersReady', status, lastTransitionTime: stamp },
        { type: 'Ready', status, lastTransitionTime: stamp },
      );
      return {
        ...pod,
        status: {
          ...pod.status,
          phase: 'Running',
          ...((ip ?? pod.status.podIP)
            ? { podIP: ip ?? pod.status.podIP!, podIPs: [{ ip: ip ?? pod.status.podIP! }] }
            : {}),
          hostIP: '172.18.0.3',
          conditions,
        },
      };
    },
    'status',
  );
}

export function getNode(world: World, name: string): Node {
  return world.api.cached<Node>('nodes', undefined, name)!;
}

export function getPod(world: World, name: string): Pod | undefined {
  return world.api.cached<Pod>('pods', 'default', name);
}

export function readyOf(node: Node): Condition['status'] | undefined {
  return node.status.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** The node's taints as `key:Effect`. */
export function taintsOf(node: Node): string[] {
  return (node.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
}

/** Kubernetes Events recorded so far with `reason`, as `involved name: message`. */
export function eventsWith(world: World, reason: string): string[] {
  return [
    ...world.api.cachedAll<
      KObject & { reason: string; message: string; involvedObject: { name: string } }
    >('events'),
  ]
    .filter((e) => e.reason === reason)
    .map((e) => `${e.involvedObject.name}: ${e.message}`)
    .sort();
}
