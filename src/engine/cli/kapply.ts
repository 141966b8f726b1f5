// `kubectl apply -f -` and `kubectl create -f -`: multi-document YAML, client-side apply with the
// kubectl.kubernetes.io/last-applied-configuration annotation and a three-way merge.
// Every document is checked (YAML, kind, fields, the API server's admission and validation)
// before any is written: an invalid set leaves the ledger untouched.

import { parseAllDocuments } from 'yaml';
import { admitCreate, admitUpdate } from '../api/admission';
import { validateCreate, validateUpdate } from '../api/validation';
import type { FieldError } from '../api/errors';
import type { KObject } from '../objects/meta';
import { RESOURCES, apiVersionOf, qualifiedName, type ResourceName } from '../objects/resources';
import type { ExecResult } from '../sim/types';
import { causesOf, connectionRefused, fail, invalidMessage, lines, note, ok } from './errors';
import type { Kubectl } from './kctx';
import { unknownFields } from './manifestSchema';
import { objectRef, resourceForKind } from './resources';
import { compactJson, sortKeys } from './serialize';

/** The annotation client-side apply keeps the last applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Flags of kubectl apply (and create -f). */
export const APPLY_FLAGS = {
  values: ['filename', 'output', 'dry-run', 'validate', 'field-manager'],
  bools: ['server-side', 'force-conflicts', 'prune', 'recursive', 'overwrite'],
  short: { f: 'filename', o: 'output', R: 'recursive' },
};

type Doc = {
  obj: Record<string, unknown>;
  resource: ResourceName;
  name: string;
  namespace?: string;
};

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** How many lines precede the document that holds `line` (up to and including its `---`). */
function documentStartLine(yaml: string, line: number): number {
  const lines = yaml.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i -= 1) {
    if (/^---(\s|$)/.test(lines[i]!) && i + 1 < line) return i + 1;
  }
  return 0;
}

