import { controllerLifecycleMachine } from './controllerLifecycle.machine';

/** The ReplicaSet controller's lifecycle (replica_set.go Run). */
export const replicaSetControllerMachine = controllerLifecycleMachine('replicaSetController');
