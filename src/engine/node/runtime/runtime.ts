import { createActor, type Actor } from 'xstate';
import type { World } from '../../sim/world';
import type { RuntimeName } from '../../sim/types';
import { flavourOf, type RuntimeFlavour } from './flavours';
import {
  PAUSE_IMAGE,
  imageId,
  parseImageRef,
  repoDigest,
  resolveImage,
  type ImageInfo,
  type ImageRef,
} from './images';
import { linesUntil, programFor, type LogLine, type Program } from './processes';
import { runtimeMachine } from './runtime.machine';

/** What the deck crew holds for a pod, for the canvas (may differ from the ledger). */
export type DeckState =
  'none' | 'sandbox' | 'pulling' | 'creating' | 'running' | 'exited' | 'stopping';

/** A CRI call's answer: a value, or the runtime's error text (gRPC status as the kubelet logs it). */
export type CriResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** PullImage's answer, with the timings the kubelet's Pulled event reports. */
export type PullResult =
  | {
      ok: true;
      /** The image ID (`sha256:…` of its config). */
      imageRef: string;
      size: number;
      /** Time spent pulling, and since the request (including the wait in the serial queue). */
      pullMs: number;
      totalMs: number;
    }
  | { ok: false; error: string };

/** ContainerStatus as the CRI reports it. */
export type RuntimeContainerStatus = {
  readonly id: string;
  readonly podUid: string;
  readonly name: string;
  readonly attempt: number;
  readonly state: 'created' | 'running' | 'exited';
  readonly stopping: boolean;
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly exitCode?: number;
  /** `Completed`, `Error` or `OOMKilled`, as containerd/CRI-O set it. */
  readonly reason?: string;
  /** Image as the runtime reports it in statuses, and its ID with the repo digest. */
  readonly image: string;
  readonly imageID: string;
};

/** What CreateContainer needs (a slice of the CRI ContainerConfig). */
export type ContainerConfig = {
  readonly name: string;
  readonly image: string;
  readonly attempt: number;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: readonly { name: string; value?: string }[];
  /** The pod's name, the container's hostname. */
  readonly hostname: string;
};

type StoredImage = {
  readonly ref: ImageRef;
  readonly info: ImageInfo;
  readonly tag: string;
  readonly size: number;
  readonly id: string;
  readonly digest: string;
};

type Sandbox = {
  readonly id: string;
  readonly podUid: string;
  readonly ip: string;
  ready: boolean;
  released: boolean;
};

type Container = {
  readonly id: string;
  readonly podUid: string;
  readonly sandbox: Sandbox;
  readonly name: string;
  readonly attempt: number;
  readonly image: StoredImage;
  readonly config: ContainerConfig;
  state: 'created' | 'running' | 'exited';
  stopping: boolean;
  readonly createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  program?: Program;
  exitTimer?: number;
  stopTimer?: number;
  onStopped?: () => void;
  extra: LogLine[];
};

type PodDeck = {
  sandbox?: Sandbox;
  containers: Container[];
  pulling: number;
  creating: number;
};

type PullRequest = {
  readonly image: string;
  readonly podUid: string;
  readonly requested: number;
  readonly done: (result: PullResult) => void;
};

type Fault = { code: number; remaining: number; oom: boolean };

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Kept per container for `kubectl logs` (log rotation is not modelled beyond this cap). */
const MAX_LOG_LINES = 1000;

/**
 * A crashing process dies about a second after it starts (a magnitude, not a Kubernetes
 * setting): long enough for the captain to see it Running first.
 */
const CRASH_AFTER_START_MS = 1000;

/**
 * The deck crew of one ship: a CRI runtime (containerd, CRI-O, or Docker Engine through
 * cri-dockerd). It keeps the ship's image cache, runs pod sandboxes (the pause container plus a
 * CNI address from the node's pod CIDR) and containers, and pulls images one at a time. Its calls
 * answer later, in simulated time, like gRPC calls to the runtime's socket.
 *
 * @example
 * const rt = new ContainerRuntime(world, 'ship-1', 'containerd', ['nginx:1.27']);
 * rt.start();
 * rt.version(); // 'containerd://2.1.4'
 */
