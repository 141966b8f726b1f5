import type { Rng } from '../time/rng';
import type { SchedulerCache } from './cache';
import {
  IMAGE_MAX_CONTAINER_THRESHOLD,
  IMAGE_MIN_THRESHOLD,
  MAX_NODE_SCORE,
  SPREAD_HOSTNAME_MAX_SKEW,
  SPREAD_ZONE_MAX_SKEW,
  WEIGHT,
} from './constants';
import type { Framework } from './framework';
import { matchesRequiredAffinity, matchTerm, tolerated, type PodPlan } from './podplan';
import type { SpreadGroup } from './spread';

// Constants read in the per-node loops, bound once here.
const MAX = MAX_NODE_SCORE;
const W_TAINT = WEIGHT.TaintToleration;
const W_AFFINITY = WEIGHT.NodeAffinity;
const W_FIT = WEIGHT.NodeResourcesFit;
const W_SPREAD = WEIGHT.PodTopologySpread;
const W_BALANCED = WEIGHT.NodeResourcesBalancedAllocation;
const W_IMAGE = WEIGHT.ImageLocality;

/** Score plugins in the default profile's order (InterPodAffinity is not modelled). */
export const SCORE_PLUGINS = [
  'TaintToleration',
  'NodeAffinity',
  'NodeResourcesFit',
  'PodTopologySpread',
  'NodeResourcesBalancedAllocation',
  'ImageLocality',
] as const;

/**
 * The score half of a scheduling cycle (PreScore, Score, NormalizeScore, weights, selectHost) over
 * the feasible nodes the filter pass found. Scores live in reusable typed arrays indexed by
 * position among the feasible nodes.
 */
export class Scorer {
  /** Weighted, normalized scores per feasible node. */
  scoreTaint = new Int32Array(0);
  scoreAffinity = new Int32Array(0);
  scoreFit = new Int32Array(0);
  scoreSpread = new Int32Array(0);
  scoreBalanced = new Int32Array(0);
  scoreImage = new Int32Array(0);
  total = new Int32Array(0);
  /** Which score plugins ran in the last scoring (PreScore may skip some). */
  scored = { affinity: false, spread: false, balanced: false };
  private ties = new Int32Array(0);
  private feasible = new Int32Array(0);
  private mark = 0;
  private zoneSeen = new Uint32Array(4);
  private zoneScratch = new Int32Array(4);
  private spreadRaw = new Float64Array(0);
  private spreadTable = new Int32Array(1024);
  private zoneTerm = new Float64Array(4);
  /** LeastAllocated per node slot, remembered with the numbers it came from (valid while they match). */
  private laAllocCpu = new Float64Array(0);
  private laReqCpu = new Float64Array(0);
  private laAllocMemory = new Float64Array(0);
  private laReqMemory = new Float64Array(0);
  private laScore = new Int32Array(0);
  private imageSpread = new Float64Array(8);
  private readonly imageArrays: Float64Array[] = [];

  constructor(
    private readonly cache: SchedulerCache,
    private readonly filter: Framework,
    private readonly rng: Rng,
  ) {}

  private ensure(n: number): void {
    if (this.total.length < n) {
      const size = Math.max(16, n * 2);
      this.scoreTaint = new Int32Array(size);
      this.scoreAffinity = new Int32Array(size);
      this.scoreFit = new Int32Array(size);
      this.scoreSpread = new Int32Array(size);
      this.scoreBalanced = new Int32Array(size);
      this.scoreImage = new Int32Array(size);
      this.total = new Int32Array(size);
      this.ties = new Int32Array(size);
      this.spreadRaw = new Float64Array(size);
    }
    const slots = this.cache.slots;
    if (this.laScore.length < slots) {
      const size = Math.max(16, slots * 2);
      const grow = (a: Float64Array) => {
        const b = new Float64Array(size).fill(-1);
        b.set(a);
        return b;
      };
      this.laAllocCpu = grow(this.laAllocCpu);
      this.laReqCpu = grow(this.laReqCpu);
      this.laAllocMemory = grow(this.laAllocMemory);
      this.laReqMemory = grow(this.laReqMemory);
      const score = new Int32Array(size);
      score.set(this.laScore);
      this.laScore = score;
    }
  }

