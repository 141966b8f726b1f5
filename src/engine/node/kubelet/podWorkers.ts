import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { defaultPullPolicy } from '../../api/admission';
import type { KObject } from '../../objects/meta';
import type { Pod } from '../../objects/workloads';
import type { World } from '../../sim/world';
import { rfc3339 } from '../../time/format';
import { parseImageRef, type ContainerRuntime } from '../runtime';
import { admit, podRequests } from './admission';
import { inBackoffSince, inBackoffSinceUpdate, nextBackoff, type BackoffPolicy } from './backoff';
import * as msg from './messages';
import type { NodeResources } from './nodeStatus';
import { containerTransition, type ContainerEvent } from './podLifecycle';
import { allTerminated } from './podStatus';
import { Prober, probeLabel } from './probes';
import type { ContainerRecord, PodRecord } from './records';
import { kubeletSettings } from './settings';
import { StatusManager } from './statusManager';

/** What the pod workers tell the rest of the kubelet. */
export type PodWorkerHooks = {
  /** A pull finished; the image cache may have grown (node status lists the images). */
  imagesMaybeChanged(): void;
};

/**
 * The kubelet's pod workers (pod_workers.go with kuberuntime's SyncPod): one record per pod
 * bound to the ship, moved step by step through node admission, the sandbox, image pulls,
 * create and start, restarts with back-off, probes and termination. Each container is plain
 * data advanced by the `podLifecycle` reducer; the runtime's answers and PLEG relists wake the
 * pod's worker again. Status goes out through the status manager.
 */
export class PodWorkers {
  private readonly records = new Map<string, PodRecord>();
  private readonly byKey = new Map<string, PodRecord>();
  private readonly counted = new Set<string>();
  private readonly used: NodeResources = { cpu: 0, memory: 0, pods: 0 };
  private readonly health = new Map<string, { readiness: boolean; liveness: boolean }>();
  private readonly crashPolicy: BackoffPolicy;
  private readonly pleg = new Set<PodRecord>();
  private readonly waitingForNetwork = new Set<PodRecord>();
  private readonly prober: Prober;
  private readonly status: StatusManager;
  private plegTimer: number | undefined;
  private stopped = false;
  private startedAt = 0;

  constructor(
    private readonly world: World,
    private readonly runtime: ContainerRuntime,
    client: ApiClient,
    private readonly recorder: EventRecorder,
    hostIP: string,
    private readonly allocatable: NodeResources,
    private readonly labels: Readonly<Record<string, string>>,
    private readonly hooks: PodWorkerHooks,
  ) {
    this.crashPolicy = {
      initial: world.timings.backoffInitial,
      max: world.timings.backoffMax,
      reset: world.timings.backoffReset,
    };
    this.status = new StatusManager(world, client, {
      hostIP,
      isCurrent: (rec) => this.records.get(rec.uid) === rec,
      forget: (rec) => this.forget(rec),
    });
    this.prober = new Prober(world, {
      healthy: (rec, c, kind) =>
        kind === 'startup' ? true : (this.health.get(`${rec.uid}/${c.name}`)?.[kind] ?? true),
      startupSucceeded: (rec) => this.relist(rec),
      readinessChanged: (rec) => this.status.markDirty(rec),
      livenessFailed: (rec, c) => this.killForLiveness(rec, c),
      unhealthy: (rec, c, kind, output) =>
        this.event(rec, 'Warning', 'Unhealthy', msg.probeFailed(probeLabel(kind), output), c.name),
    });
    runtime.onContainerExit((podUid) => {
      const rec = this.records.get(podUid);
      if (rec) this.relist(rec);
    });
  }

  private get ship(): string {
    return this.runtime.ship;
  }

  private get id(): string {
    return `kubelet/${this.runtime.ship}`;
  }

