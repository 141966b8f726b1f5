// The `fault …` console commands: things that go wrong (or are put right) in the harbor, mapped to
// the engine's Fault values. Not a Kubernetes tool: the console's own verbs, named plainly.

import type { Taint } from '../objects/meta';
import { RETIRED_RUNTIMES, type Fault, type RuntimeName, type ShipSpec } from '../sim/types';
import { FlagError, parseFlags } from './shell';

/** Usage of every fault, for `fault help`. */
export const FAULT_HELP = [
  'fault sink-ship SHIP                 a ship sinks: node gone, its captain silent',
  'fault cut-radio SHIP                 network partition: the node goes Unknown, containers keep running',
  'fault restore-radio SHIP             the radio works again',
  'fault crash-container POD|-l SELECTOR [--container=C] [--exit-code=N] [--times=N] [-n NS]',
  'fault oom-kill POD|-l SELECTOR [--container=C] [-n NS]      the container exceeds its memory limit (exit 137)',
  'fault bad-image DEPLOYMENT [--image=IMG] [-n NS]  the template asks for an image no registry has',
  'fault fail-probe POD|-l SELECTOR --probe=readiness|liveness [--healthy] [--container=C] [-n NS]',
  'fault stop-etcd-member MEMBER         a ledger clerk goes ashore (etcd-0, etcd-1, …)',
  'fault start-etcd-member MEMBER',
  'fault stop-apiserver                  the bridge stops: kubectl is refused, watches break',
  'fault start-apiserver',
  'fault add-ship NAME [--cpu=4] [--memory=8Gi] [--max-pods=110] [--runtime=containerd|cri-o|docker]',
  '                    [--label k=v]… [--taint k=v:Effect]… [--image IMG]…',
  'fault cordon SHIP | fault uncordon SHIP | fault drain SHIP',
];