  /**
   * prioritizeNodes and selectHost: every score plugin that PreScore did not skip scores every
   * feasible node (0–100), NormalizeScore, times its weight, summed; the highest total wins, ties
   * broken uniformly with the seeded PRNG. Returns the index (into `feasible`) of the chosen node.
   *
   * Each plugin is its own tight pass over the feasible nodes (branch-free inner loops), which is
   * what keeps 150,000 pods × 500 nodes affordable.
   */
  prioritize(plan: PodPlan, group: SpreadGroup | null): number {
    const n = this.filter.feasibleCount;
    this.ensure(n);
    this.feasible = this.filter.feasible;
    this.mark += 1;
    // PreScore decisions (upstream's Skip statuses).
    const preferred = plan.preferredTerms;
    const doAffinity = preferred !== null; // NodeAffinity: no preferred terms
    const doBalanced = plan.cpu > 0 || plan.memory > 0; // BalancedAllocation: best-effort pod
    const doSpread = group !== null; // PodTopologySpread: no constraints
    this.scored.affinity = doAffinity;
    this.scored.spread = doSpread;
    this.scored.balanced = doBalanced;
    // TaintToleration then NodeResourcesFit start each node's total.
    this.taintToleration(plan, n);
    this.leastAllocated(plan, n);
    if (doAffinity) this.nodeAffinity(preferred, n);
    if (doSpread) this.podTopologySpread(plan, group, n);
    if (doBalanced) this.balancedAllocation(plan, n);
    this.imageLocality(plan.images, n);
    return this.selectHost(n);
  }

  /**
   * selectHost: the highest total; among equal totals one is drawn uniformly from the seeded PRNG.
   * Upstream samples a reservoir (one draw per tie); a single draw over the tied nodes gives the
   * same uniform choice, with one PRNG call per cycle instead of up to 500.
   */
  private selectHost(n: number): number {
    const total = this.total;
    const ties = this.ties;
    let best = -1;
    let count = 0;
    for (let k = 0; k < n; k += 1) {
      const t = total[k]!;
      if (t > best) {
        best = t;
        ties[0] = k;
        count = 1;
      } else if (t === best) ties[count++] = k;
    }
    return count > 1 ? ties[this.rng.int(count)]! : ties[0]!;
  }

