// `kubectl describe TYPE [NAME_PREFIX]`, `describe TYPE/NAME`, `describe TYPE -l selector`.

import type { KObject } from '../objects/meta';
import { RESOURCES, type ResourceName } from '../objects/resources';
import type { Deployment, Pod, ReplicaSet } from '../objects/workloads';
import type { EndpointSlice, KEvent, Lease, Namespace, Node, Service } from '../objects/cluster';
import {
  matchesRequirements,
  matchesSelector,
  parseSelector,
  type Requirement,
} from '../objects/labels';
import type { ExecResult } from '../sim/types';
import {
  describeDeployment,
  describeEndpointSlice,
  describeNamespace,
  describeNode,
  describePod,
  describeReplicaSet,
  describeService,
  eventsFor,
} from './describers';
import { fail, lines, note } from './errors';
import { isResult, type Kubectl } from './kctx';
import { resolveResource, unknownResource } from './resources';

/** Flags of kubectl describe. */
export const DESCRIBE_FLAGS = {
  values: ['selector'],
  bools: ['all-namespaces', 'show-events'],
  short: { l: 'selector', A: 'all-namespaces' },
};

const DESCRIBABLE: readonly ResourceName[] = [
  'pods',
  'nodes',
  'deployments',
  'replicasets',
  'services',
  'namespaces',
  'endpointslices',
];

function list<T extends KObject>(
  k: Kubectl,
  resource: ResourceName,
  namespace?: string,
): T[] | ExecResult {
  const result = k.request({
    verb: 'list',
    resource,
    options: namespace !== undefined ? { namespace } : {},
  });
  if (!result.ok) return fail(k.error(result.error));
  return (result.object as unknown as { items: T[] }).items;
}

/** Events are looked up best-effort, as kubectl does: a failed search shows no events. */
function events(k: Kubectl, obj: KObject): KEvent[] {
  if (k.flag('show-events') === 'false') return [];
  const all = list<KEvent>(k, 'events', obj.metadata.namespace);
  return isResult(all) ? [] : eventsFor(all, obj);
}

