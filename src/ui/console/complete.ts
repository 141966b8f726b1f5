import type { Snapshot } from '../../engine';

/** Names the console can complete, taken from the current snapshot. */
export type CompletionContext = {
  readonly ships: readonly string[];
  readonly pods: readonly { readonly namespace: string; readonly name: string }[];
  readonly services: readonly { readonly namespace: string; readonly name: string }[];
  /** Deployments and ReplicaSets, guessed from the pods' owners (`web-6d4f8b7c9` → `web`). */
  readonly deployments: readonly { readonly namespace: string; readonly name: string }[];
  readonly replicasets: readonly { readonly namespace: string; readonly name: string }[];
  readonly namespaces: readonly string[];
  readonly members: readonly string[];
};

/** What Tab did: the new line and caret, or the candidates to show when it cannot choose. */
export type Completion = {
  readonly line: string;
  readonly cursor: number;
  readonly candidates: readonly string[];
};

export const TOOLS = ['kubectl', 'etcdctl', 'fault', 'help', 'clear'] as const;

export const KUBECTL_VERBS = [
  'get',
  'describe',
  'apply',
  'create',
  'delete',
  'scale',
  'logs',
  'exec',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'label',
  'rollout',
  'set',
  'expose',
  'api-resources',
  'cluster-info',
  'version',
] as const;

export const KUBECTL_RESOURCES = [
  'pods',
  'nodes',
  'deployments',
  'replicasets',
  'services',
  'endpointslices',
  'events',
  'namespaces',
  'leases',
] as const;

const KUBECTL_FLAGS = [
  '--namespace',
  '--all-namespaces',
  '--output',
  '--selector',
  '--watch',
  '--show-labels',
  '--filename',
  '--replicas=',
  '--image=',
  '--previous',
  '--container',
  '--ignore-daemonsets',
  '--force',
  '-n',
  '-A',
  '-o',
  '-l',
  '-w',
  '-f',
  '-c',
];
const KUBECTL_VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-o',
  '--output',
  '-l',
  '--selector',
  '-c',
  '--container',
  '-f',
  '--filename',
]);
const OUTPUTS = ['wide', 'yaml', 'json', 'name'];

export const ETCDCTL_VERBS = ['put', 'get', 'del', 'watch', 'member', 'endpoint'] as const;
const ETCDCTL_FLAGS = [
  '--prefix',
  '--keys-only',
  '--print-value-only',
  '--from-key',
  '--prev-kv',
  '--rev=',
  '--limit=',
  '--write-out=',
  '-w',
];
const ETCDCTL_VALUE_FLAGS = new Set(['-w', '--write-out', '--rev', '--limit', '--endpoints']);
const WRITE_OUT = ['simple', 'json', 'fields', 'table'];

export const FAULTS = [
  'sink-ship',
  'cut-radio',
  'restore-radio',
  'add-ship',
  'crash-container',
  'oom-kill',
  'bad-image',
  'fail-probe',
  'cordon',
  'uncordon',
  'drain',
  'stop-etcd-member',
  'start-etcd-member',
  'stop-apiserver',
  'start-apiserver',
] as const;
const SHIP_FAULTS = new Set([
  'sink-ship',
  'cut-radio',
  'restore-radio',
  'cordon',
  'uncordon',
  'drain',
]);
const POD_FAULTS = new Set(['crash-container', 'oom-kill', 'fail-probe']);
const MEMBER_FAULTS = new Set(['stop-etcd-member', 'start-etcd-member']);

/** Registry prefixes (kube-apiserver's storage layout: nodes live under `minions`). */
const REGISTRY_PREFIXES = [
  '/registry/pods/',
  '/registry/minions/',
  '/registry/deployments/',
  '/registry/replicasets/',
  '/registry/services/specs/',
  '/registry/endpointslices/',
  '/registry/leases/',
  '/registry/events/',
  '/registry/namespaces/',
];

const RS_HASH = /-[a-z0-9]{8,10}$/;

/** Builds the completion names from a snapshot (called on Tab, not on every refresh). */
export function completionContext(snapshot: Snapshot): CompletionContext {
  const replicasets = new Map<string, { namespace: string; name: string }>();
  const deployments = new Map<string, { namespace: string; name: string }>();
  const namespaces = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
  for (const c of snapshot.containers) {
    namespaces.add(c.namespace);
    if (c.owner && RS_HASH.test(c.owner)) {
      replicasets.set(`${c.namespace}/${c.owner}`, { namespace: c.namespace, name: c.owner });
      const name = c.owner.replace(RS_HASH, '');
      deployments.set(`${c.namespace}/${name}`, { namespace: c.namespace, name });
    }
  }
  for (const s of snapshot.services) namespaces.add(s.namespace);
  return {
    ships: snapshot.ships.map((s) => s.name),
    pods: snapshot.containers.map((c) => ({ namespace: c.namespace, name: c.pod })),
    services: snapshot.services.map((s) => ({ namespace: s.namespace, name: s.name })),
    deployments: [...deployments.values()],
    replicasets: [...replicasets.values()],
    namespaces: [...namespaces],
    members: snapshot.ledger.members.map((m) => m.name),
  };
}

