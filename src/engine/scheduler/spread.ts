import { matchesRequirements, type Requirement } from '../objects/labels';
import type { CacheListener, CachedPod, SchedulerCache } from './cache';

/**
 * Pods matching one spreading selector, counted per node and per zone — the numbers
 * PodTopologySpread's PreScore and Score get from countPodsMatchSelector over every NodeInfo.
 * Kept up to date as pods come and go, so a cycle reads them instead of walking 150,000 pods.
 */
export type SpreadGroup = {
  readonly key: string;
  readonly namespace: string;
  readonly requirements: readonly Requirement[];
  /** Matching, non-terminating pods per node slot. */
  counts: Int32Array;
  /** The same summed per zone id, over nodes in the scheduling tree. */
  zoneCounts: Int32Array;
  lastUsed: number;
};

type NamespaceGroups = {
  /** Groups indexed by their first `key In (value)` requirement. */
  readonly byLabel: Map<string, Map<string, SpreadGroup[]>>;
  readonly other: SpreadGroup[];
};

/**
 * The index of spreading groups. Groups are made on first use (scanning the cached pods once) and
 * dropped after a while unused; both only change cost, never results.
 */
export class SpreadIndex implements CacheListener {
  private readonly groups = new Map<string, SpreadGroup>();
  private readonly byNamespace = new Map<string, NamespaceGroups>();
  private slotCapacity = 0;
  private zoneCapacity = 1;

  constructor(private readonly cache: SchedulerCache) {}

  size(): number {
    return this.groups.size;
  }

  /** The group for a selector, created (and filled from the cache) if needed. */
  group(
    namespace: string,
    requirements: readonly Requirement[],
    key: string,
    now: number,
  ): SpreadGroup {
    let group = this.groups.get(key);
    if (!group) {
      group = {
        key,
        namespace,
        requirements,
        counts: new Int32Array(Math.max(this.slotCapacity, 16)),
        zoneCounts: new Int32Array(Math.max(this.zoneCapacity, 4)),
        lastUsed: now,
      };
      this.groups.set(key, group);
      this.indexGroup(group, true);
      for (const pod of this.cache.allPods()) {
        if (
          pod.namespace === namespace &&
          !pod.terminating &&
          matchesRequirements(pod.labels, requirements)
        )
          this.count(group, pod.slot, 1);
      }
    }
    group.lastUsed = now;
    return group;
  }

  /** Drops groups unused since `before`. */
  prune(before: number): void {
    for (const [key, group] of this.groups) {
      if (group.lastUsed < before) {
        this.groups.delete(key);
        this.indexGroup(group, false);
      }
    }
  }

  private indexGroup(group: SpreadGroup, add: boolean): void {
    let ns = this.byNamespace.get(group.namespace);
    if (!ns) {
      ns = { byLabel: new Map(), other: [] };
      this.byNamespace.set(group.namespace, ns);
    }
    const first = group.requirements.find((r) => r.operator === 'In' && r.values.length === 1);
    let list: SpreadGroup[];
    if (first) {
      let values = ns.byLabel.get(first.key);
      if (!values) ns.byLabel.set(first.key, (values = new Map()));
      list = values.get(first.values[0]!) ?? [];
      values.set(first.values[0]!, list);
    } else list = ns.other;
    if (add) list.push(group);
    else list.splice(list.indexOf(group), 1);
  }

  private count(group: SpreadGroup, slot: number, delta: number): void {
    if (slot >= group.counts.length) {
      const grown = new Int32Array(Math.max(this.slotCapacity, slot + 1));
      grown.set(group.counts);
      group.counts = grown;
    }
    group.counts[slot] = group.counts[slot]! + delta;
    if (this.cache.inTree[slot] === 1) {
      const zone = this.cache.spreadZone[slot]!;
      if (zone >= group.zoneCounts.length) this.growZones(group, zone + 1);
      group.zoneCounts[zone] = group.zoneCounts[zone]! + delta;
    }
  }

  private growZones(group: SpreadGroup, size: number): void {
    const grown = new Int32Array(Math.max(size, this.zoneCapacity));
    grown.set(group.zoneCounts);
    group.zoneCounts = grown;
  }

  private forEachMatching(pod: CachedPod, fn: (group: SpreadGroup) => void): void {
    if (pod.terminating) return;
    const ns = this.byNamespace.get(pod.namespace);
    if (!ns) return;
    const labels = pod.labels;
    for (const key in labels) {
      const groups = ns.byLabel.get(key)?.get(labels[key]!);
      if (!groups) continue;
      for (const group of groups) if (matchesRequirements(labels, group.requirements)) fn(group);
    }
    for (const group of ns.other) if (matchesRequirements(labels, group.requirements)) fn(group);
  }

  // ——— CacheListener ———

  podAdded(pod: CachedPod): void {
    if (this.groups.size === 0) return;
    this.forEachMatching(pod, (group) => this.count(group, pod.slot, 1));
  }

  podRemoved(pod: CachedPod): void {
    if (this.groups.size === 0) return;
    this.forEachMatching(pod, (group) => this.count(group, pod.slot, -1));
  }

  nodeZoneChanged(slot: number, oldZone: number, newZone: number): void {
    for (const group of this.groups.values()) {
      const n = slot < group.counts.length ? group.counts[slot]! : 0;
      if (n === 0) continue;
      if (oldZone >= 0) group.zoneCounts[oldZone] = group.zoneCounts[oldZone]! - n;
      if (newZone >= 0) {
        if (newZone >= group.zoneCounts.length) this.growZones(group, newZone + 1);
        group.zoneCounts[newZone] = group.zoneCounts[newZone]! + n;
      }
    }
  }

  slotsGrown(capacity: number): void {
    this.slotCapacity = capacity;
  }

  zonesGrown(count: number): void {
    this.zoneCapacity = count;
  }
}
