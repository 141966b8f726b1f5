import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../api/client';
import type { EventRecorder } from '../api/recorder';
import { Informer } from '../api/informer';
import type { Node, Service } from '../objects/cluster';
import type { Pod, ReplicaSet } from '../objects/workloads';
import type { World } from '../sim/world';
import { isTerminal, SchedulerCache, type CachedPod } from './cache';
import {
  BACKOFF_ORDERING_WINDOW,
  CREW_IDLE_CHECK,
  PLUGIN,
  REASON,
  UNSCHEDULABLE_FLUSH_PERIOD,
} from './constants';
import { DecisionLog, nodeRows } from './decisions';
import { Framework } from './framework';
import { Scorer } from './scoring';
import { assignedPodDeleteHint, isPodUpdated, NODE_ADD, nodeChanges, nodeEventHint } from './hints';
import { countReasons, failedSchedulingMessage, fitErrorMessage } from './messages';
import { Nominator } from './nominator';
import { podPlan, type PodPlan } from './podplan';
import { preempt } from './preemption';
import { SchedulingQueue, type QueuedPod } from './queue';
import { schedulerMachine, type CraneCrew } from './scheduler.machine';
import { DefaultSelectors } from './selector';
import { SpreadIndex, type SpreadGroup } from './spread';
import type { SchedulingDecision } from './types';
import {
  clearNomination,
  evictVictim,
  patchUnschedulable,
  truncateMessage,
  type Nominating,
} from './writes';

const SCHEDULER_NAME = 'default-scheduler';
const COMPONENT = 'scheduler';
const HOST = 'control-plane';
/** Spreading groups unused this long are dropped (a cost choice: they are rebuilt identically). */
const SPREAD_GROUP_TTL = 600_000;

/** Counters the benchmark prints. */
type Stats = { cycles: number; nodesEvaluated: number; nodesScored: number; bound: number };

/**
 * kube-scheduler — the cranes. Watches nodes and pods (and the ReplicaSets and Services that give
 * pods their default spreading), keeps a scheduling queue and a cache of what each node holds, and
 * places one pending pod per cycle: filter (NodeUnschedulable, NodeName, TaintToleration,
 * NodeAffinity, NodePorts, NodeResourcesFit), score (TaintToleration ×3, NodeAffinity ×2,
 * NodeResourcesFit ×1, PodTopologySpread ×2, BalancedAllocation ×1, ImageLocality ×1), preempt
 * lower-priority pods when nothing fits, then bind asynchronously. Every decision is explained.
 *
 * @example
 * const scheduler = new Scheduler(world);
 * scheduler.start();
 * world.agenda.advance(1_000);
 * scheduler.decisions().at(-1)?.message; // "Successfully assigned default/web-x to ship-2"
 */
export class Scheduler {
  private readonly world: World;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly cache = new SchedulerCache();
  private readonly spread: SpreadIndex;
  private readonly queueState: SchedulingQueue;
  private readonly nominator = new Nominator();
  private readonly framework: Framework;
  private readonly scorer: Scorer;
  private readonly nodeInformer: Informer<Node>;
  private readonly podInformer: Informer<Pod>;
  private readonly replicaSetInformer: Informer<ReplicaSet>;
  private readonly serviceInformer: Informer<Service>;
  private actor: Actor<typeof schedulerMachine> | undefined;
  private crewState: 'waitingForCache' | 'idle' | 'scheduling' | 'stopped' = 'stopped';
  private cycleTimer: number | undefined;
  private synced = false;
  private readonly log: DecisionLog;
  private readonly selectors: DefaultSelectors;
  private readonly counters: Stats = { cycles: 0, nodesEvaluated: 0, nodesScored: 0, bound: 0 };

