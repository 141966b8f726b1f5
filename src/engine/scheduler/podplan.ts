import type { OwnerReference, Taint, Toleration } from '../objects/meta';
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../objects/workloads';
import { bytes, milliCpu } from '../objects/quantity';
import {
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
  TAINT_UNSCHEDULABLE,
} from './constants';

const NONE: readonly Toleration[] = Object.freeze([]);
/** What NodeUnschedulable checks a pod's tolerations against. */
const UNSCHEDULABLE_TAINT: Taint = Object.freeze({
  key: TAINT_UNSCHEDULABLE,
  effect: 'NoSchedule',
});

// Everything the filters and scores need from a pod, worked out once when the pod enters the queue
// (PreFilter and PreScore state, in framework terms), so the per-node loops only read numbers.

const OP_IN = 0;
const OP_NOT_IN = 1;
const OP_EXISTS = 2;
const OP_DOES_NOT_EXIST = 3;
const OP_GT = 4;
const OP_LT = 5;

/** One node selector requirement, compiled. */
type CompiledRequirement = {
  readonly key: string;
  readonly op: number;
  readonly values: readonly string[];
  /** Gt/Lt: the parsed integer (NaN when it does not parse, which matches nothing). */
  readonly num: number;
};

/** A node selector term: every requirement must hold; an empty term matches no node. */
export type CompiledTerm = {
  readonly expressions: readonly CompiledRequirement[];
  /** matchFields: only `metadata.name` exists upstream. */
  readonly fields: readonly CompiledRequirement[];
};

/** A host port a container asks for, as NodePorts keys it (`TCP/8080`; hostIP is always 0.0.0.0 here). */
export type HostPort = string;

/** What the scheduler computes once per pod (PreFilter/PreScore state). */
export type PodPlan = {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  /** Sum of the containers' requests: NodeResourcesFit's filter and BalancedAllocation. */
  readonly cpu: number;
  readonly memory: number;
  /** The same with 100m / 200Mi for containers that request nothing: LeastAllocated. */
  readonly nonZeroCpu: number;
  readonly nonZeroMemory: number;
  readonly priority: number;
  readonly preemptNever: boolean;
  readonly tolerations: readonly Toleration[];
  /** A toleration `{operator: Exists}` with no key and no effect tolerates every taint. */
  readonly toleratesAll: boolean;
  readonly toleratesUnschedulable: boolean;
  /** `spec.nodeSelector` as pairs; null when absent. */
  readonly nodeSelector: readonly (readonly [string, string])[] | null;
  /** requiredDuringScheduling… terms (ORed); null when absent. */
  readonly requiredTerms: readonly CompiledTerm[] | null;
  /** preferredDuringScheduling… terms with their weights; null when none count. */
  readonly preferredTerms: readonly { weight: number; term: CompiledTerm }[] | null;
  readonly hostPorts: readonly HostPort[] | null;
  /** Normalized image names of the containers (`nginx` → `nginx:latest`). */
  readonly images: readonly string[];
  /** The pod's controller, for the default spreading selector. */
  readonly owner: Readonly<OwnerReference> | null;
  readonly labels: Readonly<Record<string, string>>;
};

function compileRequirement(r: NodeSelectorRequirement): CompiledRequirement {
  const op =
    r.operator === 'In'
      ? OP_IN
      : r.operator === 'NotIn'
        ? OP_NOT_IN
        : r.operator === 'Exists'
          ? OP_EXISTS
          : r.operator === 'DoesNotExist'
            ? OP_DOES_NOT_EXIST
            : r.operator === 'Gt'
              ? OP_GT
              : OP_LT;
  const values = r.values ?? [];
  const num = values.length === 1 && /^-?\d+$/.test(values[0]!) ? Number(values[0]) : NaN;
  return { key: r.key, op, values, num };
}

function compileTerm(term: NodeSelectorTerm | undefined): CompiledTerm {
  return {
    expressions: (term?.matchExpressions ?? []).map(compileRequirement),
    fields: (term?.matchFields ?? []).map(compileRequirement),
  };
}

function matchRequirement(r: CompiledRequirement, value: string | undefined): boolean {
  switch (r.op) {
    case OP_IN:
      return value !== undefined && r.values.includes(value);
    case OP_NOT_IN:
      return value === undefined || !r.values.includes(value);
    case OP_EXISTS:
      return value !== undefined;
    case OP_DOES_NOT_EXIST:
      return value === undefined;
    default: {
      // Gt/Lt compare integers; a value that does not parse never matches (nodeaffinity helpers).
      if (value === undefined || !/^-?\d+$/.test(value) || Number.isNaN(r.num)) return false;
      const v = Number(value);
      return r.op === OP_GT ? v > r.num : v < r.num;
    }
  }
}

/** Whether a node (its labels and name) satisfies one term. */
export function matchTerm(
  term: CompiledTerm,
  labels: Readonly<Record<string, string>>,
  nodeName: string,
): boolean {
  // An empty term matches no objects (k8s.io/component-helpers nodeaffinity).
  if (term.expressions.length === 0 && term.fields.length === 0) return false;
  for (const r of term.expressions) if (!matchRequirement(r, labels[r.key])) return false;
  for (const r of term.fields)
    if (!matchRequirement(r, r.key === 'metadata.name' ? nodeName : undefined)) return false;
  return true;
}

/**
 * RequiredNodeAffinity.Match: `spec.nodeSelector` (every pair) and the required terms (any one).
 * What NodeAffinity's filter and its queueing hint both use.
 */
