import type { Pod } from './workloads';

/** What `kubectl get pods` shows for a pod. */
export type PodDisplay = {
  /** The STATUS column: Running, Pending, ContainerCreating, CrashLoopBackOff, Terminating, … */
  status: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** finishedAt of the newest terminated instance, if any (for "3 (25s ago)"). */
  lastRestart?: string;
};

/**
 * kubectl's STATUS logic (k/k pkg/printers/internalversion/printers.go `printPod`): the phase,
 * overridden by a container's waiting or terminated reason, then by Terminating (or Unknown for a
 * pod on an unreachable node) when the pod is being deleted.
 */
export function podDisplay(pod: Pod): PodDisplay {
  const statuses = pod.status.containerStatuses ?? [];
  let reason: string = pod.status.reason || pod.status.phase;
  for (const condition of pod.status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')
      reason = 'SchedulingGated';
  }
  let restarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i -= 1) {
    const c = statuses[i]!;
    restarts += c.restartCount;
    const finished = c.lastState.terminated?.finishedAt;
    if (finished && (!lastRestart || lastRestart < finished)) lastRestart = finished;
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state.running) {
      hasRunning = true;
      ready += 1;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      ? 'Running'
      : 'NotReady';
  }
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && pod.status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return {
    status: reason,
    readyContainers: ready,
    totalContainers: pod.spec.containers.length,
    restarts,
    ...(lastRestart ? { lastRestart } : {}),
  };
}