function describeOne(k: Kubectl, resource: ResourceName, obj: KObject): string | ExecResult {
  const now = k.now();
  const ctx = { now, events: events(k, obj) };
  switch (resource) {
    case 'pods':
      return describePod(obj as Pod, ctx);
    case 'nodes': {
      const pods = list<Pod>(k, 'pods');
      if (isResult(pods)) return pods;
      const lease = k.world.api.cached<Lease>('leases', 'kube-node-lease', obj.metadata.name);
      return describeNode(obj as Node, {
        ...ctx,
        ...(lease ? { lease } : {}),
        pods: pods.filter(
          (p) =>
            p.spec.nodeName === obj.metadata.name &&
            p.status.phase !== 'Succeeded' &&
            p.status.phase !== 'Failed',
        ),
      });
    }
    case 'deployments': {
      const d = obj as Deployment;
      const owned = list<ReplicaSet>(k, 'replicasets', d.metadata.namespace);
      if (isResult(owned)) return owned;
      const mine = owned.filter((rs) =>
        (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
      );
      const isNew = (rs: ReplicaSet) => sameTemplate(rs, d);
      return describeDeployment(d, {
        ...ctx,
        newReplicaSets: mine.filter(isNew).slice(0, 1),
        oldReplicaSets: mine.filter((rs) => !isNew(rs)),
      });
    }
    case 'replicasets': {
      const rs = obj as ReplicaSet;
      const pods = list<Pod>(k, 'pods', rs.metadata.namespace);
      if (isResult(pods)) return pods;
      const mine = pods.filter(
        (p) =>
          matchesSelector(p.metadata.labels, rs.spec.selector) &&
          (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === rs.metadata.uid),
      );
      const count = (phase: string) => mine.filter((p) => p.status.phase === phase).length;
      return describeReplicaSet(rs, {
        ...ctx,
        running: count('Running'),
        waiting: count('Pending'),
        succeeded: count('Succeeded'),
        failed: count('Failed'),
      });
    }
    case 'services': {
      const slices = list<EndpointSlice>(k, 'endpointslices', obj.metadata.namespace);
      return describeService(obj as Service, {
        ...ctx,
        endpointSlices: isResult(slices)
          ? []
          : slices.filter(
              (s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name,
            ),
      });
    }
    case 'namespaces':
      return describeNamespace(obj as Namespace);
    case 'endpointslices':
      return describeEndpointSlice(obj as EndpointSlice, ctx);
    default:
      return fail(
        note(
          `describe ${resource} is not supported here; try kubectl get ${resource} NAME -o yaml`,
        ),
      );
  }
}

/** The deployment controller's "new ReplicaSet": its template equals the deployment's, hash label aside. */
function sameTemplate(rs: ReplicaSet, d: Deployment): boolean {
  const strip = (labels: Record<string, string> | undefined) => {
    const copy = { ...labels };
    delete copy['pod-template-hash'];
    return copy;
  };
  const a = {
    ...rs.spec.template,
    metadata: { ...rs.spec.template?.metadata, labels: strip(rs.spec.template?.metadata?.labels) },
  };
  const b = {
    ...d.spec.template,
    metadata: { ...d.spec.template?.metadata, labels: strip(d.spec.template?.metadata?.labels) },
  };
  return (
    JSON.stringify(a.spec) === JSON.stringify(b.spec) &&
    JSON.stringify(a.metadata.labels) === JSON.stringify(b.metadata.labels)
  );
}

/** `kubectl describe …` */
export function kubectlDescribe(k: Kubectl): ExecResult {
  const args = k.parsed.args;
  if (args.length === 0) {
    return fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.',
    );
  }
  let resource: ResourceName | undefined;
  let names: string[];
  if (args[0]!.includes('/')) {
    const [word, name] = [
      args[0]!.slice(0, args[0]!.indexOf('/')),
      args[0]!.slice(args[0]!.indexOf('/') + 1),
    ];
    resource = resolveResource(word);
    if (!resource) return fail(unknownResource(word));
    names = [name, ...args.slice(1)];
  } else {
    resource = resolveResource(args[0]!);
    if (!resource) return fail(unknownResource(args[0]!));
    names = args.slice(1);
  }
  if (!DESCRIBABLE.includes(resource)) {
    return fail(
      note(`describe ${resource} is not supported here; try kubectl get ${resource} -o yaml`),
    );
  }
  const namespaced = RESOURCES[resource].namespaced;
  const namespace = namespaced && !k.on('all-namespaces') ? k.namespace : undefined;
  let selector: Requirement[] = [];
  try {
    selector = parseSelector(k.flag('selector') ?? '');
  } catch (e) {
    return fail(`error: ${(e as Error).message}`);
  }
  const targets: KObject[] = [];
  const errors: string[] = [];
  if (names.length === 0) {
    const all = list(k, resource, namespace);
    if (isResult(all)) return all;
    targets.push(...all.filter((o) => matchesRequirements(o.metadata.labels, selector)));
    if (targets.length === 0) {
      return {
        ok: true,
        output: namespace ? `No resources found in ${namespace} namespace.` : 'No resources found',
      };
    }
  }
  for (const name of names) {
    const result = k.request({
      verb: 'get',
      resource,
      ...(namespaced ? { namespace: k.namespace } : {}),
      name,
    });
    if (result.ok) {
      targets.push(result.object);
      continue;
    }
    if (result.error.reason !== 'NotFound') return fail(k.error(result.error));
    // kubectl describe falls back to every object whose name starts with NAME.
    const all = list(k, resource, namespace);
    if (isResult(all)) return all;
    const prefixed = all.filter((o) => o.metadata.name.startsWith(name));
    if (prefixed.length === 0) errors.push(k.error(result.error));
    targets.push(...prefixed);
  }
  const texts: string[] = [];
  for (const obj of targets) {
    const text = describeOne(k, resource, obj);
    if (isResult(text)) return text;
    texts.push(text);
  }
  return { ok: errors.length === 0, output: lines(texts.join('\n\n\n'), ...errors) };
}
