// `kubectl delete`.

import type { KObject } from '../objects/meta';
import { RESOURCES, type ResourceName } from '../objects/resources';
import { parseSelector, matchesRequirements, type Requirement } from '../objects/labels';
import type { ExecResult } from '../sim/types';
import { fail, lines, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { kindPrefix, objectRef, resolveResource, unknownResource } from './resources';
import { intFlag, nsOf } from './kargs';

// ——— delete ———

/** Flags of kubectl delete. */
export const DELETE_FLAGS = {
  values: ['grace-period', 'selector', 'output', 'cascade', 'timeout'],
  bools: ['force', 'all', 'now', 'wait', 'ignore-not-found', 'all-namespaces'],
  short: { l: 'selector', o: 'output', A: 'all-namespaces' },
};

const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** `kubectl delete TYPE NAME…` / `TYPE/NAME…` / `TYPE -l sel` / `TYPE --all` */
export function kubectlDelete(k: Kubectl): ExecResult {
  const args = k.parsed.args;
  if (args.length === 0) {
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const targets: { resource: ResourceName; name: string }[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        return fail(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const resource = resolveResource(arg.slice(0, slash));
      if (!resource) return fail(unknownResource(arg.slice(0, slash)));
      targets.push({ resource, name: arg.slice(slash + 1) });
    }
  } else {
    const resource = resolveResource(args[0]!);
    if (!resource) return fail(unknownResource(args[0]!));
    const names = args.slice(1);
    const selectorText = k.flag('selector');
    if (names.length === 0) {
      if (!selectorText && !k.on('all')) {
        return fail('error: resource(s) were provided, but no name was specified');
      }
      let selector: Requirement[] = [];
      try {
        selector = parseSelector(selectorText ?? '');
      } catch (e) {
        return fail(`error: ${(e as Error).message}`);
      }
      const listed = k.request({
        verb: 'list',
        resource,
        options:
          RESOURCES[resource].namespaced && !k.on('all-namespaces')
            ? { namespace: k.namespace }
            : {},
      });
      if (!listed.ok) return fail(k.error(listed.error));
      const items = (listed.object as unknown as { items: KObject[] }).items.filter((o) =>
        matchesRequirements(o.metadata.labels, selector),
      );
      if (items.length === 0) {
        return ok(
          RESOURCES[resource].namespaced && !k.on('all-namespaces')
            ? `No resources found in ${k.namespace} namespace.`
            : 'No resources found',
        );
      }
      for (const o of items) targets.push({ resource, name: o.metadata.name });
    } else for (const name of names) targets.push({ resource, name });
  }

  const graceFlag = intFlag(k, 'grace-period');
  if (isResult(graceFlag)) return graceFlag;
  let grace = graceFlag ?? -1;
  const force = k.on('force');
  if (k.on('now')) grace = 1;
  // delete.go: --force alone means --grace-period=0; --grace-period=0 alone is bumped to 1.
  if (force && grace < 0) grace = 0;
  if (grace === 0 && !force) grace = 1;
  const out: string[] = [];
  let failed = false;
  if (force && grace === 0) {
    out.push(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  for (const { resource, name } of targets) {
    if (resource === 'namespaces' && PROTECTED_NAMESPACES.has(name)) {
      out.push(
        `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
      failed = true;
      continue;
    }
    if (resource === 'namespaces') {
      const emptied = emptyNamespace(k, name);
      if (emptied) {
        out.push(emptied);
        failed = true;
        continue;
      }
    }
    const result = k.request({
      verb: 'delete',
      resource,
      ...nsOf(k, resource),
      name,
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    });
    if (!result.ok) {
      if (result.error.reason === 'NotFound' && k.on('ignore-not-found')) continue;
      out.push(k.error(result.error));
      failed = true;
      if (result.error.reason === 'ConnectionRefused') break;
      continue;
    }
    if (k.flag('output') === 'name') out.push(objectRef(resource, name));
    else
      out.push(
        `${kindPrefix(resource)} "${name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}`,
      );
  }
  return { ok: !failed, output: lines(...out) };
}

/**
 * The namespace controller's work, done at once: every object in the namespace is deleted before
 * the namespace itself (see simplifications: `kubectl.namespace-deletion`).
 */
function emptyNamespace(k: Kubectl, namespace: string): string | undefined {
  const exists = k.request({ verb: 'get', resource: 'namespaces', name: namespace });
  if (!exists.ok) return k.error(exists.error);
  const order: ResourceName[] = [
    'deployments',
    'replicasets',
    'pods',
    'services',
    'endpointslices',
    'leases',
    'events',
  ];
  for (const resource of order) {
    const listed = k.request({ verb: 'list', resource, options: { namespace } });
    if (!listed.ok) return k.error(listed.error);
    for (const obj of (listed.object as unknown as { items: KObject[] }).items) {
      k.request({
        verb: 'delete',
        resource,
        namespace,
        name: obj.metadata.name,
        gracePeriodSeconds: 0,
      });
    }
  }
  return undefined;
}
