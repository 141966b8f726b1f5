import type { Simplification } from '../../sim/simplification';

/** Where the deck crew (container runtime) is simpler than containerd, CRI-O or Docker. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'runtime.pull-bandwidth',
    component: 'container runtime',
    text: 'A pull takes a fixed setup time plus the image size over one fixed bandwidth (timings.pullSetup, pullBytesPerSecond). Real pulls fetch layers in parallel, share layers between images, and spend time unpacking; here every image downloads whole, and re-pulling a cached image (imagePullPolicy: Always) costs only the setup (the manifest check).',
  },
  {
    id: 'runtime.registry',
    component: 'container runtime',
    text: 'The registry is a fixed catalogue (nginx, redis, postgres, busybox, httpd, memcached, pause, agnhost, two demo images) with real-ish sizes and made-up but stable digests. Any other repository or tag fails the way "not found" or "pull access denied" fails; private registries, pull secrets, mirrors and Docker Hub rate limits are not modelled.',
  },
  {
    id: 'runtime.cni',
    component: 'container runtime',
    text: 'The CNI plugin is a built-in host-local allocator over the node’s pod CIDR (from .2, round robin). There is no bridge, no routes and no CNI configuration file: the network is ready as soon as the kubelet passes the pod CIDR (UpdateRuntimeConfig).',
  },
  {
    id: 'runtime.processes',
    component: 'container runtime',
    text: 'Containers run scripted programs chosen by image: servers run until stopped and print their real start-up lines; busybox runs a tiny shell that understands echo, sleep, exit, true/false and while-true loops. Unknown executables run quietly instead of failing with "executable file not found" (StartError), and there is no CPU or memory use, so OOM kills happen only when injected.',
  },
  {
    id: 'runtime.stop-signal',
    component: 'container runtime',
    text: 'A process that handles its stop signal (nginx SIGQUIT, postgres SIGINT, redis SIGTERM…) ends within timings.containerStop; a shell or sleep running as PID 1 ignores SIGTERM and is SIGKILLed (exit 137) when the grace period ends, as in real life. preStop hooks are not modelled.',
  },
  {
    id: 'runtime.crash-timing',
    component: 'container runtime',
    text: 'An injected crash ends the process at once if it runs; on each later start that should crash, the process dies one second after starting.',
  },
  {
    id: 'runtime.flavours',
    component: 'container runtime',
    text: 'containerd, CRI-O and Docker (through cri-dockerd) differ only in their version string, container ID scheme, socket, image naming in statuses and their error texts; their fixed versions (containerd 2.1.4, CRI-O 1.34.1, Docker 28.2.2) never change during a run. RuntimeClasses, sandbox recreation, image garbage collection and disk usage are not modelled.',
  },
  {
    id: 'runtime.logs',
    component: 'container runtime',
    text: 'Each container keeps at most its last 1,000 log lines; kubelet log rotation (containerLogMaxSize, containerLogMaxFiles) is not modelled.',
  },
];
