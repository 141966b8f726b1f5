import type { Service } from '../objects/cluster';
import type { ReplicaSet } from '../objects/workloads';
import { matchesMap, selectorRequirements, type Requirement } from '../objects/labels';
import type { PodPlan } from './podplan';

/** A spreading selector, with the key its group is indexed by. */
export type SpreadTarget = { namespace: string; requirements: Requirement[]; key: string };

/**
 * DefaultSelector (k/k pkg/scheduler/framework/plugins/helper/spread.go): the selector that the
 * system default spreading constraints use for a pod — the selectors of the Services that select
 * it, plus its controlling ReplicaSet's selector. Cached per owner until a Service or ReplicaSet
 * selector changes.
 */
export class DefaultSelectors {
  private readonly servicesByNamespace = new Map<string, Map<string, Service>>();
  private version = 0;
  private readonly byOwner = new Map<string, { version: number; target: SpreadTarget | null }>();

  constructor(
    private readonly replicaSet: (namespace: string, name: string) => ReplicaSet | undefined,
  ) {}

  /** A Service appeared, changed or went away. */
  serviceChanged(old: Service | undefined, svc: Service | undefined): void {
    const obj = (svc ?? old)!;
    const ns = obj.metadata.namespace ?? 'default';
    let map = this.servicesByNamespace.get(ns);
    if (!map) this.servicesByNamespace.set(ns, (map = new Map()));
    if (svc) map.set(obj.metadata.name, svc);
    else map.delete(obj.metadata.name);
    if (
      !old ||
      !svc ||
      (old.spec.selector !== svc.spec.selector &&
        JSON.stringify(old.spec.selector ?? {}) !== JSON.stringify(svc.spec.selector ?? {}))
    )
      this.version += 1;
  }

  /** A ReplicaSet appeared or went away (`old`/`rs` both given: an update). */
  replicaSetChanged(old: ReplicaSet | undefined, rs: ReplicaSet | undefined): void {
    if (
      old &&
      rs &&
      (old.spec.selector === rs.spec.selector ||
        JSON.stringify(old.spec.selector) === JSON.stringify(rs.spec.selector))
    )
      return;
    this.version += 1;
  }

  /** Forgets the per-owner cache (it is rebuilt on demand). */
  clear(): void {
    this.byOwner.clear();
  }

  /** The pod's default spreading selector, or null when nothing selects or owns it. */
  forPod(plan: PodPlan): SpreadTarget | null {
    const owner = plan.owner;
    const cached = owner ? this.byOwner.get(owner.uid) : undefined;
    if (cached && cached.version === this.version) return cached.target;
    const target = this.compute(plan);
    if (owner) this.byOwner.set(owner.uid, { version: this.version, target });
    return target;
  }

  private compute(plan: PodPlan): SpreadTarget | null {
    const ns = plan.namespace;
    const merged: Record<string, string> = {};
    for (const svc of this.servicesByNamespace.get(ns)?.values() ?? []) {
      const selector = svc.spec.selector;
      if (selector && Object.keys(selector).length > 0 && matchesMap(plan.labels, selector))
        Object.assign(merged, selector);
    }
    const requirements: Requirement[] = Object.entries(merged).map(([key, value]) => ({
      key,
      operator: 'In' as const,
      values: [value],
    }));
    const owner = plan.owner;
    if (owner && owner.kind === 'ReplicaSet' && owner.apiVersion.startsWith('apps/')) {
      const rs = this.replicaSet(ns, owner.name);
      if (rs) requirements.push(...selectorRequirements(rs.spec.selector));
    }
    if (requirements.length === 0) return null;
    requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const key = `${ns}\n${requirements.map((r) => `${r.key} ${r.operator} ${r.values.join(',')}`).join('\n')}`;
    return { namespace: ns, requirements, key };
  }
}