const RUNTIMES: readonly RuntimeName[] = ['containerd', 'cri-o', 'docker'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const usage = (line: string) => ({ error: `usage: ${line}` });

function int(text: string | undefined, flag: string): number | undefined | { error: string } {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    return { error: `error: --${flag} must be a whole number, not "${text}"` };
  return Number(text);
}

/**
 * Maps a `fault …` line's words (with or without the leading `fault`) to a Fault, or says what is
 * wrong with it.
 *
 * @example
 * parseFaultCommand(['fault', 'sink-ship', 'ship-2']); // { kind: 'sink-ship', ship: 'ship-2' }
 */
export function parseFaultCommand(args: string[]): Fault | { error: string } {
  const words = args[0] === 'fault' ? args.slice(1) : args;
  const [kind, ...rest] = words;
  if (!kind || kind === 'help')
    return {
      error: ['Faults you can cause (and repair):', ...FAULT_HELP.map((l) => `  ${l}`)].join('\n'),
    };
  let parsed;
  try {
    parsed = parseFlags(rest, {
      values: [
        'container',
        'exit-code',
        'times',
        'image',
        'probe',
        'namespace',
        'cpu',
        'memory',
        'max-pods',
        'runtime',
        'selector',
      ],
      bools: ['healthy'],
      repeated: ['label', 'taint', 'image'],
      short: { n: 'namespace', c: 'container', l: 'selector' },
    });
  } catch (e) {
    if (e instanceof FlagError) return { error: `error: ${e.message}` };
    throw e;
  }
  const [target] = parsed.args;
  const flags = parsed.flags;
  const namespace = flags.get('namespace');
  const ns = namespace ? { namespace } : {};
  const container = flags.get('container');
  // A pod fault names a pod, or picks the first running pod matching -l/--selector (app=web).
  const selector = flags.get('selector');
  const pod = target ? { pod: target } : selector ? { selector } : undefined;
  switch (kind) {
    case 'sink-ship':
    case 'cut-radio':
    case 'restore-radio':
    case 'cordon':
    case 'uncordon':
    case 'drain':
      if (!target) return usage(`fault ${kind} SHIP`);
      return { kind, ship: target };
    case 'crash-container': {
      if (!pod)
        return usage(
          'fault crash-container POD|-l SELECTOR [--container=C] [--exit-code=N] [--times=N]',
        );
      const exitCode = int(flags.get('exit-code'), 'exit-code');
      const times = int(flags.get('times'), 'times');
      if (exitCode && typeof exitCode === 'object') return exitCode;
      if (times && typeof times === 'object') return times;
      return {
        kind,
        ...pod,
        ...ns,
        ...(container ? { container } : {}),
        ...(exitCode !== undefined ? { exitCode } : {}),
        ...(times !== undefined ? { times } : {}),
      };
    }
    case 'oom-kill':
      if (!pod) return usage('fault oom-kill POD|-l SELECTOR [--container=C]');
      return { kind, ...pod, ...ns, ...(container ? { container } : {}) };
    case 'bad-image': {
      if (!target) return usage('fault bad-image DEPLOYMENT [--image=IMG]');
      const image = flags.get('image');
      return { kind, deployment: target, ...ns, ...(image ? { image } : {}) };
    }
    case 'fail-probe': {
      const probe = flags.get('probe');
      if (!pod || (probe !== 'readiness' && probe !== 'liveness')) {
        return usage('fault fail-probe POD|-l SELECTOR --probe=readiness|liveness [--healthy]');
      }
      return {
        kind,
        ...pod,
        probe,
        ...ns,
        ...(container ? { container } : {}),
        ...(flags.get('healthy') === 'true' ? { healthy: true } : {}),
      };
    }
    case 'stop-etcd-member':
    case 'start-etcd-member':
      if (!target) return usage(`fault ${kind} MEMBER   (etcd-0, etcd-1, …)`);
      return { kind, member: target };
    case 'stop-apiserver':
    case 'start-apiserver':
      return { kind };
    case 'add-ship':
      return addShip(target, parsed.flags, parsed.lists);
    default:
      return {
        error: `error: unknown fault "${kind}"\n${['Faults:', ...FAULT_HELP.map((l) => `  ${l}`)].join('\n')}`,
      };
  }
}

function addShip(
  name: string | undefined,
  flags: Map<string, string>,
  lists: Map<string, string[]>,
): Fault | { error: string } {
  if (!name)
    return usage(
      'fault add-ship NAME [--cpu=4] [--memory=8Gi] [--max-pods=110] [--runtime=containerd|cri-o|docker]',
    );
  const ship: ShipSpec = { name, role: 'cargo' };
  const cpu = flags.get('cpu');
  const memory = flags.get('memory');
  if (cpu) ship.cpu = cpu;
  if (memory) ship.memory = memory;
  const maxPods = int(flags.get('max-pods'), 'max-pods');
  if (maxPods && typeof maxPods === 'object') return maxPods;
  if (maxPods !== undefined) ship.maxPods = maxPods;
  const runtime = flags.get('runtime');
  if (runtime) {
    const retired = RETIRED_RUNTIMES[runtime];
    if (retired) return { error: `error: ${retired}` };
    if (!(RUNTIMES as readonly string[]).includes(runtime)) {
      return {
        error: `error: unknown runtime "${runtime}": choose containerd, cri-o or docker (Docker Engine through cri-dockerd)`,
      };
    }
    ship.runtime = runtime as RuntimeName;
  }
  const labels: Record<string, string> = {};
  for (const label of lists.get('label') ?? []) {
    const eq = label.indexOf('=');
    if (eq <= 0) return { error: `error: --label needs key=value, not "${label}"` };
    labels[label.slice(0, eq)] = label.slice(eq + 1);
  }
  if (Object.keys(labels).length > 0) ship.labels = labels;
  const taints: Taint[] = [];
  for (const spec of lists.get('taint') ?? []) {
    const match = /^([^=:]+)(?:=([^:]*))?:(.+)$/.exec(spec);
    if (!match || !EFFECTS.includes(match[3]!)) {
      return {
        error: `error: --taint needs key[=value]:Effect with Effect one of ${EFFECTS.join(', ')}, not "${spec}"`,
      };
    }
    taints.push({
      key: match[1]!,
      ...(match[2] ? { value: match[2] } : {}),
      effect: match[3] as Taint['effect'],
    });
  }
  if (taints.length > 0) ship.taints = taints;
  const images = lists.get('image') ?? [];
  if (images.length > 0) ship.images = images;
  return { kind: 'add-ship', ship };
}