  constructor(world: World) {
    this.world = world;
    this.client = world.client(COMPONENT, HOST);
    this.recorder = world.recorder(this.client, SCHEDULER_NAME);
    this.spread = new SpreadIndex(this.cache);
    this.cache.listener = this.spread;
    this.queueState = new SchedulingQueue({
      initialBackoff: world.timings.schedulerInitialBackoff,
      maxBackoff: world.timings.schedulerMaxBackoff,
      unschedulableTimeout: world.timings.schedulerUnschedulableTimeout,
      popFromBackoffQ: true,
      onBackoff: () => this.actor?.send({ type: 'BACKOFF_PENDING' }),
    });
    this.framework = new Framework(this.cache, this.nominator);
    this.scorer = new Scorer(this.cache, this.framework, world.rng);
    this.log = new DecisionLog(world.trace.detail);
    this.selectors = new DefaultSelectors((ns, name) =>
      this.replicaSetInformer.get(`${ns}/${name}`),
    );
    const synced = () => this.checkSynced();
    this.nodeInformer = new Informer<Node>(
      world,
      this.client,
      'nodes',
      {},
      {
        add: (node) => this.onNodeAdd(node),
        update: (old, node) => this.onNodeUpdate(old, node),
        delete: (node) => this.cache.removeNode(node.metadata.name),
        synced,
      },
    );
    this.podInformer = new Informer<Pod>(
      world,
      this.client,
      'pods',
      {},
      {
        add: (pod) => this.onPodAdd(pod),
        update: (old, pod) => this.onPodUpdate(old, pod),
        delete: (pod) => this.onPodDelete(pod),
        synced,
      },
    );
    this.replicaSetInformer = new Informer<ReplicaSet>(
      world,
      this.client,
      'replicasets',
      {},
      {
        add: (rs) => this.selectors.replicaSetChanged(undefined, rs),
        update: (old, rs) => this.selectors.replicaSetChanged(old, rs),
        delete: (rs) => this.selectors.replicaSetChanged(rs, undefined),
        synced,
      },
    );
    this.serviceInformer = new Informer<Service>(
      world,
      this.client,
      'services',
      {},
      {
        add: (svc) => this.selectors.serviceChanged(undefined, svc),
        update: (old, svc) => this.selectors.serviceChanged(old, svc),
        delete: (svc) => this.selectors.serviceChanged(svc, undefined),
        synced,
      },
    );
  }

  /** Starts the informers and the crane crew's machine. */
  start(): void {
    if (this.actor) return;
    const crew: CraneCrew = {
      runCycles: () => this.runCycles(),
      queueDrained: () => !this.queueState.hasWork() && this.cycleTimer === undefined,
      flushBackoffQ: () => {
        if (this.queueState.flushBackoffCompleted(this.world.now()) > 0) this.notifyWork();
      },
      backoffEmpty: () => this.queueState.backoffEmpty(),
      flushUnschedulablePods: () => {
        const now = this.world.now();
        if (this.queueState.flushUnschedulableLeftover(now) > 0) this.notifyWork();
        this.spread.prune(now - SPREAD_GROUP_TTL);
        this.selectors.clear();
      },
      untilNextBackoffWindow: () =>
        BACKOFF_ORDERING_WINDOW - (this.world.now() % BACKOFF_ORDERING_WINDOW),
      unschedulableFlushPeriod: UNSCHEDULABLE_FLUSH_PERIOD,
      idleCheck: CREW_IDLE_CHECK,
      crewChanged: (state) => this.crewChanged(state),
    };
    this.actor = createActor(schedulerMachine, { clock: this.world.clock, input: { crew } });
    this.actor.start();
    this.nodeInformer.start();
    this.podInformer.start();
    this.replicaSetInformer.start();
    this.serviceInformer.start();
  }

  /** Stops the informers, the machine and any pending cycle. */
  stop(): void {
    this.nodeInformer.stop();
    this.podInformer.stop();
    this.replicaSetInformer.stop();
    this.serviceInformer.stop();
    this.actor?.stop();
    this.actor = undefined;
    this.crewState = 'stopped';
    this.synced = false;
    if (this.cycleTimer !== undefined) this.world.agenda.cancel(this.cycleTimer);
    this.cycleTimer = undefined;
  }

  /** The last 200 decisions, oldest first. */
  decisions(): readonly SchedulingDecision[] {
    return this.log.list();
  }