  /** NodeResourcesFit's LeastAllocated score over cpu and memory, with non-zero requests. */
  private leastAllocated(plan: PodPlan, n: number): void {
    const c = this.cache;
    const feasible = this.feasible;
    const allocCpu = c.allocCpu;
    const allocMemory = c.allocMemory;
    const nonZeroCpu = c.nonZeroCpu;
    const nonZeroMemory = c.nonZeroMemory;
    const out = this.scoreFit;
    const podCpu = plan.nonZeroCpu;
    const podMemory = plan.nonZeroMemory;
    // A node's score only changes when its load or size does, or for a pod asking a different
    // amount: remember each node's last score with the numbers it came from (no division then).
    const laAllocCpu = this.laAllocCpu;
    const laReqCpu = this.laReqCpu;
    const laAllocMemory = this.laAllocMemory;
    const laReqMemory = this.laReqMemory;
    const laScore = this.laScore;
    const total = this.total;
    const taint = this.scoreTaint;
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      const aCpu = allocCpu[slot]!;
      const aMemory = allocMemory[slot]!;
      const rCpu = nonZeroCpu[slot]! + podCpu;
      const rMemory = nonZeroMemory[slot]! + podMemory;
      if (
        laReqCpu[slot] === rCpu &&
        laReqMemory[slot] === rMemory &&
        laAllocCpu[slot] === aCpu &&
        laAllocMemory[slot] === aMemory
      ) {
        const cached = laScore[slot]!;
        out[k] = cached;
        total[k] = taint[k]! + cached;
        continue;
      }
      // leastRequestedScore per resource (a resource the node has none of is left out), then
      // the weighted (1:1) integer mean.
      const sCpu = aCpu === 0 ? -1 : rCpu > aCpu ? 0 : Math.floor(((aCpu - rCpu) * MAX) / aCpu);
      const sMemory =
        aMemory === 0
          ? -1
          : rMemory > aMemory
            ? 0
            : Math.floor(((aMemory - rMemory) * MAX) / aMemory);
      let score = 0;
      if (sCpu >= 0 && sMemory >= 0) score = ((sCpu + sMemory) >> 1) * W_FIT;
      else if (sCpu >= 0) score = sCpu * W_FIT;
      else if (sMemory >= 0) score = sMemory * W_FIT;
      laAllocCpu[slot] = aCpu;
      laReqCpu[slot] = rCpu;
      laAllocMemory[slot] = aMemory;
      laReqMemory[slot] = rMemory;
      laScore[slot] = score;
      out[k] = score;
      total[k] = taint[k]! + score;
    }
  }

  /** TaintToleration: intolerable PreferNoSchedule taints, normalized reversed (fewer is better). */
  private taintToleration(plan: PodPlan, n: number): void {
    const out = this.scoreTaint;
    if (this.cache.softTaintedNodes === 0) {
      // Every count is 0: DefaultNormalizeScore(reverse) gives every node the maximum.
      out.fill(MAX * W_TAINT, 0, n);
      return;
    }
    const softTaints = this.cache.softTaints;
    let max = 0;
    for (let k = 0; k < n; k += 1) {
      const soft = softTaints[this.feasible[k]!]!;
      let count = 0;
      for (let t = 0; t < soft.length; t += 1)
        if (!tolerated(plan.tolerations, soft[t]!)) count += 1;
      out[k] = count;
      if (count > max) max = count;
    }
    for (let k = 0; k < n; k += 1)
      out[k] = (max === 0 ? MAX : MAX - Math.floor((MAX * out[k]!) / max)) * W_TAINT;
  }

  /** NodeAffinity: the weights of matching preferred terms, normalized to the best node. */
  private nodeAffinity(preferred: NonNullable<PodPlan['preferredTerms']>, n: number): void {
    const c = this.cache;
    const out = this.scoreAffinity;
    let max = 0;
    for (let k = 0; k < n; k += 1) {
      const slot = this.feasible[k]!;
      const labels = c.labels[slot]!;
      const name = c.names[slot]!;
      let sum = 0;
      for (let t = 0; t < preferred.length; t += 1) {
        const term = preferred[t]!;
        if (matchTerm(term.term, labels, name)) sum += term.weight;
      }
      out[k] = sum;
      if (sum > max) max = sum;
    }
    const total = this.total;
    for (let k = 0; k < n; k += 1) {
      const score = (max === 0 ? 0 : Math.floor((MAX * out[k]!) / max)) * W_AFFINITY;
      out[k] = score;
      total[k] = total[k]! + score;
    }
  }

  /**
   * PodTopologySpread with the system default constraints (ScheduleAnyway; hostname maxSkew 3,
   * zone maxSkew 5): matching pods on the node and in its zone, weighted by log(domains + 2),
   * normalized so the emptiest node scores 100.
   */
  private podTopologySpread(plan: PodPlan, group: SpreadGroup, n: number): void {
    const c = this.cache;
    const feasible = this.feasible;
    // topologyNormalizingWeight: log(size + 2); the hostname "size" is the number of nodes scored.
    const hostWeight = Math.log(n + 2);
    const counts = group.counts;
    const spreadZone = c.spreadZone;
    const hasHostname = c.hasHostname;
    // Each zone's part of the score, once per zone: matching pods there × its weight + maxSkew − 1.
    // Zone id 0 (no zone label) gets no zone part, as upstream gives none to unlabeled nodes.
    const zones = c.zoneNames.length;
    if (this.zoneTerm.length < zones) this.zoneTerm = new Float64Array(zones * 2);
    const zoneTerm = this.zoneTerm;
    zoneTerm[0] = 0;
    if (zones > 1) {
      const zoneCounts = this.spreadZoneCounts(plan, group);
      const zoneWeight = Math.log(this.distinctZones() + 2);
      for (let z = 1; z < zones; z += 1)
        zoneTerm[z] =
          (z < zoneCounts.length ? zoneCounts[z]! : 0) * zoneWeight + (SPREAD_ZONE_MAX_SKEW - 1);
    }
    const hostSkew = SPREAD_HOSTNAME_MAX_SKEW - 1;
    const raw = this.spreadRaw;
    let min = Infinity;
    let max = 0;
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      let score = 0;
      if (hasHostname[slot] === 1)
        score += (slot < counts.length ? counts[slot]! : 0) * hostWeight + hostSkew;
      score += zoneTerm[spreadZone[slot]!]!;
      const rounded = Math.round(score);
      raw[k] = rounded;
      if (rounded < min) min = rounded;
      if (rounded > max) max = rounded;
    }
    const out = this.scoreSpread;
    const total = this.total;
    // Raw scores are small integers over a narrow range: normalize each distinct value once.
    const range = max - min;
    if (max !== 0 && range < 4096) {
      if (this.spreadTable.length <= range) this.spreadTable = new Int32Array(range + 1024);
      const table = this.spreadTable;
      for (let r = min; r <= max; r += 1)
        table[r - min] = Math.floor((MAX * (max + min - r)) / max) * W_SPREAD;
      for (let k = 0; k < n; k += 1) {
        const score = table[raw[k]! - min]!;
        out[k] = score;
        total[k] = total[k]! + score;
      }
      return;
    }
    for (let k = 0; k < n; k += 1) {
      const score = (max === 0 ? MAX : Math.floor((MAX * (max + min - raw[k]!)) / max)) * W_SPREAD;
      out[k] = score;
      total[k] = total[k]! + score;
    }
  }

  /** NodeResourcesBalancedAllocation: 1 − std of the cpu and memory fractions (real requests). */
  private balancedAllocation(plan: PodPlan, n: number): void {
    const c = this.cache;
    const feasible = this.feasible;
    const allocCpu = c.allocCpu;
    const allocMemory = c.allocMemory;
    const reqCpu = c.reqCpu;
    const reqMemory = c.reqMemory;
    const out = this.scoreBalanced;
    const total = this.total;
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      const aCpu = allocCpu[slot]!;
      const aMemory = allocMemory[slot]!;
      let std = 0;
      if (aCpu > 0 && aMemory > 0) {
        let fCpu = (reqCpu[slot]! + plan.cpu) / aCpu;
        if (fCpu > 1) fCpu = 1;
        let fMemory = (reqMemory[slot]! + plan.memory) / aMemory;
        if (fMemory > 1) fMemory = 1;
        std = Math.abs((fCpu - fMemory) / 2);
      }
      const score = Math.trunc((1 - std) * MAX) * W_BALANCED;
      out[k] = score;
      total[k] = total[k]! + score;
    }
  }

  /**
   * ImageLocality (image_locality.go): for each container image already on the node, its size
   * scaled by the share of nodes that have it (sumImageScores), clamped between 23 MiB and
   * 1000 MiB per container and mapped to 0–100 (calculatePriority).
   */
  private imageLocality(images: readonly string[], n: number): void {
    const out = this.scoreImage;
    const c = this.cache;
    const total = c.numNodes();
    const present: Float64Array[] = this.imageArrays;
    if (this.imageSpread.length < images.length) this.imageSpread = new Float64Array(images.length);
    const spread = this.imageSpread;
    present.length = 0;
    for (let i = 0; i < images.length; i += 1) {
      const sizes = c.imageSizes.get(images[i]!);
      if (!sizes) continue;
      spread[present.length] = (c.imageNodes.get(images[i]!) ?? 0) / total;
      present.push(sizes);
    }
    // No node has any of the images: every node scores 0, as scoring them would give.
    if (present.length === 0) {
      out.fill(0, 0, n);
      return;
    }
    const maxThreshold = IMAGE_MAX_CONTAINER_THRESHOLD * images.length;
    const range = maxThreshold - IMAGE_MIN_THRESHOLD;
    const feasible = this.feasible;
    const sum = this.total;
    const priority = (score: number) => {
      if (score < IMAGE_MIN_THRESHOLD) score = IMAGE_MIN_THRESHOLD;
      else if (score > maxThreshold) score = maxThreshold;
      return Math.floor((MAX * (score - IMAGE_MIN_THRESHOLD)) / range) * W_IMAGE;
    };
    let lastSum = -1;
    let lastScore = 0;
    if (present.length === 1) {
      const sizes = present[0]!;
      const share = spread[0]!;
      let lastSize = -1;
      for (let k = 0; k < n; k += 1) {
        const size = sizes[feasible[k]!]!;
        if (size !== lastSize) {
          lastSize = size;
          lastScore = priority(Math.trunc(size * share));
        }
        out[k] = lastScore;
        sum[k] = sum[k]! + lastScore;
      }
      return;
    }
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      let score = 0;
      for (let i = 0; i < present.length; i += 1)
        score += Math.trunc(present[i]![slot]! * spread[i]!);
      if (score !== lastSum) {
        lastSum = score;
        lastScore = priority(score);
      }
      out[k] = lastScore;
      sum[k] = sum[k]! + lastScore;
    }
  }

  /** The number of zone values among the feasible nodes ("" counts as one). */
  private distinctZones(): number {
    const zones = this.cache.zoneNames.length;
    if (this.zoneSeen.length < zones) this.zoneSeen = new Uint32Array(zones * 2);
    const seen = this.zoneSeen;
    const mark = this.mark;
    let distinct = 0;
    for (let k = 0; k < this.filter.feasibleCount; k += 1) {
      const zone = this.cache.spreadZone[this.feasible[k]!]!;
      if (seen[zone] !== mark) {
        seen[zone] = mark;
        distinct += 1;
      }
    }
    return distinct;
  }

  /**
   * Matching pods per zone, over the nodes the pod could go to: with NodeInclusionPolicy (GA in
   * v1.33) nodeAffinityPolicy defaults to Honor, so a pod with a nodeSelector only counts pods on
   * nodes that match it.
   */
  private spreadZoneCounts(plan: PodPlan, group: SpreadGroup): Int32Array {
    if (plan.nodeSelector === null && plan.requiredTerms === null) return group.zoneCounts;
    const c = this.cache;
    if (this.zoneScratch.length < c.zoneNames.length)
      this.zoneScratch = new Int32Array(c.zoneNames.length * 2);
    const out = this.zoneScratch;
    out.fill(0);
    const counts = group.counts;
    const limit = Math.min(counts.length, c.slots);
    for (let slot = 0; slot < limit; slot += 1) {
      const n = counts[slot]!;
      if (n === 0 || c.inTree[slot] !== 1) continue;
      if (matchesRequiredAffinity(plan, c.labels[slot]!, c.names[slot]!)) {
        const zone = c.spreadZone[slot]!;
        out[zone] = out[zone]! + n;
      }
    }
    return out;
  }
}
