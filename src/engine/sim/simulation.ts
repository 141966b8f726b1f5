import type { KObject } from '../objects/meta';
import type { EndpointSlice, Node, Service } from '../objects/cluster';
import type { Deployment, Pod } from '../objects/workloads';
import { bytes, milliCpu } from '../objects/quantity';
import { parseSelector } from '../objects/labels';
import { Scheduler, type SchedulingDecision } from '../scheduler';
import {
  DeploymentController,
  GarbageCollector,
  PodGCController,
  ReplicaSetController,
} from '../controllers/workloads';
import {
  NodeIpamController,
  NodeLifecycleController,
  TaintEvictionController,
} from '../controllers/nodes';
import { EndpointSliceController } from '../controllers/services';
import { Kubelet } from '../node/kubelet';
import { ContainerRuntime } from '../node/runtime';
import { KubeProxy } from '../node/proxy';
import { applyManifest, execLine } from '../cli';
import type { CliContext, ConsoleStream } from '../cli/context';
import { defaultFleet } from './fleet';
import { defaultTimings, type Timings } from './timings';
import { World } from './world';
import { ViewModel } from './view';
import {
  RETIRED_RUNTIMES,
  type ExecResult,
  type Fault,
  type RecordedInput,
  type ShipSpec,
} from './types';
import type { ContainerView, ServiceView, ShipView, Snapshot } from './snapshot';
import type { SimEvent } from './trace';

/** How a simulation starts. Everything has a default: `createSimulation()` is the classroom fleet. */
export type SimulationConfig = {
  /** Seed of the PRNG: same seed and same inputs give the same run, event for event. */
  seed?: number;
  /** The fleet at t=0 (default: the control ship and three cargo ships). */
  ships?: ShipSpec[];
  /** Ledger clerks: 1, 3 or 5 etcd members (default 1). */
  etcdMembers?: 1 | 3 | 5;
  /** Overrides of Kubernetes' timings. A scenario that uses one says so on screen. */
  timings?: Partial<Timings>;
  /** Record messages, moves and the event log for the canvas (default true; off for benchmarks). */
  detail?: boolean;
  /** Keep the ledger's history (default true). */
  keepHistory?: boolean;
  /** Deep-freeze stored objects (tests). */
  freeze?: boolean;
  /**
   * The pod network, kube-controller-manager's --cluster-cidr (default 10.244.0.0/16: room for 256
   * nodes of /24, as kubeadm with Flannel). Large fleets need a wider one, as real large clusters use.
   */
  clusterCIDR?: string;
};

type ShipAgents = {
  spec: ShipSpec;
  runtime: ContainerRuntime;
  kubelet: Kubelet;
  proxy: KubeProxy;
  sunk: boolean;
  /** When it sank (simulated ms), for the canvas's sinking animation. */
  sunkAt?: number;
  index: number;
};

type Component = { start(): void; stop(): void };

const SIGNAL_LINGER = 1_500;

/**
 * A running simulated cluster. Create one with `createSimulation`, feed it inputs (`apply`,
 * `exec`, `inject`), move time with `advance`, and read `snapshot()`, `events()`, `decisions()`.
 * Inputs are recorded with their simulated time: `replay(config, inputs, t)` rebuilds any moment.
 *
 * @example
 * const sim = createSimulation({ seed: 7 });
 * sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
 * sim.advance(30_000);
 * sim.exec('kubectl get pods').output; // three pods, Running
 */
export class Simulation {
  readonly seed: number;
  readonly config: Readonly<SimulationConfig>;
  private readonly world: World;
  private readonly view: ViewModel;
  private readonly scheduler: Scheduler;
  private readonly controlPlane: Component[];
  private readonly ships = new Map<string, ShipAgents>();
  private readonly recorded: RecordedInput[] = [];
  private readonly streams = new Map<
    number,
    { command: string; lines: string[]; cleanups: (() => void)[]; open: boolean }
  >();
  private nextStream = 1;
  private replaying = false;
  private cached: { key: string; snapshot: Snapshot } | undefined;
  private readonly podViews = new Map<
    string,
    {
      pod: Pod;
      deck: ContainerView['onDeck'];
      backoff: number | undefined;
      sunk: boolean;
      generation: number;
      view: ContainerView;
    }
  >();
  private podOrder: string[] = [];
  private viewGeneration = 0;
  private readonly cli: CliContext;