  /** Decisions made since the start. */
  decisionCount(): number {
    return this.log.count();
  }

  /** The latest decision about a pod (kept while the pod exists; without detail, while in the ring). */
  decisionFor(podUid: string): SchedulingDecision | undefined {
    return this.log.latestFor(podUid);
  }

  /** Pods in activeQ, in the back-off queues, and in the unschedulable pool. */
  queue(): { active: number; backoff: number; unschedulable: number } {
    return this.queueState.counts();
  }

  stats(): { cycles: number; nodesEvaluated: number; nodesScored: number; bound: number } {
    return { ...this.counters };
  }

  /** The crew's state (for the canvas): waiting for its caches, idle, or scheduling. */
  crew(): 'waitingForCache' | 'idle' | 'scheduling' | 'stopped' {
    return this.crewState;
  }

  // ——— the crew ———

  private checkSynced(): void {
    if (this.synced) return;
    if (
      this.nodeInformer.synced() &&
      this.podInformer.synced() &&
      this.replicaSetInformer.synced() &&
      this.serviceInformer.synced()
    ) {
      this.synced = true;
      this.actor?.send({ type: 'CACHE_SYNCED' });
    }
  }

  private crewChanged(state: 'waitingForCache' | 'idle' | 'scheduling'): void {
    this.crewState = state;
    // Pods may have queued while the caches synced or during the last idle check.
    if (state === 'idle' && this.queueState.hasWork()) this.actor?.send({ type: 'WORK_ARRIVED' });
  }

  /** Something may have entered activeQ: wake the crew, or keep its cycles going. */
  private notifyWork(): void {
    if (!this.queueState.hasWork()) return;
    if (this.crewState === 'idle') this.actor?.send({ type: 'WORK_ARRIVED' });
    else if (this.crewState === 'scheduling') this.runCycles();
  }

  /** One cycle per agenda task, so other work at the same instant is not starved. */
  private runCycles(): void {
    if (this.cycleTimer !== undefined || !this.queueState.hasWork()) return;
    this.cycleTimer = this.world.agenda.after(0, () => {
      this.cycleTimer = undefined;
      if (this.crewState !== 'scheduling') return;
      this.scheduleOne();
      this.runCycles();
    });
  }

  // ——— informer handlers ———

  private onNodeAdd(node: Node): void {
    const slot = this.cache.addNode(node);
    this.moveIf(nodeEventHint(this.cache, slot, undefined, node, NODE_ADD));
  }

  private onNodeUpdate(old: Node, node: Node): void {
    const slot = this.cache.updateNode(node);
    // NodeSchedulingPropertiesChange: only a change some plugin registered for can move pods.
    const actions = nodeChanges(old, node);
    if (actions !== 0) this.moveIf(nodeEventHint(this.cache, slot, old, node, actions));
  }

  /** MoveAllToActiveOrBackoffQueue with a queueing hint. */
  private moveIf(hint: (queued: QueuedPod) => boolean): void {
    if (this.queueState.moveOnEvent(hint, this.world.now()) > 0) this.notifyWork();
  }

  private onPodAdd(pod: Pod): void {
    if (pod.spec.nodeName) {
      if (isTerminal(pod)) return;
      this.forgetQueued(pod.metadata.uid);
      this.cache.addPod(pod);
      return;
    }
    if (!this.responsibleFor(pod)) return;
    const queued = this.queueState.add(pod, podPlan(pod), this.world.now());
    if (queued.nominatedNode) this.nominator.add(queued, queued.nominatedNode);
    this.notifyWork();
  }

