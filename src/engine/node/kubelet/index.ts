export { Kubelet, microTime } from './kubelet';
export { kubeletMachine } from './kubelet.machine';
export { podLifecycleMachine } from './podLifecycle.machine';
export {
  CONTAINER_PHASES,
  CONTAINER_EVENTS,
  containerTransition,
  waitingReason,
  type ContainerPhase,
  type ContainerEvent,
} from './podLifecycle';
export { kubeletSettings } from './settings';
export { simplifications } from './simplifications';
