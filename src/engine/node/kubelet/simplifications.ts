import type { Simplification } from '../../sim/simplification';

/** Where the captain (kubelet) is simpler than the real one. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'kubelet.events-headless',
    component: 'kubelet',
    text: 'Kubernetes treats Events as best effort (rate-limited and droppable). With the trace’s detail off (headless benchmarks) the kubelet records no Events at all; with detail on (the app, tests) it records every one with upstream’s reasons and messages.',
  },
  {
    id: 'kubelet.lease-timing',
    component: 'kubelet',
    text: 'The Lease is renewed every leaseRenewInterval counted from the start of the previous renewal, without the 4% jitter, and a failed renewal is retried once per back-off step (200 ms doubling to 7 s) instead of five quick retries first.',
  },
  {
    id: 'kubelet.node-status-loop',
    component: 'kubelet',
    text: 'Node status is recomputed only when something in it may have changed (pod CIDR, runtime, image cache, a failed post) and then posted on the next 10 s tick, or at once for readiness; an unchanged status is posted every nodeStatusReportFrequency. These are the posts the real 10 s loop makes; a failed post is retried on the next tick rather than five times in a row. Memory, disk and PID pressure are always False (no eviction manager).',
  },
  {
    id: 'kubelet.pleg',
    component: 'kubelet',
    text: 'PLEG relists only the pods whose containers changed (the runtime tells the kubelet which), on the same 1 s ticks as a full relist, so status reflects a container start or exit at the same moment the real generic PLEG would notice it.',
  },
  {
    id: 'kubelet.sync-timing',
    component: 'kubelet',
    text: 'A container restarts exactly when its back-off expires, and an image pull is retried exactly when its back-off expires; the real pod worker notices at its next sync, up to about 10–15 s later. ErrImagePull shows for one PLEG period before ImagePullBackOff.',
  },
  {
    id: 'kubelet.probes',
    component: 'kubelet',
    text: 'Probes do not run HTTP, TCP or exec checks: a container’s readiness and liveness are healthy unless a fault says otherwise, and startup probes always succeed. Probe ticks start at container start + initialDelaySeconds (the real worker starts when the pod is added, with a random offset after a kubelet restart), timeoutSeconds is not modelled, and a worker whose result cannot change schedules nothing.',
  },
  {
    id: 'kubelet.admission',
    component: 'kubelet',
    text: 'Node admission checks the pod count, cpu and memory requests against allocatable (OutOfpods, OutOfcpu, OutOfmemory) and the nodeSelector (NodeAffinity); node affinity terms, host ports, NoExecute taints and extended resources are left to the scheduler.',
  },
  {
    id: 'kubelet.pod-features',
    component: 'kubelet',
    text: 'Init containers, sidecar containers, ephemeral containers, volumes, secrets and config maps, lifecycle hooks, static pods, in-place resize and changes to a running container’s image (which really restart it) are not modelled.',
  },
  {
    id: 'kubelet.status-patch',
    component: 'kubelet',
    text: 'The status manager writes the whole pod status in one server-side change (not a strategic merge patch), keeping conditions owned by others such as PodScheduled and DisruptionTarget; it retries failed writes every 10 s.',
  },
  {
    id: 'kubelet.registration',
    component: 'kubelet',
    text: 'When its Node already exists the kubelet reconciles only its default labels; it does not re-register if the Node object is deleted later. It keeps one dead container per container (the container GC’s maxPerPodContainer) and never garbage-collects images.',
  },
];
