// Helpers the write verbs share: TYPE NAME arguments, integer flags, read-then-patch.

import type { KObject } from '../objects/meta';
import { RESOURCES, type ResourceName } from '../objects/resources';
import type { ExecResult } from '../sim/types';
import { fail, note } from './errors';
import { isResult, type Kubectl } from './kctx';
import { resolveResource, unknownResource } from './resources';

/** `TYPE NAME` or `TYPE/NAME` at the start of the arguments. */
export function typeAndName(
  k: Kubectl,
  allowed: readonly ResourceName[],
): { resource: ResourceName; name: string; rest: string[] } | ExecResult {
  const [first, ...rest] = k.parsed.args;
  if (!first) return fail(`error: you must specify the type of resource and its name`);
  let word = first;
  let name: string | undefined;
  if (first.includes('/')) {
    word = first.slice(0, first.indexOf('/'));
    name = first.slice(first.indexOf('/') + 1);
  } else name = rest.shift();
  const resource = resolveResource(word);
  if (!resource) return fail(unknownResource(word));
  if (!name) return fail(`error: resource(s) were provided, but no name was specified`);
  if (!allowed.includes(resource)) {
    return fail(note(`kubectl ${k.verb} works on ${allowed.join(', ')} here`));
  }
  return { resource, name, rest };
}

/** The namespace field of a request for `resource` (none for cluster-scoped kinds). */
export function nsOf(k: Kubectl, resource: ResourceName): { namespace?: string } {
  return RESOURCES[resource].namespaced ? { namespace: k.namespace } : {};
}

/**
 * Changes an object server-side (a patch). The change is first tried on the object as read, so a
 * refused or empty change writes nothing (kubectl sends no request for an empty patch).
 */
export function patch<T extends KObject>(
  k: Kubectl,
  resource: ResourceName,
  name: string,
  mutate: (current: T) => T,
): T | ExecResult {
  const current = k.get<T>(resource, name);
  if (isResult(current)) return current;
  const next = mutate(current);
  if (next === current) return current;
  const result = k.request<T>({
    verb: 'patch',
    resource,
    ...nsOf(k, resource),
    name,
    mutate: (current) => mutate(current as T),
  });
  if (!result.ok) return fail(k.error(result.error));
  return result.object;
}

/** An integer flag, or pflag's error for a value that is not one. */
export function intFlag(k: Kubectl, name: string): number | undefined | ExecResult {
  const text = k.flag(name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) {
    return fail(
      `error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl ${k.verb} --help' for usage.`,
    );
  }
  return Number(text);
}
