import { controllerLifecycleMachine } from './controllerLifecycle.machine';

/**
 * The garbage collector's lifecycle (garbagecollector.go Run): it deletes nothing until its
 * monitors have synced, because an owner missing from a half-filled graph is not an owner that is gone.
 */
export const garbageCollectorMachine = controllerLifecycleMachine('garbageCollector');
