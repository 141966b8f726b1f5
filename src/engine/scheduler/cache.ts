import type { Node } from '../objects/cluster';
import type { Taint } from '../objects/meta';
import type { Pod } from '../objects/workloads';
import { milliCpu, bytes, parseQuantity } from '../objects/quantity';
import {
  LABEL_HOSTNAME,
  LABEL_REGION,
  LABEL_REGION_BETA,
  LABEL_ZONE,
  LABEL_ZONE_BETA,
} from './constants';
import { podUsage, type HostPort, type PodPlan } from './podplan';

/** A pod the cache counts on a node: bound (seen by the informer) or assumed (being bound). */
export type CachedPod = {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  pod: Pod;
  slot: number;
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  hostPorts: readonly HostPort[] | null;
  priority: number;
  labels: Readonly<Record<string, string>>;
  /** Has a deletionTimestamp: still counted for resources, not for spreading. */
  terminating: boolean;
  /** Reserved by a scheduling cycle, binding not yet seen by the informer. */
  assumed: boolean;
};

/** Told when pods come and go on nodes, and when nodes join or leave the tree (spreading counts). */
export interface CacheListener {
  podAdded(pod: CachedPod): void;
  podRemoved(pod: CachedPod): void;
  /** A node entered or left the scheduling tree, or its zone changed. */
  nodeZoneChanged(slot: number, oldZone: number, newZone: number): void;
  slotsGrown(capacity: number): void;
  zonesGrown(count: number): void;
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** GetZoneKey (k/k pkg/util/node): region and zone, so the node tree interleaves zones. */
function zoneKey(labels: Readonly<Record<string, string>>): string {
  const region = labels[LABEL_REGION] ?? labels[LABEL_REGION_BETA] ?? '';
  const zone = labels[LABEL_ZONE] ?? labels[LABEL_ZONE_BETA] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/**
 * The scheduler's cache (k/k pkg/scheduler/backend/cache): a NodeInfo per node — allocatable,
 * requested and non-zero requested resources, pod count, host ports in use, images present, taints,
 * labels — including pods the scheduler has assumed but whose binding is not confirmed yet.
 *
 * Kept as parallel typed arrays indexed by a node "slot" so the per-node filter and score loops
 * read numbers without allocating (150,000 pods × 500 nodes in the scale benchmark).
 */
export class SchedulerCache {
  private capacity = 0;
  /** Slots handed out so far (some may be free). */
  slots = 0;
  names: string[] = [];
  nodes: (Node | undefined)[] = [];
  inTree = new Uint8Array(0);
  allocCpu = new Float64Array(0);
  allocMemory = new Float64Array(0);
  allocPods = new Int32Array(0);
  reqCpu = new Float64Array(0);
  reqMemory = new Float64Array(0);
  nonZeroCpu = new Float64Array(0);
  nonZeroMemory = new Float64Array(0);
  podCount = new Int32Array(0);
  unschedulable = new Uint8Array(0);
  hardTaintCount = new Int32Array(0);
  /** NoSchedule and NoExecute taints per node (what the filter checks). */
  hardTaints: Taint[][] = [];
  /** PreferNoSchedule taints per node (what TaintToleration scores). */
  softTaints: Taint[][] = [];
  labels: Readonly<Record<string, string>>[] = [];
  /** Interned `topology.kubernetes.io/zone` value (0: the node has no zone label). */
  spreadZone = new Int32Array(0);
  hasHostname = new Uint8Array(0);
  images: (Map<string, number> | null)[] = [];
  ports: (Map<HostPort, number> | null)[] = [];
  pods: Map<string, CachedPod>[] = [];

  /** Nodes with at least one PreferNoSchedule taint (TaintToleration's score can skip work when 0). */
  softTaintedNodes = 0;
  /** How many nodes have each image (ImageStateSummary.NumNodes). */
  readonly imageNodes = new Map<string, number>();
  /** Each image's size per node slot (0: not there), so ImageLocality reads numbers, not maps. */
  readonly imageSizes = new Map<string, Float64Array>();
  /** Zone values for spreading; index 0 is "no zone label". */
  readonly zoneNames: string[] = [''];
  private readonly zoneIds = new Map<string, number>();

  private readonly slotByName = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly podsByUid = new Map<string, CachedPod>();
  private readonly treeZones: string[] = [];
  private readonly tree = new Map<string, number[]>();
  private readonly treeZoneOf: string[] = [];
  private orderArray = new Int32Array(0);
  private orderLength = 0;
  private orderDirty = false;
  private nodeCount = 0;
  listener: CacheListener | undefined;

  // ——— nodes ———

  /** Number of nodes in the snapshot (Node objects the scheduler can place pods on). */
  numNodes(): number {
    return this.nodeCount;
  }

  slotOf(name: string): number | undefined {
    return this.slotByName.get(name);
  }

  /** The snapshot's node list, zones interleaved as the node tree lists them. */
  order(): { slots: Int32Array; length: number } {
    if (this.orderDirty) this.rebuildOrder();
    return { slots: this.orderArray, length: this.orderLength };
  }

  addNode(node: Node): number {
    const slot = this.ensureSlot(node.metadata.name);
    if (this.nodes[slot] === undefined) this.nodeCount += 1;
    this.setNode(slot, node);
    return slot;
  }

  updateNode(node: Node): number {
    return this.addNode(node);
  }

  removeNode(name: string): void {
    const slot = this.slotByName.get(name);
    if (slot === undefined || this.nodes[slot] === undefined) return;
    this.nodeCount -= 1;
    this.leaveTree(slot);
    this.forgetImages(slot);
    if (this.softTaints[slot]!.length > 0) this.softTaintedNodes -= 1;
    this.nodes[slot] = undefined;
    this.softTaints[slot] = [];
    this.hardTaints[slot] = [];
    this.hardTaintCount[slot] = 0;
    // RemoveNode keeps a ghost NodeInfo while pods still point at it (cache.go), so their
    // deletion events still find the accounting to undo.
    if (this.pods[slot]!.size === 0) this.freeSlot(slot);
  }

  private ensureSlot(name: string): number {
    const existing = this.slotByName.get(name);
    if (existing !== undefined) return existing;
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slots;
      this.slots += 1;
      if (this.slots > this.capacity) this.grow(Math.max(16, this.capacity * 2));
    }
    this.slotByName.set(name, slot);
    this.names[slot] = name;
    this.nodes[slot] = undefined;
    this.hardTaints[slot] = [];
    this.softTaints[slot] = [];
    this.labels[slot] = EMPTY_LABELS;
    this.images[slot] = null;
    this.ports[slot] = null;
    this.pods[slot] = new Map();
    this.treeZoneOf[slot] = '';
    return slot;
  }

  private freeSlot(slot: number): void {
    this.slotByName.delete(this.names[slot]!);
    this.names[slot] = '';
    this.labels[slot] = EMPTY_LABELS;
    this.allocCpu[slot] = 0;
    this.allocMemory[slot] = 0;
    this.allocPods[slot] = 0;
    this.reqCpu[slot] = 0;
    this.reqMemory[slot] = 0;
    this.nonZeroCpu[slot] = 0;
    this.nonZeroMemory[slot] = 0;
    this.podCount[slot] = 0;
    this.unschedulable[slot] = 0;
    this.spreadZone[slot] = 0;
    this.hasHostname[slot] = 0;
    this.ports[slot] = null;
    this.freeSlots.push(slot);
  }

  private grow(capacity: number): void {
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.inTree = grow8(this.inTree);
    this.allocCpu = grow64(this.allocCpu);
    this.allocMemory = grow64(this.allocMemory);
    this.allocPods = grow32(this.allocPods);
    this.reqCpu = grow64(this.reqCpu);
    this.reqMemory = grow64(this.reqMemory);
    this.nonZeroCpu = grow64(this.nonZeroCpu);
    this.nonZeroMemory = grow64(this.nonZeroMemory);
    this.podCount = grow32(this.podCount);
    this.unschedulable = grow8(this.unschedulable);
    this.hardTaintCount = grow32(this.hardTaintCount);
    this.spreadZone = grow32(this.spreadZone);
    this.hasHostname = grow8(this.hasHostname);
    for (const [name, sizes] of this.imageSizes) {
      const grown = new Float64Array(capacity);
      grown.set(sizes);
      this.imageSizes.set(name, grown);
    }
    this.capacity = capacity;
    this.listener?.slotsGrown(capacity);
  }

  private setNode(slot: number, node: Node): void {
    const previous = this.nodes[slot];
    this.nodes[slot] = node;
    const allocatable = node.status?.allocatable ?? {};
    // NodeInfo.SetNode reads status.allocatable only; a node without it fits nothing.
    this.allocCpu[slot] = milliCpu(allocatable.cpu);
    this.allocMemory[slot] = bytes(allocatable.memory);
    this.allocPods[slot] = Math.floor(parseQuantity(allocatable.pods) ?? 0);
    this.unschedulable[slot] = node.spec?.unschedulable ? 1 : 0;
    if (previous === undefined || previous.spec?.taints !== node.spec?.taints) {
      const hard: Taint[] = [];
      const soft: Taint[] = [];
      for (const taint of node.spec?.taints ?? []) {
        if (taint.effect === 'PreferNoSchedule') soft.push(taint);
        else hard.push(taint);
      }
      const hadSoft = previous !== undefined && this.softTaints[slot]!.length > 0;
      if (hadSoft !== soft.length > 0) this.softTaintedNodes += soft.length > 0 ? 1 : -1;
      this.hardTaints[slot] = hard;
      this.softTaints[slot] = soft;
      this.hardTaintCount[slot] = hard.length;
    }
    const labels = node.metadata.labels ?? EMPTY_LABELS;
    this.labels[slot] = labels;
    this.hasHostname[slot] = labels[LABEL_HOSTNAME] !== undefined ? 1 : 0;
    const wasInTree = this.inTree[slot] === 1;
    const oldSpreadZone = this.spreadZone[slot]!;
    const newSpreadZone = this.zoneId(labels[LABEL_ZONE]);
    const key = zoneKey(labels);
    if (!wasInTree || this.treeZoneOf[slot] !== key) {
      if (wasInTree) this.leaveTree(slot);
      this.spreadZone[slot] = newSpreadZone;
      this.joinTree(slot, key);
    } else if (oldSpreadZone !== newSpreadZone) {
      this.spreadZone[slot] = newSpreadZone;
      this.listener?.nodeZoneChanged(slot, oldSpreadZone, newSpreadZone);
    }
    if (previous === undefined || previous.status?.images !== node.status?.images) {
      this.forgetImages(slot);
      const images = node.status?.images;
      if (images && images.length > 0) {
        const map = new Map<string, number>();
        for (const image of images) for (const name of image.names) map.set(name, image.sizeBytes);
        this.images[slot] = map;
        for (const [name, size] of map) {
          this.imageNodes.set(name, (this.imageNodes.get(name) ?? 0) + 1);
          let sizes = this.imageSizes.get(name);
          if (!sizes) this.imageSizes.set(name, (sizes = new Float64Array(this.capacity)));
          sizes[slot] = size;
        }
      }
    }
  }

  private forgetImages(slot: number): void {
    const map = this.images[slot];
    if (!map) return;
    for (const name of map.keys()) {
      const n = (this.imageNodes.get(name) ?? 1) - 1;
      if (n <= 0) {
        this.imageNodes.delete(name);
        this.imageSizes.delete(name);
      } else {
        this.imageNodes.set(name, n);
        this.imageSizes.get(name)![slot] = 0;
      }
    }
    this.images[slot] = null;
  }

  private zoneId(value: string | undefined): number {
    if (value === undefined) return 0;
    let id = this.zoneIds.get(value);
    if (id === undefined) {
      id = this.zoneNames.length;
      this.zoneNames.push(value);
      this.zoneIds.set(value, id);
      this.listener?.zonesGrown(this.zoneNames.length);
    }
    return id;
  }

  private joinTree(slot: number, key: string): void {
    let list = this.tree.get(key);
    if (!list) {
      list = [];
      this.tree.set(key, list);
      this.treeZones.push(key);
    }
    list.push(slot);
    this.treeZoneOf[slot] = key;
    this.inTree[slot] = 1;
    this.orderDirty = true;
    this.listener?.nodeZoneChanged(slot, -1, this.spreadZone[slot]!);
  }

  private leaveTree(slot: number): void {
    if (this.inTree[slot] !== 1) return;
    const key = this.treeZoneOf[slot]!;
    const list = this.tree.get(key)!;
    list.splice(list.indexOf(slot), 1);
    if (list.length === 0) {
      this.tree.delete(key);
      this.treeZones.splice(this.treeZones.indexOf(key), 1);
    }
    this.inTree[slot] = 0;
    this.orderDirty = true;
    this.listener?.nodeZoneChanged(slot, this.spreadZone[slot]!, -1);
  }

  /** nodeTree.list(): one node from each zone in turn (k/k pkg/scheduler/backend/cache/node_tree.go). */
  private rebuildOrder(): void {
    if (this.orderArray.length < this.nodeCount) this.orderArray = new Int32Array(this.capacity);
    let n = 0;
    for (let index = 0; n < this.nodeCount; index += 1) {
      let any = false;
      for (const key of this.treeZones) {
        const list = this.tree.get(key)!;
        if (index < list.length) {
          this.orderArray[n++] = list[index]!;
          any = true;
        }
      }
      if (!any) break;
    }
    this.orderLength = n;
    this.orderDirty = false;
  }

  // ——— pods ———

  cachedPod(uid: string): CachedPod | undefined {
    return this.podsByUid.get(uid);
  }

  /** Every pod the cache counts, in insertion order. */
  allPods(): IterableIterator<CachedPod> {
    return this.podsByUid.values();
  }

  /** AddPod from the informer: a bound pod; confirms an assumed one. */
  addPod(pod: Pod): CachedPod {
    const uid = pod.metadata.uid;
    const existing = this.podsByUid.get(uid);
    if (existing) {
      if (existing.assumed) existing.assumed = false;
      this.updatePod(pod);
      return existing;
    }
    const usage = podUsage(pod);
    const cached: CachedPod = {
      uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      pod,
      slot: this.ensureSlot(pod.spec.nodeName!),
      cpu: usage.cpu,
      memory: usage.memory,
      nonZeroCpu: usage.nonZeroCpu,
      nonZeroMemory: usage.nonZeroMemory,
      hostPorts: usage.hostPorts,
      priority: pod.spec.priority ?? 0,
      labels: pod.metadata.labels ?? EMPTY_LABELS,
      terminating: pod.metadata.deletionTimestamp !== undefined,
      assumed: false,
    };
    this.attach(cached);
    return cached;
  }

  /** Reserve: the pod counts on `node` from now on, before its binding is confirmed. */
  assume(plan: PodPlan, pod: Pod, node: string): CachedPod {
    const cached: CachedPod = {
      uid: plan.uid,
      namespace: plan.namespace,
      name: plan.name,
      pod,
      slot: this.ensureSlot(node),
      cpu: plan.cpu,
      memory: plan.memory,
      nonZeroCpu: plan.nonZeroCpu,
      nonZeroMemory: plan.nonZeroMemory,
      hostPorts: plan.hostPorts,
      priority: plan.priority,
      labels: plan.labels,
      terminating: false,
      assumed: true,
    };
    this.attach(cached);
    return cached;
  }

  /** ForgetPod: an assumed pod whose binding failed gives its room back. */
  forget(uid: string): void {
    const cached = this.podsByUid.get(uid);
    if (cached?.assumed) this.detach(cached);
  }

  /**
   * UpdatePod: labels (spreading) and the terminating mark can change on a bound pod; a pod that
   * reached Succeeded/Failed leaves the cache, as the scheduler's informer filters terminal pods out.
   */
  updatePod(pod: Pod): void {
    const cached = this.podsByUid.get(pod.metadata.uid);
    if (!cached) {
      if (!isTerminal(pod)) this.addPod(pod);
      return;
    }
    if (isTerminal(pod)) {
      this.detach(cached);
      return;
    }
    const labels = pod.metadata.labels ?? EMPTY_LABELS;
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const moved = pod.spec.nodeName !== this.names[cached.slot];
    if (
      moved ||
      terminating !== cached.terminating ||
      (labels !== cached.labels && !sameLabels(labels, cached.labels))
    ) {
      this.detach(cached);
      cached.pod = pod;
      cached.labels = labels;
      cached.terminating = terminating;
      cached.slot = this.ensureSlot(pod.spec.nodeName!);
      this.attach(cached);
      return;
    }
    cached.labels = labels;
    cached.pod = pod;
  }

  removePod(uid: string): CachedPod | undefined {
    const cached = this.podsByUid.get(uid);
    if (cached) this.detach(cached);
    return cached;
  }

  private attach(cached: CachedPod): void {
    const slot = cached.slot;
    this.podsByUid.set(cached.uid, cached);
    this.pods[slot]!.set(cached.uid, cached);
    this.reqCpu[slot] = this.reqCpu[slot]! + cached.cpu;
    this.reqMemory[slot] = this.reqMemory[slot]! + cached.memory;
    this.nonZeroCpu[slot] = this.nonZeroCpu[slot]! + cached.nonZeroCpu;
    this.nonZeroMemory[slot] = this.nonZeroMemory[slot]! + cached.nonZeroMemory;
    this.podCount[slot] = this.podCount[slot]! + 1;
    if (cached.hostPorts) {
      let ports = this.ports[slot];
      if (!ports) this.ports[slot] = ports = new Map();
      for (const p of cached.hostPorts) ports.set(p, (ports.get(p) ?? 0) + 1);
    }
    this.listener?.podAdded(cached);
  }

  private detach(cached: CachedPod): void {
    const slot = cached.slot;
    this.podsByUid.delete(cached.uid);
    this.pods[slot]!.delete(cached.uid);
    this.reqCpu[slot] = this.reqCpu[slot]! - cached.cpu;
    this.reqMemory[slot] = this.reqMemory[slot]! - cached.memory;
    this.nonZeroCpu[slot] = this.nonZeroCpu[slot]! - cached.nonZeroCpu;
    this.nonZeroMemory[slot] = this.nonZeroMemory[slot]! - cached.nonZeroMemory;
    this.podCount[slot] = this.podCount[slot]! - 1;
    const ports = this.ports[slot];
    if (cached.hostPorts && ports) {
      for (const p of cached.hostPorts) {
        const n = (ports.get(p) ?? 1) - 1;
        if (n <= 0) ports.delete(p);
        else ports.set(p, n);
      }
    }
    this.listener?.podRemoved(cached);
    if (this.nodes[slot] === undefined && this.pods[slot]!.size === 0) this.freeSlot(slot);
  }

  /** NodePorts' filter: whether any requested host port is in use on the node. */
  portsConflict(slot: number, ports: readonly HostPort[]): boolean {
    const used = this.ports[slot];
    if (!used) return false;
    for (let i = 0; i < ports.length; i += 1) if (used.has(ports[i]!)) return true;
    return false;
  }
}

/** Succeeded and Failed pods no longer hold anything (the scheduler's informer drops them). */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function sameLabels(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
