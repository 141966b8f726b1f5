import { createActor, type Actor } from 'xstate';
import { PodsByNode } from '../../objects/podsByNode';
import type { Lease, Node } from '../../objects/cluster';
import type { Condition, KObject, Taint } from '../../objects/meta';
import type { Pod } from '../../objects/workloads';
import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';
import {
  LARGE_CLUSTER_SIZE_THRESHOLD,
  NODE_EVICTION_PERIOD,
  SECONDARY_EVICTION_INTERVAL,
  type ZoneState,
} from './constants';
import {
  computeZoneState,
  excludedFromDisruption,
  nodeCondition,
  tryUpdateNodeHealth,
  zoneKey,
  zoneName,
  type HealthResult,
  type NodeHealth,
} from './nodeHealth';
import { nodeLifecycleMachine } from './nodeLifecycle.machine';
import { podKey, withPodCondition } from './podConditions';
import { RateLimitedTimedQueue } from './rateLimitedQueue';
import {
  CONDITION_TAINTS,
  CONDITION_TAINT_KEYS,
  NOT_READY_NO_EXECUTE,
  TAINT_UNSCHEDULABLE,
  UNREACHABLE_NO_EXECUTE,
  matchTaint,
  swapTaints,
  taintExists,
  taintText,
} from './taints';

const ID = 'kcm/node-lifecycle';

/**
 * The Operations office's node lifecycle controller (pkg/controller/nodelifecycle): it listens
 * for the captains' check-ins (Lease renewals and Ready heartbeats), marks a silent ship Ready=
 * Unknown after the grace period, raises the not-ready / unreachable flags (NoSchedule at once,
 * NoExecute through a rate-limited queue per zone), marks the pods of a lost ship not ready so
 * they leave the Services' endpoints, and holds back when the whole fleet looks down.
 *
 * @example
 * const controller = new NodeLifecycleController(world);
 * controller.start();
 */
