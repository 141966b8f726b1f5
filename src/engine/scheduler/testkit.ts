import type { KEvent, Node } from '../objects/cluster';
import type { Taint } from '../objects/meta';
import type { PodSpec, Pod } from '../objects/workloads';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import type { World } from '../sim/world';
import { Scheduler } from './scheduler';

// Test helpers for the scheduler's tests (not part of the public face).

export type ShipOptions = Parameters<typeof testNode>[1] & {
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
};

/**
 * Registers a Ready node and removes the not-ready taint TaintNodesByCondition put on it, as the
 * node lifecycle controller would once the kubelet reports Ready.
 */
export function readyNode(world: World, name: string, options: ShipOptions = {}): Node {
  const node = testNode(name, options);
  mustCreate(world, 'nodes', {
    ...node,
    status: { ...node.status, ...(options.images ? { images: options.images } : {}) },
  });
  const result = world.api.request<Node>(
    {
      verb: 'patch',
      resource: 'nodes',
      name,
      mutate: (current) => {
        const n = current as Node;
        return {
          ...n,
          spec: {
            ...n.spec,
            taints: options.taints ?? [],
            ...(options.unschedulable ? { unschedulable: true } : {}),
          },
        } as Node;
      },
    },
    'kcm/node-lifecycle',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

/** Changes a node through the bridge (as kubectl, a controller or the kubelet for `status` would). */
export function patchNode(
  world: World,
  name: string,
  change: (node: Node) => Node,
  subresource?: 'status',
): Node {
  const result = world.api.request<Node>(
    {
      verb: 'patch',
      resource: 'nodes',
      name,
      mutate: (n) => change(n as Node),
      ...(subresource ? { subresource } : {}),
    },
    'kubectl',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

/** A pod with one container requesting `cpu` / `memory` (either may be omitted). */
export function podWith(
  name: string,
  requests: { cpu?: string; memory?: string } = {},
  spec: Partial<PodSpec> = {},
  labels?: Record<string, string>,
): Pod {
  const resources = Object.keys(requests).length > 0 ? { resources: { requests } } : {};
  return testPod(
    name,
    { containers: [{ name: 'main', image: 'nginx:1.27', ...resources }], ...spec },
    labels,
  );
}

/** Creates a pod through the bridge. */
export function createPod(world: World, pod: Pod): Pod {
  return mustCreate(world, 'pods', pod);
}

/** A pod already placed on `node` (spec.nodeName set at creation, as a kubelet's static pod would be). */
export function placedPod(
  world: World,
  name: string,
  node: string,
  requests: { cpu?: string; memory?: string } = {},
  spec: Partial<PodSpec> = {},
  labels?: Record<string, string>,
): Pod {
  return mustCreate(world, 'pods', podWith(name, requests, { ...spec, nodeName: node }, labels));
}

/** Deletes a pod at once (what the kubelet does after the grace period). */
export function deleteNow(world: World, name: string, namespace = 'default'): void {
  const result = world.api.request(
    { verb: 'delete', resource: 'pods', namespace, name, gracePeriodSeconds: 0 },
    'kubelet',
  );
  if (!result.ok) throw new Error(result.error.message);
}

/** The pod as the bridge has it now. */
export function podNow(world: World, name: string, namespace = 'default'): Pod | undefined {
  return world.api.cached<Pod>('pods', namespace, name);
}

/** A test world with a started scheduler. */
export function schedulerWorld(options: Parameters<typeof testWorld>[0] = {}): {
  world: World;
  scheduler: Scheduler;
} {
  const world = testWorld(options);
  const scheduler = new Scheduler(world);
  scheduler.start();
  return { world, scheduler };
}

/** Kubernetes Events about a pod, by reason. */
export function eventsFor(world: World, pod: string, reason?: string) {
  return [...world.api.cachedAll<KEvent>('events')]
    .filter((e) => e.involvedObject.name === pod && (reason === undefined || e.reason === reason))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
