import type { KObject } from '../objects/meta';
import type { Pod } from '../objects/workloads';
import { podDisplay } from '../objects/podDisplay';
import { bytes, milliCpu } from '../objects/quantity';
import type { ResourceName } from '../objects/resources';
import type { Resources } from './snapshot';
import type { World } from './world';

type PodMark = {
  status: string;
  since: number;
  node?: string;
  cpu: number;
  memory: number;
  counted: boolean;
};

/** Sum of a pod's container requests (cpu in millicores, memory in bytes). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    cpu += milliCpu(c.resources?.requests?.cpu);
    memory += bytes(c.resources?.requests?.memory);
  }
  return { cpu, memory };
}

/**
 * The simulation's own bookkeeping for the snapshot, kept as changes happen so that it is the
 * same on every replay: when each pod's displayed status last changed (animations start there),
 * and what each ship has allocated. It watches the API server's cache directly: it is the
 * narrator's eye, not a component, and sends no signals.
 */
export class ViewModel {
  private readonly marks = new Map<string, PodMark>();
  private readonly allocatedByNode = new Map<string, Resources>();
  private readonly talkers = new Map<string, Pod>();

  constructor(private readonly world: World) {
    world.api.observe((resource, prev, next) => this.onChange(resource, prev, next));
  }

  /** When the pod's STATUS last changed, and what it is. */
  mark(uid: string): PodMark | undefined {
    return this.marks.get(uid);
  }

  allocated(node: string): Resources {
    return this.allocatedByNode.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
  }

  /** Pods whose containers call a Service on their own (env SHIPSHAPE_TRAFFIC_TO). */
  trafficPods(): Iterable<Pod> {
    return this.talkers.values();
  }

  private onChange(
    resource: ResourceName,
    prev: KObject | undefined,
    next: KObject | undefined,
  ): void {
    if (resource !== 'pods') return;
    const before = prev as Pod | undefined;
    const after = next as Pod | undefined;
    const uid = (after ?? before)!.metadata.uid;
    const old = this.marks.get(uid);
    if (old?.counted && old.node) this.adjust(old.node, old, -1);
    if (!after || (before && before.metadata.uid !== after.metadata.uid)) {
      this.marks.delete(uid);
      this.talkers.delete(uid);
      if (!after) return;
    }
    const status = podDisplay(after).status;
    const requests = podRequests(after);
    const node = after.spec.nodeName;
    const counted =
      node !== undefined && after.status.phase !== 'Succeeded' && after.status.phase !== 'Failed';
    const mark: PodMark = {
      status,
      since: old && old.status === status ? old.since : this.world.now(),
      cpu: requests.cpu,
      memory: requests.memory,
      counted,
      ...(node ? { node } : {}),
    };
    this.marks.set(after.metadata.uid, mark);
    if (counted && node) this.adjust(node, mark, 1);
    if (after.spec.containers.some((c) => c.env?.some((e) => e.name === 'SHIPSHAPE_TRAFFIC_TO')))
      this.talkers.set(after.metadata.uid, after);
  }

  private adjust(node: string, mark: PodMark, sign: 1 | -1): void {
    const current = this.allocatedByNode.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    this.allocatedByNode.set(node, {
      cpu: current.cpu + sign * mark.cpu,
      memory: current.memory + sign * mark.memory,
      pods: current.pods + sign,
    });
  }
}
