/**
 * Kubelet constants that are not (yet) in `sim/timings.ts`, each with its upstream source. They
 * are the real values; the integrator may move them into `Timings` so scenarios can change them.
 */
export const kubeletSettings = {
  /** `kubeletVersion` (Node status) and the version every ship reports. */
  version: 'v1.34.3',
  /** kubelet `maxPods` default (pkg/kubelet/apis/config/v1beta1/defaults.go). */
  maxPods: 110,
  /** Default hard eviction threshold memory.available<100Mi, subtracted from allocatable. */
  evictionHardMemory: 100 * 1024 * 1024,
  /** nodefs.available<10%: the share of the node's disk kept back from allocatable. */
  evictionHardNodefs: 0.1,
  /** The ships' root disk (ephemeral-storage capacity): ~98 GiB, a common cloud VM disk. */
  diskBytes: 102_626_232 * 1024,
  /** registerWithAPIServer: sleep 100 ms before the first try, doubling to 7 s (kubelet_node_status.go). */
  registerInitialDelay: 100,
  registerMaxDelay: 7_000,
  /** Node lease controller: failed renewals back off 200 ms doubling to 7 s (component-helpers/…/lease/controller.go). */
  leaseInitialBackoff: 200,
  leaseMaxBackoff: 7_000,
  /** Status manager: re-sync pods whose status write failed every 10 s (status_manager.go syncPeriod). */
  statusSyncPeriod: 10_000,
  /** killContainer never waits less than 2 s (kuberuntime_container.go minimumGracePeriodInSeconds). */
  minimumGracePeriodSeconds: 2,
  /** Node status lists at most 50 images (nodeStatusMaxImages). */
  nodeStatusMaxImages: 50,
  /** kubelet's port: `kubectl logs` reaches it at :10250 (daemonEndpoints.kubeletEndpoint). */
  port: 10250,
} as const;