/** Turns the YAML into objects, or kubectl's error for the first document that is not valid. */
export function parseManifest(yaml: string, source: string): Json[] | string {
  const docs = parseAllDocuments(yaml, { version: '1.1', uniqueKeys: true });
  const out: Json[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // kubectl decodes one document at a time: go-yaml counts lines from the document's start.
      const where = pos
        ? `line ${pos.line - documentStartLine(yaml, pos.line)}, column ${pos.col}: `
        : '';
      return `error: error parsing ${source}: error converting YAML to JSON: yaml: ${where}${reason}`;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (!isMap(value)) {
      const kind = Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'bool'
            : 'string';
      return `error: unable to decode "${source}": json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
    }
    if (value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) if (isMap(item)) out.push(item);
      continue;
    }
    out.push(value);
  }
  return out;
}

/** kubectl's client-side checks of one object: apiVersion, kind, a known type, a name. */
function checkDoc(k: Kubectl, obj: Json, source: string, verb: 'apply' | 'create'): Doc | string {
  const missing = [
    typeof obj.apiVersion === 'string' && obj.apiVersion ? '' : 'apiVersion not set',
    typeof obj.kind === 'string' && obj.kind ? '' : 'kind not set',
  ].filter(Boolean);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return `error: error validating "${source}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  const apiVersion = obj.apiVersion as string;
  const kind = obj.kind as string;
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const resource = resourceForKind(apiVersion, kind);
  if (!resource) {
    return `error: resource mapping not found for name: "${name}" namespace: "${typeof meta.namespace === 'string' ? meta.namespace : ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
  }
  const info = RESOURCES[resource];
  let namespace: string | undefined;
  if (info.namespaced) {
    const given = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined;
    if (given && k.namespaceGiven && given !== k.namespace) {
      return `error: the namespace from the provided object "${given}" does not match the namespace "${k.namespace}". You must pass '--namespace=${given}' to perform this operation.`;
    }
    namespace = given ?? k.namespace;
  }
  if (!name) {
    if (verb === 'apply' && typeof meta.generateName === 'string') {
      return `error: from ${meta.generateName}: cannot use generate name with apply`;
    }
    if (verb === 'apply') {
      return `error: error when retrieving current configuration of:\nResource: "${apiVersionOf(info)}, Resource=${resource}", GroupVersionKind: "${apiVersion}, Kind=${kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty`;
    }
  }
  const unknown = unknownFields(kind, obj);
  if (unknown.length > 0) {
    const verbing = verb === 'apply' ? 'applying' : 'creating';
    return `Error from server (BadRequest): error when ${verbing} "${source}": ${kind} in version "${info.version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`;
  }
  return { obj, resource, name, ...(namespace !== undefined ? { namespace } : {}) };
}

/** The object with kubectl's namespace and without the last-applied annotation: what apply records. */
function appliedConfig(doc: Doc): Json {
  const meta = { ...(doc.obj.metadata as Json | undefined) };
  const annotations = { ...(meta.annotations as Record<string, string> | undefined) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  if (doc.namespace !== undefined) meta.namespace = doc.namespace;
  return { ...doc.obj, metadata: meta };
}

/** Strategic merge keys of the lists a learner edits. */
function mergeKey(field: string, items: readonly unknown[]): string | undefined {
  if (['containers', 'initContainers', 'env', 'volumes', 'imagePullSecrets'].includes(field))
    return 'name';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'ports')
    return items.every((i) => isMap(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  return undefined;
}

/**
 * Three-way merge (kubectl's client-side apply, simplified to JSON): fields in the new manifest
 * win; fields the previous manifest had and the new one dropped are removed; fields neither
 * manifest set (server defaults, status, other writers' changes) are kept. Lists with a merge key
 * (containers by name, ports by port) merge element by element.
 */
export function threeWayMerge(
  current: unknown,
  modified: unknown,
  original: unknown,
  field = '',
): unknown {
  if (isMap(modified) && isMap(current)) {
    const out: Json = { ...current };
    for (const [key, value] of Object.entries(modified)) {
      out[key] = threeWayMerge(
        current[key],
        value,
        isMap(original) ? original[key] : undefined,
        key,
      );
    }
    if (isMap(original)) {
      for (const key of Object.keys(original)) if (!(key in modified)) delete out[key];
    }
    return out;
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    const key = mergeKey(field, modified);
    if (!key) return modified;
    const keyOf = (item: unknown) => (isMap(item) ? String(item[key]) : undefined);
    const originalList = Array.isArray(original) ? original : [];
    const merged = modified.map((item) => {
      const id = keyOf(item);
      const was = current.find((c) => keyOf(c) === id);
      const before = originalList.find((o) => keyOf(o) === id);
      return was === undefined ? item : threeWayMerge(was, item, before, '');
    });
    for (const item of current) {
      const id = keyOf(item);
      const inModified = modified.some((m) => keyOf(m) === id);
      const inOriginal = originalList.some((o) => keyOf(o) === id);
      if (!inModified && !inOriginal) merged.push(item);
    }
    return merged;
  }
  return modified;
}

type Plan =
  | { kind: 'create'; doc: Doc; body: KObject }
  | { kind: 'update'; doc: Doc; body: KObject; warning: boolean }
  | { kind: 'unchanged'; doc: Doc };

const settingsFor = (k: Kubectl) => ({
  ...k.world.api.admission,
  // A dry run must not draw from the seeded PRNG: any address will do for validation.
  allocateClusterIP: () => '10.96.0.1',
});

function dryRunCreate(k: Kubectl, resource: ResourceName, body: KObject): FieldError[] {
  const withMeta = {
    ...body,
    metadata: { ...body.metadata, uid: '', resourceVersion: '', creationTimestamp: '' },
  } as KObject;
  return validateCreate(resource, admitCreate(resource, withMeta, settingsFor(k)));
}

function dryRunUpdate(
  k: Kubectl,
  resource: ResourceName,
  old: KObject,
  body: KObject,
): FieldError[] {
  return validateUpdate(resource, old, admitUpdate(resource, body, settingsFor(k)));
}

function invalidText(resource: ResourceName, name: string, errors: FieldError[]): string {
  return invalidMessage(RESOURCES[resource].kind, name, causesOf(errors));
}

/**
 * `kubectl apply -f -` (or `create -f -` with `verb: 'create'`) of a YAML stream.
 *
 * @example
 * applyYaml(k, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', 'apply'); // namespace/shop created
 */
export function applyYaml(
  k: Kubectl,
  yaml: string,
  verb: 'apply' | 'create',
  source = 'STDIN',
): ExecResult {
  const parsed = parseManifest(yaml, source);
  if (typeof parsed === 'string') return fail(parsed);
  if (parsed.length === 0) return fail('error: no objects passed to ' + verb);
  if (!k.world.api.isRunning()) return fail(connectionRefused(k.world.network.apiserverAddress));

  const errors: string[] = [];
  const docs: Doc[] = [];
  for (const obj of parsed) {
    const doc = checkDoc(k, obj, source, verb);
    if (typeof doc === 'string') errors.push(doc);
    else docs.push(doc);
  }
  if (errors.length > 0) return failAll(errors);

  const plans: Plan[] = [];
  const namespacesPlanned = new Set<string>();
  for (const doc of docs) {
    const got = k.request({
      verb: 'get',
      resource: doc.resource,
      ...(doc.namespace !== undefined ? { namespace: doc.namespace } : {}),
      name: doc.name,
    });
    if (!got.ok && got.error.reason !== 'NotFound') return failAll([k.error(got.error)]);
    const config = appliedConfig(doc);
    const annotationValue = `${compactJson(config)}\n`;
    const verbing = got.ok ? 'patching' : 'creating';
    if (
      doc.namespace !== undefined &&
      doc.resource !== 'namespaces' &&
      !namespacesPlanned.has(doc.namespace)
    ) {
      const ns = k.world.api.cached('namespaces', undefined, doc.namespace);
      if (!ns) {
        errors.push(
          `Error from server (NotFound): error when ${verbing} "${source}": namespaces "${doc.namespace}" not found`,
        );
        continue;
      }
    }
    if (doc.resource === 'namespaces') namespacesPlanned.add(doc.name);
    if (!got.ok) {
      const meta = { ...(config.metadata as Json) };
      const annotations = { ...(meta.annotations as Record<string, string>) };
      if (verb === 'apply') annotations[LAST_APPLIED] = annotationValue;
      if (Object.keys(annotations).length > 0) meta.annotations = annotations;
      else delete meta.annotations;
      const body = { ...config, metadata: meta } as unknown as KObject;
      // The API server drops status on create for kinds with a status subresource
      // (their strategies' PrepareForCreate); the simulation's bridge keeps it, so drop it here.
      if (RESOURCES[doc.resource].statusSubresource) delete (body as { status?: unknown }).status;
      const problems = dryRunCreate(k, doc.resource, body);
      if (problems.length > 0) errors.push(invalidText(doc.resource, doc.name, problems));
      else plans.push({ kind: 'create', doc, body });
      continue;
    }
    if (verb === 'create') {
      errors.push(
        `Error from server (AlreadyExists): error when creating "${source}": ${qualifiedName(doc.resource)} "${doc.name}" already exists`,
      );
      continue;
    }
    const current = got.object as unknown as Json;
    const currentMeta = current.metadata as Json;
    const lastText = (currentMeta.annotations as Record<string, string> | undefined)?.[
      LAST_APPLIED
    ];
    let original: unknown;
    try {
      original = lastText ? JSON.parse(lastText) : undefined;
    } catch {
      original = undefined;
    }
    const merged = threeWayMerge(current, config, original) as Json;
    const mergedMeta = { ...(merged.metadata as Json) };
    mergedMeta.annotations = {
      ...(mergedMeta.annotations as Record<string, string> | undefined),
      [LAST_APPLIED]: annotationValue,
    };
    const body = { ...merged, metadata: mergedMeta } as unknown as KObject;
    if (compactJson(sortKeys(body)) === compactJson(sortKeys(current))) {
      plans.push({ kind: 'unchanged', doc });
      continue;
    }
    const problems = dryRunUpdate(k, doc.resource, got.object, body);
    if (problems.length > 0) errors.push(invalidText(doc.resource, doc.name, problems));
    else plans.push({ kind: 'update', doc, body, warning: !lastText });
  }
  if (errors.length > 0) return failAll(errors);

  const out: string[] = [];
  for (const plan of plans) {
    const ref = objectRef(plan.doc.resource, plan.doc.name);
    if (plan.kind === 'unchanged') {
      out.push(`${ref} unchanged`);
      continue;
    }
    const result =
      plan.kind === 'create'
        ? k.request({ verb: 'create', resource: plan.doc.resource, body: plan.body })
        : k.request({ verb: 'update', resource: plan.doc.resource, body: plan.body });
    if (!result.ok) {
      out.push(k.error(result.error));
      return fail(lines(...out));
    }
    if (plan.kind === 'update' && plan.warning) {
      out.push(
        `Warning: resource ${plan.doc.resource}/${plan.doc.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      );
    }
    out.push(`${ref} ${plan.kind === 'create' ? 'created' : 'configured'}`);
  }
  return ok(lines(...out));
}

function failAll(errors: string[]): ExecResult {
  return fail(
    lines(
      ...errors,
      note('nothing was applied: every document is checked before any is written here'),
    ),
  );
}

/** `kubectl apply -f FILE|-` and `kubectl create -f FILE|-` */
export function kubectlApplyFile(k: Kubectl, verb: 'apply' | 'create'): ExecResult {
  const file = k.flag('filename');
  if (file === undefined) {
    return fail(
      `error: must specify one of -f and -k\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  }
  if (k.on('server-side'))
    return fail(note('server-side apply is not modelled; drop --server-side'));
  if (file !== '-') {
    return fail(
      `error: the path "${file}" does not exist\n${note('this console has no files: paste the YAML instead (kubectl apply -f - reads it)')}`,
    );
  }
  if (k.stdin === undefined || k.stdin.trim() === '') {
    return fail(`error: no objects passed to ${verb}`);
  }
  return applyYaml(k, k.stdin, verb);
}
