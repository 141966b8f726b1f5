import type { Endpoint, EndpointSlice, Service } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';
import {
  endpointKey,
  endpointPorts,
  endpointsEqual,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  shouldPodBeInEndpoints,
  sliceLabels,
  type SlicePort,
} from './endpoints';

/** What one sync of a Service changes. New slices have no name yet (generateName). */
export type SlicePlan = {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  /** Endpoints added and removed, for the log. */
  added: number;
  removed: number;
};

export type ReconcileInput = {
  service: Service;
  /** The pods the Service selects. */
  pods: readonly Pod[];
  /** The Service's current slices (managed by this controller, not being deleted). */
  slices: readonly EndpointSlice[];
  nodeExists: (name: string) => boolean;
  maxEndpointsPerSlice: number;
};

const sameLabels = (a: Record<string, string> | undefined, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());

/** An ordered set of desired endpoints by identity (upstream's EndpointSet; pods in name order). */
class EndpointSet {
  private readonly items = new Map<string, Endpoint>();
  insert(ep: Endpoint): void {
    this.items.set(endpointKey(ep), ep);
  }
  get(ep: Endpoint): Endpoint | undefined {
    return this.items.get(endpointKey(ep));
  }
  delete(ep: Endpoint): void {
    this.items.delete(endpointKey(ep));
  }
  get size(): number {
    return this.items.size;
  }
  /** PopAny, made deterministic: the first in pod-name order. */
  pop(): Endpoint {
    const [key, ep] = this.items.entries().next().value as [string, Endpoint];
    this.items.delete(key);
    return ep;
  }
}

/**
 * The EndpointSlice reconciler (staging/src/k8s.io/endpointslice/reconciler.go), for IPv4:
 * group desired endpoints by their resolved ports; per group keep endpoints in the slices they
 * are in, update changed ones, drop gone ones, fill slices being updated, then slices unchanged,
 * then new slices, at most `maxEndpointsPerSlice` (100) each; delete emptied slices, reuse a
 * slice about to be deleted instead of creating one, and keep one empty placeholder slice for
 * a Service with no endpoints at all.
 */
export function reconcile(input: ReconcileInput): SlicePlan {
  const { service, maxEndpointsPerSlice } = input;
  const create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  let toDelete: EndpointSlice[] = [];
  let added = 0;
  let removed = 0;

  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const slice of input.slices) {
    if (!ownedBy(slice, service)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports ?? []);
    let list = existingByPorts.get(key);
    if (!list) existingByPorts.set(key, (list = []));
    list.push(slice);
  }

  const desiredByPorts = new Map<string, { ports: SlicePort[]; set: EndpointSet }>();
  const pods = [...input.pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod)) continue;
    // A pod bound to a node the controller does not know is left out for now.
    if (pod.spec.nodeName && !input.nodeExists(pod.spec.nodeName)) continue;
    const ports = endpointPorts(service, pod);
    const key = portMapKey(ports);
    let group = desiredByPorts.get(key);
    if (!group) desiredByPorts.set(key, (group = { ports, set: new EndpointSet() }));
    group.set.insert(podToEndpoint(pod));
  }

  for (const [key, { ports, set }] of desiredByPorts) {
    const plan = reconcileByPortMapping(
      service,
      existingByPorts.get(key) ?? [],
      set,
      ports,
      maxEndpointsPerSlice,
    );
    create.push(...plan.create);
    update.push(...plan.update);
    toDelete.push(...plan.delete);
    added += plan.added;
    removed += plan.removed;
  }
  for (const [key, slices] of existingByPorts) {
    if (desiredByPorts.has(key)) continue;
    toDelete.push(...slices);
    removed += slices.reduce((n, s) => n + (s.endpoints?.length ?? 0), 0);
  }

  // No endpoints anywhere: one placeholder slice with no ports and no endpoints.
  if (input.slices.length === toDelete.length && create.length === 0) {
    const placeholder = newEndpointSlice(service, []);
    const only = toDelete[0];
    if (
      toDelete.length === 1 &&
      only &&
      ownedBy(only, service) &&
      (only.endpoints?.length ?? 0) === 0 &&
      (only.ports?.length ?? 0) === 0 &&
      sameLabels(only.metadata.labels, placeholder.metadata.labels!)
    ) {
      toDelete = [];
    } else {
      create.push(placeholder);
    }
  }

  // finalize: recycle a slice slated for deletion rather than delete one and create another.
  while (create.length > 0) {
    const index = toDelete.findIndex(
      (s) => s.addressType === create[0]!.addressType && ownedBy(s, service),
    );
    if (index < 0) break;
    const old = toDelete.splice(index, 1)[0]!;
    const fresh = create.shift()!;
    update.push({
      ...fresh,
      metadata: {
        ...old.metadata,
        labels: fresh.metadata.labels!,
        ownerReferences: fresh.metadata.ownerReferences!,
      },
    });
  }
  return { create, update, delete: toDelete, added, removed };
}

