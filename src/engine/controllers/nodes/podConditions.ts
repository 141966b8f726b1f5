import type { Condition } from '../../objects/meta';
import type { Pod } from '../../objects/workloads';

/**
 * `UpdatePodCondition` (pkg/api/v1/pod/util.go): the status with `condition` set, its
 * lastTransitionTime moved only when the status changes; undefined when nothing would change.
 */
export function withPodCondition(
  status: Pod['status'],
  condition: Condition,
  stamp: string,
): Pod['status'] | undefined {
  const conditions = status.conditions ?? [];
  const index = conditions.findIndex((c) => c.type === condition.type);
  if (index < 0) {
    return {
      ...status,
      conditions: [...conditions, { ...condition, lastTransitionTime: stamp }],
    };
  }
  const old = conditions[index]!;
  const next: Condition = {
    ...old,
    ...condition,
    lastTransitionTime: old.status === condition.status ? old.lastTransitionTime! : stamp,
  };
  if (
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    old.lastTransitionTime === next.lastTransitionTime
  )
    return undefined;
  const out = [...conditions];
  out[index] = next;
  return { ...status, conditions: out };
}

export const podKey = (pod: Pod) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
