import type { Pod } from '../objects/workloads';
import { since } from './timefmt';

/** The READY, STATUS and RESTARTS cells of `kubectl get pods` for one pod. */
export type PodRow = { ready: string; status: string; restarts: string };

const hasCondition = (pod: Pod, type: string) =>
  (pod.status.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/**
 * kubectl's display status, as `printPod` computes it (k/k pkg/printers/internalversion/printers.go,
 * v1.35): the phase (or `status.reason`), overridden by the last container's waiting reason
 * (ContainerCreating, CrashLoopBackOff, ErrImagePull, ImagePullBackOff…) or terminated reason
 * (OOMKilled, Error, Completed), then by Terminating — or Unknown for a pod evicted from a lost
 * node (`NodeLost`) — once the pod has a deletionTimestamp. Phases are not statuses: there is no
 * "CrashLoopBackOff" phase.
 *
 * @example
 * podRow(pod, world.now()); // { ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (25s ago)' }
 */
export function podRow(pod: Pod, now: number): PodRow {
  const statuses = pod.status.containerStatuses ?? [];
  const phase = pod.status.phase;
  let reason: string = pod.status.reason || phase;
  for (const condition of pod.status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') {
      reason = 'SchedulingGated';
    }
  }
  let restarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  let errorReason = '';
  for (let i = statuses.length - 1; i >= 0; i -= 1) {
    const container = statuses[i]!;
    restarts += container.restartCount;
    const finished = container.lastState?.terminated?.finishedAt;
    if (finished && (lastRestart === undefined || lastRestart < finished)) lastRestart = finished;
    const { waiting, terminated, running } = container.state ?? {};
    if (waiting && waiting.reason) {
      reason = waiting.reason;
    } else if (terminated) {
      reason = terminated.reason || `ExitCode:${terminated.exitCode}`;
      if (terminated.exitCode !== 0) errorReason = reason;
    } else if (container.ready && running) {
      hasRunning = true;
      ready += 1;
    }
  }
  // A finished container next to a running one: the pod is still Running (or NotReady).
  if (reason === 'Completed') {
    if (hasRunning && hasCondition(pod, 'Ready')) reason = 'Running';
    else if (errorReason) reason = errorReason;
    else if (hasRunning) reason = 'NotReady';
  }
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (pod.metadata.deletionTimestamp && pod.status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart) restartsText = `${restarts} (${since(lastRestart, now)} ago)`;
  return {
    ready: `${ready}/${pod.spec.containers.length}`,
    status: reason,
    restarts: restartsText,
  };
}