  private onPodUpdate(old: Pod, pod: Pod): void {
    const uid = pod.metadata.uid;
    if (pod.spec.nodeName) {
      if (!old.spec.nodeName) {
        // Bound (by us or another scheduler): out of the queue; confirms an assumed pod.
        this.forgetQueued(uid);
        if (!isTerminal(pod)) this.cache.addPod(pod);
        return;
      }
      const wasCounted = this.cache.cachedPod(uid) !== undefined;
      this.cache.updatePod(pod);
      // A pod reaching Succeeded/Failed leaves the scheduler's informer: an assigned-pod delete.
      if (wasCounted && isTerminal(pod)) this.moveOnAssignedPodDelete(pod);
      return;
    }
    const queued = this.queueState.get(uid);
    if (!this.responsibleFor(pod)) {
      if (queued) this.forgetQueued(uid);
      return;
    }
    if (!queued) {
      this.onPodAdd(pod);
      return;
    }
    const specChanged = isPodUpdated(old, pod);
    this.queueState.update(queued, pod, specChanged ? podPlan(pod) : queued.plan);
    // UpdateNominatedPod: follow status.nominatedNodeName only when this update changed it; an
    // update without one may be older than the nomination this scheduler just made.
    const before = old.status?.nominatedNodeName || undefined;
    const after = pod.status?.nominatedNodeName || undefined;
    if (before !== after) {
      queued.nominatedNode = after;
      if (after) this.nominator.add(queued, after);
      else this.nominator.remove(uid);
    }
    // An unschedulable pod whose spec changed may fit now (Update → UpdatePod* events).
    if (specChanged && queued.location === 'unschedulable') {
      this.queueState.moveToActiveOrBackoff(queued, this.world.now());
      this.notifyWork();
    }
  }

  private onPodDelete(pod: Pod): void {
    const uid = pod.metadata.uid;
    this.log.forget(uid);
    if (pod.spec.nodeName) {
      const removed = this.cache.removePod(uid);
      if (removed) this.moveOnAssignedPodDelete(pod);
      return;
    }
    this.forgetQueued(uid);
  }

  /** AssignedPodDelete (also when an assumed pod's binding fails, except for that pod). */
  private moveOnAssignedPodDelete(pod: Pod, except?: string): void {
    this.moveIf(assignedPodDeleteHint(pod, except));
  }

  private forgetQueued(uid: string): void {
    this.queueState.delete(uid);
    this.nominator.remove(uid);
  }

