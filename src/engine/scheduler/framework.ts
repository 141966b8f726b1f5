import type { CachedPod, SchedulerCache } from './cache';
import {
  MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND,
  MIN_FEASIBLE_NODES_TO_FIND,
  REASON,
  untoleratedTaintReason,
} from './constants';
import type { Nominator } from './nominator';
import { firstUntolerated, matchesRequiredAffinity, type PodPlan } from './podplan';
import { PLUGIN_BIT } from './queue';

// Filter results per node, as small numbers so the loops allocate nothing; words come later,
// only when a message or an explanation is needed.
export const F_PASS = 0;
export const F_UNSCHEDULABLE = 1;
export const F_NODE_NAME = 2;
export const F_TAINT = 3;
export const F_AFFINITY = 4;
export const F_PORTS = 5;
export const F_FIT = 6;

// NodeResourcesFit's reasons as bits (a node can lack several things at once).
export const R_PODS = 1;
export const R_CPU = 2;
export const R_MEMORY = 4;
/** The pod asks for more than the node has at all: preemption cannot help (UnschedulableAndUnresolvable). */
export const R_UNRESOLVABLE = 8;

/** Filter plugin of each failure code, as the scheduler names it. */
export const FILTER_PLUGIN = [
  '',
  'NodeUnschedulable',
  'NodeName',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
] as const;

const FILTER_BIT = [
  0,
  PLUGIN_BIT.NodeUnschedulable,
  PLUGIN_BIT.NodeName,
  PLUGIN_BIT.TaintToleration,
  PLUGIN_BIT.NodeAffinity,
  PLUGIN_BIT.NodePorts,
  PLUGIN_BIT.NodeResourcesFit,
];

/**
 * numFeasibleNodesToFind (k/k pkg/scheduler/schedule_one.go), with percentageOfNodesToScore unset:
 * all nodes below 100; otherwise `50 − nodes/125` percent (integer division), at least 5 %, and
 * never fewer than 100 nodes.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = 50 - Math.trunc(numAllNodes / 125);
  if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND)
    percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/** What the filter pass found. */
export type FilterOutcome = {
  /** Nodes in the snapshot. */
  total: number;
  toFind: number;
  evaluated: number;
  feasible: number;
  /** The nominated node passed on its own (evaluateNominatedNode): no other node was looked at. */
  nominatedFit: boolean;
};

/**
 * The filter half of a scheduling cycle over the cache (the framework runtime running the default
 * profile's filter plugins, with nominated pods). Results live in reusable typed arrays indexed by
 * node slot; `feasible` lists the nodes that passed, in the order they were found.
 */
export class Framework {
  /** Filter result per slot (valid when `stamp[slot] === cycle`). */
  status = new Uint8Array(0);
  resources = new Uint8Array(0);
  taintIndex = new Int16Array(0);
  stamp = new Uint32Array(0);
  cycle = 0;
  evaluated = new Int32Array(0);
  evaluatedCount = 0;
  feasible = new Int32Array(0);
  feasibleCount = 0;
  /** Round-robin start (sched.nextStartNodeIndex). */
  nextStartNodeIndex = 0;
  /** Details of the last `filterWhatIf` failure. */
  lastMask = 0;
  lastTaint = -1;

  constructor(
    private readonly cache: SchedulerCache,
    private readonly nominator: Nominator,
  ) {}

  private ensure(): void {
    const slots = this.cache.slots;
    if (this.status.length < slots) {
      const n = Math.max(16, slots * 2);
      const stamp = new Uint32Array(n);
      stamp.set(this.stamp);
      this.stamp = stamp;
      this.status = new Uint8Array(n);
      this.resources = new Uint8Array(n);
      this.taintIndex = new Int16Array(n);
      this.evaluated = new Int32Array(n);
      this.feasible = new Int32Array(n);
    }
  }

  /** Whether a failure code is UnschedulableAndUnresolvable (preemption cannot help there). */
  unresolvable(slot: number): boolean {
    const code = this.status[slot]!;
    if (code === F_PORTS) return false;
    if (code === F_FIT) return (this.resources[slot]! & R_UNRESOLVABLE) !== 0;
    return code !== F_PASS;
  }

  /** Whether `slot` was filtered in the current cycle. */
  evaluatedNow(slot: number): boolean {
    return this.stamp[slot] === this.cycle;
  }

  /** The UnschedulablePlugins bitmask of the current cycle. */
  rejectingPlugins(): number {
    let bits = 0;
    for (let i = 0; i < this.evaluatedCount; i += 1)
      bits |= FILTER_BIT[this.status[this.evaluated[i]!]!]!;
    return bits;
  }