  constructor(config: SimulationConfig = {}) {
    this.config = config;
    this.seed = config.seed ?? 1;
    const timings = { ...defaultTimings(), ...config.timings };
    this.world = new World({
      seed: this.seed,
      timings,
      etcdMembers: config.etcdMembers ?? 1,
      detail: config.detail ?? true,
      keepHistory: config.keepHistory ?? true,
      freeze: config.freeze ?? false,
      ...(config.clusterCIDR ? { clusterCIDR: config.clusterCIDR } : {}),
    });
    this.view = new ViewModel(this.world);
    this.cli = {
      world: this.world,
      inject: (fault) => this.applyFault(fault),
      sendTraffic: (namespace, pod, host, port) => this.sendTraffic(namespace, pod, host, port),
      logs: (namespace, pod, container, previous) => this.logs(namespace, pod, container, previous),
      openStream: (command) => this.openStream(command),
    };
    this.boot();
    this.scheduler = new Scheduler(this.world);
    this.controlPlane = [
      new NodeIpamController(this.world),
      new NodeLifecycleController(this.world),
      new TaintEvictionController(this.world),
      new DeploymentController(this.world),
      new ReplicaSetController(this.world),
      new GarbageCollector(this.world),
      new PodGCController(this.world),
      new EndpointSliceController(this.world),
      this.scheduler,
    ];
    for (const component of this.controlPlane) component.start();
    const fleet = config.ships ?? defaultFleet();
    const names = new Set<string>();
    for (const spec of fleet) {
      const problem = this.checkShip(spec, names);
      if (problem) throw new Error(problem);
      names.add(spec.name);
    }
    for (const spec of fleet) this.launch(spec);
    this.scheduleTraffic();
  }

  /** The current simulated time, in ms. */
  now(): number {
    return this.world.now();
  }

  /** Moves simulated time forward by `ms`, running everything that falls due. */
  advance(ms: number): void {
    this.world.agenda.advance(ms);
  }

  /** Moves simulated time forward to `t` (no-op if `t` is not later). */
  advanceTo(t: number): void {
    if (t > this.world.now()) this.world.agenda.runUntil(t);
  }

  /**
   * "Skip the wait": runs until something notable happens (a Kubernetes Event, a fault, an etcd
   * leader change) or `limitMs` passes; returns how much simulated time went by.
   */
  skipWait(limitMs: number): number {
    const start = this.now();
    const deadline = start + Math.max(0, limitMs);
    const notable = this.world.trace.notable();
    while (this.now() < deadline) {
      const next = this.world.agenda.peekTime();
      if (next === undefined || next > deadline) {
        this.world.agenda.runUntil(deadline);
        break;
      }
      this.world.agenda.runUntil(next);
      if (this.world.trace.notable() !== notable) break;
    }
    return this.now() - start;
  }

  /** When the next scheduled thing happens, or undefined. */
  nextEventTime(): number | undefined {
    return this.world.agenda.peekTime();
  }

  /** `kubectl apply -f -` with this YAML (one or more documents). Recorded as an input. */
  apply(yaml: string): ExecResult {
    this.record({ at: this.now(), kind: 'apply', yaml });
    return applyManifest(this.cli, yaml);
  }

  /** Runs one console line (kubectl, etcdctl, fault, help). Recorded as an input. */
  exec(line: string, stdin?: string): ExecResult & { stream?: number } {
    this.record({ at: this.now(), kind: 'exec', line, ...(stdin !== undefined ? { stdin } : {}) });
    return execLine(this.cli, line, stdin);
  }

  /**
   * Runs a read-only console line without recording it: not an input on the timeline, no signal on
   * the canvas, no line in the log. For the inspectors. Commands that change anything are refused.
   */
  query(line: string): ExecResult {
    const words = line.trim().split(/\s+/);
    const [tool, verb, noun] = words;
    const readOnly =
      (tool === 'kubectl' &&
        ['get', 'describe', 'version', 'cluster-info', 'api-resources'].includes(verb ?? '') &&
        !words.includes('-w') &&
        !words.includes('--watch')) ||
      (tool === 'etcdctl' &&
        (verb === 'get' ||
          (verb === 'member' && noun === 'list') ||
          (verb === 'endpoint' && (noun === 'status' || noun === 'health'))));
    if (!readOnly)
      return {
        ok: false,
        output: `query only runs read-only commands (kubectl get/describe, etcdctl get/member list/endpoint status); use exec for "${line}"`,
      };
    return this.world.trace.quietly(() => execLine(this.cli, line));
  }

