import type { ApiClient } from '../api/client';
import type { EventRecorder } from '../api/recorder';
import type { Condition } from '../objects/meta';
import type { Pod } from '../objects/workloads';
import { rfc3339 } from '../time/format';
import type { CachedPod } from './cache';

// What the scheduler writes to the bridge besides bindings: pod status (PodScheduled, the
// nomination) and the eviction of preemption victims.

/** validation.NoteLengthLimit: event messages are cut to 1024 bytes (schedule_one.go truncateMessage). */
const NOTE_LENGTH_LIMIT = 1024;

/** How the failure handler treats status.nominatedNodeName (framework.NominatingMode). */
export type Nominating = { mode: 'noop' } | { mode: 'override'; node: string };

/** truncateMessage: an Event message longer than the limit ends in " ...". */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = ' ...';
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

/**
 * UpdatePodCondition: replaces the condition of the same type (keeping its transition time when
 * the status did not change), or appends it.
 */
export function upsertCondition(
  conditions: readonly Condition[] | undefined,
  next: Condition,
): Condition[] {
  const out = [...(conditions ?? [])];
  const index = out.findIndex((c) => c.type === next.type);
  if (index < 0) out.push(next);
  else {
    const previous = out[index]!;
    out[index] =
      previous.status === next.status && previous.lastTransitionTime
        ? { ...next, lastTransitionTime: previous.lastTransitionTime }
        : next;
  }
  return out;
}

/**
 * updatePod in handleSchedulingFailure: PodScheduled=False with the reason and message, and the
 * nomination, patched on pods/status only when something changed (as PatchPodStatus diffs).
 */
export function patchUnschedulable(
  client: ApiClient,
  current: Pod,
  reason: 'Unschedulable' | 'SchedulerError',
  message: string,
  nominating: Nominating,
  now: number,
): void {
  const existing = current.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const nominatedNow = current.status?.nominatedNodeName ?? '';
  const nominatedChange = nominating.mode === 'override' && nominating.node !== nominatedNow;
  if (
    existing &&
    existing.status === 'False' &&
    existing.reason === reason &&
    existing.message === message &&
    !nominatedChange
  )
    return;
  const uid = current.metadata.uid;
  const condition: Condition = {
    type: 'PodScheduled',
    status: 'False',
    reason,
    message,
    lastProbeTime: null,
    lastTransitionTime: rfc3339(now),
  };
  client.patch<Pod>(
    'pods',
    current.metadata.namespace,
    current.metadata.name,
    (pod) => {
      if (pod.metadata.uid !== uid || pod.spec.nodeName) return pod;
      const status = {
        ...pod.status,
        conditions: upsertCondition(pod.status?.conditions, condition),
      };
      if (nominating.mode === 'override') {
        if (nominating.node) status.nominatedNodeName = nominating.node;
        else delete status.nominatedNodeName;
      }
      return { ...pod, status };
    },
    undefined,
    'status',
  );
}

/**
 * PreemptPod (k/k pkg/scheduler/framework/preemption): mark the victim DisruptionTarget /
 * PreemptionByScheduler, delete it gracefully, then record "Preempted" on it.
 */
export function evictVictim(
  client: ApiClient,
  recorder: EventRecorder,
  schedulerName: string,
  victim: CachedPod,
  preemptorUid: string,
  node: string,
  now: number,
): void {
  const condition: Condition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'PreemptionByScheduler',
    message: `${schedulerName}: preempting to accommodate a higher priority pod`,
    lastTransitionTime: rfc3339(now),
  };
  const target = victim.pod;
  client.patch<Pod>(
    'pods',
    victim.namespace,
    victim.name,
    (current) => ({
      ...current,
      status: {
        ...current.status,
        conditions: upsertCondition(current.status?.conditions, condition),
      },
    }),
    (patched) => {
      // A victim already gone is fine; any other failure stops this eviction.
      if (!patched.ok && patched.error.code !== 404) return;
      client.delete('pods', victim.namespace, victim.name, {}, (deleted) => {
        if (deleted.ok || patched.ok)
          recorder.record(
            target,
            'Normal',
            'Preempted',
            `Preempted by pod ${preemptorUid} on node ${node}`,
          );
      });
    },
    'status',
  );
}

/** clearNominatedNodeName: a lower-priority pod nominated to the preemption's node loses it. */
export function clearNomination(client: ApiClient, namespace: string, name: string): void {
  client.patch<Pod>(
    'pods',
    namespace,
    name,
    (current) => {
      const status = { ...current.status };
      delete status.nominatedNodeName;
      return { ...current, status };
    },
    undefined,
    'status',
  );
}
