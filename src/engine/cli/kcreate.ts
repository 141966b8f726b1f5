// `kubectl create deployment|namespace` (and --dry-run=client -o yaml).

import type { KObject } from '../objects/meta';
import type { ResourceName } from '../objects/resources';
import type { Container, Deployment } from '../objects/workloads';
import type { ExecResult } from '../sim/types';
import { fail, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { objectRef } from './resources';
import { toJson, toYaml } from './serialize';
import { intFlag } from './kargs';

// ——— create ———

/** Flags of kubectl create. */
export const CREATE_FLAGS = {
  values: ['image', 'replicas', 'port', 'output', 'dry-run', 'filename'],
  bools: ['save-config'],
  repeated: ['image'],
  short: { o: 'output', f: 'filename', r: 'replicas' },
};

/** The container name kubectl create deployment derives from an image: `nginx:1.27` → `nginx`. */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  return name.replace(/[_.]/g, '-');
}

/** `kubectl create deployment NAME --image=… [--replicas=N] [--port=N]` */
export function createDeployment(k: Kubectl, name: string | undefined): ExecResult {
  if (!name)
    return fail(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples",
    );
  const images = k.parsed.lists.get('image') ?? [];
  if (images.length === 0) return fail('error: required flag(s) "image" not set');
  const replicas = intFlag(k, 'replicas');
  if (isResult(replicas)) return replicas;
  const port = intFlag(k, 'port');
  if (isResult(port)) return port;
  const labels = { app: name };
  const containers: Container[] = images.map((image) => ({ name: containerNameFor(image), image }));
  if (port !== undefined && port >= 0 && containers[0])
    containers[0].ports = [{ containerPort: port }];
  const body = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels, ...(k.namespaceGiven ? { namespace: k.namespace } : {}) },
    spec: {
      replicas: replicas ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
    },
  } as unknown as Deployment;
  const dryRun = k.flag('dry-run');
  if (dryRun !== undefined && dryRun !== 'none') {
    if (dryRun !== 'client' && dryRun !== 'server') {
      return fail(
        `error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`,
      );
    }
    return printGenerated(k, 'deployments', body);
  }
  const result = k.request({
    verb: 'create',
    resource: 'deployments',
    body: { ...body, metadata: { ...body.metadata, namespace: k.namespace } },
  });
  if (!result.ok) {
    if (result.error.reason === 'ConnectionRefused') return fail(k.error(result.error));
    return fail(`error: failed to create deployment: ${result.error.message}`);
  }
  return ok(`deployment.apps/${name} created`);
}

/** `--dry-run=client [-o yaml|json]`: what kubectl would send, as kubectl prints a generated object. */
function printGenerated(k: Kubectl, resource: ResourceName, body: KObject): ExecResult {
  const output = k.flag('output');
  const generated = generatedShape(body);
  if (output === 'yaml') return ok(toYaml(generated));
  if (output === 'json') return ok(toJson(generated));
  if (output === 'name') return ok(objectRef(resource, body.metadata.name));
  if (output)
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`,
    );
  return ok(`${objectRef(resource, body.metadata.name)} created (dry run)`);
}

/** A generated object as Go serializes it: null creationTimestamp, empty strategy/resources/status. */
function generatedShape(body: KObject): unknown {
  const obj = JSON.parse(JSON.stringify(body)) as Record<string, unknown> & {
    metadata: Record<string, unknown>;
  };
  obj.metadata.creationTimestamp = null;
  if (obj.kind === 'Deployment') {
    const spec = obj.spec as {
      strategy?: unknown;
      template: {
        metadata: Record<string, unknown>;
        spec: { containers: Record<string, unknown>[] };
      };
    };
    spec.strategy = {};
    spec.template.metadata.creationTimestamp = null;
    for (const c of spec.template.spec.containers) c.resources = {};
  }
  if (obj.kind === 'Namespace') obj.spec = {};
  obj.status = {};
  return obj;
}

/** `kubectl create namespace NAME` */
export function createNamespace(k: Kubectl, name: string | undefined): ExecResult {
  if (!name)
    return fail(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples",
    );
  const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as unknown as KObject;
  const dryRun = k.flag('dry-run');
  if (dryRun !== undefined && dryRun !== 'none') return printGenerated(k, 'namespaces', body);
  const result = k.request({ verb: 'create', resource: 'namespaces', body });
  if (!result.ok) return fail(k.error(result.error));
  return ok(`namespace/${name} created`);
}
