import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import type { Pod } from '../../objects/workloads';
import type { ExecResult, ShipSpec } from '../../sim/types';
import type { World } from '../../sim/world';
import type { ContainerRuntime } from '../runtime';
import { logTarget } from './logs';
import { NodeAgent } from './nodeAgent';
import { nodeLabels, nodeResources } from './nodeStatus';
import { PodWorkers } from './podWorkers';
import { containerStatus } from './podStatus';
import { kubeletSettings } from './settings';

export { microTime } from './nodeAgent';

/**
 * The captain of one ship: the kubelet. It registers the Node, checks in by renewing its Lease,
 * posts node status (`NodeAgent`), and runs the pods bound to its ship through its deck crew,
 * the CRI runtime (`PodWorkers`): sandbox, image pull, create, start; then restarts crashed
 * containers with back-off, runs probes, stops pods that are deleted, and reports every pod's
 * status to the bridge. The bridge calls it on :10250 only for logs.
 *
 * @example
 * const runtime = new ContainerRuntime(world, 'ship-1', 'containerd', []);
 * const kubelet = new Kubelet(world, { name: 'ship-1' }, runtime);
 * kubelet.start(); // registers node/ship-1, then renews kube-node-lease/ship-1 every 10 s
 */
export class Kubelet {
  readonly id: string;
  readonly ship: string;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly node: NodeAgent;
  private readonly workers: PodWorkers;
  private readonly pods: Informer<Pod>;
  private started = false;
  private stopped = false;

  constructor(
    private readonly world: World,
    readonly spec: ShipSpec,
    private readonly runtime: ContainerRuntime,
  ) {
    this.ship = spec.name;
    this.id = `kubelet/${spec.name}`;
    this.client = world.client(this.id, spec.name);
    this.recorder = world.recorder(this.client, 'kubelet', spec.name);
    this.node = new NodeAgent(world, spec, runtime, this.client, this.recorder, {
      networkReady: () => this.workers.networkReady(),
    });
    this.workers = new PodWorkers(
      world,
      runtime,
      this.client,
      this.recorder,
      this.node.address,
      nodeResources(spec).allocatableNumbers,
      nodeLabels(spec),
      { imagesMaybeChanged: () => this.node.imagesMaybeChanged() },
    );
    this.pods = new Informer<Pod>(
      world,
      this.client,
      'pods',
      { fields: { nodeName: spec.name } },
      {
        add: (pod) => this.workers.onPod(pod),
        update: (old, pod) => {
          if (old.metadata.uid !== pod.metadata.uid) this.workers.onPodGone(old);
          this.workers.onPod(pod);
        },
        delete: (pod) => this.workers.onPodGone(pod),
      },
    );
  }

  /** Starts the captain: the deck crew, then registration, the Lease loop and the pod watch. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.runtime.start();
    this.workers.start();
    this.node.start();
    this.node.nodeEvent('Normal', 'Starting', 'Starting kubelet.');
    this.pods.start();
    if (this.world.trace.detail)
      this.world.trace.event(
        this.world.now(),
        this.id,
        'kubelet.started',
        `the captain of ${this.ship} came aboard (kubelet ${kubeletSettings.version}, ${this.runtime.version()})`,
        `node/${this.ship}`,
      );
  }

  /** The ship sank: the captain falls silent forever and the deck is cleared. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.node.stop();
    this.pods.stop();
    this.workers.stop();
    this.runtime.stop();
  }

  /** Simulated time of the last successful Lease renewal (its renewTime), or -1. */
  lastLeaseRenewal(): number {
    return this.node.lastLeaseRenewal();
  }

  /** When a pod in back-off (CrashLoopBackOff, ImagePullBackOff) tries again next. */
  backoffUntil(podUid: string): number | undefined {
    return this.workers.backoffUntil(podUid);
  }

  /** The ship's address (Node InternalIP, the pods' hostIP). */
  internalIP(): string {
    return this.node.address;
  }

  /** The machine's state value (`registering`, `{ running: … }`, `stopped`) for the canvas. */
  machineState(): unknown {
    return this.node.machineState();
  }

  /** The pods this captain runs (uids), for tests and the snapshot. */
  podUids(): string[] {
    return this.workers.podUids();
  }