  /** The record of a pod by namespace and name. */
  recordOf(namespace: string, name: string): PodRecord | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }

  /** PLEG relists are aligned to the kubelet's start. */
  start(): void {
    this.startedAt = this.world.now();
  }

  /** The ship sank: no more syncs, writes or timers. */
  stop(): void {
    this.stopped = true;
    const { agenda } = this.world;
    if (this.plegTimer !== undefined) agenda.cancel(this.plegTimer);
    this.status.stop();
    for (const rec of this.records.values())
      for (const c of rec.containers) {
        this.prober.stop(c);
        if (c.retryTimer !== undefined) agenda.cancel(c.retryTimer);
      }
  }

  /** The pod network became ready: pods waiting for it go on. */
  networkReady(): void {
    const waiting = [...this.waitingForNetwork];
    this.waitingForNetwork.clear();
    for (const rec of waiting) this.sync(rec);
  }

  /** Makes a probe of a container pass or fail from now on (the fault behind setProbeHealth). */
  setHealth(
    rec: PodRecord,
    c: ContainerRecord,
    probe: 'readiness' | 'liveness',
    healthy: boolean,
  ): void {
    const key = `${rec.uid}/${c.name}`;
    const health = this.health.get(key) ?? { readiness: true, liveness: true };
    health[probe] = healthy;
    this.health.set(key, health);
    this.prober.healthChanged(rec, c, probe);
  }

  /** The informer saw the pod (added or changed): its worker takes the next step. */
  onPod(pod: Pod): void {
    if (this.stopped) return;
    let rec = this.records.get(pod.metadata.uid);
    if (!rec) {
      rec = this.newRecord(pod);
      this.records.set(rec.uid, rec);
      this.byKey.set(`${rec.namespace}/${rec.name}`, rec);
    } else {
      rec.pod = pod;
      this.status.reconcile(rec, pod);
    }
    this.sync(rec);
  }

  /** The pod object is gone from the API (deleted, or force-deleted while the radio was cut). */
  onPodGone(pod: Pod): void {
    const rec = this.records.get(pod.metadata.uid);
    if (!rec || this.stopped) return;
    rec.deletedFromApi = true;
    this.status.drop(rec);
    this.sync(rec);
  }

  /** When a pod in back-off (CrashLoopBackOff, ImagePullBackOff) tries again next. */
  backoffUntil(podUid: string): number | undefined {
    const rec = this.records.get(podUid);
    let until: number | undefined;
    for (const c of rec?.containers ?? [])
      if (
        c.retryAt !== undefined &&
        (c.phase === 'CrashLoopBackOff' ||
          c.phase === 'ImagePullBackOff' ||
          c.phase === 'ErrImageNeverPull')
      )
        until = until === undefined ? c.retryAt : Math.min(until, c.retryAt);
    return until;
  }

  /** The pods this captain runs (uids), for tests and the snapshot. */
  podUids(): string[] {
    return [...this.records.keys()];
  }

  private newRecord(pod: Pod): PodRecord {
    const now = this.world.now();
    return {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      pod,
      containers: pod.spec.containers.map((spec) => ({
        name: spec.name,
        spec,
        phase: 'Waiting',
        since: now,
        ready: false,
        started: false,
      })),
      requests: podRequests(pod),
      admitted: false,
      sandbox: 'none',
      busy: false,
      again: false,
      terminating: false,
      grace: 0,
      deletedFromApi: false,
      torndown: false,
      networkWarned: false,
      transitions: new Map(),
      version: 0,
      sentVersion: 0,
      inflight: false,
      deleting: false,
    };
  }

  private apply(rec: PodRecord, c: ContainerRecord, event: ContainerEvent): void {
    const next = containerTransition(c.phase, event);
    if (next === c.phase) return;
    c.phase = next;
    c.since = this.world.now();
    rec.version += 1;
  }

  /** The pod worker: moves the pod one step towards what its spec (or its deletion) asks for. */
  private sync(rec: PodRecord): void {
    if (this.stopped) return;
    if (rec.busy) {
      rec.again = true;
      return;
    }
    rec.again = false;
    if (rec.deletedFromApi || rec.pod.metadata.deletionTimestamp) {
      this.terminate(rec);
      return;
    }
    if (!rec.admitted && !this.admit(rec)) return;
    if (rec.rejected || rec.torndown) return;
    const now = this.world.now();
    if (!rec.startTime) {
      rec.startTime = rfc3339(now);
      this.status.markDirty(rec);
    }
    if (!this.runtime.networkReady()) {
      this.waitingForNetwork.add(rec);
      if (!rec.networkWarned) {
        rec.networkWarned = true;
        const message = this.runtime.status().networkMessage ?? 'container runtime is down';
        this.event(rec, 'Warning', 'NetworkNotReady', msg.networkNotReady(message));
      }
      return;
    }
    if (rec.sandbox === 'none') {
      this.createSandbox(rec);
      return;
    }
    if (rec.sandbox !== 'ready') return;
    for (const c of rec.containers) if (this.step(rec, c)) return;
    if (allTerminated(rec)) {
      // Every container ended for good (restartPolicy Never/OnFailure): stop the sandbox, keep the logs.
      this.runtime.stopPodSandbox(rec.uid);
      rec.sandbox = 'removed';
      this.release(rec);
      this.status.markDirty(rec);
    }
  }

  private admit(rec: PodRecord): boolean {
    rec.admitted = true;
    const phase = rec.pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      // Already finished (before this kubelet knew it): nothing to run.
      rec.torndown = true;
      rec.sandbox = 'removed';
      return false;
    }
    const rejection = admit(rec.pod, rec.requests, this.allocatable, this.used, this.labels);
    if (rejection) {
      rec.rejected = {
        reason: rejection.reason,
        message: `Pod was rejected: ${rejection.message}`,
      };
      this.event(rec, 'Warning', rejection.reason, rejection.message);
      this.status.markDirty(rec);
      return false;
    }
    this.used.cpu += rec.requests.cpu;
    this.used.memory += rec.requests.memory;
    this.used.pods += 1;
    this.counted.add(rec.uid);
    return true;
  }

  private release(rec: PodRecord): void {
    if (!this.counted.delete(rec.uid)) return;
    this.used.cpu -= rec.requests.cpu;
    this.used.memory -= rec.requests.memory;
    this.used.pods -= 1;
  }

  private createSandbox(rec: PodRecord): void {
    rec.sandbox = 'creating';
    rec.busy = true;
    this.runtime.runPodSandbox(rec.uid, (result) => {
      rec.busy = false;
      if (this.stopped) return;
      if (!result.ok) {
        rec.sandbox = 'none';
        this.event(
          rec,
          'Warning',
          'FailedCreatePodSandBox',
          `Failed to create pod sandbox: ${result.error}`,
        );
        this.later(rec, undefined, this.world.timings.backoffInitial);
        if (rec.again) this.sync(rec);
        return;
      }
      rec.sandbox = 'ready';
      rec.podIP = result.value.ip;
      rec.version += 1;
      // PLEG sees the new sandbox at its next relist: the status then carries the pod IP.
      this.relist(rec);
      this.sync(rec);
    });
  }

  /** One container's next step; true when a CRI call is now in flight. */
  private step(rec: PodRecord, c: ContainerRecord): boolean {
    const now = this.world.now();
    switch (c.phase) {
      case 'Waiting':
        return this.ensureImage(rec, c);
      case 'ErrImagePull':
        // Shown until the pod worker's next pass (scheduled when the pull failed).
        if (c.retryAt !== undefined && now < c.retryAt) return false;
        if (inBackoffSinceUpdate(c.pull, now, this.crashPolicy)) {
          const image = c.spec.image;
          c.waiting = {
            reason: 'ImagePullBackOff',
            message: `${msg.backOffPulling(image)}: ErrImagePull: ${c.waiting?.message ?? ''}`,
          };
          this.apply(rec, c, { type: 'BACK_OFF' });
          this.event(rec, 'Normal', 'BackOff', msg.backOffPulling(image), c.name);
          this.event(rec, 'Warning', 'Failed', msg.errorReason('ImagePullBackOff'), c.name);
          this.later(rec, c, c.pull!.lastUpdate + c.pull!.delay - now);
          this.status.markDirty(rec);
          return false;
        }
        this.apply(rec, c, { type: 'RETRY' });
        return this.ensureImage(rec, c);
      case 'ImagePullBackOff':
      case 'ErrImageNeverPull':
        if (c.retryAt !== undefined && now < c.retryAt) return false;
        this.apply(rec, c, { type: 'RETRY' });
        return this.ensureImage(rec, c);
      case 'Exited':
        return this.afterExit(rec, c);
      case 'CrashLoopBackOff': {
        const finished = c.instance?.finishedAt ?? now;
        if (inBackoffSince(c.crash, finished, now, this.crashPolicy)) return false;
        c.crash = nextBackoff(c.crash, finished, now, this.crashPolicy);
        this.apply(rec, c, { type: 'RETRY' });
        return this.ensureImage(rec, c);
      }
      default:
        return false;
    }
  }

  /** kuberuntime `doBackOff` and the restart policy, after a container's process ended. */
  private afterExit(rec: PodRecord, c: ContainerRecord): boolean {
    const policy = rec.pod.spec.restartPolicy ?? 'Always';
    const code = c.instance?.exitCode ?? 0;
    if (!(policy === 'Always' || (policy === 'OnFailure' && code !== 0))) {
      this.apply(rec, c, { type: 'DONE' });
      this.status.markDirty(rec);
      return false;
    }
    const now = this.world.now();
    const finished = c.instance?.finishedAt ?? now;
    if (inBackoffSince(c.crash, finished, now, this.crashPolicy)) {
      const delay = c.crash!.delay;
      c.waiting = {
        reason: 'CrashLoopBackOff',
        message: msg.crashLoopMessage(
          delay,
          c.name,
          msg.formatPod(rec.name, rec.namespace, rec.uid),
        ),
      };
      this.apply(rec, c, { type: 'BACK_OFF' });
      this.event(
        rec,
        'Warning',
        'BackOff',
        msg.backOffRestarting(c.name, msg.formatPod(rec.name, rec.namespace, rec.uid)),
        c.name,
      );
      this.later(rec, c, finished + delay - now);
      this.status.markDirty(rec);
      return false;
    }
    c.crash = nextBackoff(c.crash, finished, now, this.crashPolicy);
    this.apply(rec, c, { type: 'RESTART' });
    return this.ensureImage(rec, c);
  }

  /** image_manager.go `EnsureImageExists`, then create and start. */
  private ensureImage(rec: PodRecord, c: ContainerRecord): boolean {
    const image = c.spec.image;
    const ref = parseImageRef(image);
    if ('error' in ref) {
      const message = msg.invalidImage(image, ref.error);
      c.waiting = { reason: 'InvalidImageName', message };
      this.apply(rec, c, { type: 'INVALID_IMAGE' });
      this.event(rec, 'Warning', 'InspectFailed', message, c.name);
      this.event(rec, 'Warning', 'Failed', msg.errorReason('InvalidImageName'), c.name);
      this.status.markDirty(rec);
      return false;
    }
    const policy = c.spec.imagePullPolicy ?? defaultPullPolicy(image);
    const present = this.runtime.imageStatus(image) !== undefined;
    if (policy === 'Never' && !present) {
      const message = msg.neverPull(image);
      c.waiting = { reason: 'ErrImageNeverPull', message };
      this.apply(rec, c, { type: 'NEVER_PULL' });
      this.event(rec, 'Warning', 'ErrImageNeverPull', message, c.name);
      this.event(rec, 'Warning', 'Failed', msg.errorReason('ErrImageNeverPull'), c.name);
      // The pod worker retries after its back-off period (pod_workers.go backOffPeriod).
      this.later(rec, c, this.world.timings.backoffInitial);
      this.status.markDirty(rec);
      return false;
    }
    if (present && policy !== 'Always') {
      this.event(rec, 'Normal', 'Pulled', () => msg.imagePresent(image), c.name);
      this.apply(rec, c, { type: 'IMAGE_READY' });
      return this.create(rec, c);
    }
    this.event(rec, 'Normal', 'Pulling', () => msg.pullingImage(image), c.name);
    this.apply(rec, c, { type: 'PULL' });
    rec.busy = true;
    this.runtime.pullImage(image, rec.uid, (result) => {
      rec.busy = false;
      if (this.stopped) return;
      if (c.phase !== 'Pulling' || this.shouldStop(rec)) {
        this.apply(rec, c, { type: 'KILL' });
        this.sync(rec);
        return;
      }
      const now = this.world.now();
      if (result.ok) {
        this.hooks.imagesMaybeChanged();
        this.event(
          rec,
          'Normal',
          'Pulled',
          () => msg.pulledImage(image, result.pullMs, result.totalMs, result.size),
          c.name,
        );
        this.apply(rec, c, { type: 'IMAGE_READY' });
        if (!this.create(rec, c)) this.sync(rec);
        return;
      }
      this.event(rec, 'Warning', 'Failed', msg.failedToPull(image, result.error), c.name);
      this.event(rec, 'Warning', 'Failed', msg.errorReason('ErrImagePull'), c.name);
      c.pull = nextBackoff(c.pull, now, now, this.crashPolicy);
      c.waiting = { reason: 'ErrImagePull', message: result.error };
      this.apply(rec, c, { type: 'PULL_FAILED' });
      this.status.markDirty(rec);
      // The next sync (here: the next PLEG period) finds the pull back-off running.
      this.later(rec, c, this.world.timings.plegRelistPeriod);
      this.sync(rec);
    });
    return true;
  }

  /** CreateContainer then StartContainer (kuberuntime_container.go `startContainer`). */
  private create(rec: PodRecord, c: ContainerRecord): boolean {
    rec.busy = true;
    const attempt = c.instance ? c.instance.attempt + 1 : 0;
    const spec = c.spec;
    this.runtime.createContainer(
      rec.uid,
      {
        name: spec.name,
        image: spec.image,
        attempt,
        hostname: rec.name,
        ...(spec.command ? { command: spec.command } : {}),
        ...(spec.args ? { args: spec.args } : {}),
        ...(spec.env ? { env: spec.env } : {}),
      },
      (created) => {
        if (this.stopped) return;
        if (!created.ok) {
          rec.busy = false;
          this.startFailed(rec, c, 'CreateContainerError', created.error);
          return;
        }
        const id = created.value;
        const status = this.runtime.containerStatus(id)!;
        // The kubelet's container GC keeps one dead instance per container (maxPerPodContainer).
        if (c.prior) this.runtime.removeContainer(c.prior.runtimeId);
        c.prior = c.instance;
        c.instance = {
          runtimeId: id,
          containerID: `${this.runtime.flavour.scheme}://${id}`,
          attempt,
          image: status.image,
          imageID: status.imageID,
        };
        this.event(rec, 'Normal', 'Created', () => msg.createdContainer(c.name), c.name);
        this.runtime.startContainer(id, (started) => {
          rec.busy = false;
          if (this.stopped) return;
          if (!started.ok) {
            this.startFailed(rec, c, 'RunContainerError', started.error);
            return;
          }
          const instance = c.instance!;
          instance.startedAt = this.world.now();
          if (this.shouldStop(rec)) {
            // Deleted while starting: stop it straight away.
            this.apply(rec, c, { type: 'KILL' });
            this.stopInstance(rec, c, this.graceOf(rec.pod));
            this.sync(rec);
            return;
          }
          this.event(rec, 'Normal', 'Started', () => msg.startedContainer(c.name), c.name);
          c.waiting = undefined;
          this.apply(rec, c, { type: 'STARTED' });
          this.prober.started(rec, c);
          this.relist(rec);
          this.sync(rec);
        });
      },
    );
    return true;
  }

  private startFailed(rec: PodRecord, c: ContainerRecord, reason: string, error: string): void {
    this.event(rec, 'Warning', 'Failed', msg.errorReason(error), c.name);
    c.waiting = { reason, message: error };
    this.apply(rec, c, { type: 'START_FAILED' });
    this.status.markDirty(rec);
    this.later(rec, c, this.world.timings.backoffInitial);
    this.sync(rec);
  }

  /** Asks the runtime to stop the container's current instance; EXITED follows when it ends. */
  private stopInstance(rec: PodRecord, c: ContainerRecord, grace: number): void {
    const instance = c.instance;
    if (!instance) return;
    this.prober.stop(c);
    c.ready = false;
    this.runtime.stopContainer(instance.runtimeId, grace, () => {
      if (this.stopped) return;
      this.exited(rec, c);
      this.sync(rec);
    });
  }

  /** Records the end of the current instance from the runtime's ContainerStatus. */
  private exited(rec: PodRecord, c: ContainerRecord): void {
    const instance = c.instance;
    if (!instance || (c.phase !== 'Running' && c.phase !== 'Stopping')) return;
    const status = this.runtime.containerStatus(instance.runtimeId);
    instance.finishedAt = status?.finishedAt ?? this.world.now();
    instance.exitCode = status?.exitCode ?? 137;
    instance.reason = status?.reason ?? 'Error';
    this.prober.stop(c);
    c.ready = false;
    c.started = false;
    this.apply(rec, c, { type: 'EXITED' });
    if (rec.terminating) this.apply(rec, c, { type: 'DONE' });
    this.status.markDirty(rec);
  }

  private killForLiveness(rec: PodRecord, c: ContainerRecord): void {
    if (c.phase !== 'Running' || rec.terminating) return;
    this.event(rec, 'Normal', 'Killing', msg.livenessKill(c.name), c.name);
    this.apply(rec, c, { type: 'KILL' });
    this.stopInstance(rec, c, this.graceOf(rec.pod));
    this.status.markDirty(rec);
  }

  private shouldStop(rec: PodRecord): boolean {
    return rec.deletedFromApi || rec.pod.metadata.deletionTimestamp !== undefined;
  }

  private graceOf(pod: Pod): number {
    return Math.max(
      kubeletSettings.minimumGracePeriodSeconds,
      pod.metadata.deletionGracePeriodSeconds ??
        pod.spec.terminationGracePeriodSeconds ??
        this.world.timings.terminationGracePeriodSeconds,
    );
  }

  /**
   * Stops a deleted pod: Killing events, stop signals within the grace period, the sandbox
   * removed; then the terminal status and the final delete with grace 0 (status manager).
   */
  private terminate(rec: PodRecord): void {
    const { agenda } = this.world;
    if (!rec.terminating) {
      rec.terminating = true;
      rec.grace = this.graceOf(rec.pod);
      this.waitingForNetwork.delete(rec);
      for (const c of rec.containers)
        if (c.retryTimer !== undefined) {
          agenda.cancel(c.retryTimer);
          c.retryTimer = undefined;
        }
    }
    if (rec.busy) {
      rec.again = true;
      return;
    }
    // Our own status writes come back through the informer and land here again: only a real
    // change may produce another write, or the captain would talk to itself forever.
    const before = rec.version;
    let stopping = 0;
    for (const c of rec.containers) {
      if (c.phase === 'Running') {
        this.event(rec, 'Normal', 'Killing', () => msg.stoppingContainer(c.name), c.name);
        this.apply(rec, c, { type: 'KILL' });
        this.stopInstance(rec, c, rec.grace);
      } else if (c.phase === 'Exited') this.apply(rec, c, { type: 'DONE' });
      else if (c.phase !== 'Stopping') this.apply(rec, c, { type: 'KILL' });
      if (c.phase === 'Stopping') stopping += 1;
    }
    if (stopping > 0) {
      if (rec.version !== before) this.status.markDirty(rec);
      return;
    }
    if (!rec.torndown) {
      this.runtime.removePodSandbox(rec.uid);
      if (rec.sandbox !== 'none') rec.sandbox = 'removed';
      rec.torndown = true;
      rec.version += 1;
      this.release(rec);
      if (this.world.trace.detail)
        this.world.trace.event(
          this.world.now(),
          this.id,
          'kubelet.pod-stopped',
          `${this.ship}'s crew cleared pod ${rec.namespace}/${rec.name} from the deck`,
          `pod/${rec.namespace}/${rec.name}`,
        );
    }
    if (rec.deletedFromApi) {
      this.forget(rec);
      return;
    }
    if (rec.version !== before) this.status.markDirty(rec);
    else this.status.send(rec);
  }

  private forget(rec: PodRecord): void {
    const { agenda } = this.world;
    if (this.records.get(rec.uid) !== rec) return;
    this.records.delete(rec.uid);
    const key = `${rec.namespace}/${rec.name}`;
    if (this.byKey.get(key) === rec) this.byKey.delete(key);
    for (const c of rec.containers) {
      this.prober.stop(c);
      if (c.retryTimer !== undefined) agenda.cancel(c.retryTimer);
      this.health.delete(`${rec.uid}/${c.name}`);
    }
    this.status.drop(rec);
    this.pleg.delete(rec);
    this.waitingForNetwork.delete(rec);
    this.release(rec);
    this.runtime.removePodSandbox(rec.uid);
  }

  /** Syncs the pod again after `delay` (back-off expiry, the next pod-worker pass). */
  private later(rec: PodRecord, c: ContainerRecord | undefined, delay: number): void {
    const { agenda } = this.world;
    const at = agenda.now() + Math.max(0, delay);
    if (c) {
      if (c.retryTimer !== undefined) agenda.cancel(c.retryTimer);
      c.retryAt = at;
      c.retryTimer = agenda.at(at, () => {
        c.retryTimer = undefined;
        this.sync(rec);
      });
    } else agenda.at(at, () => this.sync(rec));
  }

  private event(
    rec: PodRecord,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string | (() => string),
    container?: string,
  ): void {
    // Events are best-effort in Kubernetes (rate-limited, droppable); a headless run skips them
    // (see simplifications: kubelet.events-headless), and builds none of their text.
    if (!this.world.trace.detail) return;
    this.recorder.record(
      rec.pod as KObject,
      type,
      reason,
      typeof message === 'string' ? message : message(),
      container === undefined ? undefined : `spec.containers{${container}}`,
    );
  }

  /** A pod and one of its containers (the first when none is named), or kubectl's error. */
  find(
    namespace: string,
    pod: string,
    container: string | undefined,
  ): { rec: PodRecord; c: ContainerRecord } | { error: string } {
    const rec = this.byKey.get(`${namespace}/${pod}`);
    if (!rec || rec.deletedFromApi)
      return { error: `Error from server (NotFound): pods "${pod}" not found` };
    const c =
      container === undefined
        ? rec.containers[0]
        : rec.containers.find((x) => x.name === container);
    if (!c)
      return {
        error: `Error from server (BadRequest): container ${container} is not valid for pod ${pod}`,
      };
    return { rec, c };
  }

  /** PLEG: the pod's runtime state is looked at again at the next relist (every plegRelistPeriod). */
  private relist(rec: PodRecord): void {
    this.pleg.add(rec);
    if (this.plegTimer !== undefined) return;
    const period = this.world.timings.plegRelistPeriod;
    const now = this.world.now();
    const next = this.startedAt + (Math.floor((now - this.startedAt) / period) + 1) * period;
    this.plegTimer = this.world.agenda.at(next, () => {
      this.plegTimer = undefined;
      const recs = [...this.pleg];
      this.pleg.clear();
      for (const r of recs) {
        if (this.records.get(r.uid) !== r) continue;
        for (const c of r.containers) {
          if (c.phase !== 'Running' || !c.instance) continue;
          const status = this.runtime.containerStatus(c.instance.runtimeId);
          if (status && status.state === 'exited') this.exited(r, c);
        }
        this.status.markDirty(r);
        this.sync(r);
      }
    });
  }
}
