import type { KObject } from '../../objects/meta';
import type { Deployment, Pod, PodSpec, ReplicaSet } from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';
import { controllerRefOf } from './podUtil';

// Helpers for this folder's tests: there is no scheduler or kubelet here, so tests play their
// part through the API server.

const spec = (image: string): PodSpec => ({ containers: [{ name: 'main', image }] });

/** A ReplicaSet as a user would apply it. */
export function replicaSet(
  name: string,
  replicas: number,
  options: { labels?: Record<string, string>; minReadySeconds?: number; image?: string } = {},
): ReplicaSet {
  const labels = options.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' } as ReplicaSet['metadata'],
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: spec(options.image ?? 'nginx:1.27') },
      ...(options.minReadySeconds ? { minReadySeconds: options.minReadySeconds } : {}),
    },
    status: { replicas: 0 },
  };
}

/** A Deployment as `kubectl create deployment` would make it. */
export function deployment(
  name: string,
  replicas: number,
  options: {
    image?: string;
    strategy?: Deployment['spec']['strategy'];
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
  } = {},
): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels } as unknown as Deployment['metadata'],
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: spec(options.image ?? 'nginx:1.27') },
      ...(options.strategy ? { strategy: options.strategy } : {}),
      ...(options.minReadySeconds !== undefined
        ? { minReadySeconds: options.minReadySeconds }
        : {}),
      ...(options.revisionHistoryLimit !== undefined
        ? { revisionHistoryLimit: options.revisionHistoryLimit }
        : {}),
      ...(options.progressDeadlineSeconds !== undefined
        ? { progressDeadlineSeconds: options.progressDeadlineSeconds }
        : {}),
    },
    status: {},
  };
}

/** Every stored object of a resource, sorted by name. */
export function stored<T extends KObject>(
  world: World,
  resource: 'pods' | 'replicasets' | 'deployments' | 'events',
): T[] {
  return [...world.api.cachedAll<T>(resource)].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  );
}

/** Pods whose controller is the object named `owner` (a ReplicaSet). */
export function podsOwnedBy(world: World, owner: string): Pod[] {
  return stored<Pod>(world, 'pods').filter((p) => controllerRefOf(p)?.name === owner);
}

/** Active pods (not terminal, not terminating) owned by `owner`. */
export function activePodsOf(world: World, owner: string): Pod[] {
  return podsOwnedBy(world, owner).filter(
    (p) =>
      !p.metadata.deletionTimestamp &&
      p.status.phase !== 'Failed' &&
      p.status.phase !== 'Succeeded',
  );
}

function must(result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(result.error!.message);
}

/** The scheduler's part: bind `pod` to `node`. */
export function bind(world: World, pod: Pod, node: string): void {
  must(
    world.api.request(
      {
        verb: 'bind',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        node,
      },
      'scheduler',
    ),
  );
}

/** The kubelet's part: the pod runs, Ready since `readySince` (ms; default now), with `restarts`. */
export function runReady(
  world: World,
  pod: Pod,
  options: {
    ready?: boolean;
    readySince?: number;
    restarts?: number;
    phase?: Pod['status']['phase'];
  } = {},
): void {
  const ready = options.ready ?? true;
  const since = rfc3339(options.readySince ?? world.now());
  must(
    world.api.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        subresource: 'status',
        mutate: (current) => {
          const p = current as Pod;
          return {
            ...p,
            status: {
              ...p.status,
              phase: options.phase ?? 'Running',
              conditions: [
                { type: 'PodScheduled', status: 'True', lastTransitionTime: since },
                { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: since },
              ],
              containerStatuses: [
                {
                  name: 'main',
                  state: { running: { startedAt: since } },
                  lastState: {},
                  ready,
                  restartCount: options.restarts ?? 0,
                  image: p.spec.containers[0]!.image,
                  imageID: '',
                },
              ],
            },
          } as Pod;
        },
      },
      'kubelet/test',
    ),
  );
}

/** Sets an annotation on a pod (e.g. controller.kubernetes.io/pod-deletion-cost). */
export function annotate(world: World, pod: Pod, key: string, value: string): void {
  must(
    world.api.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        mutate: (current) => ({
          ...current,
          metadata: {
            ...current.metadata,
            annotations: { ...current.metadata.annotations, [key]: value },
          },
        }),
      },
      'kubectl',
    ),
  );
}

/** `kubectl scale`: sets spec.replicas of a ReplicaSet or Deployment. */
export function scale(
  world: World,
  resource: 'replicasets' | 'deployments',
  name: string,
  replicas: number,
): void {
  must(
    world.api.request(
      {
        verb: 'patch',
        resource,
        namespace: 'default',
        name,
        mutate: (current) =>
          ({ ...current, spec: { ...(current as ReplicaSet).spec, replicas } }) as KObject,
      },
      'kubectl',
    ),
  );
}

/** `kubectl set image`: a new template for a Deployment. */
export function setImage(world: World, name: string, image: string): void {
  must(
    world.api.request(
      {
        verb: 'patch',
        resource: 'deployments',
        namespace: 'default',
        name,
        mutate: (current) => {
          const d = current as Deployment;
          return {
            ...d,
            spec: {
              ...d.spec,
              template: {
                ...d.spec.template,
                spec: {
                  ...d.spec.template.spec,
                  containers: d.spec.template.spec.containers.map((c) => ({ ...c, image })),
                },
              },
            },
          };
        },
      },
      'kubectl',
    ),
  );
}

/** `kubectl delete <resource> <name>` (graceful for bound pods). */
export function remove(
  world: World,
  resource: 'pods' | 'replicasets' | 'deployments' | 'nodes',
  name: string,
  gracePeriodSeconds?: number,
): void {
  must(
    world.api.request(
      {
        verb: 'delete',
        resource,
        ...(resource === 'nodes' ? {} : { namespace: 'default' }),
        name,
        ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}),
      },
      'kubectl',
    ),
  );
}

/** Events (`kubectl get events`) about `name`, as `Reason: message`, oldest first. */
export function eventsAbout(world: World, name: string): string[] {
  return stored<
    KObject & {
      involvedObject: { name: string };
      reason: string;
      message: string;
      firstTimestamp: string;
    }
  >(world, 'events')
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`);
}

/**
 * Plays the scheduler and the kubelets for one step: binds unbound pods (round-robin over
 * `nodes`), makes bound Pending pods Running and Ready (unless `ready` is false), and finishes
 * terminating pods at once (the kubelet's grace-0 delete).
 */
export function playNodes(
  world: World,
  options: { nodes?: string[]; ready?: boolean; finishTerminating?: boolean } = {},
): void {
  const nodes = options.nodes ?? ['ship-1'];
  let i = 0;
  for (const pod of stored<Pod>(world, 'pods')) {
    if (pod.metadata.deletionTimestamp) {
      if (options.finishTerminating ?? true) remove(world, 'pods', pod.metadata.name, 0);
      continue;
    }
    if (!pod.spec.nodeName) {
      bind(world, pod, nodes[i++ % nodes.length]!);
      continue;
    }
    if (pod.status.phase === 'Pending') runReady(world, pod, { ready: options.ready ?? true });
  }
}

/** Advances `ms` in steps of `step`, playing the nodes after each. */
export function run(
  world: World,
  ms: number,
  step = 100,
  options: Parameters<typeof playNodes>[1] = {},
): void {
  for (let t = 0; t < ms; t += step) {
    world.agenda.advance(step);
    playNodes(world, options);
  }
}

/** Whether a pod is Ready (its Ready condition is True). */
export function isReadyPod(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