  // ——— faults and the kubelet API (:10250) ———

  /** Fault: the container's process exits with `exitCode` now, and on each of its next `times - 1` starts. */
  crashContainer(
    namespace: string,
    pod: string,
    container: string | undefined,
    exitCode: number,
    times: number,
  ): ExecResult {
    const found = this.workers.find(namespace, pod, container);
    if ('error' in found) return { ok: false, output: found.error };
    const { rec, c } = found;
    const n = Math.max(1, Math.floor(times));
    const wasRunning = this.runtime.crash(rec.uid, c.name, exitCode, n);
    const more = wasRunning ? n - 1 : n;
    const output = wasRunning
      ? `container "${c.name}" in pod "${pod}" exited with code ${exitCode}` +
        (more > 0
          ? `; it will exit again on its next ${more === 1 ? 'start' : `${more} starts`}`
          : '')
      : `container "${c.name}" in pod "${pod}" is not running; it will exit with code ${exitCode} on its next ${n === 1 ? 'start' : `${n} starts`}`;
    return { ok: true, output };
  }

  /** Fault: the kernel's OOM killer ends the container (exit 137, reason OOMKilled). */
  oomKill(namespace: string, pod: string, container: string | undefined): ExecResult {
    const found = this.workers.find(namespace, pod, container);
    if ('error' in found) return { ok: false, output: found.error };
    const { rec, c } = found;
    if (!this.runtime.oomKill(rec.uid, c.name))
      return { ok: false, output: `container "${c.name}" in pod "${pod}" is not running` };
    return {
      ok: true,
      output: `container "${c.name}" in pod "${pod}" was OOMKilled (exit code 137)`,
    };
  }

  /** Fault: makes a container's readiness or liveness probe pass or fail from now on. */
  setProbeHealth(
    namespace: string,
    pod: string,
    container: string | undefined,
    probe: 'readiness' | 'liveness',
    healthy: boolean,
  ): ExecResult {
    const found = this.workers.find(namespace, pod, container);
    if ('error' in found) return { ok: false, output: found.error };
    const { rec, c } = found;
    const has = probe === 'readiness' ? c.spec.readinessProbe : c.spec.livenessProbe;
    if (!has)
      return {
        ok: false,
        output: `container "${c.name}" in pod "${pod}" has no ${probe}Probe: add one to the pod spec first`,
      };
    this.workers.setHealth(rec, c, probe, healthy);
    return {
      ok: true,
      output: `the ${probe} probe of container "${c.name}" in pod "${pod}" now ${healthy ? 'succeeds' : 'fails'}`,
    };
  }

  /** `kubectl logs [--previous]`: the API server asks this kubelet on :10250 for a container's log. */
  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    previous: boolean,
  ): ExecResult {
    const rec = this.workers.recordOf(namespace, pod);
    const target = container ?? rec?.containers[0]?.name ?? '';
    const url = `https://${this.node.address}:${kubeletSettings.port}/containerLogs/${namespace}/${pod}/${target}`;
    if (this.stopped || this.world.network.isSunk(this.ship))
      return {
        ok: false,
        output: `Error from server: Get "${url}": dial tcp ${this.node.address}:${kubeletSettings.port}: connect: no route to host`,
      };
    if (this.world.network.radioCut(this.ship))
      return {
        ok: false,
        output: `Error from server: Get "${url}": dial tcp ${this.node.address}:${kubeletSettings.port}: i/o timeout`,
      };
    const found = this.workers.find(namespace, pod, container);
    if ('error' in found) return { ok: false, output: found.error };
    const { rec: r, c } = found;
    const defaulted =
      container === undefined && r.containers.length > 1
        ? `Defaulted container "${c.name}" out of: ${r.containers.map((x) => x.name).join(', ')}\n`
        : '';
    const target2 = logTarget(containerStatus(c), pod, previous);
    if ('error' in target2)
      return { ok: false, output: `${defaulted}Error from server (BadRequest): ${target2.error}` };
    const runtimeId = target2.containerID.replace(/^[a-z-]+:\/\//, '');
    const lines = this.runtime.containerLogs(runtimeId);
    return { ok: true, output: defaulted + lines.join('\n') };
  }
}