function names(list: readonly { readonly name: string }[]): string[] {
  return list.map((x) => x.name);
}

/** Object names for a kubectl resource word (plural, singular or short name). */
function objectNames(resource: string, ctx: CompletionContext): string[] {
  switch (resource.toLowerCase()) {
    case 'pods':
    case 'pod':
    case 'po':
      return names(ctx.pods);
    case 'nodes':
    case 'node':
    case 'no':
      return [...ctx.ships];
    case 'services':
    case 'service':
    case 'svc':
      return names(ctx.services);
    case 'deployments':
    case 'deployment':
    case 'deploy':
      return names(ctx.deployments);
    case 'replicasets':
    case 'replicaset':
    case 'rs':
      return names(ctx.replicasets);
    case 'namespaces':
    case 'namespace':
    case 'ns':
      return [...ctx.namespaces];
    default:
      return [];
  }
}

/** The ledger keys worth offering: the registry's folders and the objects the harbor shows. */
function ledgerKeys(ctx: CompletionContext): string[] {
  const keys = [...REGISTRY_PREFIXES];
  for (const p of ctx.pods) keys.push(`/registry/pods/${p.namespace}/${p.name}`);
  for (const s of ctx.ships) {
    keys.push(`/registry/minions/${s}`, `/registry/leases/kube-node-lease/${s}`);
  }
  for (const d of ctx.deployments) keys.push(`/registry/deployments/${d.namespace}/${d.name}`);
  for (const r of ctx.replicasets) keys.push(`/registry/replicasets/${r.namespace}/${r.name}`);
  for (const s of ctx.services) keys.push(`/registry/services/specs/${s.namespace}/${s.name}`);
  for (const n of ctx.namespaces) keys.push(`/registry/namespaces/${n}`);
  return keys;
}

/** Drops flags (and the values of flags that take one) so only the positional words remain. */
function positional(words: readonly string[], valueFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (valueFlags.has(word)) i += 1;
      continue;
    }
    out.push(word);
  }
  return out;
}

function kubectlCandidates(
  words: readonly string[],
  current: string,
  ctx: CompletionContext,
): string[] {
  const last = words[words.length - 1];
  if (last === '-o' || last === '--output') return OUTPUTS;
  if (last === '-n' || last === '--namespace') return [...ctx.namespaces];
  if (last !== undefined && KUBECTL_VALUE_FLAGS.has(last)) return [];
  if (current.startsWith('-')) return KUBECTL_FLAGS;
  const args = positional(words, KUBECTL_VALUE_FLAGS);
  if (args.length === 0) return [...KUBECTL_VERBS];
  const verb = args[0]!;
  const deploymentRefs = () => ctx.deployments.map((d) => `deployment/${d.name}`);
  switch (verb) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'label':
      if (args.length === 1) {
        // `kubectl get pod/web-…` works too: offer `kind/name` once a kind prefix is typed.
        const slash = current.indexOf('/');
        if (slash > 0) {
          const kind = current.slice(0, slash);
          return objectNames(kind, ctx).map((n) => `${kind}/${n}`);
        }
        return verb === 'get' ? [...KUBECTL_RESOURCES, 'all'] : [...KUBECTL_RESOURCES];
      }
      return objectNames(args[1]!, ctx);
    case 'logs':
    case 'exec':
      return args.length === 1 ? names(ctx.pods) : [];
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return args.length === 1 ? [...ctx.ships] : [];
    case 'taint':
      if (args.length === 1) return ['nodes'];
      return args.length === 2 ? [...ctx.ships] : [];
    case 'scale':
      return args.length === 1 ? deploymentRefs() : ['--replicas='];
    case 'rollout':
      if (args.length === 1) return ['status', 'restart', 'undo', 'history'];
      return args.length === 2 ? deploymentRefs() : [];
    case 'set':
      if (args.length === 1) return ['image'];
      return args.length === 2 ? deploymentRefs() : [];
    case 'create':
      return args.length === 1 ? ['deployment', 'namespace'] : [];
    case 'expose':
      if (args.length === 1) return ['deployment'];
      return args.length === 2 ? names(ctx.deployments) : ['--port='];
    case 'apply':
      return ['-f'];
    default:
      return [];
  }
}