export class ContainerRuntime {
  readonly flavour: RuntimeFlavour;
  readonly id: string;
  private readonly actor: Actor<typeof runtimeMachine>;
  private readonly store = new Map<string, StoredImage>();
  private readonly pods = new Map<string, PodDeck>();
  private readonly byId = new Map<string, Container>();
  private readonly byIP = new Map<string, Sandbox>();
  private readonly usedIPs = new Set<number>();
  private readonly queue: PullRequest[] = [];
  private readonly listeners: ((podUid: string, containerId: string) => void)[] = [];
  private readonly faults = new Map<string, Fault>();
  private cidr: { base: number; first: number; last: number } | undefined;
  private cidrText: string | undefined;
  private nextIP = 0;
  private generation = 0;
  private up = false;
  private sunk = false;
  private pullTimer: number | undefined;

  constructor(
    private readonly world: World,
    readonly ship: string,
    runtime: RuntimeName,
    preloaded: readonly string[],
  ) {
    this.flavour = flavourOf(runtime);
    this.id = `runtime/${ship}`;
    for (const image of [PAUSE_IMAGE, ...preloaded]) {
      const stored = this.lookup(image);
      if (stored) this.store.set(stored.ref.full, stored);
    }
    this.actor = createActor(runtimeMachine, {
      clock: world.clock,
      input: {
        host: {
          startPulling: () => this.pullNext(),
          reportUp: () => {
            if (world.trace.detail)
              world.trace.event(
                world.now(),
                this.id,
                'runtime.up',
                `${this.flavour.version} is up on ${ship}`,
                `node/${ship}`,
              );
          },
          reportDown: () => {
            if (world.trace.detail)
              world.trace.event(
                world.now(),
                this.id,
                'runtime.down',
                `the deck crew of ${ship} is gone, with everything on deck`,
                `node/${ship}`,
              );
          },
        },
      },
    });
    this.actor.start();
  }

  /** Starts the runtime daemon (idempotent). */
  start(): void {
    if (this.up || this.sunk) return;
    this.up = true;
    this.actor.send({ type: 'START' });
  }

  /** The ship sank: every container, sandbox and pending pull is gone, for good. */
  stop(): void {
    if (this.sunk) return;
    this.sunk = true;
    this.up = false;
    const { agenda } = this.world;
    for (const c of this.byId.values()) {
      if (c.exitTimer !== undefined) agenda.cancel(c.exitTimer);
      if (c.stopTimer !== undefined) agenda.cancel(c.stopTimer);
    }
    if (this.pullTimer !== undefined) agenda.cancel(this.pullTimer);
    this.byId.clear();
    this.pods.clear();
    this.byIP.clear();
    this.usedIPs.clear();
    this.queue.length = 0;
    this.actor.send({ type: 'STOP' });
  }

  /** `containerd://2.1.4`: Node `status.nodeInfo.containerRuntimeVersion`. */
  version(): string {
    return this.flavour.version;
  }

  /** The machine's state (`down`, `{ up: 'pulling' }`, `sunk`) for the canvas and tests. */
  machineState(): unknown {
    return this.actor.getSnapshot().value;
  }

  /** CRI Status: RuntimeReady and NetworkReady (false until the CNI has a pod CIDR). */
  status(): { runtimeReady: boolean; networkReady: boolean; networkMessage?: string } {
    if (!this.up) return { runtimeReady: false, networkReady: false };
    return this.cidr
      ? { runtimeReady: true, networkReady: true }
      : { runtimeReady: true, networkReady: false, networkMessage: this.flavour.networkNotReady };
  }

  /** Whether pods can get an address (cheaper than `status()` on the hot path). */
  networkReady(): boolean {
    return this.up && this.cidr !== undefined;
  }

  /** CRI UpdateRuntimeConfig: the kubelet passes the Node's `spec.podCIDR` to the CNI. */
  updateRuntimeConfig(podCIDR: string): void {
    if (this.cidrText === podCIDR) return;
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(podCIDR);
    if (!match) return;
    const [a, b, c, d, bits] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const size = 2 ** (32 - bits);
    const base = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
    // host-local IPAM hands out .2 upward (.1 is the bridge's gateway) and never the broadcast.
    this.cidr = { base, first: 2, last: size - 2 };
    this.cidrText = podCIDR;
    this.nextIP = 2;
  }

  /** Bumped whenever a new image lands in the cache (the kubelet then re-reports node status). */
  imageGeneration(): number {
    return this.generation;
  }

  /** Image references in the cache (`docker.io/library/nginx:1.27`). */
  images(): string[] {
    return [...this.store.keys()];
  }

