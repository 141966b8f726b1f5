// `kubectl logs` and `kubectl exec POD -- curl|wget|nc …`: both go to the pod's captain
// (kubelet :10250) through the bridge, so they use the context's logs and sendTraffic.

import type { Deployment, Pod, ReplicaSet } from '../objects/workloads';
import { matchesSelector } from '../objects/labels';
import type { ExecResult } from '../sim/types';
import { fail, lines, note, ok } from './errors';
import { isResult, type Kubectl } from './kctx';
import { resolveResource, unknownResource } from './resources';
import { splitLine } from './shell';

/** Flags of kubectl logs. */
export const LOGS_FLAGS = {
  values: ['container', 'tail', 'since', 'selector'],
  bools: ['previous', 'follow', 'timestamps', 'all-containers'],
  short: { c: 'container', p: 'previous', f: 'follow', l: 'selector' },
};

/** Flags of kubectl exec. */
export const EXEC_FLAGS = {
  values: ['container'],
  bools: ['stdin', 'tty', 'quiet'],
  short: { c: 'container', i: 'stdin', t: 'tty', q: 'quiet' },
};

/** kubectl's choice of pod for `deployment/web`: a running, ready pod first, then by name. */
function pickPod(pods: readonly Pod[]): Pod | undefined {
  const score = (p: Pod) =>
    (p.metadata.deletionTimestamp ? 4 : 0) +
    (p.status.phase === 'Running' ? 0 : 2) +
    ((p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  return [...pods].sort(
    (a, b) => score(a) - score(b) || (a.metadata.name < b.metadata.name ? -1 : 1),
  )[0];
}

/** The pod a logs/exec argument names: `web-x`, `pod/web-x`, `deployment/web`, `rs/web-7d`. */
function resolvePod(k: Kubectl, arg: string): { pod: Pod; found?: number } | ExecResult {
  if (!arg.includes('/')) {
    const pod = k.get<Pod>('pods', arg);
    return isResult(pod) ? pod : { pod };
  }
  const word = arg.slice(0, arg.indexOf('/'));
  const name = arg.slice(arg.indexOf('/') + 1);
  const resource = resolveResource(word);
  if (!resource) return fail(unknownResource(word));
  if (resource === 'pods') {
    const pod = k.get<Pod>('pods', name);
    return isResult(pod) ? pod : { pod };
  }
  if (resource !== 'deployments' && resource !== 'replicasets') {
    return fail(
      `error: cannot attach to *v1.${resource}: selector for *v1.${resource} not implemented`,
    );
  }
  const owner = k.get<Deployment | ReplicaSet>(resource, name);
  if (isResult(owner)) return owner;
  const listed = k.request({ verb: 'list', resource: 'pods', options: { namespace: k.namespace } });
  if (!listed.ok) return fail(k.error(listed.error));
  const pods = (listed.object as unknown as { items: Pod[] }).items.filter((p) =>
    matchesSelector(p.metadata.labels, owner.spec.selector),
  );
  const pod = pickPod(pods);
  if (!pod) return fail(`error: timed out waiting for the condition`);
  return { pod, found: pods.length };
}

/** `kubectl logs POD [-c CONTAINER] [--previous]` */
export function kubectlLogs(k: Kubectl): ExecResult {
  const [arg, containerArg] = k.parsed.args;
  if (!arg)
    return fail(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    );
  const target = resolvePod(k, arg);
  if (isResult(target)) return target;
  const { pod } = target;
  const out: string[] = [];
  if (target.found !== undefined && target.found > 1)
    out.push(`Found ${target.found} pods, using pod/${pod.metadata.name}`);
  let container = k.flag('container') ?? containerArg;
  const names = pod.spec.containers.map((c) => c.name);
  if (container !== undefined && !names.includes(container)) {
    return fail(
      `Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}`,
    );
  }
  if (container === undefined && names.length > 1) {
    container = names[0]!;
    out.push(`Defaulted container "${container}" out of: ${names.join(', ')}`);
  }
  const result = k.cli.logs(
    pod.metadata.namespace ?? k.namespace,
    pod.metadata.name,
    container,
    k.on('previous'),
  );
  let text = result.output;
  const tail = k.flag('tail');
  if (tail !== undefined && /^\d+$/.test(tail) && result.ok) {
    const all = text.split('\n');
    text = Number(tail) === 0 ? '' : all.slice(-Number(tail)).join('\n');
  }
  out.push(text);
  if (k.on('follow'))
    out.push(note('logs -f does not follow here: run kubectl logs again to see newer lines'));
  return { ok: result.ok, output: lines(...out) };
}

type Target = { host: string; port: number | undefined };

/** Host and port of `http://host:port/path`, `host:port` or `host` (curl's default port 80). */
export function parseUrl(text: string): Target | undefined {
  const match =
    /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?(?:[/?#].*)?$/.exec(text);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const port = match[3] !== undefined ? Number(match[3]) : scheme === 'https' ? 443 : 80;
  return { host: match[2]!, port };
}

const CURL_VALUE_FLAGS = new Set([
  '-m',
  '--max-time',
  '-o',
  '--output',
  '-w',
  '--write-out',
  '--connect-timeout',
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '-u',
  '--user',
  '-A',
  '--user-agent',
  '--retry',
]);
const WGET_VALUE_FLAGS = new Set(['-O', '-T', '--timeout', '-t', '--tries', '-U', '--header']);
const NC_VALUE_FLAGS = new Set(['-w', '-s', '-p']);

function positional(args: readonly string[], valueFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      if (valueFlags.has(a)) i += 1;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** What a command run in a container asks of the network, or why it cannot run here. */
export function networkTarget(command: readonly string[]): Target | { problem: string } {
  const [program, ...args] = command;
  const base = (program ?? '').split('/').pop()!;
  if (
    (base === 'sh' || base === 'bash' || base === 'ash') &&
    args[0] === '-c' &&
    args[1] !== undefined
  ) {
    return networkTarget(splitLine(args[1]).words);
  }
  switch (base) {
    case 'curl':
    case 'wget': {
      const urls = positional(args, base === 'curl' ? CURL_VALUE_FLAGS : WGET_VALUE_FLAGS);
      const url = urls[0];
      if (!url) {
        return {
          problem:
            base === 'curl'
              ? "curl: try 'curl --help' or 'curl --manual' for more information"
              : 'wget: missing URL\nUsage: wget [OPTION]... [URL]...',
        };
      }
      const target = parseUrl(url);
      if (!target) return { problem: `curl: (3) URL using bad/illegal format or missing URL` };
      return target;
    }
    case 'nc':
    case 'ncat':
    case 'netcat': {
      const rest = positional(args, NC_VALUE_FLAGS);
      if (rest.length < 2 || !/^\d+$/.test(rest[1]!)) {
        return {
          problem:
            'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]',
        };
      }
      return { host: rest[0]!, port: Number(rest[1]) };
    }
    default:
      return {
        problem: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n${note('containers here understand curl, wget and nc (e.g. kubectl exec POD -- curl http://web:80)')}`,
      };
  }
}

/** `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [ARGS…]` */
export function kubectlExec(k: Kubectl): ExecResult {
  const [arg, ...extra] = k.parsed.args;
  if (!arg)
    return fail(
      "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples",
    );
  const command = k.parsed.rest ?? [];
  if (command.length === 0) {
    if (extra.length > 0) {
      return fail(
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
      );
    }
    return fail(
      "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples",
    );
  }
  const target = resolvePod(k, arg);
  if (isResult(target)) return target;
  const { pod } = target;
  const container = k.flag('container');
  if (container !== undefined && !pod.spec.containers.some((c) => c.name === container)) {
    return fail(`error: unable to upgrade connection: container not found ("${container}")`);
  }
  const base = command[0]!.split('/').pop()!;
  if (['sh', 'bash', 'ash'].includes(base) && command[1] !== '-c') {
    return fail(
      note(
        'interactive shells are not modelled here; run one command, e.g. kubectl exec POD -- curl http://web',
      ),
    );
  }
  const network = networkTarget(command);
  if ('problem' in network) return fail(network.problem);
  const result = k.cli.sendTraffic(
    pod.metadata.namespace ?? k.namespace,
    pod.metadata.name,
    network.host,
    network.port,
  );
  return result.ok ? ok(result.output) : fail(result.output);
}
