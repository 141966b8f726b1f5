import type { KObject, OwnerReference } from '../../objects/meta';
import type { Pod } from '../../objects/workloads';
import { parseRfc3339 } from '../../time/format';

/** The annotation that tells the ReplicaSet controller which pods to delete first (beta since 1.22). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** `namespace/name`: how controllers key objects (cache.MetaNamespaceKeyFunc). */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The object's key. */
export function objKey(obj: KObject): string {
  return keyOf(obj.metadata.namespace, obj.metadata.name);
}

/** metav1.GetControllerOf: the owner reference with `controller: true`. */
export function controllerRefOf(obj: KObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const ref of refs) if (ref.controller) return ref;
  return undefined;
}

/** metav1.NewControllerRef: points at `owner`, blocks its foreground deletion. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

// RFC 3339 strings repeat a lot (second resolution): parse each once.
const parsed = new Map<string, number | undefined>();

/** Simulated ms of an RFC 3339 timestamp written by the engine, or undefined. */
export function timeOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size > 8192) parsed.clear();
  const ms = parseRfc3339(text);
  parsed.set(text, ms);
  return ms;
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** Whether the pod reached a terminal phase (podgc isPodTerminated). */
export function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status.conditions;
  if (!conditions) return false;
  for (const c of conditions) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

/** When the pod became Ready (the Ready condition's lastTransitionTime), if it is Ready. */
export function podReadyTime(pod: Pod): number | undefined {
  const conditions = pod.status.conditions;
  if (!conditions) return undefined;
  for (const c of conditions)
    if (c.type === 'Ready') return c.status === 'True' ? timeOf(c.lastTransitionTime) : undefined;
  return undefined;
}

/**
 * podutil.IsPodAvailable: Ready, and Ready for at least minReadySeconds (strictly before now, as
 * `LastTransitionTime.Add(minReadySeconds).Before(now)`).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = podReadyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** The highest restartCount among the pod's containers. */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status.containerStatuses ?? [])
    if (c.restartCount > max) max = c.restartCount;
  return max;
}

/**
 * helper.GetDeletionCostFromPodAnnotations: an int32; a leading `+` or zero (`+10`, `008`) is
 * invalid, and an invalid value counts as 0.
 */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST];
  if (value === undefined) return 0;
  if (!/^(0|[1-9][0-9]*|-[0-9]+)$/.test(value)) return 0;
  const n = Number(value);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** Whether every label of `required` is on `labels` (a map selector). */
export function hasLabels(
  labels: Record<string, string> | undefined,
  required: Record<string, string> | undefined,
): boolean {
  if (!required) return true;
  for (const key in required) if (labels?.[key] !== required[key]) return false;
  return true;
}