  /** The cache as Node `status.images` lists it: largest first, at most 50 (nodeStatusMaxImages). */
  imageList(): { names: string[]; sizeBytes: number }[] {
    const byId = new Map<string, { names: string[]; sizeBytes: number }>();
    for (const image of this.store.values()) {
      let entry = byId.get(image.id);
      if (!entry) {
        entry = {
          names: [`${image.ref.repository}@sha256:${image.digest}`],
          sizeBytes: image.size,
        };
        byId.set(image.id, entry);
      }
      entry.names.push(image.ref.full);
    }
    return [...byId.values()]
      .sort((x, y) => y.sizeBytes - x.sizeBytes || (x.names[0]! < y.names[0]! ? -1 : 1))
      .slice(0, 50);
  }

  /** CRI ImageStatus: the cached image for a reference, or undefined when absent. */
  imageStatus(image: string): { id: string; size: number } | undefined {
    const ref = parseImageRef(image);
    if ('error' in ref) return undefined;
    const stored = this.store.get(ref.full);
    return stored ? { id: stored.id, size: stored.size } : undefined;
  }

  /**
   * CRI PullImage. Pulls run one at a time per ship; a request waits in the queue meanwhile.
   * Time = setup (resolve, auth) + size / bandwidth; an image already cached only re-resolves.
   */
  pullImage(image: string, podUid: string, done: (result: PullResult) => void): void {
    if (!this.up) {
      done({ ok: false, error: this.unavailable() });
      return;
    }
    this.queue.push({ image, podUid, requested: this.world.now(), done });
    this.deckOf(podUid).pulling += 1;
    this.actor.send({ type: 'PULL_QUEUED' });
  }

  /** Requests waiting for or in a pull right now. */
  pullsQueued(): number {
    return this.queue.length;
  }

  private pullNext(): void {
    const request = this.queue[0];
    if (!request || !this.up) return;
    const { timings } = this.world;
    const ref = parseImageRef(request.image);
    let duration = timings.pullSetup;
    let outcome: () => PullResult;
    if ('error' in ref) {
      const error = `rpc error: code = Unknown desc = ${ref.error}`;
      outcome = () => ({ ok: false, error });
    } else {
      const cached = this.store.get(ref.full);
      const resolved = resolveImage(ref);
      if ('missing' in resolved) {
        const error =
          resolved.missing === 'repository'
            ? this.flavour.repositoryNotFound(ref)
            : this.flavour.tagNotFound(ref);
        outcome = () => ({ ok: false, error });
      } else {
        if (!cached) duration += Math.round((resolved.size / timings.pullBytesPerSecond) * 1000);
        const started = this.world.now();
        outcome = () => {
          const stored: StoredImage = {
            ref,
            info: resolved.info,
            tag: resolved.tag,
            size: resolved.size,
            id: imageId(resolved.info.repository, resolved.tag),
            digest: resolved.digest,
          };
          if (!this.store.has(ref.full)) this.generation += 1;
          this.store.set(ref.full, stored);
          const now = this.world.now();
          return {
            ok: true,
            imageRef: stored.id,
            size: stored.size,
            pullMs: now - started,
            totalMs: now - request.requested,
          };
        };
      }
    }
    this.pullTimer = this.world.agenda.after(duration, () => {
      this.pullTimer = undefined;
      if (!this.up) return;
      this.queue.shift();
      const deck = this.pods.get(request.podUid);
      if (deck) deck.pulling = Math.max(0, deck.pulling - 1);
      const result = outcome();
      if (this.queue.length > 0) this.pullNext();
      else this.actor.send({ type: 'PULLS_DRAINED' });
      request.done(result);
    });
  }

  /**
   * CRI RunPodSandbox: starts the pause container and asks the CNI for an address from the pod
   * CIDR (host-local IPAM: the next free address from .2, round robin).
   */
  runPodSandbox(
    podUid: string,
    done: (result: CriResult<{ id: string; ip: string }>) => void,
  ): void {
    if (!this.up) {
      done({ ok: false, error: this.unavailable() });
      return;
    }
    const ip = this.allocateIP();
    if (ip === undefined) {
      const error = this.cidr
        ? `rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${this.rangeText()}`
        : `rpc error: code = Unknown desc = failed to setup network for sandbox: ${this.flavour.networkNotReady}`;
      this.world.agenda.after(this.world.timings.sandboxCreate, () => done({ ok: false, error }));
      return;
    }
    const sandbox: Sandbox = {
      id: this.newId(),
      podUid,
      ip: this.ipText(ip),
      ready: false,
      released: false,
    };
    this.deckOf(podUid).sandbox = sandbox;
    this.byIP.set(sandbox.ip, sandbox);
    this.world.agenda.after(this.world.timings.sandboxCreate, () => {
      if (!this.up || this.pods.get(podUid)?.sandbox !== sandbox) {
        done({ ok: false, error: this.unavailable() });
        return;
      }
      sandbox.ready = true;
      done({ ok: true, value: { id: sandbox.id, ip: sandbox.ip } });
    });
  }

