import { createActor, type Actor } from 'xstate';
import type { Node } from '../../objects/cluster';
import type { KObject, Taint, Toleration } from '../../objects/meta';
import type { Pod } from '../../objects/workloads';
import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import { rfc3339 } from '../../time/format';
import type { World } from '../../sim/world';
import { podKey, withPodCondition } from './podConditions';
import { taintEvictionMachine } from './taintEviction.machine';
import { matchingTolerations, minTolerationTime, taintText } from './taints';

const ID = 'kcm/taint-eviction';
/** `retries` in taint_eviction.go: a failed deletion is tried this many times, 10 ms apart. */
const DELETE_RETRIES = 5;
const RETRY_SLEEP = 10;

/** A scheduled eviction (TimedWorker); `fired` ones stay so the same pod is not queued twice. */
type Work = { createdAt: number; fireAt: number; timer?: number; fired: boolean };

const noExecute = (taints: readonly Taint[] | undefined) =>
  (taints ?? []).filter((t) => t.effect === 'NoExecute');
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The taint eviction controller (the taint manager): a pod on a ship flagged NoExecute is
 * deleted at once if it does not tolerate the flag, or when its tolerationSeconds run out
 * (300 s from DefaultTolerationSeconds for not-ready and unreachable); the countdown is
 * cancelled if the flag comes down first. Before deleting it marks the pod DisruptionTarget.
 *
 * @example
 * new TaintEvictionController(world).start();
 */
export class TaintEvictionController {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly actor: Actor<typeof taintEvictionMachine>;
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly work = new Map<string, Work>();

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.recorder = world.recorder(this.client, 'taint-eviction-controller');
    const synced = () => {
      if (this.nodes.synced() && this.pods.synced()) this.actor.send({ type: 'CACHES_SYNCED' });
    };
    this.nodes = new Informer<Node>(
      world,
      this.client,
      'nodes',
      {},
      {
        add: (node) => this.nodeUpdated(undefined, node),
        update: (old, node) => this.nodeUpdated(old, node),
        delete: (node) => this.nodeUpdated(node, undefined),
        synced,
      },
    );
    this.pods = new Informer<Pod>(
      world,
      this.client,
      'pods',
      {},
      {
        add: (pod) => this.podUpdated(undefined, pod),
        update: (old, pod) => this.podUpdated(old, pod),
        delete: (pod) => this.podUpdated(pod, undefined),
        synced,
      },
    );
    this.actor = createActor(taintEvictionMachine, {
      clock: world.clock,
      input: { ops: { processAllNodes: () => this.processAllNodes() } },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
    this.nodes.start();
    this.pods.start();
  }

  stop(): void {
    this.nodes.stop();
    this.pods.stop();
    for (const work of this.work.values())
      if (work.timer !== undefined) this.world.agenda.cancel(work.timer);
    this.work.clear();
    this.actor.send({ type: 'STOP' });
  }

  /** When each pending eviction fires (simulated ms), by `namespace/name`: for the canvas. */
  scheduled(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    for (const [key, work] of this.work) if (!work.fired) out.set(key, work.fireAt);
    return out;
  }

  private watching(): boolean {
    return this.actor.getSnapshot().matches('watching');
  }

  // ——— informer handlers (NodeUpdated, PodUpdated) ———

  private nodeUpdated(old: Node | undefined, node: Node | undefined): void {
    if (old && node && sameJson(noExecute(old.spec.taints), noExecute(node.spec.taints))) return;
    if (this.watching()) this.handleNodeUpdate((node ?? old)!.metadata.name);
  }

  private podUpdated(old: Pod | undefined, pod: Pod | undefined): void {
    this.indexPod(old, pod);
    if (
      old &&
      pod &&
      sameJson(old.spec.tolerations, pod.spec.tolerations) &&
      old.spec.nodeName === pod.spec.nodeName
    )
      return;
    if (this.watching()) this.handlePodUpdate(podKey((pod ?? old)!));
  }

  private indexPod(old: Pod | undefined, pod: Pod | undefined): void {
    const key = podKey((pod ?? old)!);
    const before = old?.spec.nodeName;
    const after = pod?.spec.nodeName;
    if (before === after) return;
    if (before) this.podsByNode.get(before)?.delete(key);
    if (after) {
      let set = this.podsByNode.get(after);
      if (!set) this.podsByNode.set(after, (set = new Set()));
      set.add(key);
    }
  }

  /** After the caches sync: every node once, as the queued node updates would be. */
  private processAllNodes(): void {
    const names = [...this.nodes.list()].map((n) => n.metadata.name).sort();
    for (const name of names) this.handleNodeUpdate(name);
  }

  private handleNodeUpdate(name: string): void {
    const node = this.nodes.get(name);
    if (!node) {
      this.taintedNodes.delete(name);
      return;
    }
    const taints = noExecute(node.spec.taints);
    if (taints.length === 0) this.taintedNodes.delete(name);
    else this.taintedNodes.set(name, taints);
    const pods = [...(this.podsByNode.get(name) ?? [])].sort();
    if (pods.length === 0) return;
    if (taints.length === 0) {
      for (const key of pods) this.cancelWorkWithEvent(key);
      return;
    }
    const now = this.world.now();
    for (const key of pods) {
      const pod = this.pods.get(key);
      if (pod) this.processPodOnNode(key, name, pod.spec.tolerations, taints, now);
    }
  }

  private handlePodUpdate(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) {
      this.cancelWorkWithEvent(key);
      return;
    }
    const node = pod.spec.nodeName;
    if (!node) return;
    const taints = this.taintedNodes.get(node);
    if (!taints) return;
    this.processPodOnNode(key, node, pod.spec.tolerations, taints, this.world.now());
  }

