import { setup } from 'xstate';
import type { ContainerEvent } from './podLifecycle';

/**
 * The container lifecycle of `podLifecycle.ts` written as an xstate machine: for the Stately
 * inspector, for documentation, and for the model-based test that walks every path of this
 * machine and checks the reducer (the hot path, plain data) agrees step by step.
 *
 * Reading it: a container waits while the image is checked or pulled (ContainerCreating), is
 * created and started, runs, and exits; the restart policy and the crash back-off decide
 * whether it runs again. Deleting the pod kills it from wherever it is.
 */
export const podLifecycleMachine = setup({
  types: { events: {} as ContainerEvent },
}).createMachine({
  id: 'container',
  initial: 'Waiting',
  states: {
    Waiting: {
      description: 'ContainerCreating: the kubelet checks the image (EnsureImageExists)',
      on: {
        PULL: 'Pulling',
        IMAGE_READY: 'Creating',
        NEVER_PULL: 'ErrImageNeverPull',
        INVALID_IMAGE: 'InvalidImageName',
        KILL: 'Terminated',
      },
    },
    Pulling: {
      description: 'ContainerCreating: the runtime pulls the image (one pull at a time per node)',
      on: { IMAGE_READY: 'Creating', PULL_FAILED: 'ErrImagePull', KILL: 'Terminated' },
    },
    ErrImagePull: {
      description: 'the pull failed; the next sync finds the image back-off running',
      on: { BACK_OFF: 'ImagePullBackOff', RETRY: 'Waiting', KILL: 'Terminated' },
    },
    ImagePullBackOff: {
      description: 'waiting 10 s, 20 s, 40 s … (at most 300 s) before pulling again',
      on: { RETRY: 'Waiting', KILL: 'Terminated' },
    },
    ErrImageNeverPull: {
      description: 'imagePullPolicy: Never and the image is not on the node',
      on: { RETRY: 'Waiting', KILL: 'Terminated' },
    },
    InvalidImageName: {
      description: 'the image reference cannot be parsed; only deleting the pod helps',
      on: { KILL: 'Terminated' },
    },
    Creating: {
      description: 'CreateContainer, then StartContainer',
      on: { STARTED: 'Running', START_FAILED: 'Waiting', KILL: 'Stopping' },
    },
    Running: {
      on: { EXITED: 'Exited', KILL: 'Stopping' },
    },
    Stopping: {
      description: 'stop signal sent (preStop, SIGTERM, SIGKILL after the grace period)',
      on: { EXITED: 'Exited', START_FAILED: 'Exited' },
    },
    Exited: {
      description: 'the process ended; restartPolicy and the crash back-off decide what next',
      on: {
        RESTART: 'Waiting',
        BACK_OFF: 'CrashLoopBackOff',
        DONE: 'Terminated',
        KILL: 'Terminated',
      },
    },
    CrashLoopBackOff: {
      description: 'waiting 10 s, 20 s, 40 s … (at most 300 s, reset after 10 min running)',
      on: { RETRY: 'Waiting', KILL: 'Terminated' },
    },
    Terminated: {
      type: 'final',
    },
  },
});