  /**
   * CRI StopPodSandbox: the pause container stops and the CNI releases the address; exited
   * containers stay (their logs too) until the sandbox is removed.
   */
  stopPodSandbox(podUid: string): void {
    const sandbox = this.pods.get(podUid)?.sandbox;
    if (!sandbox || sandbox.released) return;
    sandbox.ready = false;
    sandbox.released = true;
    this.byIP.delete(sandbox.ip);
    this.usedIPs.delete(this.ipNumber(sandbox.ip));
  }

  /** CRI StopPodSandbox + RemovePodSandbox: the pause container goes and the address is released. */
  removePodSandbox(podUid: string): void {
    const deck = this.pods.get(podUid);
    if (!deck) return;
    for (const c of deck.containers) this.removeContainer(c.id);
    if (deck.sandbox) {
      this.stopPodSandbox(podUid);
      deck.sandbox = undefined;
    }
    if (deck.pulling === 0 && deck.creating === 0) this.pods.delete(podUid);
  }

  /** CRI CreateContainer in a sandbox, from a cached image. */
  createContainer(
    podUid: string,
    config: ContainerConfig,
    done: (result: CriResult<string>) => void,
  ): void {
    const deck = this.pods.get(podUid);
    const sandbox = deck?.sandbox;
    const ref = parseImageRef(config.image);
    const stored = 'error' in ref ? undefined : this.store.get(ref.full);
    if (!this.up || !deck || !sandbox || !stored) {
      done({
        ok: false,
        error: !this.up
          ? this.unavailable()
          : !stored
            ? `rpc error: code = NotFound desc = failed to get image "${config.image}": image not found`
            : `rpc error: code = NotFound desc = sandbox for pod ${podUid} not found`,
      });
      return;
    }
    deck.creating += 1;
    this.world.agenda.after(this.world.timings.containerCreate, () => {
      deck.creating = Math.max(0, deck.creating - 1);
      if (!this.up || deck.sandbox !== sandbox) {
        done({ ok: false, error: this.unavailable() });
        return;
      }
      const container: Container = {
        id: this.newId(),
        podUid,
        sandbox,
        name: config.name,
        attempt: config.attempt,
        image: stored,
        config,
        state: 'created',
        stopping: false,
        createdAt: this.world.now(),
        extra: [],
      };
      deck.containers.push(container);
      this.byId.set(container.id, container);
      done({ ok: true, value: container.id });
    });
  }

