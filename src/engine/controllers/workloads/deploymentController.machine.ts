import { controllerLifecycleMachine } from './controllerLifecycle.machine';

/** The Deployment controller's lifecycle (deployment_controller.go Run). */
export const deploymentControllerMachine = controllerLifecycleMachine('deploymentController');
