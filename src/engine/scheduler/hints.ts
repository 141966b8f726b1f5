import type { Node } from '../objects/cluster';
import type { Pod } from '../objects/workloads';
import { bytes, milliCpu, parseQuantity } from '../objects/quantity';
import type { SchedulerCache } from './cache';
import {
  firstUntolerated,
  fitsEmptyNode,
  matchesRequiredAffinity,
  type HostPort,
  type PodPlan,
} from './podplan';
import { PLUGIN_BIT, type QueuedPod } from './queue';

// Queueing hints (KEP-4247, GA in v1.34): when the cluster changes, an unschedulable pod moves back
// to the queue only if a plugin that rejected it registered for that kind of event and its hint
// says the change may help (each plugin's EventsToRegister and isSchedulableAfter… functions).

/** Node changes as the scheduling queue's ActionTypes (k/k pkg/scheduler/framework/events.go). */
export const NODE_ADD = 1;
export const NODE_ALLOCATABLE = 2;
export const NODE_LABEL = 4;
export const NODE_TAINT = 8;

/** NodeSchedulingPropertiesChange: which of the changes plugins care about a node update made. */
export function nodeChanges(old: Node, node: Node): number {
  let actions = 0;
  const a = old.status?.allocatable;
  const b = node.status?.allocatable;
  if (a !== b && (a?.cpu !== b?.cpu || a?.memory !== b?.memory || a?.pods !== b?.pods))
    actions |= NODE_ALLOCATABLE;
  if (
    old.metadata.labels !== node.metadata.labels &&
    JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(node.metadata.labels ?? {})
  )
    actions |= NODE_LABEL;
  if (
    old.spec?.taints !== node.spec?.taints &&
    JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(node.spec?.taints ?? [])
  )
    actions |= NODE_TAINT;
  // A cleared spec.unschedulable counts as UpdateNodeTaint (extractNodeSpecUnschedulableChange).
  if (old.spec?.unschedulable && !node.spec?.unschedulable) actions |= NODE_TAINT;
  return actions;
}

/**
 * The hint for a node added (`old` undefined) or updated: whether any plugin that rejected the
 * pod now sees a node it could pass.
 */
export function nodeEventHint(
  cache: SchedulerCache,
  slot: number,
  old: Node | undefined,
  node: Node,
  actions: number,
): (queued: QueuedPod) => boolean {
  const name = node.metadata.name;
  const labels = node.metadata.labels ?? {};
  return (queued) => {
    const bits = queued.unschedulablePlugins;
    const plan = queued.plan;
    // NodeUnschedulable: the node became schedulable.
    if (bits & PLUGIN_BIT.NodeUnschedulable && actions & (NODE_ADD | NODE_TAINT)) {
      const was = old ? !old.spec?.unschedulable : false;
      if (!was && !node.spec?.unschedulable) return true;
    }
    // TaintToleration: the node had an untolerated taint (or is new) and now has none.
    if (bits & PLUGIN_BIT.TaintToleration && actions & (NODE_ADD | NODE_TAINT)) {
      const was = old ? firstUntolerated(plan, hardTaints(old)) >= 0 : true;
      if (was && firstUntolerated(plan, cache.hardTaints[slot]!) < 0) return true;
    }
    // NodeAffinity: the node matches now and did not before.
    if (bits & PLUGIN_BIT.NodeAffinity && actions & (NODE_ADD | NODE_LABEL)) {
      if (
        matchesRequiredAffinity(plan, labels, name) &&
        (!old || !matchesRequiredAffinity(plan, old.metadata.labels ?? {}, name))
      )
        return true;
    }
    // NodePorts: any new node.
    if (bits & PLUGIN_BIT.NodePorts && actions & NODE_ADD) return true;
    // NodeResourcesFit: the pod fits the node's allocatable, and it is new or grew in what the pod asks.
    if (bits & PLUGIN_BIT.NodeResourcesFit && actions & (NODE_ADD | NODE_ALLOCATABLE)) {
      const fits = fitsEmptyNode(
        plan,
        cache.allocCpu[slot]!,
        cache.allocMemory[slot]!,
        cache.allocPods[slot]!,
      );
      if (fits && (!old || resourcesIncreased(plan, old, node))) return true;
    }
    if (bits & PLUGIN_BIT.NodeName && actions & NODE_ADD) return true;
    return false;
  };
}

/**
 * The hint for an assigned pod's deletion: NodeResourcesFit queues on any deletion, NodePorts
 * when the deleted pod held one of the host ports this pod wants.
 */
export function assignedPodDeleteHint(
  deleted: Pod,
  except?: string,
): (queued: QueuedPod) => boolean {
  let freed: HostPort[] | null = null;
  for (const c of deleted.spec.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.hostPort) (freed ??= []).push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return (queued) => {
    if (queued.uid === except) return false;
    const bits = queued.unschedulablePlugins;
    if (bits & PLUGIN_BIT.NodeResourcesFit) return true;
    if (bits & PLUGIN_BIT.NodePorts && freed !== null && queued.plan.hostPorts)
      return queued.plan.hostPorts.some((p) => freed!.includes(p));
    return false;
  };
}

/** isPodUpdated: any change but status and resourceVersion (a pending pod's own update). */
export function isPodUpdated(old: Pod, pod: Pod): boolean {
  if (old.spec !== pod.spec && JSON.stringify(old.spec) !== JSON.stringify(pod.spec)) return true;
  const a = old.metadata;
  const b = pod.metadata;
  if (a.labels !== b.labels && JSON.stringify(a.labels ?? {}) !== JSON.stringify(b.labels ?? {}))
    return true;
  return (
    a.annotations !== b.annotations &&
    JSON.stringify(a.annotations ?? {}) !== JSON.stringify(b.annotations ?? {})
  );
}

function hardTaints(node: Node) {
  return (node.spec?.taints ?? []).filter((t) => t.effect !== 'PreferNoSchedule');
}

/** haveAnyRequestedResourcesIncreased (NodeResourcesFit's hint on a node update). */
function resourcesIncreased(plan: PodPlan, old: Node, node: Node): boolean {
  const a = old.status?.allocatable ?? {};
  const b = node.status?.allocatable ?? {};
  if ((parseQuantity(b.pods) ?? 0) > (parseQuantity(a.pods) ?? 0)) return true;
  if (plan.cpu === 0 && plan.memory === 0) return false;
  if (plan.cpu !== 0 && milliCpu(b.cpu) > milliCpu(a.cpu)) return true;
  return plan.memory !== 0 && bytes(b.memory) > bytes(a.memory);
}
