import type { Pod } from '../../objects/workloads';
import { bytes, milliCpu } from '../../objects/quantity';
import type { NodeResources } from './nodeStatus';

/** The sum of a pod's container requests: cpu in millicores, memory in bytes. */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    cpu += milliCpu(c.resources?.requests?.cpu);
    memory += bytes(c.resources?.requests?.memory);
  }
  return { cpu, memory };
}

/** Why the kubelet rejects a pod, in its words (lifecycle/predicate.go). */
export type Rejection = { reason: string; message: string };

/**
 * The kubelet's own admission (lifecycle/predicate.go `GeneralPredicates`): the scheduler already
 * checked, but the node re-checks against its allocatable in case two decisions raced. Only the
 * first failure is reported, as upstream does: `OutOfpods`, `OutOfcpu`, `OutOfmemory`, or
 * `NodeAffinity` for a nodeSelector the node's labels do not satisfy.
 */
export function admit(
  pod: Pod,
  requests: { cpu: number; memory: number },
  allocatable: NodeResources,
  used: NodeResources,
  labels: Readonly<Record<string, string>>,
): Rejection | undefined {
  for (const [key, value] of Object.entries(pod.spec.nodeSelector ?? {})) {
    if (labels[key] !== value)
      return {
        reason: 'NodeAffinity',
        message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
      };
  }
  const insufficient = (resource: string, requested: number, inUse: number, capacity: number) => ({
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${inUse}, capacity: ${capacity}`,
  });
  if (used.pods + 1 > allocatable.pods) return insufficient('pods', 1, used.pods, allocatable.pods);
  if (requests.cpu > 0 && requests.cpu > allocatable.cpu - used.cpu)
    return insufficient('cpu', requests.cpu, used.cpu, allocatable.cpu);
  if (requests.memory > 0 && requests.memory > allocatable.memory - used.memory)
    return insufficient('memory', requests.memory, used.memory, allocatable.memory);
  return undefined;
}