export function matchesRequiredAffinity(
  plan: PodPlan,
  labels: Readonly<Record<string, string>>,
  nodeName: string,
): boolean {
  const selector = plan.nodeSelector;
  if (selector !== null) {
    for (let i = 0; i < selector.length; i += 1) {
      const pair = selector[i]!;
      if (labels[pair[0]] !== pair[1]) return false;
    }
  }
  const terms = plan.requiredTerms;
  if (terms === null) return true;
  for (let i = 0; i < terms.length; i += 1) if (matchTerm(terms[i]!, labels, nodeName)) return true;
  return false;
}

/** Toleration.ToleratesTaint (k/k staging/src/k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const operator = t.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  return operator === 'Equal' && (t.value ?? '') === (taint.value ?? '');
}

/** Whether any toleration tolerates the taint. */
export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < tolerations.length; i += 1)
    if (toleratesTaint(tolerations[i]!, taint)) return true;
  return false;
}

/**
 * The first NoSchedule/NoExecute taint the pod does not tolerate, or -1 (FindMatchingUntoleratedTaint
 * with DoNotScheduleTaintsFilterFunc). `taints` holds only those effects already.
 */
export function firstUntolerated(plan: PodPlan, taints: readonly Taint[]): number {
  if (plan.toleratesAll) return -1;
  for (let i = 0; i < taints.length; i += 1) if (!tolerated(plan.tolerations, taints[i]!)) return i;
  return -1;
}

/** ImageLocality's normalizedImageName: an untagged image means `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Builds the plan of a pod. */
export function podPlan(pod: Pod): PodPlan {
  const spec = pod.spec;
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  const images: string[] = [];
  let hostPorts: HostPort[] | null = null;
  for (const c of spec.containers ?? []) {
    const requests = c.resources?.requests;
    const reqCpu = requests?.cpu;
    const reqMemory = requests?.memory;
    const cCpu = milliCpu(reqCpu);
    const cMemory = bytes(reqMemory);
    cpu += cCpu;
    memory += cMemory;
    // GetNonzeroRequests: a missing request counts as the default, an explicit 0 stays 0.
    nonZeroCpu += reqCpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : cCpu;
    nonZeroMemory += reqMemory === undefined ? DEFAULT_MEMORY_REQUEST : cMemory;
    if (c.image) images.push(normalizedImageName(c.image));
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0)
        (hostPorts ??= []).push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
    }
  }
  const tolerations = spec.tolerations ?? NONE;
  let toleratesAll = false;
  for (const t of tolerations)
    if (!t.key && t.operator === 'Exists' && !t.effect) toleratesAll = true;
  const toleratesUnschedulable = tolerated(tolerations, UNSCHEDULABLE_TAINT);
  const selectorEntries = spec.nodeSelector ? Object.entries(spec.nodeSelector) : null;
  const nodeAffinity = spec.affinity?.nodeAffinity;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const preferredInput = nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  const preferred = preferredInput
    ? preferredInput
        .map((p) => ({ weight: p.weight, term: compileTerm(p.preference) }))
        // NewPreferredSchedulingTerms skips weight 0 and empty preferences.
        .filter(
          (p) => p.weight !== 0 && (p.term.expressions.length > 0 || p.term.fields.length > 0),
        )
    : null;
  let controller: OwnerReference | null = null;
  const owners = pod.metadata.ownerReferences;
  if (owners) for (const o of owners) if (o.controller && !controller) controller = o;
  return {
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    cpu,
    memory,
    nonZeroCpu,
    nonZeroMemory,
    priority: spec.priority ?? 0,
    preemptNever: spec.preemptionPolicy === 'Never',
    tolerations,
    toleratesAll,
    toleratesUnschedulable,
    nodeSelector: selectorEntries && selectorEntries.length > 0 ? selectorEntries : null,
    requiredTerms: required ? (required.nodeSelectorTerms ?? []).map(compileTerm) : null,
    preferredTerms: preferred && preferred.length > 0 ? preferred : null,
    hostPorts,
    images,
    owner: controller,
    labels: pod.metadata.labels ?? {},
  };
}

/** Whether the pod's requests fit an empty node of this allocatable (NodeResourcesFit's queueing hint). */
export function fitsEmptyNode(plan: PodPlan, cpu: number, memory: number, pods: number): boolean {
  return pods >= 1 && plan.cpu <= cpu && plan.memory <= memory;
}

/** What a pod already on a node takes from it (NodeInfo.AddPod's accounting). */
export type PodUsage = {
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  hostPorts: readonly HostPort[] | null;
};

/** The usage of a bound pod, lighter than a full plan (150,000 of them at scale). */
export function podUsage(pod: Pod): PodUsage {
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  let hostPorts: HostPort[] | null = null;
  const containers = pod.spec.containers ?? [];
  for (let i = 0; i < containers.length; i += 1) {
    const c = containers[i]!;
    const requests = c.resources?.requests;
    const reqCpu = requests?.cpu;
    const reqMemory = requests?.memory;
    const cCpu = reqCpu === undefined ? 0 : milliCpu(reqCpu);
    const cMemory = reqMemory === undefined ? 0 : bytes(reqMemory);
    cpu += cCpu;
    memory += cMemory;
    nonZeroCpu += reqCpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : cCpu;
    nonZeroMemory += reqMemory === undefined ? DEFAULT_MEMORY_REQUEST : cMemory;
    if (c.ports) {
      for (const p of c.ports) {
        if (p.hostPort && p.hostPort > 0)
          (hostPorts ??= []).push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
      }
    }
  }
  return { cpu, memory, nonZeroCpu, nonZeroMemory, hostPorts };
}
