import type { ContainerStatus } from '../../objects/workloads';

/**
 * kubelet_pods.go `validateContainerLogStatus`: which container instance `kubectl logs` reads,
 * or the error it answers with (the API server returns it as `Error from server (BadRequest): …`).
 */
export function logTarget(
  status: ContainerStatus,
  pod: string,
  previous: boolean,
): { containerID: string } | { error: string } {
  const name = status.name;
  const last = status.lastState.terminated;
  const { waiting, running, terminated } = status.state;
  if (previous) {
    if (!last?.containerID)
      return { error: `previous terminated container "${name}" in pod "${pod}" not found` };
    return { containerID: last.containerID };
  }
  if (running) return { containerID: status.containerID ?? '' };
  if (terminated) {
    if (terminated.containerID) return { containerID: terminated.containerID };
    if (last?.containerID) return { containerID: last.containerID };
    return { error: `container "${name}" in pod "${pod}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { error: `container "${name}" in pod "${pod}" is terminated` };
    return { containerID: last.containerID };
  }
  if (waiting) {
    switch (waiting.reason) {
      case 'ErrImagePull':
        return {
          error: `container "${name}" in pod "${pod}" is waiting to start: image can't be pulled`,
        };
      case 'ImagePullBackOff':
        return {
          error: `container "${name}" in pod "${pod}" is waiting to start: trying and failing to pull image`,
        };
      default:
        return {
          error: `container "${name}" in pod "${pod}" is waiting to start: ${waiting.reason}`,
        };
    }
  }
  return { error: `container "${name}" in pod "${pod}" is waiting to start - no logs yet` };
}
