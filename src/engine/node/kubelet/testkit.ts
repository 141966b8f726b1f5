import type { KEvent, Lease, Node } from '../../objects/cluster';
import type { Pod, PodSpec } from '../../objects/workloads';
import type { Timings } from '../../sim/timings';
import { mustCreate, testPod, testWorld } from '../../sim/testing';
import type { ShipSpec } from '../../sim/types';
import type { World } from '../../sim/world';
import { ContainerRuntime } from '../runtime';
import { Kubelet } from './kubelet';

/** A ship with its captain and deck crew, on a test world, and the steps a test takes. */
export type Harbor = {
  world: World;
  runtime: ContainerRuntime;
  kubelet: Kubelet;
  ship: string;
  /** Plays the node IPAM controller: gives the Node its pod CIDR. */
  assignCIDR(cidr?: string): void;
  /** Creates a pod and binds it to the ship (plays kubectl and the scheduler). */
  run(name: string, spec?: Partial<PodSpec>): Pod;
  pod(name: string): Pod | undefined;
  node(): Node | undefined;
  lease(): Lease | undefined;
  /** The pod's events, oldest first, as `Reason: message`. */
  events(name: string): string[];
  eventObjects(name: string): KEvent[];
  advance(ms: number): void;
  /** Deletes the pod as kubectl does (graceful). */
  remove(name: string, gracePeriodSeconds?: number): void;
};

/** Sets up one ship on a fresh test world, captain started; advance time to let it register. */
export function harbor(
  options: { ship?: Partial<ShipSpec>; timings?: Partial<Timings>; seed?: number } = {},
): Harbor {
  const world = testWorld({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
  });
  const spec: ShipSpec = { name: 'ship-1', role: 'cargo', ...options.ship };
  const runtime = new ContainerRuntime(
    world,
    spec.name,
    spec.runtime ?? 'containerd',
    spec.images ?? [],
  );
  const kubelet = new Kubelet(world, spec, runtime);
  kubelet.start();
  const ship = spec.name;
  const h: Harbor = {
    world,
    runtime,
    kubelet,
    ship,
    assignCIDR(cidr = '10.244.1.0/24') {
      const r = world.api.request<Node>(
        {
          verb: 'patch',
          resource: 'nodes',
          name: ship,
          mutate: (n) =>
            ({ ...n, spec: { ...(n as Node).spec, podCIDR: cidr, podCIDRs: [cidr] } }) as Node,
        },
        'kcm/node-ipam',
      );
      if (!r.ok) throw new Error(r.error.message);
    },
    run(name, spec2 = {}) {
      const pod = mustCreate(world, 'pods', testPod(name, spec2));
      const bound = world.api.request(
        { verb: 'bind', namespace: 'default', name, node: ship },
        'scheduler',
      );
      if (!bound.ok) throw new Error(bound.error.message);
      return pod;
    },
    pod: (name) => world.api.cached<Pod>('pods', 'default', name),
    node: () => world.api.cached<Node>('nodes', undefined, ship),
    lease: () => world.api.cached<Lease>('leases', 'kube-node-lease', ship),
    eventObjects(name) {
      return [...world.api.cachedAll<KEvent>('events')]
        .filter((e) => e.involvedObject.name === name)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    },
    events(name) {
      return h.eventObjects(name).map((e) => `${e.reason}: ${e.message}`);
    },
    advance: (ms) => world.agenda.advance(ms),
    remove(name, gracePeriodSeconds) {
      const r = world.api.request(
        {
          verb: 'delete',
          resource: 'pods',
          namespace: 'default',
          name,
          ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}),
        },
        'kubectl',
      );
      if (!r.ok) throw new Error(r.error.message);
    },
  };
  return h;
}

/** A ship registered and Ready, with its pod CIDR: ready to run pods. */
export function readyHarbor(options: Parameters<typeof harbor>[0] = {}): Harbor {
  const h = harbor(options);
  h.advance(1_000);
  h.assignCIDR();
  h.advance(1_000);
  return h;
}