  /** The reasons a node failed with, in Kubernetes' words (Status.Reasons()). */
  reasons(slot: number): string[] {
    return reasonsOf(
      this.cache,
      this.status[slot]!,
      this.resources[slot]!,
      this.taintIndex[slot]!,
      slot,
    );
  }

  /**
   * findNodesThatFitPod: the nominated node first when the pod has one (evaluateNominatedNode), then
   * every node from the round-robin start until enough feasible ones are found.
   */
  findNodesThatFit(plan: PodPlan, nominatedNode: string | undefined): FilterOutcome {
    this.ensure();
    this.cycle += 1;
    this.evaluatedCount = 0;
    this.feasibleCount = 0;
    const { slots: order, length: n } = this.cache.order();
    const toFind = numFeasibleNodesToFind(n);
    if (nominatedNode !== undefined) {
      const slot = this.cache.slotOf(nominatedNode);
      if (slot !== undefined && this.cache.inTree[slot] === 1) {
        const code = this.filterWhatIf(plan, slot, null);
        if (code === F_PASS) {
          this.stamp[slot] = this.cycle;
          this.status[slot] = F_PASS;
          this.feasible[0] = slot;
          this.feasibleCount = 1;
          this.evaluated[0] = slot;
          this.evaluatedCount = 1;
          return { total: n, toFind, evaluated: 1, feasible: 1, nominatedFit: true };
        }
      }
    }
    this.filterAll(plan, order, n, toFind);
    if (n > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + this.evaluatedCount) % n;
    return {
      total: n,
      toFind,
      evaluated: this.evaluatedCount,
      feasible: this.feasibleCount,
      nominatedFit: false,
    };
  }

  private filterAll(plan: PodPlan, order: Int32Array, n: number, toFind: number): void {
    const c = this.cache;
    const unschedulable = c.unschedulable;
    const hardTaintCount = c.hardTaintCount;
    const allocCpu = c.allocCpu;
    const allocMemory = c.allocMemory;
    const allocPods = c.allocPods;
    const reqCpu = c.reqCpu;
    const reqMemory = c.reqMemory;
    const podCount = c.podCount;
    const status = this.status;
    const stamp = this.stamp;
    const evaluated = this.evaluated;
    const feasible = this.feasible;
    const cycle = this.cycle;
    const checkUnschedulable = !plan.toleratesUnschedulable;
    const checkTaints = !plan.toleratesAll;
    const checkAffinity = plan.nodeSelector !== null || plan.requiredTerms !== null;
    const hostPorts = plan.hostPorts;
    const cpu = plan.cpu;
    const memory = plan.memory;
    const anyNominated = this.nominator.size() > 0;
    let evaluatedCount = 0;
    let feasibleCount = 0;
    let index = this.nextStartNodeIndex % Math.max(1, n);
    for (let i = 0; i < n; i += 1, index += 1) {
      if (index === n) index = 0;
      const slot = order[index]!;
      let code = F_PASS;
      if (anyNominated && this.nominator.hasHigherOrEqual(c.names[slot]!, plan)) {
        code = this.filterWhatIf(plan, slot, null);
        if (code === F_TAINT) this.taintIndex[slot] = this.lastTaint;
        else if (code === F_FIT) this.resources[slot] = this.lastMask;
      } else if (checkUnschedulable && unschedulable[slot] === 1) {
        code = F_UNSCHEDULABLE;
      } else if (checkTaints && hardTaintCount[slot]! > 0 && this.untoleratedAt(plan, slot)) {
        code = F_TAINT;
      } else if (checkAffinity && !matchesRequiredAffinity(plan, c.labels[slot]!, c.names[slot]!)) {
        code = F_AFFINITY;
      } else if (hostPorts !== null && c.portsConflict(slot, hostPorts)) {
        code = F_PORTS;
      } else {
        // NodeResourcesFit's fitsRequest: the pod count first, then each requested resource.
        let mask = 0;
        if (podCount[slot]! + 1 > allocPods[slot]!) mask = R_PODS;
        if (cpu > 0 && cpu > allocCpu[slot]! - reqCpu[slot]!) {
          mask |= R_CPU;
          if (cpu > allocCpu[slot]!) mask |= R_UNRESOLVABLE;
        }
        if (memory > 0 && memory > allocMemory[slot]! - reqMemory[slot]!) {
          mask |= R_MEMORY;
          if (memory > allocMemory[slot]!) mask |= R_UNRESOLVABLE;
        }
        if (mask !== 0) {
          code = F_FIT;
          this.resources[slot] = mask;
        }
      }
      stamp[slot] = cycle;
      status[slot] = code;
      evaluated[evaluatedCount++] = slot;
      if (code === F_PASS) {
        feasible[feasibleCount++] = slot;
        // Stop once enough feasible nodes are found (percentageOfNodesToScore).
        if (feasibleCount >= toFind) break;
      }
    }
    this.evaluatedCount = evaluatedCount;
    this.feasibleCount = feasibleCount;
  }

