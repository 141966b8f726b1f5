import type { Condition } from '../../objects/meta';
import type {
  ContainerState,
  ContainerStateTerminated,
  ContainerStatus,
  PodStatus,
} from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import { waitingReason } from './podLifecycle';
import type { ContainerRecord, Instance, PodRecord } from './records';

/** Conditions the kubelet owns; the others (PodScheduled, DisruptionTarget…) are kept as they are. */
export const KUBELET_CONDITIONS: ReadonlySet<string> = new Set([
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
]);

function terminated(i: Instance): ContainerStateTerminated {
  return {
    exitCode: i.exitCode ?? 0,
    reason: i.reason ?? ((i.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
    ...(i.startedAt !== undefined ? { startedAt: rfc3339(i.startedAt) } : {}),
    finishedAt: rfc3339(i.finishedAt ?? i.startedAt ?? 0),
    containerID: i.containerID,
  };
}

/**
 * One `containerStatuses[]` entry, shaped as kubelet_pods.go `convertToAPIContainerStatuses`
 * does: a container that will be restarted after a failure shows the failure as `waiting`
 * (CrashLoopBackOff, ImagePullBackOff…) with the last run in `lastState.terminated`.
 */
export function containerStatus(c: ContainerRecord): ContainerStatus {
  const i = c.instance;
  let state: ContainerState;
  let last: ContainerState = {};
  switch (c.phase) {
    case 'Running':
    case 'Stopping':
      state = { running: { startedAt: rfc3339(i?.startedAt ?? 0) } };
      if (c.prior) last = { terminated: terminated(c.prior) };
      break;
    case 'Exited':
    case 'Terminated':
      if (i) {
        state = { terminated: terminated(i) };
        if (c.prior) last = { terminated: terminated(c.prior) };
      } else state = { waiting: { reason: c.waiting?.reason ?? 'ContainerCreating' } };
      break;
    default: {
      const reason = waitingReason(c.phase)!;
      const finished = i !== undefined && i.finishedAt !== undefined;
      if (reason === 'ContainerCreating' && !c.waiting && finished) {
        // Restarting right away (no failure in the reason cache): the last run shows as terminated.
        state = { terminated: terminated(i) };
        if (c.prior) last = { terminated: terminated(c.prior) };
        break;
      }
      // A restart in progress keeps showing the reason it waited for (CrashLoopBackOff).
      const shown =
        reason === 'ContainerCreating'
          ? (c.waiting ?? { reason })
          : { reason, message: c.waiting?.message };
      state = {
        waiting: shown.message
          ? { reason: shown.reason, message: shown.message }
          : { reason: shown.reason },
      };
      if (finished) last = { terminated: terminated(i) };
    }
  }
  return {
    name: c.name,
    state,
    lastState: last,
    ready: c.ready,
    started: c.started,
    restartCount: i?.attempt ?? 0,
    image: i?.image ?? c.spec.image,
    imageID: i?.imageID ?? '',
    ...(i && (c.phase === 'Running' || c.phase === 'Stopping' || i.finishedAt !== undefined)
      ? { containerID: i.containerID }
      : {}),
  };
}

/** kubelet_pods.go `getPhase`, from the container statuses. */
export function podPhase(
  statuses: readonly ContainerStatus[],
  restartPolicy: 'Always' | 'OnFailure' | 'Never',
  podIsTerminal: boolean,
): PodStatus['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running += 1;
    else if (s.state.terminated) {
      stopped += 1;
      if (s.state.terminated.exitCode === 0) succeeded += 1;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped += 1;
      else waiting += 1;
    }
  }
  if (podIsTerminal)
    return stopped > 0 && stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(
  rec: PodRecord,
  type: string,
  status: 'True' | 'False',
  now: string,
  reason?: string,
  message?: string,
): Condition {
  const previous = rec.transitions.get(type);
  let since = now;
  if (previous && previous[0] === status) since = previous[1];
  else rec.transitions.set(type, [status, now]);
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: since,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/**
 * The pod status the kubelet reports (kubelet_pods.go `generateAPIPodStatus`): phase, the four
 * kubelet-owned conditions, host and pod IPs, start time, and container statuses sorted by name.
 */
export function buildPodStatus(rec: PodRecord, hostIP: string, now: number): PodStatus {
  if (rec.rejected) {
    return { phase: 'Failed', reason: rec.rejected.reason, message: rec.rejected.message };
  }
  const statuses = rec.containers.map(containerStatus);
  statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const terminal = rec.terminating && rec.torndown;
  const phase = podPhase(statuses, rec.pod.spec.restartPolicy ?? 'Always', terminal);
  const at = rfc3339(now);
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = rec.containers.filter((c) => !c.ready).map((c) => c.name);
  const readyReason = done ? 'PodCompleted' : unready.length > 0 ? 'ContainersNotReady' : undefined;
  const readyMessage =
    !done && unready.length > 0
      ? `containers with unready status: [${unready.join(' ')}]`
      : undefined;
  const readyStatus = !done && unready.length === 0 ? 'True' : 'False';
  const conditions: Condition[] = [
    condition(rec, 'PodReadyToStartContainers', rec.sandbox === 'ready' ? 'True' : 'False', at),
    condition(rec, 'Initialized', 'True', at, done ? 'PodCompleted' : undefined),
    condition(rec, 'Ready', readyStatus, at, readyReason, readyMessage),
    condition(rec, 'ContainersReady', readyStatus, at, readyReason, readyMessage),
  ];
  return {
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(rec.podIP ? { podIP: rec.podIP, podIPs: [{ ip: rec.podIP }] } : {}),
    ...(rec.startTime ? { startTime: rec.startTime } : {}),
    containerStatuses: statuses,
  } as PodStatus;
}

/** Whether the pod's containers all ended for good (Succeeded/Failed without a kill). */
export function allTerminated(rec: PodRecord): boolean {
  return rec.containers.every((c) => c.phase === 'Terminated');
}
