// `kubectl get`: lists and single objects as tables (default, -o wide), -o yaml/json/name,
// -l/--selector, --field-selector, -A, --show-labels, -w.

import type { KObject } from '../objects/meta';
import { RESOURCES, apiVersionOf, type ResourceName } from '../objects/resources';
import type { KEvent } from '../objects/cluster';
import { parseSelector, matchesRequirements, type Requirement } from '../objects/labels';
import type { ExecResult } from '../sim/types';
import { connectionRefused, fail, lines, note } from './errors';
import { isResult, type Kubectl } from './kctx';
import { printTable } from './printers';
import { kindPrefix, resolveResource, unknownResource } from './resources';
import { listOf, toJson, toYaml } from './serialize';
import { kubectlTable } from './tabwriter';
import { tableRows } from './printers';

/** Flags of kubectl get. */
export const GET_FLAGS = {
  values: ['output', 'selector', 'field-selector', 'sort-by'],
  bools: [
    'all-namespaces',
    'show-labels',
    'watch',
    'watch-only',
    'no-headers',
    'ignore-not-found',
    'show-kind',
  ],
  short: { o: 'output', l: 'selector', A: 'all-namespaces', w: 'watch' },
};

/** The resources `kubectl get all` lists (the "all" category, those Shipshape serves). */
const ALL: readonly ResourceName[] = ['pods', 'services', 'deployments', 'replicasets'];

/** The -o values the console prints. */
export type OutputFormat = 'table' | 'wide' | 'yaml' | 'json' | 'name';

/** Reads -o, or returns kubectl's error for a format it cannot print. */
export function outputFormat(
  k: Kubectl,
  allowed: readonly OutputFormat[],
): OutputFormat | ExecResult {
  const value = k.flag('output');
  if (value === undefined || value === '') return 'table';
  if ((allowed as readonly string[]).includes(value)) return value as OutputFormat;
  const real =
    /^(jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|go-template|go-template-file|template|templatefile)(=|$)/;
  if (real.test(value)) {
    return fail(
      note(
        `-o ${value.split('=')[0]} is not supported here; use ${allowed
          .map((f) => (f === 'table' ? '' : `-o ${f}`))
          .filter(Boolean)
          .join(', ')}`,
      ),
    );
  }
  return fail(
    `error: unable to match a printer suitable for the output format "${value}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  );
}

type Group = { resource: ResourceName; names: string[] };

/** Splits `pods,svc web` or `pod/web deploy/api` into resource groups (kubectl's builder rules). */
export function resourceGroups(args: readonly string[]): Group[] | ExecResult {
  if (args.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const groups: Group[] = [];
  const add = (resource: ResourceName, name?: string) => {
    let group = groups.find((g) => g.resource === resource);
    if (!group) groups.push((group = { resource, names: [] }));
    if (name !== undefined) group.names.push(name);
  };
  if (args.some((a) => a.includes('/'))) {
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) {
        return fail(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const word = arg.slice(0, slash);
      const resource = resolveResource(word);
      if (!resource) return fail(unknownResource(word));
      add(resource, arg.slice(slash + 1));
    }
    return groups;
  }
  const [types, ...names] = args;
  for (const word of types!.split(',')) {
    if (word === '') continue;
    const resources = word.toLowerCase() === 'all' ? ALL : [resolveResource(word)];
    for (const resource of resources) {
      if (!resource) return fail(unknownResource(word));
      add(resource);
      for (const name of names) add(resource, name);
    }
  }
  return groups;
}

type FieldTest = { path: string; value: string; equal: boolean };

/** Fields a --field-selector may name for each resource (the ones kube-apiserver indexes). */
const FIELDS: Partial<Record<ResourceName, readonly string[]>> = {
  pods: [
    'spec.nodeName',
    'status.phase',
    'status.podIP',
    'spec.restartPolicy',
    'spec.schedulerName',
  ],
  events: [
    'involvedObject.kind',
    'involvedObject.name',
    'involvedObject.namespace',
    'involvedObject.uid',
    'reason',
    'type',
    'source',
  ],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
};

function fieldValue(obj: KObject, path: string): string {
  if (path === 'source') return (obj as KEvent).source?.component ?? '';
  let value: unknown = obj;
  for (const part of path.split('.')) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return path === 'spec.unschedulable' ? 'false' : '';
  return String(value);
}

function gvrText(resource: ResourceName): string {
  return `${apiVersionOf(RESOURCES[resource])}, Resource=${resource}`.replace(/^v1,/, '/v1,');
}

function parseFieldSelector(
  k: Kubectl,
  resource: ResourceName,
  text: string | undefined,
  labelText: string,
): FieldTest[] | ExecResult {
  if (!text) return [];
  const tests: FieldTest[] = [];
  for (const part of text.split(',')) {
    const match = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!match) {
      return fail(`error: invalid selector: '${text}'; can't understand '${part}'`);
    }
    const path = match[1]!.trim();
    const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS[resource] ?? [])];
    if (!allowed.includes(path)) {
      return fail(
        `Error from server (BadRequest): Unable to find "${gvrText(resource)}" that match label selector "${labelText}", field selector "${text}": field label not supported: ${path}`,
      );
    }
    tests.push({ path, value: match[3]!.trim(), equal: match[2] !== '!=' });
  }
  void k;
  return tests;
}

