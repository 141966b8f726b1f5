// `kubectl …`: the subcommand dispatcher.

import type { ExecResult } from '../sim/types';
import type { CliContext } from './context';
import { fail, note, ok } from './errors';
import { Kubectl, isResult, parseKubectl } from './kctx';
import { GET_FLAGS, kubectlGet } from './kget';
import { DESCRIBE_FLAGS, kubectlDescribe } from './kdescribe';
import { CREATE_FLAGS, createDeployment, createNamespace } from './kcreate';
import { DELETE_FLAGS, kubectlDelete } from './kdelete';
import { DRAIN_FLAGS, TAINT_FLAGS, kubectlCordon, kubectlDrain, kubectlTaint } from './knodes';
import {
  EXPOSE_FLAGS,
  LABEL_FLAGS,
  SCALE_FLAGS,
  SET_FLAGS,
  kubectlExpose,
  kubectlLabel,
  kubectlScale,
  kubectlSetImage,
} from './kwrite';
import { APPLY_FLAGS, applyYaml, kubectlApplyFile } from './kapply';
import { EXEC_FLAGS, LOGS_FLAGS, kubectlExec, kubectlLogs } from './kexec';
import { kubectlApiResources, kubectlClusterInfo, kubectlRollout, kubectlVersion } from './kinfo';
import type { FlagSpec } from './shell';

type Handler = (k: Kubectl) => ExecResult & { stream?: number };

type Command = { flags: FlagSpec; run: Handler; summary: string };

const COMMANDS: Record<string, Command> = {
  get: {
    flags: GET_FLAGS,
    run: kubectlGet,
    summary: 'get TYPE [NAME] [-o wide|yaml|json|name] [-l sel] [-A] [-w] [--show-labels]',
  },
  describe: {
    flags: DESCRIBE_FLAGS,
    run: kubectlDescribe,
    summary: 'describe node|pod|deployment|replicaset|service|namespace NAME',
  },
  create: {
    flags: CREATE_FLAGS,
    run: (k) => {
      const [what, name] = k.parsed.args;
      if (k.flag('filename') !== undefined) return kubectlApplyFile(k, 'create');
      if (what === 'deployment' || what === 'deploy') return createDeployment(k, name);
      if (what === 'namespace' || what === 'ns') return createNamespace(k, name);
      if (!what)
        return fail(
          "error: must specify one of -f and -k\nSee 'kubectl create -h' for help and examples",
        );
      return fail(
        `error: unknown command "${what}" for "kubectl create"\n${note('kubectl create deployment, create namespace and create -f - are supported here')}`,
      );
    },
    summary:
      'create deployment NAME --image=IMG [--replicas=N] [--port=N] | create namespace NAME | create -f -',
  },
  apply: {
    flags: APPLY_FLAGS,
    run: (k) => kubectlApplyFile(k, 'apply'),
    summary: 'apply -f -   (paste YAML; several documents with ---)',
  },
  scale: { flags: SCALE_FLAGS, run: kubectlScale, summary: 'scale deployment NAME --replicas=N' },
  delete: {
    flags: DELETE_FLAGS,
    run: kubectlDelete,
    summary: 'delete pod|deployment|service|node|namespace NAME [--grace-period=N] [--force]',
  },
  set: {
    flags: SET_FLAGS,
    run: kubectlSetImage,
    summary: 'set image deployment/NAME CONTAINER=IMAGE',
  },
  expose: {
    flags: EXPOSE_FLAGS,
    run: kubectlExpose,
    summary: 'expose deployment NAME --port=80 [--target-port=8080] [--name=SVC]',
  },
  label: {
    flags: LABEL_FLAGS,
    run: kubectlLabel,
    summary: 'label TYPE NAME key=value | key-  [--overwrite]',
  },
  taint: {
    flags: TAINT_FLAGS,
    run: kubectlTaint,
    summary: 'taint nodes NAME key=value:NoSchedule | key:NoSchedule-',
  },
  cordon: {
    flags: { values: ['selector'], bools: ['dry-run'], short: { l: 'selector' } },
    run: (k) => kubectlCordon(k, true),
    summary: 'cordon NODE',
  },
  uncordon: {
    flags: { values: ['selector'], bools: ['dry-run'], short: { l: 'selector' } },
    run: (k) => kubectlCordon(k, false),
    summary: 'uncordon NODE',
  },
  drain: {
    flags: DRAIN_FLAGS,
    run: kubectlDrain,
    summary: 'drain NODE [--ignore-daemonsets] [--force]',
  },
  logs: { flags: LOGS_FLAGS, run: kubectlLogs, summary: 'logs POD [-c CONTAINER] [--previous]' },
  exec: { flags: EXEC_FLAGS, run: kubectlExec, summary: 'exec POD -- curl|wget|nc HOST[:PORT]' },
  rollout: {
    flags: { values: ['timeout', 'revision'], bools: ['watch'], short: { w: 'watch' } },
    run: kubectlRollout,
    summary: 'rollout status deployment/NAME',
  },
  version: {
    flags: { values: ['output'], bools: ['client', 'short'], short: { o: 'output' } },
    run: kubectlVersion,
    summary: 'version',
  },
  'cluster-info': { flags: {}, run: kubectlClusterInfo, summary: 'cluster-info' },
  'api-resources': {
    flags: {
      values: ['output', 'namespaced', 'api-group'],
      bools: ['no-headers'],
      short: { o: 'output' },
    },
    run: kubectlApiResources,
    summary: 'api-resources',
  },
};

