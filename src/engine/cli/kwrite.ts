// kubectl's imperative edits of workloads: scale, set image, expose, label.

import type { KObject } from '../objects/meta';
import { RESOURCES } from '../objects/resources';
import type { Container, Deployment, Pod, ReplicaSet } from '../objects/workloads';
import type { Service } from '../objects/cluster';
import type { ExecResult } from '../sim/types';
import { fail, note, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { objectRef } from './resources';
import { intFlag, patch, typeAndName } from './kargs';

// ——— scale ———

/** Flags of kubectl scale. */
export const SCALE_FLAGS = { values: ['replicas', 'current-replicas'], bools: [], short: {} };

/** `kubectl scale deployment NAME --replicas=N` (also `deployment/NAME`, replicasets). */
export function kubectlScale(k: Kubectl): ExecResult {
  const target = typeAndName(k, ['deployments', 'replicasets']);
  if (isResult(target)) return target;
  const replicas = intFlag(k, 'replicas');
  if (isResult(replicas)) return replicas;
  if (replicas === undefined) return fail('error: required flag(s) "replicas" not set');
  if (replicas < 0) {
    return fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  const current = intFlag(k, 'current-replicas');
  if (isResult(current)) return current;
  let problem: string | undefined;
  const result = patch<Deployment | ReplicaSet>(k, target.resource, target.name, (obj) => {
    if (current !== undefined && (obj.spec.replicas ?? 1) !== current) {
      problem = `error: Expected replicas to be ${current}, was ${obj.spec.replicas ?? 1}`;
      return obj;
    }
    return { ...obj, spec: { ...obj.spec, replicas } } as Deployment | ReplicaSet;
  });
  if (problem) return fail(problem);
  if (isResult(result)) return result;
  return ok(`${objectRef(target.resource, target.name)} scaled`);
}

// ——— set image ———

/** Flags of kubectl set. */
export const SET_FLAGS = { values: [], bools: ['all'], short: {} };

/** `kubectl set image deployment/NAME CONTAINER=IMAGE…` */
export function kubectlSetImage(k: Kubectl): ExecResult {
  const [sub, ...rest] = k.parsed.args;
  if (sub !== 'image') {
    return fail(
      sub
        ? `error: unknown command "${sub}" for "kubectl set"\n${note('kubectl set image is the set command supported here')}`
        : note('usage: kubectl set image deployment/NAME CONTAINER=IMAGE'),
    );
  }
  const specs = rest.filter((a) => a.includes('=') && !a.includes('/'));
  const objectArgs = rest.filter((a) => !specs.includes(a));
  const sub2 = k.withArgs(objectArgs);
  const target = typeAndName(sub2, ['deployments', 'replicasets', 'pods']);
  if (isResult(target)) return target;
  if (specs.length === 0) return fail('error: at least one image update is required');
  const images = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    images.set(spec.slice(0, eq), spec.slice(eq + 1));
  }
  const apply = (containers: readonly Container[]): Container[] | string => {
    for (const name of images.keys()) {
      if (name !== '*' && !containers.some((c) => c.name === name))
        return `error: unable to find container named "${name}"`;
    }
    return containers.map((c) => {
      const image = images.get(c.name) ?? images.get('*');
      return image ? { ...c, image } : c;
    });
  };
  let problem: string | undefined;
  const result = patch<KObject>(k, target.resource, target.name, (obj) => {
    if (target.resource === 'pods') {
      const pod = obj as Pod;
      const containers = apply(pod.spec.containers);
      if (typeof containers === 'string') {
        problem = containers;
        return obj;
      }
      return { ...pod, spec: { ...pod.spec, containers } } as Pod;
    }
    const w = obj as Deployment;
    const containers = apply(w.spec.template.spec.containers);
    if (typeof containers === 'string') {
      problem = containers;
      return obj;
    }
    return {
      ...w,
      spec: {
        ...w.spec,
        template: { ...w.spec.template, spec: { ...w.spec.template.spec, containers } },
      },
    } as Deployment;
  });
  if (problem) return fail(problem);
  if (isResult(result)) return result;
  return ok(`${objectRef(target.resource, target.name)} image updated`);
}

// ——— expose ———

/** Flags of kubectl expose. */
export const EXPOSE_FLAGS = {
  values: ['port', 'target-port', 'name', 'type', 'protocol', 'selector'],
  bools: [],
  short: {},
};

/** `kubectl expose deployment NAME --port=80 [--target-port=8080] [--name=…]` */
export function kubectlExpose(k: Kubectl): ExecResult {
  const target = typeAndName(k, ['deployments', 'replicasets', 'pods', 'services']);
  if (isResult(target)) return target;
  const obj = k.get<KObject>(target.resource, target.name);
  if (isResult(obj)) return obj;
  const type = k.flag('type') ?? 'ClusterIP';
  if (type !== 'ClusterIP')
    return fail(
      note(`only ClusterIP Services are modelled here (no node ports or load balancers)`),
    );
  let selector: Record<string, string> | undefined;
  let containers: Container[] = [];
  if (target.resource === 'pods') {
    selector = obj.metadata.labels;
    containers = (obj as Pod).spec.containers;
  } else if (target.resource === 'services') {
    selector = (obj as Service).spec.selector;
  } else {
    const w = obj as Deployment;
    if ((w.spec.selector.matchExpressions ?? []).length > 0) {
      return fail(
        `error: couldn't retrieve selectors via --selector flag or introspection: the provided selector uses matchExpressions, which a Service cannot express`,
      );
    }
    selector = w.spec.selector.matchLabels;
    containers = w.spec.template.spec.containers;
  }
  if (k.flag('selector')) {
    selector = {};
    for (const part of k.flag('selector')!.split(',')) {
      const [key, value] = part.split('=');
      if (key) selector[key] = value ?? '';
    }
  }
  if (!selector || Object.keys(selector).length === 0) {
    return fail(
      `error: couldn't retrieve selectors via --selector flag or introspection: the ${RESOURCES[target.resource].singular} has no labels to select\nSee 'kubectl expose -h' for help and examples`,
    );
  }
  const protocol = (k.flag('protocol') ?? 'TCP') as 'TCP';
  const portFlag = k.flag('port');
  let ports: { name?: string; port: number; protocol: 'TCP'; targetPort: number | string }[];
  const targetPort = k.flag('target-port');
  const asPort = (text: string) => (/^\d+$/.test(text) ? Number(text) : text);
  if (portFlag !== undefined) {
    if (!/^\d+$/.test(portFlag))
      return fail(
        `error: invalid argument "${portFlag}" for "--port" flag: strconv.ParseInt: parsing "${portFlag}": invalid syntax`,
      );
    ports = [
      {
        port: Number(portFlag),
        protocol,
        targetPort: targetPort !== undefined ? asPort(targetPort) : Number(portFlag),
      },
    ];
  } else {
    const found = containers.flatMap((c) => c.ports ?? []);
    if (found.length === 0)
      return fail(
        "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
      );
    ports = found.map((p, i) => ({
      ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.containerPort,
      protocol,
      targetPort: targetPort !== undefined ? asPort(targetPort) : p.containerPort,
    }));
  }
  const name = k.flag('name') ?? target.name;
  const body = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: k.namespace,
      ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
    },
    spec: { ports, selector, type: 'ClusterIP' },
  } as unknown as Service;
  const result = k.request({ verb: 'create', resource: 'services', body });
  if (!result.ok) return fail(k.error(result.error));
  return ok(`service/${name} exposed`);
}