type Fetched = { resource: ResourceName; objects: KObject[]; errors: string[] };

function fetchGroup(
  k: Kubectl,
  group: Group,
  labels: Requirement[],
  fields: FieldTest[],
  allNamespaces: boolean,
): Fetched | ExecResult {
  const { resource } = group;
  const namespaced = RESOURCES[resource].namespaced;
  const keep = (obj: KObject) =>
    matchesRequirements(obj.metadata.labels, labels) &&
    fields.every((f) => (fieldValue(obj, f.path) === f.value) === f.equal);
  if (group.names.length === 0) {
    const result = k.request({
      verb: 'list',
      resource,
      options: {
        ...(namespaced && !allNamespaces ? { namespace: k.namespace } : {}),
        labels,
      },
    });
    if (!result.ok) return fail(k.error(result.error));
    const items = (result.object as unknown as { items: KObject[] }).items;
    return { resource, objects: items.filter(keep), errors: [] };
  }
  const objects: KObject[] = [];
  const errors: string[] = [];
  for (const name of group.names) {
    const result = k.request({
      verb: 'get',
      resource,
      ...(namespaced ? { namespace: k.namespace } : {}),
      name,
    });
    if (result.ok) {
      if (keep(result.object)) objects.push(result.object);
    } else if (
      result.error.reason === 'ConnectionRefused' ||
      result.error.reason === 'InternalError'
    ) {
      return fail(k.error(result.error));
    } else if (!(result.error.reason === 'NotFound' && k.on('ignore-not-found'))) {
      errors.push(k.error(result.error));
    }
  }
  return { resource, objects, errors };
}

