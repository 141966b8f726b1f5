import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../../api/client';
import type { ApiResult } from '../../api/errors';
import type { Condition, KObject } from '../../objects/meta';
import type { Node } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';
import { ApiFailure, api, parallel, request, runFlow, type Flow } from './flow';
import { podGCMachine } from './podGC.machine';
import { isPodTerminated, timeOf } from './podUtil';
import { kcmInformers, type KcmInformers } from './sharedInformers';
import { workloadSettings, type WorkloadSettings } from './settings';

const ID = 'kcm/pod-gc';
const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

const isNodeReady = (node: Node): boolean =>
  node.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** What one listing of the pod cache found for the pass. */
type Scan = {
  terminated: Pod[];
  terminating: Pod[];
  unscheduledTerminating: Pod[];
  /** Pods bound to nodes missing from the node cache. */
  byNode: Map<string, Pod[]>;
};

/** PodIsEvicted: Failed with reason Evicted (kubelet eviction). */
const isEvicted = (pod: Pod): boolean =>
  pod.status.phase === 'Failed' && pod.status.reason === 'Evicted';

/** byEvictionAndCreationTimestamp: evicted first, then oldest, then by name. */
function byEvictionAndCreation(a: Pod, b: Pod): number {
  const ea = isEvicted(a);
  if (ea !== isEvicted(b)) return ea ? -1 : 1;
  const ta = timeOf(a.metadata.creationTimestamp) ?? 0;
  const tb = timeOf(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * The Operations office's pod garbage collector (kube-controller-manager,
 * pkg/controller/podgc). Every 20 s it force-deletes (grace 0, after marking them Failed):
 * terminated pods beyond --terminated-pod-gc-threshold (12,500), oldest first; terminating pods on
 * a not-ready node tainted `node.kubernetes.io/out-of-service`; pods bound to a node that no longer
 * exists, once the node has been missing for the 40 s quarantine and a live read confirms it; and
 * terminating pods that were never scheduled. This is how the Terminating pods of a sunk ship
 * disappear after `kubectl delete node`.
 */
export class PodGCController {
  private readonly client: ApiClient;
  private readonly informers: KcmInformers;
  private readonly settings: WorkloadSettings;
  private readonly actor: Actor<typeof podGCMachine>;
  /** The delaying queue of node names (orphaned_pods_nodes): when each may be checked. */
  private readonly quarantine = new Map<string, number>();
  private acquired = false;
  /** Bumped on each start, so a late "synced" from an earlier start is ignored. */
  private generation = 0;
  private epoch = 0;

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.informers = kcmInformers(world);
    this.settings = workloadSettings(world);
    this.actor = createActor(podGCMachine, {
      clock: world.clock,
      input: {
        period: this.settings.podGCPeriod,
        hooks: {
          startInformers: () => this.startInformers(),
          collectGarbage: () => this.collectGarbage(),
          stopEverything: () => this.stopEverything(),
        },
      },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  /** The lifecycle state (`stopped`, `waitingForCaches`, `running.collecting`, `running.sleeping`). */
  state(): string {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'string'
      ? value
      : Object.entries(value)
          .map(([k, v]) => `${k}.${String(v)}`)
          .join();
  }

  private startInformers(): void {
    const generation = ++this.generation;
    const { pods, nodes } = this.informers;
    pods.acquire();
    nodes.acquire();
    this.acquired = true;
    let waiting = 2;
    const synced = () => {
      waiting -= 1;
      if (waiting === 0 && this.acquired && generation === this.generation)
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    pods.whenSynced(synced);
    nodes.whenSynced(synced);
  }

  private stopEverything(): void {
    this.epoch += 1;
    if (this.acquired) {
      this.informers.pods.release();
      this.informers.nodes.release();
      this.acquired = false;
    }
    this.quarantine.clear();
  }

  private collectGarbage(): void {
    const epoch = this.epoch;
    runFlow(this.gc(), (_result, error) => {
      if (error) this.world.trace.event(this.world.now(), ID, 'podgc.error', error.message);
      if (epoch === this.epoch) this.actor.send({ type: 'COLLECTED' });
    });
  }

  /**
   * gc: one pass, in upstream's order, over one listing of the pod cache (upstream lists every
   * pod each pass too: at 150,000 pods a pass every 20 s is far cheaper than indexing each change).
   */
  private *gc(): Flow<void> {
    const scan: Scan = {
      terminated: [],
      terminating: [],
      unscheduledTerminating: [],
      byNode: new Map(),
    };
    const known = new Map<string, boolean>();
    for (const pod of this.informers.pods.list()) {
      if (isPodTerminated(pod)) scan.terminated.push(pod);
      const node = pod.spec.nodeName;
      if (pod.metadata.deletionTimestamp)
        (node ? scan.terminating : scan.unscheduledTerminating).push(pod);
      if (!node) continue;
      let exists = known.get(node);
      if (exists === undefined)
        known.set(node, (exists = !!this.informers.nodes.get(undefined, node)));
      if (exists) continue;
      let onNode = scan.byNode.get(node);
      if (!onNode) scan.byNode.set(node, (onNode = []));
      onNode.push(pod);
    }
    if (this.settings.terminatedPodGCThreshold > 0) yield* this.gcTerminated(scan.terminated);
    yield* this.gcTerminating(scan.terminating);
    yield* this.gcOrphaned(scan.byNode);
    yield* this.gcUnscheduledTerminating(scan.unscheduledTerminating);
  }

  /** gcTerminated: beyond the threshold, delete the oldest terminated pods (evicted first), in parallel. */
  private *gcTerminated(terminated: Pod[]): Flow<void> {
    const deleteCount = terminated.length - this.settings.terminatedPodGCThreshold;
    if (deleteCount <= 0) return;
    const victims = terminated.sort(byEvictionAndCreation).slice(0, deleteCount);
    this.busy(
      `deleting ${victims.length} terminated pods over the ${this.settings.terminatedPodGCThreshold} threshold`,
    );
    yield* parallel(
      victims.map(
        (pod) => (done: (v: unknown) => void) =>
          runFlow(this.markFailedAndDelete(pod, undefined, 'terminated'), done),
      ),
    );
  }

  /** gcTerminating: terminating pods on a not-ready node with the out-of-service taint, in parallel. */
  private *gcTerminating(terminating: readonly Pod[]): Flow<void> {
    const victims: Pod[] = [];
    for (const pod of terminating) {
      const node = this.informers.nodes.get(undefined, pod.spec.nodeName!);
      if (!node) continue;
      if (!isNodeReady(node) && (node.spec.taints ?? []).some((t) => t.key === OUT_OF_SERVICE))
        victims.push(pod);
    }
    if (victims.length === 0) return;
    victims.sort(byEvictionAndCreation);
    this.busy(`deleting ${victims.length} terminating pods on out-of-service nodes`);
    yield* parallel(
      victims.map(
        (pod) => (done: (v: unknown) => void) =>
          runFlow(this.markFailedAndDelete(pod, undefined, 'out-of-service'), done),
      ),
    );
  }

  /**
   * gcOrphaned: a node a pod is bound to is missing from the informer → quarantine it for 40 s;
   * once out of quarantine and still missing, a live GET must say NotFound; then its pods go,
   * one after the other, marked DisruptionTarget (DeletionByPodGC).
   */
  private *gcOrphaned(byNode: ReadonlyMap<string, Pod[]>): Flow<void> {
    const now = this.world.now();
    const nodes = this.informers.nodes;
    for (const name of byNode.keys()) {
      const at = now + this.settings.podGCQuarantine;
      const waiting = this.quarantine.get(name);
      if (waiting === undefined || waiting > at) this.quarantine.set(name, at);
    }
    const deleted: string[] = [];
    for (const [name, at] of [...this.quarantine]) {
      if (at > now) continue;
      this.quarantine.delete(name);
      if (nodes.get(undefined, name)) continue;
      const result = yield* request<ApiResult<KObject>>((done) =>
        this.client.get('nodes', undefined, name, done),
      );
      if (!result.ok && result.error.code === 404) deleted.push(name);
    }
    for (const name of deleted) {
      const pods = byNode.get(name) ?? [];
      if (pods.length === 0) continue;
      this.busy(`deleting ${pods.length} pods of vanished node ${name}`);
      this.world.trace.event(
        this.world.now(),
        ID,
        'podgc.orphaned',
        this.world.trace.detail
          ? `node ${name} no longer exists: force-deleting its ${pods.length} pods`
          : '',
        `node/${name}`,
      );
      for (const pod of pods) {
        const condition: Condition = {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByPodGC',
          message: 'PodGC: node no longer exists',
          lastTransitionTime: rfc3339(this.world.now()),
        };
        yield* this.markFailedAndDelete(pod, condition, 'orphaned');
      }
    }
  }

  /** gcUnscheduledTerminating: terminating pods that never got a node, one after the other. */
  private *gcUnscheduledTerminating(pods: readonly Pod[]): Flow<void> {
    if (pods.length > 0) this.busy(`deleting ${pods.length} unscheduled terminating pods`);
    for (const pod of pods) yield* this.markFailedAndDelete(pod, undefined, 'unscheduled');
  }

  /**
   * markFailedAndDeletePodWithCondition: a pod not yet terminal is patched to Failed first (no
   * kubelet will ever do it on a lost node), then deleted with grace period 0.
   */
  private *markFailedAndDelete(
    pod: Pod,
    condition: Condition | undefined,
    why: string,
  ): Flow<void> {
    const { namespace, name, uid } = pod.metadata;
    try {
      if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
        yield* api<Pod>((done) =>
          this.client.patch<Pod>(
            'pods',
            namespace,
            name,
            (current) => {
              if (current.metadata.uid !== uid) return current;
              const conditions = condition
                ? [
                    ...(current.status.conditions ?? []).filter((c) => c.type !== condition.type),
                    condition,
                  ]
                : current.status.conditions;
              return {
                ...current,
                status: {
                  ...current.status,
                  phase: 'Failed',
                  ...(conditions ? { conditions } : {}),
                },
              };
            },
            done,
            'status',
          ),
        );
      }
      yield* api<KObject>((done) =>
        this.client.delete('pods', namespace, name, { gracePeriodSeconds: 0 }, done),
      );
      this.world.trace.event(
        this.world.now(),
        ID,
        'podgc.delete',
        this.world.trace.detail ? `force-deleted pod ${name} (${why})` : '',
        `pod/${namespace}/${name}`,
      );
    } catch (error) {
      // Ignore not-founds; report the rest and go on with the other pods, as upstream does.
      if (!(error instanceof ApiFailure)) throw error;
      if (error.status.code !== 404)
        this.world.trace.event(
          this.world.now(),
          ID,
          'podgc.error',
          `failed to delete pod ${name}: ${error.message}`,
          `pod/${namespace}/${name}`,
        );
    }
  }

  private busy(action: string): void {
    const now = this.world.now();
    this.world.trace.office('operations', now, now + this.settings.officeBusy, action);
  }
}
