import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../../api/client';
import { matchesSelector } from '../../objects/labels';
import type { OwnerReference } from '../../objects/meta';
import type { Deployment, Pod, ReplicaSet } from '../../objects/workloads';
import type { World } from '../../sim/world';
import { deploymentControllerMachine } from './deploymentController.machine';
import type { DeploymentSyncContext } from './deploymentContext';
import { syncDeployment } from './deploymentSync';
import type { EventRecorder } from '../../api/recorder';
import { runFlow } from './flow';
import { controllerRefOf, objKey } from './podUtil';
import { kcmInformers, type KcmInformers } from './sharedInformers';
import { workloadSettings, type WorkloadSettings } from './settings';
import { WorkQueue } from './workQueue';

const ID = 'kcm/deployment';

function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind;
}

/**
 * The Cargo office's Deployment controller (kube-controller-manager, pkg/controller/deployment):
 * turns each Deployment into ReplicaSets named `<deployment>-<pod-template-hash>`, one per pod
 * template, and rolls from the old to the new one (RollingUpdate within maxSurge/maxUnavailable,
 * or Recreate), keeping revisionHistoryLimit old ones at 0 for rollbacks.
 *
 * @example
 * new DeploymentController(world).start();
 * new ReplicaSetController(world).start();
 */
export class DeploymentController {
  private readonly client: ApiClient;
  private readonly informers: KcmInformers;
  private readonly settings: WorkloadSettings;
  private readonly queue: WorkQueue;
  private readonly events: EventRecorder;
  private readonly actor: Actor<typeof deploymentControllerMachine>;
  private readonly ctx: DeploymentSyncContext;
  private unsubscribe: (() => void)[] = [];
  private acquired = false;
  /** Bumped on each start, so a late "synced" from an earlier start is ignored. */
  private generation = 0;

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.informers = kcmInformers(world);
    this.settings = workloadSettings(world);
    this.events = world.recorder(this.client, 'deployment-controller', 'control-plane');
    this.queue = new WorkQueue(
      world,
      {
        workers: this.settings.concurrentDeploymentSyncs,
        rateLimitBase: this.settings.rateLimitBase,
        rateLimitMax: this.settings.rateLimitMax,
      },
      (key, done) => this.processNextWorkItem(key, done),
    );
    this.ctx = {
      world,
      client: this.client,
      informers: this.informers,
      queue: this.queue,
      events: this.events,
      settings: this.settings,
    };
    this.actor = createActor(deploymentControllerMachine, {
      clock: world.clock,
      input: {
        hooks: {
          startInformers: () => this.startInformers(),
          startWorkers: () => this.queue.start(),
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

  /** The lifecycle state (`stopped`, `waitingForCaches`, `running`). */
  state(): string {
    return String(this.actor.getSnapshot().value);
  }

  /** Whether no sync is queued, running or waiting. */
  idle(): boolean {
    return this.queue.idle();
  }

  private startInformers(): void {
    const generation = ++this.generation;
    const { pods, replicasets, deployments } = this.informers;
    deployments.acquire();
    replicasets.acquire();
    pods.acquire();
    this.acquired = true;
    this.unsubscribe = [
      deployments.addListener({
        add: (d) => this.enqueue(d),
        update: (_old, d) => this.enqueue(d),
        delete: (d) => this.enqueue(d),
      }),
      replicasets.addListener({
        add: (rs) => this.addReplicaSet(rs),
        update: (old, rs) => this.updateReplicaSet(old, rs),
        delete: (rs) => this.deleteReplicaSet(rs),
      }),
      pods.addListener({ delete: (pod) => this.deletePod(pod) }),
    ];
    let waiting = 3;
    const synced = () => {
      waiting -= 1;
      if (waiting === 0 && this.acquired && generation === this.generation)
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    deployments.whenSynced(synced);
    replicasets.whenSynced(synced);
    pods.whenSynced(synced);
  }

  private stopEverything(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.acquired) {
      this.informers.deployments.release();
      this.informers.replicasets.release();
      this.informers.pods.release();
      this.acquired = false;
    }
    this.queue.shutDown();
  }

  private processNextWorkItem(key: string, done: () => void): void {
    runFlow(syncDeployment(this.ctx, key), (_result, error) => {
      if (error) {
        this.world.trace.event(
          this.world.now(),
          ID,
          'deployment.sync-error',
          `error syncing deployment "${key}": ${error.message}`,
          `deployment/${key}`,
        );
        this.queue.addRateLimited(key);
      } else this.queue.forget(key);
      done();
    });
  }

  private enqueue(d: Deployment): void {
    this.queue.add(objKey(d));
  }

  // ——— ReplicaSet and pod events (deployment_controller.go addReplicaSet … deletePod) ———

  private resolve(namespace: string | undefined, ref: OwnerReference): Deployment | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.informers.deployments.getByUid(ref.uid);
    return d && d.metadata.name === ref.name && d.metadata.namespace === namespace ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: Deployments in its namespace whose (non-empty) selector matches it. */
  private matching(rs: ReplicaSet): Deployment[] {
    const out: Deployment[] = [];
    for (const d of this.informers.deployments.list()) {
      if (d.metadata.namespace !== rs.metadata.namespace) continue;
      const selector = d.spec.selector;
      if (
        !selector ||
        (!Object.keys(selector.matchLabels ?? {}).length &&
          !(selector.matchExpressions ?? []).length)
      )
        continue;
      if (matchesSelector(rs.metadata.labels, selector)) out.push(d);
    }
    return out;
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata.deletionTimestamp) {
      this.deleteReplicaSet(rs);
      return;
    }
    const ref = controllerRefOf(rs);
    if (ref) {
      const d = this.resolve(rs.metadata.namespace, ref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.matching(rs)) this.enqueue(d);
  }

  private updateReplicaSet(old: ReplicaSet, rs: ReplicaSet): void {
    if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
    const ref = controllerRefOf(rs);
    const oldRef = controllerRefOf(old);
    const refChanged = !sameRef(ref, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolve(old.metadata.namespace, oldRef);
      if (d) this.enqueue(d);
    }
    if (ref) {
      const d = this.resolve(rs.metadata.namespace, ref);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = old.metadata.labels !== rs.metadata.labels;
    if (labelChanged || refChanged) for (const d of this.matching(rs)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const ref = controllerRefOf(rs);
    if (!ref) return;
    const d = this.resolve(rs.metadata.namespace, ref);
    if (d) this.enqueue(d);
  }

  /** deletePod: a Recreate Deployment waits for all old pods to be gone; wake it when the last one goes. */
  private deletePod(pod: Pod): void {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.informers.replicasets.getByUid(ref.uid);
    if (!rs || rs.metadata.name !== ref.name) return;
    const rsRef = controllerRefOf(rs);
    if (!rsRef) return;
    const d = this.resolve(rs.metadata.namespace, rsRef);
    if (!d || d.spec.strategy?.type !== 'Recreate') return;
    for (const sibling of this.informers.replicasets.ownedBy(d.metadata.uid))
      if (this.informers.pods.ownedCount(sibling.metadata.uid) > 0) return;
    this.enqueue(d);
  }
}