// ——— label ———

/** Flags of kubectl label. */
export const LABEL_FLAGS = {
  values: ['selector'],
  bools: ['overwrite', 'all', 'list'],
  short: { l: 'selector' },
};

/** `kubectl label TYPE NAME key=value… key-…  [--overwrite]` */
export function kubectlLabel(k: Kubectl): ExecResult {
  const all = k.parsed.args;
  const changes = all.filter(
    (a, i) => i > 0 && (a.includes('=') || a.endsWith('-')) && !a.includes('/'),
  );
  const objectArgs = all.filter((a) => !changes.includes(a));
  const sub = k.withArgs(objectArgs);
  const target = typeAndName(sub, [
    'pods',
    'nodes',
    'deployments',
    'replicasets',
    'services',
    'namespaces',
  ]);
  if (isResult(target)) return target;
  if (changes.length === 0) return fail('error: at least one label update is required');
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const change of changes) {
    if (change.endsWith('-') && !change.includes('=')) remove.push(change.slice(0, -1));
    else {
      const eq = change.indexOf('=');
      const key = change.slice(0, eq);
      const value = change.slice(eq + 1);
      if (
        !/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)
      ) {
        return fail(`error: invalid label spec: ${change}`);
      }
      add.set(key, value);
    }
  }
  let problem: string | undefined;
  let changed = false;
  const result = patch<KObject>(k, target.resource, target.name, (obj) => {
    const labels = { ...obj.metadata.labels };
    for (const [key, value] of add) {
      if (labels[key] !== undefined && labels[key] !== value && !k.on('overwrite')) {
        problem = `error: '${key}' already has a value (${labels[key]}), and --overwrite is false`;
        return obj;
      }
      if (labels[key] !== value) changed = true;
      labels[key] = value;
    }
    for (const key of remove) {
      if (labels[key] !== undefined) changed = true;
      delete labels[key];
    }
    return changed ? { ...obj, metadata: { ...obj.metadata, labels } } : obj;
  });
  if (problem) return fail(problem);
  if (isResult(result)) return result;
  const verb = !changed ? 'not labeled' : add.size === 0 ? 'unlabeled' : 'labeled';
  return ok(`${objectRef(target.resource, target.name)} ${verb}`);
}