  /** Pods this scheduler places: schedulerName default-scheduler, not being deleted, not finished. */
  private responsibleFor(pod: Pod): boolean {
    return (
      (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
      pod.metadata.deletionTimestamp === undefined &&
      !isTerminal(pod)
    );
  }

  // ——— the scheduling cycle ———

  /** scheduleOne: pop one pod, find it a node (or preempt), assume it there, bind asynchronously. */
  private scheduleOne(): void {
    const queued = this.queueState.pop();
    if (!queued) return;
    const pod = queued.pod;
    // skipPodSchedule: a pod being deleted, or one already assumed, is not scheduled again.
    if (pod.metadata.deletionTimestamp !== undefined || this.cache.cachedPod(queued.uid)) {
      this.queueState.done(queued.uid);
      return;
    }
    const now = this.world.now();
    const plan = queued.plan;
    this.counters.cycles += 1;
    if (this.cache.numNodes() === 0) {
      // ErrNoNodesAvailable: an error, not a fit failure, so the pod backs off and retries.
      this.record(queued, now, 'unschedulable', undefined, REASON.noNodes, 0, 0, 0, 0, false, []);
      this.handleFailure(queued, 0, REASON.noNodes, 'SchedulerError', { mode: 'noop' });
      this.traceUnschedulable(queued, REASON.noNodes);
      return;
    }
    const fw = this.framework;
    const outcome = fw.findNodesThatFit(plan, queued.nominatedNode);
    this.counters.nodesEvaluated += outcome.evaluated;
    if (outcome.feasible === 0) {
      this.fitError(queued, now, outcome.total, outcome.evaluated, outcome.toFind);
      return;
    }
    let chosen = 0;
    let scored = false;
    if (outcome.feasible > 1) {
      // "When only one node after predicate, just use it" — scoring only ranks several.
      chosen = this.scorer.prioritize(plan, this.spreadGroupFor(plan, now));
      this.counters.nodesScored += outcome.feasible;
      scored = true;
    }
    const slot = fw.feasible[chosen]!;
    const node = this.cache.names[slot]!;
    // Reserve (assume): the next cycle sees this pod's requests on the node.
    this.cache.assume(plan, pod, node);
    this.nominator.remove(queued.uid);
    queued.nominatedNode = undefined;
    const message = `Successfully assigned ${plan.namespace}/${plan.name} to ${node}`;
    const decision = this.record(
      queued,
      now,
      'bound',
      node,
      message,
      outcome.total,
      outcome.evaluated,
      outcome.feasible,
      outcome.toFind,
      scored,
    );
    this.bind(queued, node, now, decision);
  }

  /** The binding cycle (DefaultBinder): POST pods/binding; on failure forget the assumption. */
  private bind(queued: QueuedPod, node: string, start: number, decision: SchedulingDecision): void {
    const { namespace, name, uid } = queued.plan;
    this.client.bind(namespace, name, node, (result) => {
      const now = this.world.now();
      if (result.ok) {
        this.counters.bound += 1;
        this.queueState.done(uid);
        this.recorder.record(queued.pod, 'Normal', 'Scheduled', decision.message);
        this.world.trace.move({ pod: name, uid, from: 'dock', to: node, start, end: now });
        this.world.trace.event(
          now,
          COMPONENT,
          'scheduler.bound',
          this.world.trace.detail ? `The cranes placed ${namespace}/${name} on ${node}.` : '',
          this.world.trace.detail ? `pod/${namespace}/${name}` : undefined,
        );
        return;
      }
      this.cache.forget(uid);
      const message = `running Bind plugin "${PLUGIN.DefaultBinder}": ${result.error.message}`;
      decision.outcome = 'bind-failed';
      decision.message = message;
      // The room the assumed pod held is free again (handleBindingCycleError).
      this.moveOnAssignedPodDelete(queued.pod, uid);
      this.handleFailure(queued, 0, message, 'SchedulerError', { mode: 'override', node: '' });
      this.world.trace.event(
        now,
        COMPONENT,
        'scheduler.bind-failed',
        this.world.trace.detail ? `Binding ${namespace}/${name} to ${node} failed: ${message}` : '',
        this.world.trace.detail ? `pod/${namespace}/${name}` : undefined,
      );
    });
  }

  /** No node fits: FitError, then DefaultPreemption's PostFilter, then handleSchedulingFailure. */
  private fitError(
    queued: QueuedPod,
    now: number,
    total: number,
    evaluated: number,
    toFind: number,
  ): void {
    const fw = this.framework;
    const plan = queued.plan;
    const histogram = new Map<string, number>();
    for (let i = 0; i < fw.evaluatedCount; i += 1)
      countReasons(histogram, fw.reasons(fw.evaluated[i]!));
    const filterMessage = fitErrorMessage(total, histogram);
    const rejecting = fw.rejectingPlugins();
    const rows = this.world.trace.detail ? nodeRows(fw, this.scorer, this.cache, false) : [];
    const result = preempt(fw, this.cache, this.world.rng, plan, queued.nominatedNode);
    let postFilter = '';
    let nominating: Nominating = { mode: 'noop' };
    if (result.kind === 'ineligible') postFilter = `preemption: ${result.message}`;
    else if (result.kind === 'none') {
      postFilter = `preemption: ${result.message}`;
      nominating = { mode: 'override', node: '' };
    } else nominating = { mode: 'override', node: result.node };
    const message = failedSchedulingMessage(filterMessage, postFilter);
    this.record(
      queued,
      now,
      result.kind === 'nominated' ? 'preempting' : 'unschedulable',
      result.kind === 'nominated' ? result.node : undefined,
      message,
      total,
      evaluated,
      0,
      toFind,
      false,
      rows,
    );
    if (result.kind === 'nominated') this.preemptVictims(queued, result.node, result.victims);
    this.handleFailure(queued, rejecting, message, 'Unschedulable', nominating);
    this.traceUnschedulable(queued, message);
  }

  /** prepareCandidate: DisruptionTarget on each victim, graceful delete, event "Preempted". */
  private preemptVictims(queued: QueuedPod, node: string, victims: readonly CachedPod[]): void {
    const { namespace, name, uid } = queued.plan;
    const now = this.world.now();
    this.world.trace.event(
      now,
      COMPONENT,
      'scheduler.preempt',
      this.world.trace.detail
        ? `${namespace}/${name} (priority ${queued.plan.priority}) preempts ${victims
            .map((v) => `${v.namespace}/${v.name}`)
            .join(', ')} on ${node}.`
        : '',
      this.world.trace.detail ? `pod/${namespace}/${name}` : undefined,
    );
    for (const victim of victims) {
      // Graceful deletion already started: no second API call.
      if (!victim.terminating)
        evictVictim(this.client, this.recorder, SCHEDULER_NAME, victim, uid, node, now);
    }
    // Lower-priority pods nominated to that node may no longer fit there: clear their nomination.
    for (const other of [...(this.nominator.podsOn(node) ?? [])]) {
      if (other.plan.priority >= queued.plan.priority || other.uid === uid) continue;
      this.nominator.remove(other.uid);
      other.nominatedNode = undefined;
      clearNomination(this.client, other.plan.namespace, other.plan.name);
    }
  }

  /**
   * handleSchedulingFailure: back to the queue (unschedulable pool, or error back-off), record the
   * nomination, Event FailedScheduling, and PodScheduled=False on the pod when it changed.
   */
  private handleFailure(
    queued: QueuedPod,
    rejecting: number,
    message: string,
    reason: 'Unschedulable' | 'SchedulerError',
    nominating: Nominating,
  ): void {
    const now = this.world.now();
    const plan = queued.plan;
    const current = this.podInformer.get(`${plan.namespace}/${plan.name}`);
    if (!current || current.metadata.uid !== queued.uid || current.spec.nodeName) {
      this.forgetQueued(queued.uid);
    } else {
      queued.pod = current;
      this.queueState.requeueAfterFailure(queued, rejecting, now);
    }
    if (nominating.mode === 'override') {
      if (nominating.node && this.queueState.get(queued.uid)) {
        this.nominator.add(queued, nominating.node);
        queued.nominatedNode = nominating.node;
      } else {
        this.nominator.remove(queued.uid);
        queued.nominatedNode = undefined;
      }
    }
    this.recorder.record(queued.pod, 'Warning', 'FailedScheduling', truncateMessage(message));
    if (current) patchUnschedulable(this.client, current, reason, message, nominating, now);
  }

  private traceUnschedulable(queued: QueuedPod, message: string): void {
    const { namespace, name } = queued.plan;
    this.world.trace.event(
      this.world.now(),
      COMPONENT,
      'scheduler.unschedulable',
      this.world.trace.detail ? `No ship can take ${namespace}/${name}: ${message}` : '',
      this.world.trace.detail ? `pod/${namespace}/${name}` : undefined,
    );
  }

  /** The spreading group of the pod's default selector, or null (PodTopologySpread skips). */
  private spreadGroupFor(plan: PodPlan, now: number): SpreadGroup | null {
    const target = this.selectors.forPod(plan);
    return target && this.spread.group(target.namespace, target.requirements, target.key, now);
  }

  // ——— explanations ———

  private record(
    queued: QueuedPod,
    now: number,
    outcome: SchedulingDecision['outcome'],
    node: string | undefined,
    message: string,
    nodesTotal: number,
    nodesEvaluated: number,
    feasibleFound: number,
    numFeasibleNodesToFind: number,
    scored: boolean,
    rows?: SchedulingDecision['nodes'],
  ): SchedulingDecision {
    const plan = queued.plan;
    const decision: SchedulingDecision = {
      seq: this.log.nextSeq(),
      at: now,
      pod: plan.name,
      namespace: plan.namespace,
      uid: plan.uid,
      outcome,
      message,
      nodesTotal,
      nodesEvaluated,
      feasibleFound,
      numFeasibleNodesToFind,
      nodes:
        rows ??
        (this.world.trace.detail ? nodeRows(this.framework, this.scorer, this.cache, scored) : []),
    };
    if (node !== undefined) decision.node = node;
    return this.log.add(decision);
  }
}