  /** processPodOnNode: delete now, count down the shortest tolerationSeconds, or leave be. */
  private processPodOnNode(
    key: string,
    node: string,
    tolerations: readonly Toleration[] | undefined,
    taints: readonly Taint[],
    now: number,
  ): void {
    if (taints.length === 0) {
      this.cancelWorkWithEvent(key);
      return;
    }
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancelWorkWithEvent(key);
      this.addWork(
        key,
        now,
        now,
        `does not tolerate ${taints.map(taintText).join(', ')} on ${node}`,
      );
      return;
    }
    const min = minTolerationTime(used);
    if (min < 0) {
      this.cancelWorkWithEvent(key);
      return;
    }
    let start = now;
    const trigger = now + min;
    const scheduled = this.work.get(key);
    if (scheduled && !scheduled.fired) {
      start = scheduled.createdAt;
      if (start + min < trigger) return;
      this.cancelWorkWithEvent(key);
    }
    this.addWork(
      key,
      start,
      start + min,
      `tolerates ${taints.map(taintText).join(', ')} on ${node} for ${min / 1000} s`,
    );
  }

  // ——— the timed work queue ———

  private addWork(key: string, createdAt: number, fireAt: number, why: string): void {
    if (this.work.has(key)) return;
    const work: Work = { createdAt, fireAt, fired: false };
    this.work.set(key, work);
    if (fireAt > this.world.now()) {
      this.world.trace.event(
        this.world.now(),
        ID,
        'taint-eviction.scheduled',
        `${key} ${why}: eviction at ${rfc3339(fireAt)} unless the flag comes down`,
        `pod/${key}`,
      );
    }
    work.timer = this.world.agenda.at(fireAt, () => {
      work.timer = undefined;
      this.evict(key, work);
    });
  }

  private cancelWorkWithEvent(key: string): void {
    const work = this.work.get(key);
    if (!work) return;
    this.work.delete(key);
    if (work.fired) return;
    if (work.timer !== undefined) this.world.agenda.cancel(work.timer);
    this.recorder.record(
      podRef(key),
      'Normal',
      'TaintManagerEviction',
      `Cancelling deletion of Pod ${key}`,
    );
  }

  /** deletePodHandler: the event, then DisruptionTarget, then a graceful delete; retried on error. */
  private evict(key: string, work: Work): void {
    this.recorder.record(
      podRef(key),
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${key}`,
    );
    const now = this.world.now();
    const t = this.world.timings;
    this.world.trace.office(
      'operations',
      now,
      now + 4 * t.networkHop + 2 * (t.apiProcessing + t.etcdCommit),
      `evicting ${key}`,
    );
    const [namespace, name] = key.split('/') as [string, string];
    const attempt = (left: number) => {
      this.addConditionAndDeletePod(namespace, name, (ok) => {
        if (ok) {
          work.fired = true;
          return;
        }
        if (left > 1) this.world.agenda.after(RETRY_SLEEP, () => attempt(left - 1));
        else if (this.work.get(key) === work) this.work.delete(key);
      });
    };
    attempt(DELETE_RETRIES);
  }

  private addConditionAndDeletePod(
    namespace: string,
    name: string,
    done: (ok: boolean) => void,
  ): void {
    this.client.get<Pod>('pods', namespace, name, (got) => {
      if (!got.ok) return done(false);
      const pod = got.object;
      const status = withPodCondition(
        pod.status,
        {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
        },
        rfc3339(this.world.now()),
      );
      const remove = () =>
        this.client.delete('pods', namespace, name, {}, (deleted) => {
          if (deleted.ok)
            this.world.trace.event(
              this.world.now(),
              ID,
              'taint-eviction.deleted',
              `${namespace}/${name} deleted from ${pod.spec.nodeName ?? 'its ship'}: it shows Terminating until its kubelet confirms`,
              `pod/${namespace}/${name}`,
            );
          done(deleted.ok);
        });
      if (!status) return remove();
      // PatchPodStatus with the pod's UID as precondition.
      this.client.patch<Pod>(
        'pods',
        namespace,
        name,
        (current) =>
          current.metadata.uid === pod.metadata.uid
            ? {
                ...current,
                status:
                  withPodCondition(
                    current.status,
                    status.conditions!.find((c) => c.type === 'DisruptionTarget')!,
                    rfc3339(this.world.now()),
                  ) ?? current.status,
              }
            : current,
        (patched) => (patched.ok ? remove() : done(false)),
        'status',
      );
    });
  }
}

/** The ObjectReference the taint manager's events carry: kind, namespace and name only. */
function podRef(key: string): KObject {
  const [namespace, name] = key.split('/') as [string, string];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
  };
}
