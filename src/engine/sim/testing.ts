import type { KObject } from '../objects/meta';
import type { ResourceName } from '../objects/resources';
import type { Node } from '../objects/cluster';
import type { Pod, PodSpec } from '../objects/workloads';
import { defaultTimings, type Timings } from './timings';
import { World } from './world';

/**
 * A World for engine tests: seeded, recording detail, with stored objects deep-frozen so that a
 * component mutating shared state fails at once. The boot objects (namespaces) exist.
 *
 * @example
 * const world = testWorld();
 * world.api.request({ verb: 'create', resource: 'pods', body: testPod('web') }, 'kubectl');
 */
export function testWorld(
  options: { seed?: number; etcdMembers?: 1 | 3 | 5; timings?: Partial<Timings> } = {},
): World {
  const world = new World({
    seed: options.seed ?? 1,
    timings: { ...defaultTimings(), ...options.timings },
    etcdMembers: options.etcdMembers ?? 1,
    detail: true,
    keepHistory: true,
    freeze: true,
  });
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    world.api.request(
      {
        verb: 'create',
        resource: 'namespaces',
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KObject,
      },
      'apiserver',
    );
  }
  return world;
}

/** Creates an object through the bridge as kubectl would, throwing on error (test setup). */
export function mustCreate<T extends KObject>(world: World, resource: ResourceName, body: T): T {
  const result = world.api.request<T>({ verb: 'create', resource, body }, 'kubectl');
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

/** A minimal pod object (metadata filled by the server). */
export function testPod(
  name: string,
  spec: Partial<PodSpec> = {},
  labels: Record<string, string> = { app: name },
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels } as unknown as Pod['metadata'],
    spec: { containers: [{ name: 'main', image: 'nginx:1.27' }], ...spec },
    status: { phase: 'Pending' },
  };
}

/** A Ready node object with the given capacity, as a kubelet would register it. */
export function testNode(
  name: string,
  options: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string> } = {},
): Node {
  const capacity = {
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '8Gi',
    pods: options.pods ?? '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, ...options.labels },
    } as unknown as Node['metadata'],
    spec: {},
    status: {
      capacity,
      allocatable: capacity,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
    },
  };
}
