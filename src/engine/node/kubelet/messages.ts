import { goDuration } from './backoff';

// Event and status texts exactly as kubelet v1.34 writes them (pkg/kubelet/images/image_manager.go,
// kuberuntime/kuberuntime_container.go, prober/worker.go, lifecycle/predicate.go). v1.35 shortened
// Created/Started to "Container created"/"Container started" (kubernetes#134043).

/** Normal Pulling. */
export const pullingImage = (image: string) => `Pulling image "${image}"`;

/** Normal Pulled after a pull; durations truncated to milliseconds as Go prints them. */
export const pulledImage = (image: string, pullMs: number, totalMs: number, size: number) =>
  `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`;

/** Normal Pulled when IfNotPresent finds the image in the cache. */
export const imagePresent = (image: string) =>
  `Container image "${image}" already present on machine`;

/** Normal Created. */
export const createdContainer = (name: string) => `Created container: ${name}`;

/** Normal Started. */
export const startedContainer = (name: string) => `Started container ${name}`;

/** Normal Killing when the pod is deleted. */
export const stoppingContainer = (name: string) => `Stopping container ${name}`;

/** Normal Killing after the liveness probe failed failureThreshold times. */
export const livenessKill = (name: string) =>
  `Container ${name} failed liveness probe, will be restarted`;

/** Warning BackOff while a crashed container waits for its restart. */
export const backOffRestarting = (name: string, pod: string) =>
  `Back-off restarting failed container ${name} in pod ${pod}`;

/** The CrashLoopBackOff waiting message. */
export const crashLoopMessage = (delay: number, name: string, pod: string) =>
  `back-off ${goDuration(delay)} restarting failed container=${name} pod=${pod}`;

/** Normal BackOff (event) while an image pull waits. */
export const backOffPulling = (image: string) => `Back-off pulling image "${image}"`;

/** Warning Failed when PullImage fails. */
export const failedToPull = (image: string, error: string) =>
  `Failed to pull image "${image}": ${error}`;

/** Warning Failed with the waiting reason (`Error: ErrImagePull`). */
export const errorReason = (reason: string) => `Error: ${reason}`;

/** Warning ErrImageNeverPull. */
export const neverPull = (image: string) =>
  `Container image "${image}" is not present with pull policy of Never`;

/** Warning InspectFailed for an unparsable image reference. */
export const invalidImage = (image: string, error: string) =>
  `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`;

/** Warning Unhealthy: `Readiness probe failed: HTTP probe failed with statuscode: 503`. */
export const probeFailed = (probe: 'Readiness' | 'Liveness' | 'Startup', output: string) =>
  `${probe} probe failed: ${output}`;

/** Warning NetworkNotReady while the CNI has no configuration. */
export const networkNotReady = (message: string) => `network is not ready: ${message}`;

/** upstream format.Pod: `name_namespace(uid)`. */
export const formatPod = (name: string, namespace: string, uid: string) =>
  `${name}_${namespace}(${uid})`;