function etcdctlCandidates(
  words: readonly string[],
  current: string,
  ctx: CompletionContext,
): string[] {
  const last = words[words.length - 1];
  if (last === '-w' || last === '--write-out') return WRITE_OUT;
  if (current.startsWith('--write-out=')) return WRITE_OUT.map((w) => `--write-out=${w}`);
  if (last !== undefined && ETCDCTL_VALUE_FLAGS.has(last)) return [];
  if (current.startsWith('-')) return ETCDCTL_FLAGS;
  const args = positional(words, ETCDCTL_VALUE_FLAGS);
  if (args.length === 0) return [...ETCDCTL_VERBS];
  switch (args[0]) {
    case 'member':
      return args.length === 1 ? ['list'] : [];
    case 'endpoint':
      return args.length === 1 ? ['status', 'health'] : [];
    case 'get':
    case 'del':
    case 'watch':
    case 'put':
      return args.length === 1 ? ledgerKeys(ctx) : [];
    default:
      return [];
  }
}

function faultCandidates(words: readonly string[], ctx: CompletionContext): string[] {
  const args = positional(words, new Set());
  if (args.length === 0) return [...FAULTS];
  if (args.length > 1) return [];
  const kind = args[0]!;
  if (SHIP_FAULTS.has(kind)) return [...ctx.ships];
  if (POD_FAULTS.has(kind)) return names(ctx.pods);
  if (MEMBER_FAULTS.has(kind)) return [...ctx.members];
  if (kind === 'bad-image') return names(ctx.deployments);
  return [];
}

/** Filters the console's pipes understand (`kubectl get pods | grep web`). */
export const PIPES = ['grep', 'head', 'tail', 'wc'] as const;

/** Every word that could stand where the caret is, before filtering by what is typed. */
function candidatesFor(all: readonly string[], current: string, ctx: CompletionContext): string[] {
  const pipe = all.lastIndexOf('|');
  if (pipe >= 0) return all.length === pipe + 1 ? [...PIPES] : [];
  const words = all;
  if (words.length === 0) return [...TOOLS];
  const [tool, ...rest] = words;
  switch (tool) {
    case 'kubectl':
      return kubectlCandidates(rest, current, ctx);
    case 'etcdctl':
      return etcdctlCandidates(rest, current, ctx);
    case 'fault':
      return faultCandidates(rest, ctx);
    case 'help':
      return rest.length === 0 ? ['kubectl', 'etcdctl', 'fault'] : [];
    default:
      return [];
  }
}

/** The longest prefix every string shares. */
export function commonPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let prefix = list[0]!;
  for (const s of list) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i += 1;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Ledger keys complete one folder at a time, like paths in a shell. */
function toNextSegment(candidate: string, typed: string): string {
  if (!candidate.startsWith('/')) return candidate;
  const slash = candidate.indexOf('/', typed.length);
  return slash < 0 ? candidate : candidate.slice(0, slash + 1);
}

/**
 * Completes the word before the caret (Tab): a unique match is filled in with a space after it;
 * several matches are filled in up to what they share, or listed when they share no more.
 *
 * @example
 * complete('kubectl get no', 14, ctx); // { line: 'kubectl get nodes ', cursor: 18, candidates: [] }
 */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const after = line.slice(cursor);
  const parts = before.replace(/^\s*\$\s+/, '').split(/\s+/);
  const current = parts.pop() ?? '';
  const words = parts.filter((w) => w !== '');
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
  let matches = [
    ...new Set(
      candidatesFor(words, current, ctx)
        .filter((c) => c.startsWith(current))
        .map((c) => toNextSegment(c, current)),
    ),
  ].sort();
  // A folder already typed in full opens: offer what is inside it.
  if (matches.length > 1 && current.endsWith('/')) matches = matches.filter((m) => m !== current);
  const unchanged: Completion = { line, cursor, candidates: [] };
  if (matches.length === 0) return unchanged;
  const stem = before.slice(0, before.length - current.length);
  if (matches.length === 1) {
    const word = matches[0]!;
    const open = /[/=]$/.test(word) || after.startsWith(' ');
    const next = stem + word + (open ? '' : ' ');
    return { line: next + after, cursor: next.length, candidates: [] };
  }
  const shared = commonPrefix(matches);
  if (shared.length > current.length) {
    const next = stem + shared;
    return { line: next + after, cursor: next.length, candidates: [] };
  }
  const cut = current.lastIndexOf('/') + 1;
  return { ...unchanged, candidates: matches.map((m) => (cut > 0 ? m.slice(cut) : m)) };
}