/** kubectl's --sort-by on a dotted field path: numbers by value, everything else as text. */
function sortObjects(objects: readonly KObject[], path: string): KObject[] {
  const valueOf = (obj: KObject): unknown => {
    let value: unknown = obj;
    for (const part of path.split('.')) {
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value;
  };
  return objects
    .map((obj, i) => ({ obj, i, v: valueOf(obj) }))
    .sort((a, b) => {
      if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v || a.i - b.i;
      const x = a.v === undefined ? '' : String(a.v);
      const y = b.v === undefined ? '' : String(b.v);
      return x < y ? -1 : x > y ? 1 : a.i - b.i;
    })
    .map(({ obj }) => obj);
}

/** `kubectl get …` */
export function kubectlGet(k: Kubectl): ExecResult & { stream?: number } {
  const groups = resourceGroups(k.parsed.args);
  if (isResult(groups)) return groups;
  const format = outputFormat(k, ['table', 'wide', 'yaml', 'json', 'name']);
  if (isResult(format)) return format;
  const allNamespaces = k.on('all-namespaces');
  const labelText = k.flag('selector') ?? '';
  let labels: Requirement[];
  try {
    labels = parseSelector(labelText);
  } catch (e) {
    return fail(`error: ${(e as Error).message}`);
  }
  if (k.on('watch') || k.on('watch-only')) return watch(k, groups, labels, format);

  const fetched: Fetched[] = [];
  for (const group of groups) {
    const fields = parseFieldSelector(k, group.resource, k.flag('field-selector'), labelText);
    if (isResult(fields)) return fields;
    const result = fetchGroup(k, group, labels, fields, allNamespaces);
    if (isResult(result)) return result;
    fetched.push(result);
  }
  const sortBy = k.flag('sort-by');
  if (sortBy !== undefined) {
    const path = /^\{?\.([A-Za-z0-9_.]+)\}?$/.exec(sortBy)?.[1];
    if (!path)
      return fail(
        note(
          `--sort-by takes a simple field path here, like .metadata.creationTimestamp or .lastTimestamp`,
        ),
      );
    for (const f of fetched) f.objects = sortObjects(f.objects, path);
  }
  const errors = fetched.flatMap((f) => f.errors);
  const objects = fetched.flatMap((f) => f.objects);
  const asked = groups.some((g) => g.names.length > 0);
  const withKind = groups.length > 1 || k.on('show-kind');
  let body = '';
  if (format === 'yaml' || format === 'json') {
    const single = groups.length === 1 && groups[0]!.names.length === 1 && objects.length === 1;
    if (objects.length > 0 || !asked) {
      const value = single ? objects[0] : listOf(objects);
      body = format === 'yaml' ? toYaml(value) : toJson(value);
    }
  } else if (format === 'name') {
    body = fetched
      .flatMap((f) => f.objects.map((o) => `${kindPrefix(f.resource)}/${o.metadata.name}`))
      .join('\n');
  } else {
    body = fetched
      .filter((f) => f.objects.length > 0)
      .map((f) =>
        printTable(f.resource, f.objects, k.now(), {
          wide: format === 'wide',
          allNamespaces: allNamespaces && RESOURCES[f.resource].namespaced,
          showLabels: k.on('show-labels'),
          withKind,
          noHeaders: k.on('no-headers'),
        }),
      )
      .join('\n\n');
  }
  let empty = '';
  if (objects.length === 0 && !asked && format !== 'yaml' && format !== 'json') {
    const namespaced = groups.some((g) => RESOURCES[g.resource].namespaced);
    empty =
      namespaced && !allNamespaces
        ? `No resources found in ${k.namespace} namespace.`
        : 'No resources found';
  }
  return { ok: errors.length === 0, output: lines(body, empty, ...errors) };
}

function watch(
  k: Kubectl,
  groups: Group[],
  labels: Requirement[],
  format: string,
): ExecResult & { stream?: number } {
  if (groups.length !== 1) return fail('error: you may only specify a single resource type');
  if (format !== 'table' && format !== 'wide' && format !== 'name') {
    return fail(note('get -w prints tables or names here; drop -o yaml/json'));
  }
  const group = groups[0]!;
  const resource = group.resource;
  const namespaced = RESOURCES[resource].namespaced;
  const allNamespaces = k.on('all-namespaces') && namespaced;
  const names = new Set(group.names);
  const matches = (obj: KObject) => names.size === 0 || names.has(obj.metadata.name);
  const options = {
    ...(namespaced && !allNamespaces ? { namespace: k.namespace } : {}),
    labels,
    ...(group.names.length === 1 ? { fields: { name: group.names[0]! } } : {}),
  };
  const remembered: number[] = [];
  const tableOptions = {
    wide: format === 'wide',
    allNamespaces,
    showLabels: k.on('show-labels'),
    remembered,
  };
  // The header goes out with the first row printed, as kubectl's printer does.
  let headerShown = false;
  const row = (obj: KObject) => {
    if (format === 'name') return `${kindPrefix(resource)}/${obj.metadata.name}`;
    const rows = tableRows(resource, [obj], k.now(), { ...tableOptions, noHeaders: headerShown });
    headerShown = true;
    return kubectlTable(rows, remembered);
  };
  if (!k.world.api.isRunning()) return fail(connectionRefused(k.world.network.apiserverAddress));
  const stream = k.cli.openStream(['kubectl', k.verb, ...k.parsed.args, '-w'].join(' '));
  const opened = k.world.api.listAndWatch(resource, options, 'kubectl', 'control-plane', {
    event: (event) => {
      if (!matches(event.object)) return;
      for (const line of row(event.object).split('\n')) stream.write(line);
    },
    closed: (reason) => stream.write(note(`the watch ended: ${reason}`)),
  });
  if ('error' in opened) return fail(k.error(opened.error));
  const initial = (opened.list.items as KObject[]).filter(matches);
  stream.onClose(opened.cancel);
  let output = '';
  if (!k.on('watch-only') && initial.length > 0) {
    output =
      format === 'name'
        ? initial.map((o) => `${kindPrefix(resource)}/${o.metadata.name}`).join('\n')
        : printTable(resource, initial, k.now(), tableOptions);
    headerShown = true;
  }
  return { ok: true, output, stream: stream.id };
}