  private untoleratedAt(plan: PodPlan, slot: number): boolean {
    const i = firstUntolerated(plan, this.cache.hardTaints[slot]!);
    if (i < 0) return false;
    this.taintIndex[slot] = i;
    return true;
  }

  /**
   * RunFilterPluginsWithNominatedPods on one node as it would be without `removed` pods (preemption's
   * dry run) and with the pods nominated to it that are at least as important as this one.
   * Failure details land in `lastMask` / `lastTaint`.
   */
  filterWhatIf(plan: PodPlan, slot: number, removed: readonly CachedPod[] | null): number {
    const c = this.cache;
    this.lastMask = 0;
    this.lastTaint = -1;
    if (!plan.toleratesUnschedulable && c.unschedulable[slot] === 1) return F_UNSCHEDULABLE;
    if (c.hardTaintCount[slot]! > 0) {
      const t = firstUntolerated(plan, c.hardTaints[slot]!);
      if (t >= 0) {
        this.lastTaint = t;
        return F_TAINT;
      }
    }
    if (
      (plan.nodeSelector !== null || plan.requiredTerms !== null) &&
      !matchesRequiredAffinity(plan, c.labels[slot]!, c.names[slot]!)
    )
      return F_AFFINITY;
    let cpu = c.reqCpu[slot]!;
    let memory = c.reqMemory[slot]!;
    let pods = c.podCount[slot]!;
    if (removed) {
      for (const p of removed) {
        cpu -= p.cpu;
        memory -= p.memory;
        pods -= 1;
      }
    }
    const nominated = this.nominator.podsOn(c.names[slot]!);
    if (nominated) {
      for (const q of nominated) {
        if (q.uid === plan.uid || q.plan.priority < plan.priority) continue;
        cpu += q.plan.cpu;
        memory += q.plan.memory;
        pods += 1;
      }
    }
    if (plan.hostPorts !== null) {
      const used = c.ports[slot];
      for (const port of plan.hostPorts) {
        let n = used?.get(port) ?? 0;
        if (removed) for (const p of removed) if (p.hostPorts?.includes(port)) n -= 1;
        if (nominated)
          for (const q of nominated)
            if (
              q.uid !== plan.uid &&
              q.plan.priority >= plan.priority &&
              q.plan.hostPorts?.includes(port)
            )
              n += 1;
        if (n > 0) return F_PORTS;
      }
    }
    let mask = 0;
    if (pods + 1 > c.allocPods[slot]!) mask = R_PODS;
    if (plan.cpu > 0 && plan.cpu > c.allocCpu[slot]! - cpu) {
      mask |= R_CPU;
      if (plan.cpu > c.allocCpu[slot]!) mask |= R_UNRESOLVABLE;
    }
    if (plan.memory > 0 && plan.memory > c.allocMemory[slot]! - memory) {
      mask |= R_MEMORY;
      if (plan.memory > c.allocMemory[slot]!) mask |= R_UNRESOLVABLE;
    }
    this.lastMask = mask;
    return mask === 0 ? F_PASS : F_FIT;
  }
}

/** A failure code as Kubernetes words it. */
export function reasonsOf(
  cache: SchedulerCache,
  code: number,
  mask: number,
  taintIndex: number,
  slot: number,
): string[] {
  switch (code) {
    case F_UNSCHEDULABLE:
      return [REASON.unschedulable];
    case F_NODE_NAME:
      return [REASON.nodeName];
    case F_TAINT: {
      const taint = cache.hardTaints[slot]![taintIndex]!;
      return [untoleratedTaintReason(taint.key, taint.value)];
    }
    case F_AFFINITY:
      return [REASON.affinity];
    case F_PORTS:
      return [REASON.ports];
    case F_FIT: {
      const out: string[] = [];
      if (mask & R_PODS) out.push(REASON.tooManyPods);
      if (mask & R_CPU) out.push(REASON.cpu);
      if (mask & R_MEMORY) out.push(REASON.memory);
      return out;
    }
    default:
      return [];
  }
}
