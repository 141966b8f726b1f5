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

const NO_IMAGE = 0;
const ONE_IMAGE = 1;
const MANY_IMAGES = 2;

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
  private imageSizes: Float64Array = new Float64Array(0);
  private imageShare = 0;
  private spreadMin = 0;
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
    // TaintToleration, then NodeResourcesFit and ImageLocality (one pass) start each node's total.
    this.taintToleration(plan, n);
    const image = this.imagePrescore(plan.images);
    this.leastAllocated(plan, n, image);
    if (image === MANY_IMAGES) this.imageLocality(plan.images, n);
    if (doAffinity) this.nodeAffinity(preferred, n);
    if (doBalanced) this.balancedAllocation(plan, n);
    // PodTopologySpread's raw counts, then its normalization folded into selectHost's pass.
    const spread = doSpread ? this.podTopologySpread(plan, group, n) : null;
    return this.selectHost(n, spread);
  }

  /**
   * selectHost: the highest total; among equal totals one is drawn uniformly from the seeded PRNG.
   * Upstream samples a reservoir (one draw per tie); a single draw over the tied nodes gives the
   * same uniform choice, with one PRNG call per cycle instead of up to 500.
   */
  private selectHost(n: number, spread: Int32Array | null): number {
    const total = this.total;
    const ties = this.ties;
    let best = -1;
    let count = 0;
    if (spread !== null) {
      // PodTopologySpread.NormalizeScore, looked up per raw value, added before comparing.
      const raw = this.spreadRaw;
      const out = this.scoreSpread;
      const min = this.spreadMin;
      for (let k = 0; k < n; k += 1) {
        const s = spread[raw[k]! - min]!;
        out[k] = s;
        const t = total[k]! + s;
        total[k] = t;
        if (t > best) {
          best = t;
          ties[0] = k;
          count = 1;
        } else if (t === best) ties[count++] = k;
      }
    } else {
      for (let k = 0; k < n; k += 1) {
        const t = total[k]!;
        if (t > best) {
          best = t;
          ties[0] = k;
          count = 1;
        } else if (t === best) ties[count++] = k;
      }
    }
    return count > 1 ? ties[this.rng.int(count)]! : ties[0]!;
  }

  /** NodeResourcesFit's LeastAllocated score over cpu and memory, with non-zero requests. */
  private leastAllocated(plan: PodPlan, n: number, image: number): void {
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
    // ImageLocality for a one-image pod rides along (see imagePrescore).
    const imageOut = this.scoreImage;
    const sizes = image === ONE_IMAGE ? this.imageSizes : null;
    const share = this.imageShare;
    let lastSize = -1;
    let lastImage = 0;
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      const aCpu = allocCpu[slot]!;
      const aMemory = allocMemory[slot]!;
      const rCpu = nonZeroCpu[slot]! + podCpu;
      const rMemory = nonZeroMemory[slot]! + podMemory;
      let fit: number;
      if (
        laReqCpu[slot] === rCpu &&
        laReqMemory[slot] === rMemory &&
        laAllocCpu[slot] === aCpu &&
        laAllocMemory[slot] === aMemory
      ) {
        fit = laScore[slot]!;
      } else {
        // leastRequestedScore per resource (a resource the node has none of is left out), then
        // the weighted (1:1) integer mean.
        const sCpu = aCpu === 0 ? -1 : rCpu > aCpu ? 0 : Math.floor(((aCpu - rCpu) * MAX) / aCpu);
        const sMemory =
          aMemory === 0
            ? -1
            : rMemory > aMemory
              ? 0
              : Math.floor(((aMemory - rMemory) * MAX) / aMemory);
        fit = 0;
        if (sCpu >= 0 && sMemory >= 0) fit = ((sCpu + sMemory) >> 1) * W_FIT;
        else if (sCpu >= 0) fit = sCpu * W_FIT;
        else if (sMemory >= 0) fit = sMemory * W_FIT;
        laAllocCpu[slot] = aCpu;
        laReqCpu[slot] = rCpu;
        laAllocMemory[slot] = aMemory;
        laReqMemory[slot] = rMemory;
        laScore[slot] = fit;
      }
      out[k] = fit;
      let img = 0;
      if (sizes !== null) {
        const size = sizes[slot]!;
        if (size !== lastSize) {
          lastSize = size;
          lastImage = this.imagePriority(Math.trunc(size * share), 1);
        }
        img = lastImage;
      }
      if (image !== MANY_IMAGES) imageOut[k] = img;
      total[k] = taint[k]! + fit + img;
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
  private podTopologySpread(plan: PodPlan, group: SpreadGroup, n: number): Int32Array {
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
    // NormalizeScore: 100 × (max + min − raw) / max (the emptiest node scores 100; all 100 when
    // max is 0). Raw scores are small integers over a narrow range: a table per distinct value,
    // which selectHost reads as it sums.
    this.spreadMin = min;
    const range = max - min;
    if (range < 4096) {
      if (this.spreadTable.length <= range) this.spreadTable = new Int32Array(range + 1024);
      const table = this.spreadTable;
      for (let r = min; r <= max; r += 1)
        table[r - min] = (max === 0 ? MAX : Math.floor((MAX * (max + min - r)) / max)) * W_SPREAD;
      return table;
    }
    // A wide range: normalize each node, and index the result by position instead.
    const out = this.scoreSpread;
    for (let k = 0; k < n; k += 1) {
      out[k] = Math.floor((MAX * (max + min - raw[k]!)) / max) * W_SPREAD;
      raw[k] = k;
    }
    this.spreadMin = 0;
    return out;
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
   * ImageLocality's per-cycle work (image_locality.go): which of the pod's images any node has, and
   * each one's share of nodes (ImageStateSummary.NumNodes / total). NO_IMAGE when no node has any
   * (every node scores 0); ONE_IMAGE when a one-container pod's image is somewhere (scored inside
   * leastAllocated's pass); MANY_IMAGES otherwise (its own pass).
   */
  private imagePrescore(images: readonly string[]): number {
    const c = this.cache;
    const total = c.numNodes();
    const present = this.imageArrays;
    present.length = 0;
    if (this.imageSpread.length < images.length) this.imageSpread = new Float64Array(images.length);
    for (let i = 0; i < images.length; i += 1) {
      const sizes = c.imageSizes.get(images[i]!);
      if (!sizes) continue;
      this.imageSpread[present.length] = (c.imageNodes.get(images[i]!) ?? 0) / total;
      present.push(sizes);
    }
    if (present.length === 0) return NO_IMAGE;
    if (images.length === 1) {
      this.imageSizes = present[0]!;
      this.imageShare = this.imageSpread[0]!;
      return ONE_IMAGE;
    }
    return MANY_IMAGES;
  }

  /** calculatePriority: the summed scaled sizes clamped to 23 MiB … 1000 MiB per container, to 0–100. */
  private imagePriority(sum: number, containers: number): number {
    const maxThreshold = IMAGE_MAX_CONTAINER_THRESHOLD * containers;
    if (sum < IMAGE_MIN_THRESHOLD) sum = IMAGE_MIN_THRESHOLD;
    else if (sum > maxThreshold) sum = maxThreshold;
    return (
      Math.floor((MAX * (sum - IMAGE_MIN_THRESHOLD)) / (maxThreshold - IMAGE_MIN_THRESHOLD)) *
      W_IMAGE
    );
  }

  /**
   * ImageLocality for a pod with several containers: for each image already on the node, its size
   * scaled by the share of nodes that have it (sumImageScores), then calculatePriority.
   */
  private imageLocality(images: readonly string[], n: number): void {
    const out = this.scoreImage;
    const present = this.imageArrays;
    const spread = this.imageSpread;
    const feasible = this.feasible;
    const total = this.total;
    let lastSum = -1;
    let lastScore = 0;
    for (let k = 0; k < n; k += 1) {
      const slot = feasible[k]!;
      let sum = 0;
      for (let i = 0; i < present.length; i += 1)
        sum += Math.trunc(present[i]![slot]! * spread[i]!);
      if (sum !== lastSum) {
        lastSum = sum;
        lastScore = this.imagePriority(sum, images.length);
      }
      out[k] = lastScore;
      total[k] = total[k]! + lastScore;
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