export class NodeLifecycleController {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer<Node>;
  private readonly leases: Informer<Lease>;
  private readonly pods: Informer<Pod>;
  private readonly actor: Actor<typeof nodeLifecycleMachine>;
  private readonly podsByNode = new PodsByNode();
  private readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, Node>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainters = new Map<string, RateLimitedTimedQueue>();
  private readonly nodesToRetry = new Set<string>();
  private readonly statusInFlight = new Set<string>();
  /** NoSchedule swaps in flight, so a burst of node updates sends one patch. */
  private readonly noScheduleInFlight = new Map<string, string>();

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.recorder = world.recorder(this.client, 'node-controller');
    const synced = () => {
      if (this.nodes.synced() && this.leases.synced() && this.pods.synced())
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    this.nodes = new Informer<Node>(
      world,
      this.client,
      'nodes',
      {},
      {
        add: (node) => this.onNodeChange(node),
        update: (_old, node) => this.onNodeChange(node),
        synced,
      },
    );
    this.leases = new Informer<Lease>(
      world,
      this.client,
      'leases',
      { namespace: 'kube-node-lease' },
      { synced },
    );
    this.pods = new Informer<Pod>(
      world,
      this.client,
      'pods',
      {},
      {
        add: (pod) => this.onPod(undefined, pod),
        update: (old, pod) => this.onPod(old, pod),
        delete: (pod) => this.indexPod(pod, undefined),
        synced,
      },
    );
    this.actor = createActor(nodeLifecycleMachine, {
      clock: world.clock,
      input: {
        monitorPeriod: world.timings.nodeMonitorPeriod,
        ops: {
          monitorNodeHealth: () => this.monitorNodeHealth(),
          noExecuteTaintingPass: () => this.noExecuteTaintingPass(),
          untilTaintingPass: () => this.untilTaintingPass(),
        },
      },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
    this.nodes.start();
    this.leases.start();
    this.pods.start();
  }

  stop(): void {
    this.nodes.stop();
    this.leases.stop();
    this.pods.stop();
    this.actor.send({ type: 'STOP' });
  }

  /** The machine's state, for the canvas and tests. */
  state(): unknown {
    return this.actor.getSnapshot().value;
  }

  /** Each zone's state as handleDisruption last set it (zone "" is every node without zone labels). */
  zones(): ReadonlyMap<string, ZoneState> {
    return this.zoneStates;
  }

  // ——— informer handlers ———

  private onNodeChange(node: Node): void {
    if (this.actor.getSnapshot().matches('stopped')) return;
    this.doNoScheduleTaintingPass(node.metadata.name);
  }

  private onPod(old: Pod | undefined, pod: Pod): void {
    this.indexPod(old, pod);
    // podUpdated: only a pod newly bound to a node is looked at (processPod).
    const node = pod.spec.nodeName;
    if (!node || old?.spec.nodeName === node) return;
    const health = this.health.get(node);
    if (!health || !this.nodes.get(node)) return;
    if (health.readyCondition && health.readyCondition.status !== 'True')
      this.markPodsNotReady([pod], node);
  }

  private indexPod(old: Pod | undefined, pod: Pod | undefined): void {
    this.podsByNode.move(podKey((pod ?? old)!), old?.spec.nodeName, pod?.spec.nodeName);
  }

  private podsOn(node: string): Pod[] {
    const keys = [...this.podsByNode.on(node)].sort();
    return keys.map((k) => this.pods.get(k)).filter((p): p is Pod => p?.spec.nodeName === node);
  }

  // ——— monitorNodeHealth ———

  private monitorNodeHealth(): void {
    const now = this.world.now();
    const nodes = [...this.nodes.list()].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
    const names = new Set(nodes.map((n) => n.metadata.name));
    for (const node of nodes) {
      const zone = zoneKey(node);
      if (!this.tainters.has(zone)) this.addTainterForZone(zone);
      if (this.known.has(node.metadata.name)) continue;
      this.recordNodeEvent(
        node,
        'RegisteredNode',
        `Registered Node ${node.metadata.name} in Controller`,
      );
      this.known.set(node.metadata.name, node);
      this.markNodeAsReachable(node);
    }
    for (const [name, node] of [...this.known]) {
      if (names.has(name)) continue;
      this.recordNodeEvent(node, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.health.delete(name);
    }

    const zoneConditions = new Map<string, (Condition | undefined)[]>();
    for (const node of nodes) {
      const name = node.metadata.name;
      // A status write still waiting for the ledger: as upstream when its retries fail, the
      // node sits this pass out.
      if (this.statusInFlight.has(name)) continue;
      const lease = this.leases.get(`kube-node-lease/${name}`);
      const saved = this.health.get(name);
      const result = tryUpdateNodeHealth(node, saved, lease, now, {
        monitor: this.world.timings.nodeMonitorGracePeriod,
        startup: this.world.timings.nodeStartupGracePeriod,
      });
      this.health.set(name, result.health);
      if (result.status) this.postUnknown(node, result, saved);
      if (!excludedFromDisruption(node)) {
        const zone = zoneKey(node);
        let list = zoneConditions.get(zone);
        if (!list) zoneConditions.set(zone, (list = []));
        list.push(result.current);
      }
      if (!result.current) continue;
      this.processTaintBaseEviction(node, result.observed);
      const needsRetry = this.nodesToRetry.delete(name);
      if (!result.status && needsRetry && result.observed.status !== 'True')
        this.markPodsNotReady(this.podsOn(name), name);
    }
    this.handleDisruption(zoneConditions, nodes);
    if ([...this.tainters.values()].some((q) => q.size() > 0))
      this.actor.send({ type: 'TAINT_QUEUED' });
  }

  /**
   * UpdateStatus with Ready (and the pressure conditions) Unknown. Once it lands, a node the
   * controller itself turned not-Ready gets its NodeNotReady event and its pods marked not ready.
   */
  private postUnknown(node: Node, result: HealthResult, saved: NodeHealth | undefined): void {
    const name = node.metadata.name;
    this.busy(`marking ${name} Unknown`);
    this.statusInFlight.add(name);
    this.client.update<Node>(
      'nodes',
      { ...node, status: result.status! },
      (written) => {
        this.statusInFlight.delete(name);
        if (!written.ok) {
          // A conflict (the kubelet wrote meanwhile) or no ledger: the next pass decides again.
          if (saved) this.health.set(name, saved);
          else this.health.delete(name);
          return;
        }
        this.world.trace.event(
          this.world.now(),
          ID,
          'node.unknown',
          `${name} has not checked in for ${result.gracePeriod / 1000} s: its Ready condition is now Unknown`,
          `node/${name}`,
        );
        if (result.observed.status !== 'True' || result.current?.status === 'True') return;
        // RecordNodeStatusChange: reported once, when the controller itself turns a node not Ready.
        this.recorder.record(
          eventRef(node),
          'Normal',
          'NodeNotReady',
          `Node ${name} status is now: NodeNotReady`,
        );
        this.markPodsNotReady(this.podsOn(name), name);
      },
      'status',
    );
  }

  /** processTaintBaseEviction: queue a not-Ready node for its NoExecute taint, or clear a Ready one's. */
  private processTaintBaseEviction(node: Node, observed: Condition): void {
    switch (observed.status) {
      case 'False':
        if (taintExists(node.spec.taints, UNREACHABLE_NO_EXECUTE))
          this.swapNoExecute(node, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE);
        else this.markNodeForTainting(node, 'False');
        break;
      case 'Unknown':
        if (taintExists(node.spec.taints, NOT_READY_NO_EXECUTE))
          this.swapNoExecute(node, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE);
        else this.markNodeForTainting(node, 'Unknown');
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  private markNodeForTainting(node: Node, status: 'False' | 'Unknown'): boolean {
    const queue = this.tainters.get(zoneKey(node))!;
    const taint = status === 'False' ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
    if (!taintExists(node.spec.taints, taint)) queue.remove(node.metadata.name);
    return queue.add(node.metadata.name, node.metadata.uid, this.world.now());
  }

  /** Removes both NoExecute taints and forgets the node in its zone's queue. */
  private markNodeAsReachable(node: Node): boolean {
    const remove = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE].filter((t) =>
      taintExists(node.spec.taints, t),
    );
    if (remove.length > 0) this.swapTaints(node.metadata.name, [], remove, 'cleared');
    return this.tainters.get(zoneKey(node))?.remove(node.metadata.name) ?? false;
  }

  private swapNoExecute(node: Node, add: Taint, remove: Taint): void {
    this.swapTaints(node.metadata.name, [add], [remove], 'swapped');
  }

  // ——— the NoExecute tainting pass ———

  private untilTaintingPass(): number | undefined {
    const now = this.world.now();
    let next: number | undefined;
    for (const queue of this.tainters.values()) {
      const at = queue.nextReadyAt(now);
      if (at !== undefined) next = next === undefined ? at : Math.min(next, at);
    }
    return next === undefined ? undefined : Math.max(NODE_EVICTION_PERIOD, next - now);
  }

  private noExecuteTaintingPass(): void {
    const now = this.world.now();
    for (const zone of [...this.tainters.keys()].sort()) {
      this.tainters.get(zone)!.try(now, (item) => {
        const node = this.nodes.get(item.value);
        if (!node) return { done: true };
        const ready = nodeCondition(node, 'Ready');
        if (!ready) return { done: false, retryAfter: 50 };
        // unreachable and not-ready are mutually exclusive, as Ready's status is.
        if (ready.status === 'False')
          this.swapTaints(
            node.metadata.name,
            [NOT_READY_NO_EXECUTE],
            [UNREACHABLE_NO_EXECUTE],
            'tainted',
          );
        else if (ready.status === 'Unknown')
          this.swapTaints(
            node.metadata.name,
            [UNREACHABLE_NO_EXECUTE],
            [NOT_READY_NO_EXECUTE],
            'tainted',
          );
        return { done: true };
      });
    }
  }

  // ——— doNoScheduleTaintingPass ———

  private doNoScheduleTaintingPass(name: string): void {
    const node = this.nodes.get(name);
    if (!node) return;
    const wanted: Taint[] = [];
    for (const condition of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[condition.type]?.[condition.status];
      if (key) wanted.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec.unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    const owned = (node.spec.taints ?? []).filter(
      (t) =>
        t.effect === 'NoSchedule' &&
        (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
    );
    const add = wanted.filter((t) => !owned.some((o) => matchTaint(o, t)));
    const remove = owned.filter((t) => !wanted.some((w) => matchTaint(w, t)));
    if (add.length === 0 && remove.length === 0) return;
    const signature = JSON.stringify([add, remove]);
    if (this.noScheduleInFlight.get(name) === signature) return;
    this.noScheduleInFlight.set(name, signature);
    this.swapTaints(name, add, remove, 'flagged', () => this.noScheduleInFlight.delete(name));
  }

  /** SwapNodeControllerTaint: one PATCH of the node's taints. */
  private swapTaints(
    name: string,
    add: readonly Taint[],
    remove: readonly Taint[],
    verb: string,
    done?: () => void,
  ): void {
    const now = this.world.now();
    const stamp = rfc3339(now);
    const words = [
      ...add.map((t) => `raised ${taintText(t)}`),
      ...remove.map((t) => `lowered ${taintText(t)}`),
    ].join(', ');
    this.busy(`${name}: ${words}`);
    this.world.trace.event(
      now,
      ID,
      add.some((t) => t.effect === 'NoExecute')
        ? 'node.tainted'
        : remove.length > 0 && add.length === 0
          ? 'node.untainted'
          : 'node.flagged',
      `${name} (${verb}): ${words}`,
      `node/${name}`,
    );
    this.client.patch<Node>(
      'nodes',
      undefined,
      name,
      (current) => ({
        ...current,
        spec: { ...current.spec, taints: swapTaints(current.spec.taints, add, remove, stamp) },
      }),
      (result) => {
        done?.();
        // A failed NoExecute taint goes back in the queue for the next pass.
        if (!result.ok && add.some((t) => t.effect === 'NoExecute')) {
          const node = this.nodes.get(name);
          const queue = node && this.tainters.get(zoneKey(node));
          if (queue) {
            queue.remove(name);
            queue.add(name, node.metadata.uid, this.world.now());
            this.actor.send({ type: 'TAINT_QUEUED' });
          }
        }
      },
    );
  }

  // ——— pods ———

  /** MarkPodsNotReady: Ready=False on each pod of the node, so the Services drop them. */
  private markPodsNotReady(pods: readonly Pod[], nodeName: string): void {
    const stamp = rfc3339(this.world.now());
    let count = 0;
    for (const pod of pods) {
      if (pod.spec.nodeName !== nodeName) continue;
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
      if (!ready) continue;
      const status = withPodCondition(pod.status, { ...ready, status: 'False' }, stamp);
      if (!status) continue;
      count += 1;
      this.client.update<Pod>(
        'pods',
        { ...pod, status },
        (result) => {
          if (!result.ok && result.error.code === 404) return;
          if (!result.ok) this.nodesToRetry.add(nodeName);
          this.recorder.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
        },
        'status',
      );
    }
    if (count > 0) {
      this.busy(`marked ${count} container(s) on ${nodeName} not ready`);
      this.world.trace.event(
        this.world.now(),
        ID,
        'node.pods-not-ready',
        `marked ${count} pod(s) on ${nodeName} not ready: they leave their Services' endpoints`,
        `node/${nodeName}`,
      );
    }
  }

  // ——— zones ———

  private addTainterForZone(zone: string): void {
    this.zoneStates.set(zone, 'Initial');
    this.tainters.set(
      zone,
      new RateLimitedTimedQueue(this.world.timings.nodeEvictionInterval, this.world.now()),
    );
  }

  /** setLimiterInZone: the eviction rate a zone's state allows (undefined: none). */
  private setLimiterInZone(zone: string, size: number, state: ZoneState): void {
    let interval: number | undefined;
    if (state === 'Normal' || state === 'FullDisruption')
      interval = this.world.timings.nodeEvictionInterval;
    else if (state === 'PartialDisruption')
      interval = size > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_EVICTION_INTERVAL : undefined;
    else return;
    this.tainters.get(zone)?.swapLimiter(interval, this.world.now());
  }

  /** handleDisruption: zone states, and the fleet-wide stop when every zone is fully down. */
  private handleDisruption(
    zoneConditions: Map<string, (Condition | undefined)[]>,
    nodes: readonly Node[],
  ): void {
    const now = this.world.now();
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const zone of [...zoneConditions.keys()].sort()) {
      const { state } = computeZoneState(zoneConditions.get(zone)!);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.zoneStates]) {
      if (!zoneConditions.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      this.world.trace.event(
        now,
        ID,
        'node-lifecycle.disruption',
        'Controller detected that all Nodes are not-Ready. Entering master disruption mode: no ship is flagged for eviction',
      );
      this.busy('every ship is down: holding all evictions');
      for (const node of nodes) this.markNodeAsReachable(node);
      for (const zone of this.zoneStates.keys()) {
        this.tainters.get(zone)?.swapLimiter(undefined, now);
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    if (allWasFullyDisrupted) {
      this.world.trace.event(
        now,
        ID,
        'node-lifecycle.disruption',
        'Controller detected that some Nodes are Ready. Exiting master disruption mode',
      );
      // Every node gets a fresh grace period on the way out.
      for (const node of nodes) {
        const health = this.health.get(node.metadata.name);
        if (health)
          this.health.set(node.metadata.name, {
            ...health,
            probeTimestamp: now,
            readyTransitionTimestamp: now,
          });
      }
      for (const zone of this.zoneStates.keys()) {
        const state = newStates.get(zone)!;
        this.setLimiterInZone(zone, zoneConditions.get(zone)!.length, state);
        this.zoneStates.set(zone, state);
      }
      return;
    }
    for (const [zone, state] of this.zoneStates) {
      const next = newStates.get(zone)!;
      if (state === next) continue;
      if (state !== 'Initial')
        this.world.trace.event(
          now,
          ID,
          'node-lifecycle.zone',
          `${zoneName(zone)} is now in state ${next}`,
        );
      this.setLimiterInZone(zone, zoneConditions.get(zone)!.length, next);
      this.zoneStates.set(zone, next);
    }
  }

  // ——— reporting ———

  private recordNodeEvent(node: Node, reason: string, event: string): void {
    this.recorder.record(
      eventRef(node),
      'Normal',
      reason,
      `Node ${node.metadata.name} event: ${event}`,
    );
  }

  private busy(action: string): void {
    const now = this.world.now();
    const t = this.world.timings;
    this.world.trace.office(
      'operations',
      now,
      now + 2 * t.networkHop + t.apiProcessing + t.etcdCommit,
      action,
    );
  }
}

/** The ObjectReference events about a node carry (RecordNodeEvent: kind Node, no namespace). */
function eventRef(node: Node): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { ...node.metadata } };
}
