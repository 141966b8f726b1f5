// kubectl version, cluster-info, api-resources and rollout status.

import { RESOURCES, apiVersionOf } from '../objects/resources';
import type { Deployment } from '../objects/workloads';
import type { ExecResult } from '../sim/types';
import { connectionRefused, fail, lines, note, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { resolveResource, SUPPORTED, unknownResource } from './resources';
import { kubectlTable } from './tabwriter';
import { toJson, toYaml } from './serialize';

/** The versions the console reports: the kubelet's (node/kubelet/settings.ts) and etcd 3.6. */
export const VERSIONS = {
  kubernetes: 'v1.34.3',
  kustomize: 'v5.7.1',
  etcd: '3.6.5',
  etcdApi: '3.6',
  goVersion: 'go1.24.6',
} as const;

/** `kubectl version [-o yaml|json] [--client]` */
export function kubectlVersion(k: Kubectl): ExecResult {
  const output = k.flag('output');
  const client = {
    major: '1',
    minor: VERSIONS.kubernetes.split('.')[1]!,
    gitVersion: VERSIONS.kubernetes,
    goVersion: VERSIONS.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
  const up = k.world.api.isRunning();
  if (output === 'yaml' || output === 'json') {
    const value = {
      clientVersion: client,
      kustomizeVersion: VERSIONS.kustomize,
      ...(up && !k.on('client') ? { serverVersion: client } : {}),
    };
    return ok(output === 'yaml' ? toYaml(value) : toJson(value));
  }
  const out = [
    `Client Version: ${VERSIONS.kubernetes}`,
    `Kustomize Version: ${VERSIONS.kustomize}`,
  ];
  if (k.on('client')) return ok(lines(...out));
  if (!up) return fail(lines(...out, connectionRefused(k.world.network.apiserverAddress)));
  out.push(`Server Version: ${VERSIONS.kubernetes}`);
  return ok(lines(...out));
}

/** `kubectl cluster-info` */
export function kubectlClusterInfo(k: Kubectl): ExecResult {
  if (k.parsed.args[0] === 'dump')
    return fail(note('cluster-info dump is not supported here; try kubectl get all -A'));
  const address = k.world.network.apiserverAddress;
  if (!k.world.api.isRunning()) {
    return fail(
      lines(
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
        connectionRefused(address),
      ),
    );
  }
  return ok(
    `Kubernetes control plane is running at https://${address}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  );
}

/** `kubectl api-resources [--namespaced=true|false] [-o wide|name]` — the resources served here. */
export function kubectlApiResources(k: Kubectl): ExecResult {
  if (!k.world.api.isRunning()) return fail(connectionRefused(k.world.network.apiserverAddress));
  const namespacedFlag = k.flag('namespaced');
  const rows = SUPPORTED.map((name) => RESOURCES[name]).filter(
    (r) => namespacedFlag === undefined || String(r.namespaced) === namespacedFlag,
  );
  if (k.flag('output') === 'name') {
    return ok(rows.map((r) => (r.group ? `${r.name}.${r.group}` : r.name)).join('\n'));
  }
  const table = [
    ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'],
    ...rows.map((r) => [
      r.name,
      r.shortNames.join(','),
      apiVersionOf(r),
      String(r.namespaced),
      r.kind,
    ]),
  ];
  return ok(kubectlTable(table));
}

/**
 * kubectl's DeploymentStatusViewer: one line saying where the rollout stands, and whether it is
 * done (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go).
 */
export function rolloutStatus(d: Deployment): { text: string; done: boolean; error?: boolean } {
  const name = d.metadata.name;
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = (s.conditions ?? []).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return {
        text: `error: deployment "${name}" exceeded its progress deadline`,
        done: true,
        error: true,
      };
    }
    const desired = d.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    const total = s.replicas ?? 0;
    const available = s.availableReplicas ?? 0;
    if (updated < desired) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
        done: false,
      };
    }
    if (total > updated) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`,
        done: false,
      };
    }
    if (available < updated) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
        done: false,
      };
    }
    return { text: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...', done: false };
}

/**
 * `kubectl rollout status deployment/NAME`: prints where the rollout stands and, until it is done,
 * keeps printing each new line as the Deployment's status changes (a console stream).
 */
export function kubectlRollout(k: Kubectl): ExecResult & { stream?: number } {
  const [sub, ...rest] = k.parsed.args;
  if (sub !== 'status') {
    return fail(
      sub
        ? note(`kubectl rollout ${sub} is not supported here; rollout status is`)
        : note('usage: kubectl rollout status deployment/NAME'),
    );
  }
  let [target] = rest;
  if (target && !target.includes('/') && rest[1]) target = `${target}/${rest[1]}`;
  if (!target || !target.includes('/')) {
    return fail(
      "error: required resource not specified\nSee 'kubectl rollout status -h' for help and examples",
    );
  }
  const word = target.slice(0, target.indexOf('/'));
  const name = target.slice(target.indexOf('/') + 1);
  const resource = resolveResource(word);
  if (!resource) return fail(unknownResource(word));
  if (resource !== 'deployments') return fail(note('rollout status works on deployments here'));
  const d = k.get<Deployment>('deployments', name);
  if (isResult(d)) return d;
  const first = rolloutStatus(d);
  if (first.done || k.flag('watch') === 'false') return { ok: !first.error, output: first.text };
  let last = first.text;
  const stream = k.cli.openStream(`kubectl rollout status deployment/${name}`);
  const opened = k.world.api.listAndWatch(
    'deployments',
    { namespace: k.namespace, fields: { name } },
    'kubectl',
    'control-plane',
    {
      event: (event) => {
        if (event.type === 'DELETED') return;
        const now = rolloutStatus(event.object as Deployment);
        if (now.text !== last) {
          last = now.text;
          stream.write(now.text);
        }
        if (now.done) cancel();
      },
      closed: (reason) => stream.write(note(`the watch ended: ${reason}`)),
    },
  );
  let cancel = () => {};
  if ('error' in opened) return fail(k.error(opened.error));
  cancel = opened.cancel;
  stream.onClose(opened.cancel);
  return { ok: true, output: first.text, stream: stream.id };
}
