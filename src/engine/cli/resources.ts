import { RESOURCES, apiVersionOf, type ResourceName } from '../objects/resources';

/** Resources kubectl can name in this console, in `kubectl api-resources` order. */
export const SUPPORTED: readonly ResourceName[] = [
  'events',
  'namespaces',
  'nodes',
  'pods',
  'services',
  'deployments',
  'replicasets',
  'leases',
  'endpointslices',
];

const aliases = new Map<string, ResourceName>();
for (const name of SUPPORTED) {
  const r = RESOURCES[name];
  const words = [r.name, r.singular, ...r.shortNames];
  for (const word of words) {
    aliases.set(word, name);
    if (r.group) aliases.set(`${word}.${r.group}`, name);
  }
}

/**
 * The resource a kubectl word names: plural, singular, short name, or group-qualified
 * (`deployments.apps`). Case-insensitive, as kubectl's RESTMapper is.
 *
 * @example
 * resolveResource('deploy'); // 'deployments'
 */
export function resolveResource(word: string): ResourceName | undefined {
  return aliases.get(word.toLowerCase());
}

/** `kubectl`'s error for a word that names no resource. */
export function unknownResource(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `TYPE/NAME` output. */
export function kindPrefix(resource: ResourceName): string {
  const r = RESOURCES[resource];
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `deployment.apps/web`: the name kubectl prints after create, apply, scale… */
export function objectRef(resource: ResourceName, name: string): string {
  return `${kindPrefix(resource)}/${name}`;
}

/** The resource served for a manifest's `apiVersion` and `kind`, if any. */
export function resourceForKind(apiVersion: string, kind: string): ResourceName | undefined {
  for (const name of SUPPORTED) {
    const r = RESOURCES[name];
    if (r.kind === kind && apiVersionOf(r) === apiVersion) return name;
  }
  return undefined;
}

/** `deployments.apps`: the qualified plural kubectl uses in messages. */
export function qualifiedPlural(resource: ResourceName): string {
  const r = RESOURCES[resource];
  return r.group ? `${r.name}.${r.group}` : r.name;
}