  /** Applies a fault now. Recorded as an input. */
  inject(fault: Fault): ExecResult {
    this.record({ at: this.now(), kind: 'inject', fault });
    return this.applyFault(fault);
  }

  /** The inputs so far, in order, with their simulated times. */
  inputs(): readonly RecordedInput[] {
    return this.recorded;
  }

  /** The engine's event log (bounded to the most recent entries). */
  events(): SimEvent[] {
    return this.world.trace.events();
  }

  /** How many events have been logged so far (a sequence number: events carry `seq`). */
  eventCount(): number {
    return this.world.trace.eventCount();
  }

  /** The logged events with `seq` greater than `seq`, oldest first (within the bounded log). */
  eventsSince(seq: number): SimEvent[] {
    const all = this.world.trace.events();
    let i = all.length;
    while (i > 0 && all[i - 1]!.seq > seq) i -= 1;
    return all.slice(i);
  }

  /** A hash of every event so far: two runs with equal hashes logged the same events. */
  logHash(): string {
    return this.world.trace.logHash();
  }

  /** The cranes' recent decisions, each with its per-ship explanation. */
  decisions(): readonly SchedulingDecision[] {
    return this.scheduler.decisions();
  }

  /** Lines a console stream (etcdctl watch, kubectl get -w) has printed so far. */
  streamOutput(id: number): string[] {
    return this.streams.get(id)?.lines ?? [];
  }

  /** Stops a console stream (Ctrl+C). */
  closeStream(id: number): void {
    const stream = this.streams.get(id);
    if (!stream || !stream.open) return;
    stream.open = false;
    for (const cleanup of stream.cleanups) cleanup();
  }

  /** Counters for benchmarks and the inspector. */
  stats(): {
    now: number;
    tasks: number;
    revision: number;
    keys: number;
    pods: number;
    runningPods: number;
    nodes: number;
    events: number;
    messages: number;
    scheduler: ReturnType<Scheduler['stats']>;
  } {
    let running = 0;
    for (const pod of this.world.api.cachedAll<Pod>('pods'))
      if (pod.status.phase === 'Running') running += 1;
    return {
      now: this.now(),
      tasks: this.world.agenda.taskCount(),
      revision: this.world.ledger.revision(),
      keys: this.world.ledger.size(),
      pods: this.world.api.count('pods'),
      runningPods: running,
      nodes: this.world.api.count('nodes'),
      events: this.world.trace.eventCount(),
      messages: this.world.trace.messageCount(),
      scheduler: this.scheduler.stats(),
    };
  }

  /**
   * One view per pod, rebuilt only when what it depends on changed (the pod object — stored objects
   * are immutable, so identity says it —, the deck, the back-off, the ship sinking), in name order,
   * re-sorted only when pods come or go. At 10,000 pods this keeps a snapshot to a pass over a map.
   */
  private containerViews(now: number): ContainerView[] {
    const generation = ++this.viewGeneration;
    let membershipChanged = false;
    for (const pod of this.world.api.cachedAll<Pod>('pods')) {
      const uid = pod.metadata.uid;
      const ship = pod.spec.nodeName ? this.ships.get(pod.spec.nodeName) : undefined;
      const sunk = ship?.sunk ?? false;
      const deck = ship && !sunk ? ship.runtime.deck(uid) : 'none';
      const backoff = ship?.kubelet.backoffUntil(uid);
      let entry = this.podViews.get(uid);
      if (!entry) {
        membershipChanged = true;
        entry = {
          pod,
          deck,
          backoff,
          sunk,
          generation,
          view: this.containerView(pod, ship, deck, backoff, now),
        };
        this.podViews.set(uid, entry);
        continue;
      }
      entry.generation = generation;
      if (
        entry.pod !== pod ||
        entry.deck !== deck ||
        entry.backoff !== backoff ||
        entry.sunk !== sunk
      ) {
        entry.pod = pod;
        entry.deck = deck;
        entry.backoff = backoff;
        entry.sunk = sunk;
        entry.view = this.containerView(pod, ship, deck, backoff, now);
      }
    }
    for (const [uid, entry] of this.podViews) {
      if (entry.generation !== generation) {
        this.podViews.delete(uid);
        membershipChanged = true;
      }
    }
    if (membershipChanged) {
      this.podOrder = [...this.podViews.entries()]
        .map(([uid, entry]) => [uid, `${entry.view.namespace}/${entry.view.pod}`] as const)
        .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
        .map(([uid]) => uid);
    }
    return this.podOrder.map((uid) => this.podViews.get(uid)!.view);
  }