  /** CRI StartContainer: the process begins; it may end by itself (see `programFor`). */
  startContainer(id: string, done: (result: CriResult<void>) => void): void {
    const c = this.byId.get(id);
    if (!this.up || !c || c.state !== 'created') {
      done({
        ok: false,
        error: this.up
          ? `rpc error: code = NotFound desc = container "${id}" not found`
          : this.unavailable(),
      });
      return;
    }
    this.world.agenda.after(this.world.timings.containerStart, () => {
      if (!this.up || this.byId.get(id) !== c) {
        done({ ok: false, error: this.unavailable() });
        return;
      }
      const now = this.world.now();
      c.state = 'running';
      c.startedAt = now;
      const env: Record<string, string> = {};
      for (const e of c.config.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
      c.program = programFor(c.image.info, c.config.command, c.config.args, {
        startedAt: now,
        hostname: c.config.hostname,
        podIP: c.sandbox.ip,
        tag: c.image.tag,
        env,
      });
      const fault = this.faults.get(`${c.podUid}/${c.name}`);
      if (fault && fault.remaining > 0) {
        fault.remaining -= 1;
        const code = fault.oom ? 137 : fault.code;
        c.exitTimer = this.world.agenda.after(CRASH_AFTER_START_MS, () =>
          this.exit(c, code, fault.oom ? 'OOMKilled' : undefined, true),
        );
      } else if (c.program.exit) {
        const { code, at } = c.program.exit;
        c.exitTimer = this.world.agenda.at(at, () => this.exit(c, code, undefined, true));
      }
      done({ ok: true, value: undefined });
    });
  }

  /**
   * CRI StopContainer: the image's stop signal, then SIGKILL when `timeoutSeconds` (the grace
   * period) runs out. A process that handles the signal ends within `timings.containerStop`.
   */
  stopContainer(id: string, timeoutSeconds: number, done: (result: CriResult<void>) => void): void {
    const c = this.byId.get(id);
    if (!this.up || !c) {
      done(this.up ? { ok: true, value: undefined } : { ok: false, error: this.unavailable() });
      return;
    }
    if (c.state !== 'running') {
      if (c.state === 'created') {
        c.state = 'exited';
        c.finishedAt = this.world.now();
        c.exitCode = 0;
      }
      done({ ok: true, value: undefined });
      return;
    }
    const previous = c.onStopped;
    c.onStopped = () => {
      previous?.();
      done({ ok: true, value: undefined });
    };
    if (c.stopping) return;
    c.stopping = true;
    const program = c.program!;
    const grace = Math.max(0, timeoutSeconds * 1000);
    const kill = program.ignoresSigterm || grace < this.world.timings.containerStop;
    const delay = kill ? grace : this.world.timings.containerStop;
    const stopAt = this.world.now();
    c.stopTimer = this.world.agenda.after(delay, () => {
      c.stopTimer = undefined;
      if (!kill) for (const text of program.stopLines(stopAt)) c.extra.push({ at: stopAt, text });
      this.exit(c, kill ? 137 : program.stopCode, undefined, false);
    });
  }

  /** CRI RemoveContainer. */
  removeContainer(id: string): void {
    const c = this.byId.get(id);
    if (!c) return;
    if (c.exitTimer !== undefined) this.world.agenda.cancel(c.exitTimer);
    if (c.stopTimer !== undefined) this.world.agenda.cancel(c.stopTimer);
    this.byId.delete(id);
    const deck = this.pods.get(c.podUid);
    if (deck) deck.containers = deck.containers.filter((x) => x !== c);
  }

  /** CRI ContainerStatus. */
  containerStatus(id: string): RuntimeContainerStatus | undefined {
    const c = this.byId.get(id);
    return c ? this.view(c) : undefined;
  }

  /** CRI ListContainers, optionally for one pod. */
  listContainers(podUid?: string): RuntimeContainerStatus[] {
    if (podUid !== undefined)
      return (this.pods.get(podUid)?.containers ?? []).map((c) => this.view(c));
    return [...this.byId.values()].map((c) => this.view(c));
  }

  /** What the container printed (stdout/stderr), oldest first, at most `max` lines. */
  containerLogs(id: string, max = MAX_LOG_LINES): string[] {
    const c = this.byId.get(id);
    if (!c || !c.program) return [];
    const until = c.finishedAt ?? this.world.now();
    const lines = linesUntil(c.program, until, max);
    if (c.extra.length > 0) {
      lines.push(...c.extra);
      lines.sort((a, b) => a.at - b.at);
    }
    const out = lines.map((l) => l.text);
    return out.length > max ? out.slice(out.length - max) : out;
  }

  /** What the deck holds for a pod right now (for the canvas). */
  deck(podUid: string): DeckState {
    const deck = this.pods.get(podUid);
    if (!deck) return 'none';
    let running = false;
    let exited = false;
    for (const c of deck.containers) {
      if (c.stopping) return 'stopping';
      if (c.state === 'running') running = true;
      else if (c.state === 'exited') exited = true;
    }
    if (running) return 'running';
    if (deck.creating > 0) return 'creating';
    if (deck.pulling > 0) return 'pulling';
    if (exited) return 'exited';
    return deck.sandbox ? 'sandbox' : 'none';
  }

  /** Whether a running container answers at this pod IP. */
  isServing(podIP: string): boolean {
    const sandbox = this.byIP.get(podIP);
    if (!sandbox) return false;
    for (const c of this.pods.get(sandbox.podUid)?.containers ?? [])
      if (c.state === 'running' && c.sandbox === sandbox) return true;
    return false;
  }

  /**
   * Registers a listener told when a container's process ends on its own (exit, crash, OOM),
   * as the kubelet's PLEG would find at its next relist.
   */
  onContainerExit(listener: (podUid: string, containerId: string) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Fault: the process of `name` in the pod exits with `exitCode` now if it runs, and again on
   * each of its next starts until `times` crashes happened. Returns whether one was running.
   */
  crash(podUid: string, name: string, exitCode: number, times: number): boolean {
    const c = this.running(podUid, name);
    const remaining = Math.max(0, times - (c ? 1 : 0));
    if (remaining > 0)
      this.faults.set(`${podUid}/${name}`, { code: exitCode, remaining, oom: false });
    else this.faults.delete(`${podUid}/${name}`);
    if (c) {
      if (exitCode !== 0)
        for (const text of c.program!.crashLines(this.world.now(), exitCode))
          c.extra.push({ at: this.world.now(), text });
      this.exit(c, exitCode, undefined, true);
    }
    return c !== undefined;
  }

  /** Fault: the kernel's OOM killer ends the container's process (exit 137, OOMKilled). */
  oomKill(podUid: string, name: string): boolean {
    const c = this.running(podUid, name);
    if (c) this.exit(c, 137, 'OOMKilled', true);
    return c !== undefined;
  }

  // ——— internals ———

  private running(podUid: string, name: string): Container | undefined {
    for (const c of this.pods.get(podUid)?.containers ?? [])
      if (c.name === name && c.state === 'running') return c;
    return undefined;
  }

  private exit(c: Container, code: number, reason: string | undefined, notify: boolean): void {
    if (c.state !== 'running' || this.byId.get(c.id) !== c) return;
    const { agenda } = this.world;
    if (c.exitTimer !== undefined) agenda.cancel(c.exitTimer);
    if (c.stopTimer !== undefined) agenda.cancel(c.stopTimer);
    c.exitTimer = undefined;
    c.stopTimer = undefined;
    c.state = 'exited';
    c.stopping = false;
    c.finishedAt = this.world.now();
    c.exitCode = code;
    c.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
    const stopped = c.onStopped;
    c.onStopped = undefined;
    if (stopped) stopped();
    else if (notify) for (const l of this.listeners) l(c.podUid, c.id);
  }

  private view(c: Container): RuntimeContainerStatus {
    return {
      id: c.id,
      podUid: c.podUid,
      name: c.name,
      attempt: c.attempt,
      state: c.state,
      stopping: c.stopping,
      createdAt: c.createdAt,
      ...(c.startedAt !== undefined ? { startedAt: c.startedAt } : {}),
      ...(c.finishedAt !== undefined ? { finishedAt: c.finishedAt } : {}),
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      image: this.flavour.statusImage(c.image.ref),
      imageID: this.flavour.statusImageID(c.image.ref, c.image.digest),
    };
  }

  private deckOf(podUid: string): PodDeck {
    let deck = this.pods.get(podUid);
    if (!deck) this.pods.set(podUid, (deck = { containers: [], pulling: 0, creating: 0 }));
    return deck;
  }

  private lookup(image: string): StoredImage | undefined {
    const ref = parseImageRef(image);
    if ('error' in ref) return undefined;
    const resolved = resolveImage(ref);
    if ('missing' in resolved) return undefined;
    return {
      ref,
      info: resolved.info,
      tag: resolved.tag,
      size: resolved.size,
      id: imageId(resolved.info.repository, resolved.tag),
      digest: repoDigest(resolved.info.repository, resolved.tag),
    };
  }

  /** 64 hex digits from the seeded PRNG, as containerd and CRI-O make container IDs. */
  private newId(): string {
    const rng = this.world.rng;
    let out = '';
    for (let i = 0; i < 8; i += 1) {
      const n = rng.nextUint32();
      out += HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
    }
    return out;
  }

  private allocateIP(): number | undefined {
    const cidr = this.cidr;
    if (!cidr) return undefined;
    const span = cidr.last - cidr.first + 1;
    for (let i = 0; i < span; i += 1) {
      const offset = cidr.first + ((this.nextIP - cidr.first + i) % span);
      const ip = cidr.base + offset;
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip);
        this.nextIP = offset + 1 > cidr.last ? cidr.first : offset + 1;
        return ip;
      }
    }
    return undefined;
  }

  private ipText(ip: number): string {
    return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
  }

  private ipNumber(text: string): number {
    const [a, b, c, d] = text.split('.').map(Number) as [number, number, number, number];
    return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  }

  private rangeText(): string {
    const cidr = this.cidr!;
    return `${this.ipText(cidr.base + cidr.first)}-${this.ipText(cidr.base + cidr.last)}`;
  }

  private unavailable(): string {
    const socket = this.flavour.socket.replace('unix://', '');
    return `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${socket}: connect: connection refused"`;
  }
}
