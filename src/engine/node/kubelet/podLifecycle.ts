/**
 * Where one container is in its life, as its captain (kubelet) sees it. The names follow what
 * `kubectl` shows: the waiting reasons of pkg/kubelet/images/types.go and
 * pkg/kubelet/container/sync_result.go, plus the steps in between.
 */
export type ContainerPhase =
  /** Waiting (ContainerCreating): the image is checked next. */
  | 'Waiting'
  /** Waiting (ContainerCreating) while the deck crew pulls the image. */
  | 'Pulling'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'ErrImageNeverPull'
  | 'InvalidImageName'
  /** CreateContainer and StartContainer in flight. */
  | 'Creating'
  | 'Running'
  /** The stop signal was sent; the process has not ended yet. */
  | 'Stopping'
  /** The process ended; the kubelet decides whether to restart it. */
  | 'Exited'
  | 'CrashLoopBackOff'
  /** Ended for good (restart policy, or the pod is going away). */
  | 'Terminated';

/** What can happen to a container. */
export type ContainerEvent =
  | { type: 'PULL' }
  | { type: 'IMAGE_READY' }
  | { type: 'PULL_FAILED' }
  | { type: 'NEVER_PULL' }
  | { type: 'INVALID_IMAGE' }
  | { type: 'BACK_OFF' }
  | { type: 'RETRY' }
  | { type: 'START_FAILED' }
  | { type: 'STARTED' }
  | { type: 'KILL' }
  | { type: 'EXITED' }
  | { type: 'RESTART' }
  | { type: 'DONE' };

export type ContainerEventType = ContainerEvent['type'];

/** Every phase, in the order a happy container meets them. */
export const CONTAINER_PHASES: readonly ContainerPhase[] = [
  'Waiting',
  'Pulling',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'Creating',
  'Running',
  'Stopping',
  'Exited',
  'CrashLoopBackOff',
  'Terminated',
];

/** Every event type. */
export const CONTAINER_EVENTS: readonly ContainerEventType[] = [
  'PULL',
  'IMAGE_READY',
  'PULL_FAILED',
  'NEVER_PULL',
  'INVALID_IMAGE',
  'BACK_OFF',
  'RETRY',
  'START_FAILED',
  'STARTED',
  'KILL',
  'EXITED',
  'RESTART',
  'DONE',
];

/**
 * The transition table. A missing entry means the event does not apply in that phase (the
 * container stays where it is). `KILL` ends waiting containers at once and asks running ones to
 * stop; a stopped process then reports `EXITED` and the kubelet decides (`RESTART`, `BACK_OFF`,
 * or `DONE`).
 */
export const CONTAINER_TRANSITIONS: Readonly<
  Record<ContainerPhase, Partial<Record<ContainerEventType, ContainerPhase>>>
> = {
  Waiting: {
    PULL: 'Pulling',
    IMAGE_READY: 'Creating',
    NEVER_PULL: 'ErrImageNeverPull',
    INVALID_IMAGE: 'InvalidImageName',
    KILL: 'Terminated',
  },
  Pulling: { IMAGE_READY: 'Creating', PULL_FAILED: 'ErrImagePull', KILL: 'Terminated' },
  ErrImagePull: { BACK_OFF: 'ImagePullBackOff', RETRY: 'Waiting', KILL: 'Terminated' },
  ImagePullBackOff: { RETRY: 'Waiting', KILL: 'Terminated' },
  ErrImageNeverPull: { RETRY: 'Waiting', KILL: 'Terminated' },
  InvalidImageName: { KILL: 'Terminated' },
  Creating: { STARTED: 'Running', START_FAILED: 'Waiting', KILL: 'Stopping' },
  Running: { EXITED: 'Exited', KILL: 'Stopping' },
  Stopping: { EXITED: 'Exited', START_FAILED: 'Exited' },
  Exited: {
    RESTART: 'Waiting',
    BACK_OFF: 'CrashLoopBackOff',
    DONE: 'Terminated',
    KILL: 'Terminated',
  },
  CrashLoopBackOff: { RETRY: 'Waiting', KILL: 'Terminated' },
  Terminated: {},
};

/**
 * The reducer: the phase after `event`, or the same phase when the event does not apply.
 *
 * @example
 * containerTransition('Creating', { type: 'STARTED' }); // 'Running'
 */
export function containerTransition(phase: ContainerPhase, event: ContainerEvent): ContainerPhase {
  return CONTAINER_TRANSITIONS[phase][event.type] ?? phase;
}

/** Whether `event` changes anything in `phase`. */
export function accepts(phase: ContainerPhase, type: ContainerEventType): boolean {
  return CONTAINER_TRANSITIONS[phase][type] !== undefined;
}

/** The waiting reason `kubectl` shows for a phase, when the container is waiting. */
export function waitingReason(phase: ContainerPhase): string | undefined {
  switch (phase) {
    case 'Waiting':
    case 'Pulling':
    case 'Creating':
      return 'ContainerCreating';
    case 'ErrImagePull':
    case 'ImagePullBackOff':
    case 'ErrImageNeverPull':
    case 'InvalidImageName':
    case 'CrashLoopBackOff':
      return phase;
    default:
      return undefined;
  }
}