  private containerView(
    pod: Pod,
    ship: ShipAgents | undefined,
    onDeck: ContainerView['onDeck'],
    backoffUntil: number | undefined,
    now: number,
  ): ContainerView {
    const mark = this.view.mark(pod.metadata.uid);
    const ready =
      pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const restarts = (pod.status.containerStatuses ?? []).reduce(
      (sum, c) => sum + c.restartCount,
      0,
    );
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.name;
    const labels = pod.metadata.labels ?? {};
    void ship;
    return {
      id: pod.metadata.uid,
      pod: pod.metadata.name,
      namespace: pod.metadata.namespace ?? 'default',
      app:
        labels.app ??
        labels['app.kubernetes.io/name'] ??
        owner?.replace(/-[a-z0-9]{8,10}$/, '') ??
        pod.metadata.name,
      ...(pod.spec.nodeName ? { ship: pod.spec.nodeName } : {}),
      phase: pod.status.phase,
      status: mark?.status ?? pod.status.phase,
      ...(pod.status.reason ? { reason: pod.status.reason } : {}),
      ready,
      restarts,
      since: mark?.since ?? now,
      ...(backoffUntil !== undefined ? { backoffUntil } : {}),
      onDeck,
      terminating: pod.metadata.deletionTimestamp !== undefined,
      ...(pod.status.podIP ? { ip: pod.status.podIP } : {}),
      image: pod.spec.containers[0]?.image ?? '',
      requests: { cpu: mark?.cpu ?? 0, memory: mark?.memory ?? 0 },
      ...(owner ? { owner } : {}),
    };
  }

  /** Plain, serializable data for the canvas and the panels; cached until something happens. */
  snapshot(): Snapshot {
    const key = `${this.now()}|${this.world.agenda.taskCount()}|${this.recorded.length}`;
    if (this.cached?.key === key) return this.cached.snapshot;
    const snapshot = this.buildSnapshot();
    this.cached = { key, snapshot };
    return snapshot;
  }

  // ——— boot ———