/** kubectl's real subcommands this console does not run (so the message can say so). */
const REAL_BUT_UNSUPPORTED = new Set([
  'edit',
  'patch',
  'replace',
  'run',
  'autoscale',
  'annotate',
  'explain',
  'top',
  'port-forward',
  'proxy',
  'cp',
  'attach',
  'auth',
  'debug',
  'events',
  'diff',
  'kustomize',
  'wait',
  'certificate',
  'completion',
  'config',
  'plugin',
  'alpha',
  'options',
]);

/** One line per supported subcommand, for `help`. */
export function kubectlSummary(): string[] {
  return Object.values(COMMANDS).map((c) => `  kubectl ${c.summary}`);
}

/** Runs `kubectl` with the words after the program name. */
export function runKubectl(
  cli: CliContext,
  words: readonly string[],
  stdin?: string,
): ExecResult & { stream?: number } {
  // Global flags may come before the subcommand: kubectl -n shop get pods.
  const lead: string[] = [];
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) {
    const w = words[i]!;
    lead.push(w);
    if (
      (w === '-n' || w === '--namespace' || w === '--context' || w === '--kubeconfig') &&
      i + 1 < words.length
    )
      lead.push(words[++i]!);
    i += 1;
  }
  const verb = words[i];
  if (!verb || verb === 'help' || lead.includes('--help') || lead.includes('-h')) {
    return ok(
      [
        'kubectl controls the Kubernetes cluster manager. Supported here:',
        ...kubectlSummary(),
      ].join('\n'),
    );
  }
  const command = COMMANDS[verb];
  if (!command) {
    if (REAL_BUT_UNSUPPORTED.has(verb)) {
      return fail(
        note(
          `kubectl ${verb} is a real command this console does not run. Supported: ${Object.keys(COMMANDS).join(', ')}`,
        ),
      );
    }
    return fail(
      `error: unknown command "${verb}" for "kubectl"\n${note(`supported here: ${Object.keys(COMMANDS).join(', ')}`)}`,
    );
  }
  const rest = [...lead, ...words.slice(i + 1)];
  if (rest.includes('--help') || (rest.includes('-h') && verb !== 'exec')) {
    return ok(`Usage here:\n  kubectl ${command.summary}`);
  }
  const parsed = parseKubectl(verb, rest, command.flags);
  if (isResult(parsed)) return parsed;
  return command.run(new Kubectl(cli, verb, parsed, stdin));
}

/** `kubectl apply -f -` with the given YAML, as the console's paste box does. */
export function applyWith(cli: CliContext, yaml: string): ExecResult {
  const parsed = parseKubectl('apply', ['-f', '-'], APPLY_FLAGS);
  if (isResult(parsed)) return parsed;
  return applyYaml(new Kubectl(cli, 'apply', parsed, yaml), yaml, 'apply');
}
