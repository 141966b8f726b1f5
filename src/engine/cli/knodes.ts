// Verbs on ships (nodes): taint, cordon, uncordon, drain.

import type { Taint } from '../objects/meta';
import type { Pod } from '../objects/workloads';
import type { Node } from '../objects/cluster';
import type { ExecResult } from '../sim/types';
import { fail, lines, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { intFlag, patch, typeAndName } from './kargs';

// ——— taint ———

/** Flags of kubectl taint. */
export const TAINT_FLAGS = {
  values: ['selector'],
  bools: ['overwrite', 'all'],
  short: { l: 'selector' },
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** `kubectl taint nodes NAME key=value:Effect` and `key:Effect-` / `key-` to remove. */
export function kubectlTaint(k: Kubectl): ExecResult {
  const all = k.parsed.args;
  const objectArgs = all[0]?.includes('/') ? all.slice(0, 1) : all.slice(0, 2);
  const specs = all.slice(objectArgs.length);
  const sub = k.withArgs(objectArgs);
  const target = typeAndName(sub, ['nodes']);
  if (isResult(target)) return target;
  if (specs.length === 0) return fail('error: at least one taint update is required');
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [key, effect] = body.split(':');
      if (effect && !(EFFECTS as readonly string[]).includes(effect))
        return fail(`error: invalid taint effect: ${effect}, unsupported taint effect`);
      remove.push({ key: key!, ...(effect ? { effect } : {}) });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) return fail(`error: unknown taint spec: ${spec}`);
    const effect = spec.slice(colon + 1);
    if (!(EFFECTS as readonly string[]).includes(effect))
      return fail(`error: invalid taint effect: ${effect}, unsupported taint effect`);
    const [key, value] = spec.slice(0, colon).split('=');
    if (!key) return fail(`error: invalid taint spec: ${spec}`);
    add.push({ key, ...(value ? { value } : {}), effect: effect as Taint['effect'] });
  }
  let problem: string | undefined;
  const result = patch<Node>(k, 'nodes', target.name, (node) => {
    let taints = [...(node.spec?.taints ?? [])];
    for (const r of remove) {
      const before = taints.length;
      taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (taints.length === before) {
        problem = `error: taint "${r.effect ? `${r.key}:${r.effect}` : r.key}" not found`;
        return node;
      }
    }
    for (const t of add) {
      const existing = taints.findIndex((x) => x.key === t.key && x.effect === t.effect);
      if (existing >= 0) {
        if (!k.on('overwrite')) {
          problem = `error: node ${target.name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`;
          return node;
        }
        taints[existing] = t;
      } else taints.push(t);
    }
    return { ...node, spec: { ...node.spec, taints } };
  });
  if (problem) return fail(problem);
  if (isResult(result)) return result;
  return ok(`node/${target.name} ${add.length > 0 ? 'tainted' : 'untainted'}`);
}

// ——— cordon, uncordon, drain ———

/** Flags of kubectl drain. */
export const DRAIN_FLAGS = {
  values: ['grace-period', 'timeout', 'selector', 'pod-selector'],
  bools: [
    'ignore-daemonsets',
    'force',
    'delete-emptydir-data',
    'delete-local-data',
    'disable-eviction',
    'dry-run',
  ],
  short: { l: 'selector' },
};

function setUnschedulable(k: Kubectl, name: string, value: boolean): string | ExecResult {
  let already = false;
  const result = patch<Node>(k, 'nodes', name, (node) => {
    if (Boolean(node.spec?.unschedulable) === value) {
      already = true;
      return node;
    }
    const spec = { ...node.spec };
    if (value) spec.unschedulable = true;
    else delete spec.unschedulable;
    return { ...node, spec };
  });
  if (isResult(result)) return result;
  const verb = value ? 'cordoned' : 'uncordoned';
  return `node/${name} ${already ? `already ${verb}` : verb}`;
}

/** `kubectl cordon NODE` / `kubectl uncordon NODE` */
export function kubectlCordon(k: Kubectl, cordon: boolean): ExecResult {
  const [name] = k.parsed.args;
  if (!name)
    return fail(
      `error: USAGE: ${cordon ? 'cordon' : 'uncordon'} NODE [flags]\nSee 'kubectl ${k.verb} -h' for help and examples`,
    );
  const text = setUnschedulable(k, name.replace(/^(nodes?|no)\//, ''), cordon);
  return isResult(text) ? text : ok(text);
}

/**
 * `kubectl drain NODE [--ignore-daemonsets] [--force]`: cordon, then evict the pods kubectl's
 * filters allow, with kubectl's messages. It does not wait for the pods to go (see simplifications).
 */
export function kubectlDrain(k: Kubectl): ExecResult {
  const [arg] = k.parsed.args;
  if (!arg)
    return fail("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
  const name = arg.replace(/^(nodes?|no)\//, '');
  const cordoned = setUnschedulable(k, name, true);
  if (isResult(cordoned)) return cordoned;
  const out = [cordoned];
  const listed = k.request({
    verb: 'list',
    resource: 'pods',
    options: { fields: { nodeName: name } },
  });
  if (!listed.ok) return fail(lines(cordoned, k.error(listed.error)));
  const pods = (listed.object as unknown as { items: Pod[] }).items;
  const controller = (p: Pod) => (p.metadata.ownerReferences ?? []).find((r) => r.controller);
  const fatal: string[] = [];
  const warnings: string[] = [];
  const daemon = pods.filter((p) => controller(p)?.kind === 'DaemonSet');
  const bare = pods.filter(
    (p) =>
      !controller(p) &&
      p.status.phase !== 'Succeeded' &&
      p.status.phase !== 'Failed' &&
      !p.metadata.annotations?.['kubernetes.io/config.mirror'],
  );
  const ref = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;
  if (bare.length > 0) {
    if (k.on('force'))
      warnings.push(`deleting Pods that declare no controller: ${bare.map(ref).join(', ')}`);
    else
      fatal.push(
        `cannot delete Pods declare no controller (use --force to override): ${bare.map(ref).join(', ')}`,
      );
  }
  if (daemon.length > 0) {
    if (k.on('ignore-daemonsets'))
      warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(ref).join(', ')}`);
    else
      fatal.push(
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(ref).join(', ')}`,
      );
  }
  if (fatal.length > 0) {
    const errors = fatal.length === 1 ? fatal[0]! : `[${fatal.join(', ')}]`;
    out.push(
      `error: unable to drain node "${name}" due to error: ${errors}, continuing command...`,
    );
    out.push('There are pending nodes to be drained:', ` ${name}`, ...fatal);
    return fail(lines(...out));
  }
  if (warnings.length > 0) out.push(`Warning: ${warnings.join('; ')}`);
  const evict = pods.filter(
    (p) => !daemon.includes(p) && !p.metadata.annotations?.['kubernetes.io/config.mirror'],
  );
  const grace = intFlag(k, 'grace-period');
  if (isResult(grace)) return grace;
  if (k.on('dry-run')) {
    for (const p of evict) out.push(`evicting pod ${ref(p)} (dry run)`);
    out.push(`node/${name} drained (dry run)`);
    return ok(lines(...out));
  }
  for (const p of evict) out.push(`evicting pod ${ref(p)}`);
  for (const p of evict) {
    const result = k.request({
      verb: 'delete',
      resource: 'pods',
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
      ...(grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    });
    if (!result.ok && result.error.reason !== 'NotFound') {
      out.push(
        `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${result.error.message}`,
      );
      return fail(lines(...out));
    }
    out.push(`pod/${p.metadata.name} evicted`);
  }
  out.push(`node/${name} drained`);
  return ok(lines(...out));
}