  /** What kube-apiserver creates at start: the namespaces and the `kubernetes` Service. */
  private boot(): void {
    const api = this.world.api;
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      api.execute(
        {
          verb: 'create',
          resource: 'namespaces',
          body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KObject,
        },
        'apiserver',
      );
    }
    api.reserveClusterIP('10.96.0.1');
    api.execute(
      {
        verb: 'create',
        resource: 'services',
        body: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: {
            name: 'kubernetes',
            namespace: 'default',
            labels: { component: 'apiserver', provider: 'kubernetes' },
          },
          spec: {
            type: 'ClusterIP',
            clusterIP: '10.96.0.1',
            ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
          },
        } as unknown as KObject,
      },
      'apiserver',
    );
    api.execute(
      {
        verb: 'create',
        resource: 'endpointslices',
        body: {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            name: 'kubernetes',
            namespace: 'default',
            labels: {
              'kubernetes.io/service-name': 'kubernetes',
              'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            },
          },
          addressType: 'IPv4',
          endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
          ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
        } as unknown as KObject,
      },
      'apiserver',
    );
  }

  private checkShip(spec: ShipSpec, taken: Set<string>): string | undefined {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(spec.name)) {
      return `ship name "${spec.name}" must be a lowercase RFC 1123 label (letters, digits and '-')`;
    }
    if (taken.has(spec.name) || this.ships.has(spec.name))
      return `a ship named "${spec.name}" is already in the fleet`;
    const runtime = spec.runtime as string | undefined;
    if (runtime && RETIRED_RUNTIMES[runtime]) return RETIRED_RUNTIMES[runtime];
    if (runtime && !['containerd', 'cri-o', 'docker'].includes(runtime)) {
      return `unknown container runtime "${runtime}": use containerd, cri-o or docker (through cri-dockerd)`;
    }
    for (const [what, value] of [
      ['cpu', spec.cpu],
      ['memory', spec.memory],
    ] as const) {
      if (value !== undefined && (what === 'cpu' ? milliCpu(value) : bytes(value)) <= 0)
        return `ship "${spec.name}": ${what} "${value}" is not a positive quantity`;
    }
    if (spec.maxPods !== undefined && (!Number.isInteger(spec.maxPods) || spec.maxPods < 1))
      return `ship "${spec.name}": maxPods must be a positive whole number`;
    return undefined;
  }

  private launch(spec: ShipSpec): void {
    const runtime = new ContainerRuntime(
      this.world,
      spec.name,
      spec.runtime ?? 'containerd',
      spec.images ?? [],
    );
    const kubelet = new Kubelet(this.world, spec, runtime);
    const proxy = new KubeProxy(this.world, spec.name, (ip) => this.isServing(ip));
    const agents: ShipAgents = {
      spec,
      runtime,
      kubelet,
      proxy,
      sunk: false,
      index: this.ships.size,
    };
    this.ships.set(spec.name, agents);
    runtime.start();
    kubelet.start();
    proxy.start();
  }

  private isServing(ip: string): boolean {
    for (const ship of this.ships.values())
      if (!ship.sunk && ship.runtime.isServing(ip)) return true;
    return false;
  }

  // ——— inputs ———

  private record(input: RecordedInput): void {
    if (!this.replaying) this.recorded.push(input);
  }

  /** Applies recorded inputs without recording them again (used by `replay`). */
  replayInput(input: RecordedInput): void {
    this.replaying = true;
    try {
      this.advanceTo(input.at);
      if (input.kind === 'exec') execLine(this.cli, input.line, input.stdin);
      else if (input.kind === 'apply') applyManifest(this.cli, input.yaml);
      else this.applyFault(input.fault);
      this.recorded.push(input);
    } finally {
      this.replaying = false;
    }
  }

  private applyFault(fault: Fault): ExecResult {
    const world = this.world;
    const note = (text: string) =>
      world.trace.event(world.now(), 'input', `fault.${fault.kind}`, text);
    const ship = (name: string): ShipAgents | ExecResult => {
      const found = this.ships.get(name);
      if (!found)
        return {
          ok: false,
          output: `error: no ship named "${name}" (ships: ${[...this.ships.keys()].join(', ')})`,
        };
      return found;
    };
    switch (fault.kind) {
      case 'sink-ship': {
        const s = ship(fault.ship);
        if ('ok' in s) return s;
        if (s.spec.role === 'control') {
          return {
            ok: false,
            output:
              'error: the control ship carries the bridge and the ledger and cannot sink here; try "fault stop-apiserver" or "fault stop-etcd-member"',
          };
        }
        if (s.sunk) return { ok: false, output: `error: ${fault.ship} has already sunk` };
        s.sunk = true;
        s.sunkAt = world.now();
        world.network.sink(fault.ship);
        s.kubelet.stop();
        s.proxy.stop();
        s.runtime.stop();
        note(
          `${fault.ship} sank: its captain, crew and signal officer are gone; its Node object stays in the ledger until someone deletes it`,
        );
        return { ok: true, output: `ship ${fault.ship} sank` };
      }
      case 'cut-radio': {
        const s = ship(fault.ship);
        if ('ok' in s) return s;
        if (s.spec.role === 'control')
          return {
            ok: false,
            output: "error: the control ship hosts the bridge; cut a cargo ship's radio instead",
          };
        world.network.cutRadio(fault.ship);
        note(
          `${fault.ship}'s radio is cut: its containers keep running, but its captain cannot reach the bridge`,
        );
        return { ok: true, output: `radio cut on ${fault.ship}` };
      }
      case 'restore-radio': {
        const s = ship(fault.ship);
        if ('ok' in s) return s;
        world.network.restoreRadio(fault.ship);
        note(`${fault.ship}'s radio works again`);
        return { ok: true, output: `radio restored on ${fault.ship}` };
      }
      case 'add-ship': {
        const problem = this.checkShip(fault.ship, new Set());
        if (problem) return { ok: false, output: `error: ${problem}` };
        this.launch({ role: 'cargo', ...fault.ship });
        note(`${fault.ship.name} joins the fleet: its captain will register it with the bridge`);
        return { ok: true, output: `ship ${fault.ship.name} launched` };
      }
      case 'crash-container':
      case 'oom-kill':
      case 'fail-probe': {
        const namespace = fault.namespace ?? 'default';
        const found = this.findPod(namespace, fault.pod, fault.selector);
        if ('ok' in found) return found;
        const pod = found;
        const s = pod.spec.nodeName ? this.ships.get(pod.spec.nodeName) : undefined;
        if (!s || s.sunk)
          return {
            ok: false,
            output: `error: pod ${pod.metadata.name} is not running on any ship`,
          };
        const name = pod.metadata.name;
        note(`fault on pod ${name}: ${fault.kind}`);
        if (fault.kind === 'crash-container')
          return s.kubelet.crashContainer(
            namespace,
            name,
            fault.container,
            fault.exitCode ?? 1,
            fault.times ?? 1,
          );
        if (fault.kind === 'oom-kill') return s.kubelet.oomKill(namespace, name, fault.container);
        return s.kubelet.setProbeHealth(
          namespace,
          name,
          fault.container,
          fault.probe,
          fault.healthy ?? false,
        );
      }
      case 'bad-image': {
        const namespace = fault.namespace ?? 'default';
        const deployment = world.api.cached<Deployment>('deployments', namespace, fault.deployment);
        if (!deployment)
          return {
            ok: false,
            output: `Error from server (NotFound): deployments.apps "${fault.deployment}" not found`,
          };
        const container = deployment.spec.template.spec.containers[0]!;
        const image = fault.image ?? `${container.image.split(':')[0]}:does-not-exist`;
        note(`deployment ${fault.deployment} now asks for image ${image}, which no registry has`);
        return execLine(
          this.cli,
          `kubectl set image deployment/${fault.deployment} ${container.name}=${image} -n ${namespace}`,
        );
      }
      case 'cordon':
      case 'uncordon':
      case 'drain':
        return execLine(
          this.cli,
          `kubectl ${fault.kind} ${fault.ship}${fault.kind === 'drain' ? ' --ignore-daemonsets' : ''}`,
        );
      case 'stop-etcd-member':
      case 'start-etcd-member': {
        const names = world.etcd.status().map((m) => m.name);
        if (!names.includes(fault.member))
          return {
            ok: false,
            output: `error: no ledger clerk named "${fault.member}" (members: ${names.join(', ')})`,
          };
        if (fault.kind === 'stop-etcd-member') world.etcd.stop(fault.member);
        else world.etcd.start(fault.member);
        note(`${fault.member} ${fault.kind === 'stop-etcd-member' ? 'stopped' : 'started'}`);
        return {
          ok: true,
          output: `${fault.member} ${fault.kind === 'stop-etcd-member' ? 'stopped' : 'started'}`,
        };
      }
      case 'stop-apiserver':
        world.api.stop();
        note(
          'the bridge (kube-apiserver) stopped: every watch broke; running containers keep running',
        );
        return { ok: true, output: 'kube-apiserver stopped' };
      case 'start-apiserver':
        world.api.start();
        note('the bridge (kube-apiserver) is back: components list and watch again');
        return { ok: true, output: 'kube-apiserver started' };
    }
  }

  /** A pod by name, or the first running one (by name) matching a label selector. */
  private findPod(
    namespace: string,
    name: string | undefined,
    selector: string | undefined,
  ): Pod | ExecResult {
    if (name) {
      const pod = this.world.api.cached<Pod>('pods', namespace, name);
      return pod ?? { ok: false, output: `Error from server (NotFound): pods "${name}" not found` };
    }
    if (!selector)
      return { ok: false, output: 'error: name a pod, or give a label selector such as app=web' };
    let requirements;
    try {
      requirements = parseSelector(selector);
    } catch (error) {
      return { ok: false, output: `error: ${(error as Error).message}` };
    }
    const pods = this.world.api.listFromCache('pods', { namespace, labels: requirements })
      .items as Pod[];
    const running = pods.filter(
      (p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running',
    );
    return (
      running[0] ?? {
        ok: false,
        output: `error: no running pod in namespace ${namespace} matches ${selector}`,
      }
    );
  }

  private sendTraffic(
    namespace: string,
    podName: string,
    host: string,
    port: number | undefined,
  ): ExecResult {
    const pod = this.world.api.cached<Pod>('pods', namespace, podName);
    if (!pod)
      return { ok: false, output: `Error from server (NotFound): pods "${podName}" not found` };
    const ship = pod.spec.nodeName ? this.ships.get(pod.spec.nodeName) : undefined;
    if (
      !ship ||
      ship.sunk ||
      !pod.status.podIP ||
      ship.runtime.deck(pod.metadata.uid) !== 'running'
    ) {
      return {
        ok: false,
        output: `error: unable to upgrade connection: container not found ("${pod.spec.containers[0]?.name ?? 'main'}")`,
      };
    }
    return ship.proxy.send({ namespace, pod: podName, ip: pod.status.podIP }, host, port);
  }

  private logs(
    namespace: string,
    podName: string,
    container: string | undefined,
    previous: boolean,
  ): ExecResult {
    const pod = this.world.api.cached<Pod>('pods', namespace, podName);
    if (!pod)
      return { ok: false, output: `Error from server (NotFound): pods "${podName}" not found` };
    const ship = pod.spec.nodeName ? this.ships.get(pod.spec.nodeName) : undefined;
    const now = this.world.now();
    if (!ship || ship.sunk || !this.world.network.linkUp(ship.spec.name)) {
      const ip = ship ? this.nodeIP(ship.spec.name) : 'unknown';
      // The bridge calls the captain on :10250 for logs; a lost ship does not answer.
      this.world.trace.message(
        'apiserver',
        `kubelet/${pod.spec.nodeName ?? '?'}`,
        'get logs',
        now,
        now + this.world.timings.networkHop,
        undefined,
        false,
      );
      return {
        ok: false,
        output: `Error from server: Get "https://${ip}:10250/containerLogs/${namespace}/${podName}/${container ?? pod.spec.containers[0]?.name}": dial tcp ${ip}:10250: i/o timeout`,
      };
    }
    this.world.trace.message(
      'apiserver',
      `kubelet/${ship.spec.name}`,
      'get logs',
      now,
      now + this.world.timings.networkHop,
    );
    return ship.kubelet.logs(namespace, podName, container, previous);
  }

  private nodeIP(name: string): string {
    const node = this.world.api.cached<Node>('nodes', undefined, name);
    return node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? name;
  }

  private openStream(command: string): ConsoleStream {
    const id = this.nextStream++;
    const state = { command, lines: [] as string[], cleanups: [] as (() => void)[], open: true };
    this.streams.set(id, state);
    return {
      id,
      write: (line) => {
        if (state.open) state.lines.push(line);
      },
      onClose: (cleanup) => state.cleanups.push(cleanup),
    };
  }

  /** Containers with env SHIPSHAPE_TRAFFIC_TO=host:port call it every SHIPSHAPE_TRAFFIC_EVERY (default 2 s). */
  private scheduleTraffic(): void {
    this.world.agenda.after(1_000, () => {
      const now = this.world.now();
      for (const pod of this.view.trafficPods()) {
        const env = new Map(
          (pod.spec.containers[0]?.env ?? []).map((e) => [e.name, e.value ?? '']),
        );
        const target = env.get('SHIPSHAPE_TRAFFIC_TO');
        const every =
          Math.max(1, Number.parseInt(env.get('SHIPSHAPE_TRAFFIC_EVERY') ?? '2', 10) || 2) * 1000;
        if (!target || now % every !== 0) continue;
        const current = this.world.api.cached<Pod>(
          'pods',
          pod.metadata.namespace,
          pod.metadata.name,
        );
        if (!current?.status.podIP || current.metadata.uid !== pod.metadata.uid) continue;
        const ship = current.spec.nodeName ? this.ships.get(current.spec.nodeName) : undefined;
        if (!ship || ship.sunk || ship.runtime.deck(current.metadata.uid) !== 'running') continue;
        const [host, port] = target.split(':');
        ship.proxy.send(
          {
            namespace: current.metadata.namespace ?? 'default',
            pod: current.metadata.name,
            ip: current.status.podIP,
          },
          host!,
          port ? Number(port) : undefined,
        );
      }
      this.scheduleTraffic();
    });
  }

  // ——— snapshot ———

  private buildSnapshot(): Snapshot {
    const world = this.world;
    const now = world.now();
    const ships: ShipView[] = [];
    for (const agents of this.ships.values()) {
      const node = world.api.cached<Node>('nodes', undefined, agents.spec.name);
      const ready = node?.status.conditions?.find((c) => c.type === 'Ready');
      const status: ShipView['status'] = agents.sunk
        ? 'Sunk'
        : ready?.status === 'True'
          ? 'Ready'
          : ready?.status === 'Unknown'
            ? 'Unknown'
            : 'NotReady';
      const resources = (list: Record<string, string | undefined> | undefined) => ({
        cpu: milliCpu(list?.cpu),
        memory: bytes(list?.memory),
        pods: Number(list?.pods ?? 0),
      });
      ships.push({
        name: agents.spec.name,
        role: agents.spec.role ?? 'cargo',
        status,
        sunk: agents.sunk,
        ...(agents.sunkAt !== undefined ? { sunkAt: agents.sunkAt } : {}),
        ready: ready?.status ?? 'None',
        runtime: agents.spec.runtime ?? 'containerd',
        runtimeVersion: agents.runtime.version(),
        capacity: resources(node?.status.capacity),
        allocatable: resources(node?.status.allocatable),
        allocated: this.view.allocated(agents.spec.name),
        labels: { ...(node?.metadata.labels ?? agents.spec.labels ?? {}) },
        taints: [...(node?.spec.taints ?? [])],
        unschedulable: node?.spec.unschedulable ?? false,
        lastCheckIn: agents.kubelet.lastLeaseRenewal(),
        radio: world.network.radioCut(agents.spec.name) ? 'cut' : 'ok',
        images: agents.runtime.images(),
        rules: agents.sunk ? [] : agents.proxy.rules(),
        internalIP: this.nodeIP(agents.spec.name),
      });
    }
    const containers = this.containerViews(now);
    const services: ServiceView[] = [];
    const slices = [...world.api.cachedAll<EndpointSlice>('endpointslices')];
    for (const svc of world.api.cachedAll<Service>('services')) {
      const own = slices.filter(
        (s) =>
          s.metadata.namespace === svc.metadata.namespace &&
          s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
      );
      services.push({
        name: svc.metadata.name,
        namespace: svc.metadata.namespace ?? 'default',
        ...(svc.spec.clusterIP ? { clusterIP: svc.spec.clusterIP } : {}),
        ports: svc.spec.ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`),
        selector: { ...(svc.spec.selector ?? {}) },
        endpoints: own.flatMap((s) =>
          s.endpoints.map((e) => ({
            pod: e.targetRef?.name ?? e.addresses[0] ?? '',
            ...(e.nodeName ? { ship: e.nodeName } : {}),
            ip: e.addresses[0] ?? '',
            ready: e.conditions.ready ?? false,
          })),
        ),
      });
    }
    services.sort((a, b) => (a.namespace + a.name < b.namespace + b.name ? -1 : 1));
    return {
      now,
      seed: this.seed,
      bridge: { running: world.api.isRunning() },
      ships,
      containers,
      services,
      moves: world.trace.movesAround(now, SIGNAL_LINGER),
      messages: world.trace.messagesAround(now, SIGNAL_LINGER),
      traffic: world.trace.trafficAround(now, SIGNAL_LINGER),
      offices: world.trace.offices(),
      ledger: {
        revision: world.ledger.revision(),
        lastWrites: world.trace.recentWrites(now, 5_000),
        members: world.etcd.status().map((m) => ({
          name: m.name,
          up: m.up,
          leader: m.leader,
          role: m.role,
          term: m.term,
          appliedRevision: m.appliedRevision,
        })),
        quorum: world.etcd.quorum(),
        writable: world.etcd.writable(),
        keys: world.ledger.size(),
      },
      eventCount: world.trace.eventCount(),
      decisionCount: this.scheduler.decisionCount(),
    };
  }
}

/**
 * Creates a simulation. Throws with a clear message for a bad fleet (duplicate names, a retired
 * runtime such as rkt, non-positive capacity).
 *
 * @example
 * const sim = createSimulation({ seed: 7, ships: [{ name: 'ship-1', cpu: '2', memory: '4Gi' }] });
 */
export function createSimulation(config: SimulationConfig = {}): Simulation {
  return new Simulation(config);
}

/**
 * Rebuilds the moment `until` of a run from its configuration and recorded inputs: exact,
 * because the engine is deterministic. Inputs after `until` are ignored.
 *
 * @example
 * const again = replay(sim.config, sim.inputs(), sim.now());
 * again.logHash() === sim.logHash(); // true
 */
export function replay(
  config: SimulationConfig,
  inputs: readonly RecordedInput[],
  until: number,
): Simulation {
  const sim = new Simulation(config);
  for (const input of inputs) {
    if (input.at > until) break;
    sim.replayInput(input);
  }
  sim.advanceTo(until);
  return sim;
}