function reconcileByPortMapping(
  service: Service,
  existing: readonly EndpointSlice[],
  desired: EndpointSet,
  ports: readonly SlicePort[],
  max: number,
): {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  added: number;
  removed: number;
} {
  const byName = new Map<string, EndpointSlice>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];
  let removed = 0;
  const labels = sliceLabels(service);

  // 1. Keep desired endpoints where they are, refresh changed ones, drop the rest.
  for (const slice of existing) {
    byName.set(slice.metadata.name, slice);
    const kept: Endpoint[] = [];
    let changed = false;
    for (const endpoint of slice.endpoints ?? []) {
      const got = desired.get(endpoint);
      if (!got) continue;
      kept.push(got);
      if (!endpointsEqual(got, endpoint)) changed = true;
      desired.delete(endpoint);
    }
    const labelsChanged = !sameLabels(slice.metadata.labels, labels);
    const count = slice.endpoints?.length ?? 0;
    if (changed || count !== kept.length) {
      removed += Math.max(0, count - kept.length);
      if (kept.length === 0) toDelete.push(slice.metadata.name);
      else {
        byName.set(slice.metadata.name, {
          ...slice,
          endpoints: kept,
          metadata: { ...slice.metadata, labels },
        });
        toUpdate.push(slice.metadata.name);
      }
    } else if (labelsChanged) {
      byName.set(slice.metadata.name, { ...slice, metadata: { ...slice.metadata, labels } });
      toUpdate.push(slice.metadata.name);
    } else unchanged.push(slice.metadata.name);
  }
  const added = desired.size;

  // 2. Fill the slices being updated anyway, fullest first.
  if (desired.size > 0 && toUpdate.length > 0) {
    const slices = toUpdate
      .map((name) => byName.get(name)!)
      .sort(
        (a, b) =>
          b.endpoints.length - a.endpoints.length || (a.metadata.name < b.metadata.name ? -1 : 1),
      );
    for (const slice of slices) {
      const endpoints = [...slice.endpoints];
      while (desired.size > 0 && endpoints.length < max) endpoints.push(desired.pop());
      byName.set(slice.metadata.name, { ...slice, endpoints });
    }
  }

  // 3. Then one unchanged slice with room for all that is left (getSliceToFill), else new slices.
  const create: EndpointSlice[] = [];
  while (desired.size > 0) {
    let fill: EndpointSlice | undefined;
    if (desired.size < max && unchanged.length > 0) {
      let best: EndpointSlice | undefined;
      for (const name of unchanged) {
        const slice = byName.get(name)!;
        const room = max - slice.endpoints.length;
        if (room >= desired.size && (!best || slice.endpoints.length > best.endpoints.length))
          best = slice;
      }
      fill = best;
    }
    const target = fill
      ? { ...fill, endpoints: [...fill.endpoints] }
      : newEndpointSlice(service, ports);
    while (desired.size > 0 && target.endpoints.length < max) target.endpoints.push(desired.pop());
    if (fill) {
      byName.set(fill.metadata.name, target);
      toUpdate.push(fill.metadata.name);
      unchanged.splice(unchanged.indexOf(fill.metadata.name), 1);
    } else create.push(target);
  }

  return {
    create,
    update: toUpdate.map((name) => byName.get(name)!),
    delete: toDelete.map((name) => byName.get(name)!),
    added,
    removed,
  };
}
