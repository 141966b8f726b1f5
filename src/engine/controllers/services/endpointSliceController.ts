import { createActor, type Actor } from 'xstate';
import type { EndpointSlice, Node, Service } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';
import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import { matchesMap } from '../../objects/labels';
import type { World } from '../../sim/world';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './endpoints';
import { endpointSliceMachine } from './endpointSlice.machine';
import { reconcile, type SlicePlan } from './reconciler';

const ID = 'kcm/endpointslice';

// Defaults of pkg/controller/endpointslice (endpointslice_controller.go and KCM flags).
/** --max-endpoints-per-slice. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** --endpoint-updates-batch-period (0: sync at once). */
const BATCH_PERIOD = 0;
/** endpointSliceChangeMinSyncDelay: a change to a slice re-syncs its Service after 1 s. */
const SLICE_CHANGE_DELAY = 1_000;
/** defaultSyncBackOff / maxSyncBackOff / maxRetries of the service queue. */
const SYNC_BACKOFF = 1_000;
const MAX_SYNC_BACKOFF = 1_000_000;
const MAX_RETRIES = 15;

type Expected = number | 'deleted';

const serviceKeyOf = (obj: { metadata: { namespace?: string; name: string } }) =>
  `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;

/**
 * The Services office: the EndpointSlice controller. For each Service with a selector it keeps
 * EndpointSlices (`<service>-xxxxx`, ≤ 100 endpoints each) listing the selected pods that have
 * an IP, with ready / serving / terminating conditions and the ports resolved per pod. The
 * signal officers (kube-proxy) program their rules from these slices.
 *
 * @example
 * new EndpointSliceController(world).start();
 */
export class EndpointSliceController {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly nodes: Informer<Node>;
  private readonly actor: Actor<typeof endpointSliceMachine>;
  private readonly podsByNamespace = new Map<string, Set<string>>();
  private readonly servicesByNamespace = new Map<string, Set<string>>();
  private readonly slicesByService = new Map<string, Set<string>>();
  private readonly queue = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly delayed = new Map<string, { at: number; timer: number }>();
  private readonly failures = new Map<string, number>();
  /** endpointSliceTracker: the resourceVersion (or deletion) each of our writes should show. */
  private readonly tracker = new Map<string, Map<string, Expected>>();
  /** Services that left a pod out because its node was not known yet. */
  private readonly waitingForNode = new Map<string, Set<string>>();

  constructor(private readonly world: World) {
    this.client = world.client(ID, 'control-plane');
    this.recorder = world.recorder(this.client, 'endpoint-slice-controller');
    const synced = () => {
      if (
        this.services.synced() &&
        this.pods.synced() &&
        this.slices.synced() &&
        this.nodes.synced()
      )
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    this.services = new Informer<Service>(
      world,
      this.client,
      'services',
      {},
      {
        add: (svc) => this.onService(svc, true),
        update: (_old, svc) => this.onService(svc, true),
        delete: (svc) => this.onService(svc, false),
        synced,
      },
    );
    this.pods = new Informer<Pod>(
      world,
      this.client,
      'pods',
      {},
      {
        add: (pod) => this.onPod(undefined, pod),
        update: (old, pod) => this.onPod(old, pod),
        delete: (pod) => this.onPod(pod, undefined),
        synced,
      },
    );
    this.slices = new Informer<EndpointSlice>(
      world,
      this.client,
      'endpointslices',
      { labels: [{ key: LABEL_MANAGED_BY, operator: 'In', values: [CONTROLLER_NAME] }] },
      {
        add: (slice) => this.onSlice(undefined, slice),
        update: (old, slice) => this.onSlice(old, slice),
        delete: (slice) => this.onSliceDeleted(slice),
        synced,
      },
    );
    this.nodes = new Informer<Node>(
      world,
      this.client,
      'nodes',
      {},
      {
        add: (node) => this.onNodeAdded(node),
        synced,
      },
    );
    this.actor = createActor(endpointSliceMachine, {
      clock: world.clock,
      input: {
        batchPeriod: BATCH_PERIOD,
        ops: {
          queueAllServices: () => this.queueAllServices(),
          syncQueued: () => this.syncQueued(),
        },
      },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
    for (const informer of [this.services, this.pods, this.slices, this.nodes]) informer.start();
  }

  stop(): void {
    for (const informer of [this.services, this.pods, this.slices, this.nodes]) informer.stop();
    for (const { timer } of this.delayed.values()) this.world.agenda.cancel(timer);
    this.delayed.clear();
    this.actor.send({ type: 'STOP' });
  }

  // ——— the queue ———

  private running(): boolean {
    return this.actor.getSnapshot().matches('running');
  }

  private enqueue(key: string): void {
    if (!this.running()) return;
    if (this.inFlight.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.queue.add(key);
    this.actor.send({ type: 'SERVICE_QUEUED' });
  }

  /** AddAfter: a later sync, unless one is already due sooner. */
  private enqueueAfter(key: string, delay: number): void {
    if (!this.running()) return;
    const at = this.world.now() + delay;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    if (pending) this.world.agenda.cancel(pending.timer);
    const timer = this.world.agenda.at(at, () => {
      this.delayed.delete(key);
      this.enqueue(key);
    });
    this.delayed.set(key, { at, timer });
  }

  private queueAllServices(): void {
    for (const svc of [...this.services.list()].sort((a, b) =>
      serviceKeyOf(a) < serviceKeyOf(b) ? -1 : 1,
    ))
      this.queue.add(serviceKeyOf(svc));
  }

  private syncQueued(): void {
    const keys = [...this.queue].sort();
    this.queue.clear();
    for (const key of keys) this.syncService(key);
  }

  private retry(key: string, why: string): void {
    const failures = (this.failures.get(key) ?? 0) + 1;
    if (failures > MAX_RETRIES) {
      this.failures.delete(key);
      this.world.trace.event(
        this.world.now(),
        ID,
        'endpointslice.dropped',
        `gave up on ${key} after ${MAX_RETRIES} retries: ${why}`,
        `service/${key}`,
      );
      return;
    }
    this.failures.set(key, failures);
    this.enqueueAfter(key, Math.min(SYNC_BACKOFF * 2 ** (failures - 1), MAX_SYNC_BACKOFF));
  }

  // ——— informer handlers ———

  private onService(svc: Service, present: boolean): void {
    const namespace = svc.metadata.namespace ?? 'default';
    let set = this.servicesByNamespace.get(namespace);
    if (!set) this.servicesByNamespace.set(namespace, (set = new Set()));
    if (present) set.add(serviceKeyOf(svc));
    else set.delete(serviceKeyOf(svc));
    this.enqueue(serviceKeyOf(svc));
  }

  private onPod(old: Pod | undefined, pod: Pod | undefined): void {
    const obj = (pod ?? old)!;
    const namespace = obj.metadata.namespace ?? 'default';
    const key = serviceKeyOf(obj);
    let set = this.podsByNamespace.get(namespace);
    if (!set) this.podsByNamespace.set(namespace, (set = new Set()));
    if (pod) set.add(key);
    else set.delete(key);
    // GetServicesToUpdateOnPodChange: the Services selecting the pod before or after.
    for (const svcKey of this.servicesByNamespace.get(namespace) ?? []) {
      const svc = this.services.get(svcKey);
      if (!svc?.spec.selector) continue;
      if (
        (old && matchesMap(old.metadata.labels, svc.spec.selector)) ||
        (pod && matchesMap(pod.metadata.labels, svc.spec.selector))
      )
        this.enqueue(serviceKeyOf(svc));
    }
  }

  private ownerKey(slice: EndpointSlice): string | undefined {
    const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    return name ? `${slice.metadata.namespace ?? 'default'}/${name}` : undefined;
  }

  private indexSlice(slice: EndpointSlice, present: boolean): void {
    const owner = this.ownerKey(slice);
    if (!owner) return;
    let set = this.slicesByService.get(owner);
    if (!set) this.slicesByService.set(owner, (set = new Set()));
    if (present) set.add(serviceKeyOf(slice));
    else set.delete(serviceKeyOf(slice));
  }

  /** A slice changed: our own write (expected) needs nothing; anyone else's means a re-sync. */
  private onSlice(old: EndpointSlice | undefined, slice: EndpointSlice): void {
    if (old) this.indexSlice(old, false);
    this.indexSlice(slice, true);
    const owner = this.ownerKey(slice);
    if (!owner) return;
    const tracked = this.tracker.get(owner);
    const expected = tracked?.get(slice.metadata.name);
    const version = Number(slice.metadata.resourceVersion);
    if (typeof expected === 'number') {
      // Our own write arriving (ShouldSync false), or an older event still on its way.
      if (version <= expected) return;
      tracked!.delete(slice.metadata.name);
    }
    this.enqueueAfter(owner, SLICE_CHANGE_DELAY);
  }

  private onSliceDeleted(slice: EndpointSlice): void {
    this.indexSlice(slice, false);
    const owner = this.ownerKey(slice);
    if (!owner) return;
    const tracked = this.tracker.get(owner);
    const expected = tracked?.get(slice.metadata.name);
    tracked?.delete(slice.metadata.name);
    if (expected === 'deleted') return;
    this.enqueueAfter(owner, SLICE_CHANGE_DELAY);
  }

  private onNodeAdded(node: Node): void {
    const waiting = this.waitingForNode.get(node.metadata.name);
    if (!waiting) return;
    this.waitingForNode.delete(node.metadata.name);
    for (const key of [...waiting].sort()) this.enqueue(key);
  }

  // ——— syncService ———

  /** The informer's slices are older than our last writes (StaleSlices): wait for the watch. */
  private stale(key: string, slices: readonly EndpointSlice[]): boolean {
    const tracked = this.tracker.get(key);
    if (!tracked) return false;
    const byName = new Map(slices.map((s) => [s.metadata.name, s]));
    let stale = false;
    for (const [name, expected] of [...tracked]) {
      const slice = byName.get(name);
      if (expected === 'deleted') {
        if (slice) stale = true;
        else tracked.delete(name);
      } else if (!slice || Number(slice.metadata.resourceVersion) < expected) stale = true;
      else tracked.delete(name);
    }
    return stale;
  }

  private syncService(key: string): void {
    const service = this.services.get(key);
    if (!service) {
      // The garbage collector removes the slices through their ownerReference.
      this.tracker.delete(key);
      this.failures.delete(key);
      return;
    }
    // The API server keeps the `kubernetes` Service's slice; a Service without a selector or
    // of type ExternalName gets none from this controller.
    if (
      key === 'default/kubernetes' ||
      !service.spec.selector ||
      service.spec.type === 'ExternalName'
    )
      return;
    const namespace = service.metadata.namespace ?? 'default';
    const pods: Pod[] = [];
    for (const podKey of this.podsByNamespace.get(namespace) ?? []) {
      const pod = this.pods.get(podKey);
      if (pod && matchesMap(pod.metadata.labels, service.spec.selector)) pods.push(pod);
    }
    const slices = [...(this.slicesByService.get(key) ?? [])]
      .map((k) => this.slices.get(k))
      .filter((s): s is EndpointSlice => s !== undefined && !s.metadata.deletionTimestamp);
    if (this.stale(key, slices)) {
      this.retry(key, 'EndpointSlice informer cache is out of date');
      return;
    }
    const plan = reconcile({
      service,
      pods,
      slices,
      nodeExists: (name) => {
        if (this.nodes.get(name)) return true;
        let set = this.waitingForNode.get(name);
        if (!set) this.waitingForNode.set(name, (set = new Set()));
        set.add(key);
        return false;
      },
      maxEndpointsPerSlice: MAX_ENDPOINTS_PER_SLICE,
    });
    const writes = plan.create.length + plan.update.length + plan.delete.length;
    if (writes === 0) {
      this.failures.delete(key);
      return;
    }
    this.apply(key, service, plan);
  }

  private apply(key: string, service: Service, plan: SlicePlan): void {
    const now = this.world.now();
    const t = this.world.timings;
    const summary = describePlan(plan);
    this.world.trace.office(
      'services',
      now,
      now + 2 * t.networkHop + t.apiProcessing + t.etcdCommit,
      `${key}: ${summary}`,
    );
    this.world.trace.event(now, ID, 'endpointslice.synced', `${key}: ${summary}`, `service/${key}`);
    this.inFlight.add(key);
    let tracked = this.tracker.get(key);
    if (!tracked) this.tracker.set(key, (tracked = new Map()));
    const expect = tracked;
    let pending = plan.create.length + plan.update.length + plan.delete.length;
    let error: string | undefined;
    const finished = (failure?: string) => {
      if (failure && !error) error = failure;
      pending -= 1;
      if (pending > 0) return;
      this.inFlight.delete(key);
      if (error) {
        this.recorder.record(
          service,
          'Warning',
          'FailedToUpdateEndpointSlices',
          `Error updating Endpoint Slices for Service ${key}: ${error}`,
        );
        this.retry(key, error);
      } else this.failures.delete(key);
      if (this.dirty.delete(key)) this.enqueue(key);
    };
    const namespace = service.metadata.namespace ?? 'default';
    for (const slice of plan.create) {
      this.client.create<EndpointSlice>('endpointslices', slice, (result) => {
        if (result.ok)
          expect.set(result.object.metadata.name, Number(result.object.metadata.resourceVersion));
        finished(result.ok ? undefined : result.error.message);
      });
    }
    for (const slice of plan.update) {
      this.client.update<EndpointSlice>('endpointslices', slice, (result) => {
        if (result.ok)
          expect.set(result.object.metadata.name, Number(result.object.metadata.resourceVersion));
        finished(result.ok ? undefined : result.error.message);
      });
    }
    for (const slice of plan.delete) {
      this.client.delete('endpointslices', namespace, slice.metadata.name, {}, (result) => {
        if (result.ok || result.error.code === 404) expect.set(slice.metadata.name, 'deleted');
        finished(result.ok || result.error.code === 404 ? undefined : result.error.message);
      });
    }
  }
}

function describePlan(plan: SlicePlan): string {
  const parts: string[] = [];
  if (plan.added) parts.push(`+${plan.added} endpoint(s)`);
  if (plan.removed) parts.push(`−${plan.removed} endpoint(s)`);
  const changed = plan.update.filter((s) => s.endpoints.length > 0).length;
  if (parts.length === 0 && changed) parts.push('endpoint conditions changed');
  const writes = [
    plan.create.length ? `created ${plan.create.length} slice(s)` : '',
    plan.update.length ? `updated ${plan.update.map((s) => s.metadata.name).join(', ')}` : '',
    plan.delete.length ? `deleted ${plan.delete.map((s) => s.metadata.name).join(', ')}` : '',
  ].filter(Boolean);
  return [...parts, ...writes].join('; ');
}
