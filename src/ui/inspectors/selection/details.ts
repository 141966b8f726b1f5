import {
  clockText,
  formatBytes,
  formatMilliCpu,
  humanDuration,
  type ContainerView,
  type ShipView,
  type Snapshot,
} from '../../../engine';
import type { Selection } from '../../../store';

/** A label and its value, for a definition list. */
export type Detail = readonly [label: string, value: string];

/** What the selection is, resolved against the snapshot (it may have gone: a pod deleted). */
export type Resolved =
  | {
      readonly kind: 'ship';
      readonly ship: ShipView;
      readonly containers: readonly ContainerView[];
    }
  | { readonly kind: 'container'; readonly container: ContainerView }
  | { readonly kind: 'part'; readonly name: Extract<Selection, { kind: 'part' }>['name'] }
  | { readonly kind: 'gone'; readonly what: string };

export function resolveSelection(selection: Selection, snapshot: Snapshot): Resolved {
  switch (selection.kind) {
    case 'ship': {
      const ship = snapshot.ships.find((s) => s.name === selection.name);
      if (!ship) return { kind: 'gone', what: `ship ${selection.name}` };
      return {
        kind: 'ship',
        ship,
        containers: snapshot.containers.filter((c) => c.ship === ship.name),
      };
    }
    case 'container': {
      const container = snapshot.containers.find((c) => c.id === selection.id);
      return container
        ? { kind: 'container', container }
        : { kind: 'gone', what: 'this container' };
    }
    case 'part':
      return { kind: 'part', name: selection.name };
  }
}

const used = (allocated: number, allocatable: number, format: (n: number) => string) =>
  `${format(allocated)} of ${format(allocatable)}${allocatable > 0 ? ` (${Math.round((allocated / allocatable) * 100)}%)` : ''}`;

/** How many names a list spells out before "and N more". */
const NAMED = 6;

/** "57 containers (55 Running, 2 Pending): web-1, web-2, … and 51 more". */
export function onDeck(containers: readonly ContainerView[]): string {
  if (containers.length === 0) return 'none';
  const byStatus = new Map<string, number>();
  for (const c of containers) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const counts = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
  const names = containers
    .slice(0, NAMED)
    .map((c) => c.pod)
    .join(', ');
  const more = containers.length > NAMED ? ` and ${containers.length - NAMED} more` : '';
  return `${containers.length} (${counts}): ${names}${more}`;
}

/** A ship's facts as the harbor knows them. */
export function shipDetails(
  ship: ShipView,
  containers: readonly ContainerView[],
  now: number,
): Detail[] {
  const taints = ship.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  const labels = Object.entries(ship.labels).map(([k, v]) => `${k}=${v}`);
  return [
    ['Role', ship.role === 'control' ? 'control ship (control plane)' : 'cargo ship (worker node)'],
    ['Status', `${ship.status}${ship.unschedulable ? ', SchedulingDisabled (cordoned)' : ''}`],
    [
      'Captain’s last check-in',
      ship.lastCheckIn > 0
        ? `${humanDuration(now - ship.lastCheckIn)} ago (Lease renewed at ${clockText(ship.lastCheckIn)})`
        : 'not yet',
    ],
    ['Radio', ship.radio === 'ok' ? 'working' : 'cut: the captain cannot reach the bridge'],
    [
      'Deck crew (runtime)',
      ship.runtimeVersion.includes(ship.runtime)
        ? ship.runtimeVersion
        : `${ship.runtime} ${ship.runtimeVersion}`.trim(),
    ],
    ['Internal IP', ship.internalIP],
    ['CPU requested', used(ship.allocated.cpu, ship.allocatable.cpu, formatMilliCpu)],
    ['Memory requested', used(ship.allocated.memory, ship.allocatable.memory, formatBytes)],
    ['Containers (pods)', used(ship.allocated.pods, ship.allocatable.pods, String)],
    ['On deck', onDeck(containers)],
    ['Flags (taints)', taints.length ? taints.join(', ') : 'none'],
    ['Labels', labels.length ? labels.join(', ') : 'none'],
    ['Cargo in the cache (images)', ship.images.length ? ship.images.join(', ') : 'none'],
  ];
}

/** A container's (pod's) facts as the harbor knows them. */
export function containerDetails(c: ContainerView, now: number): Detail[] {
  const rows: Detail[] = [
    ['Pod', `${c.namespace}/${c.pod}`],
    ['App', c.app],
    ['Ship (node)', c.ship ?? 'none yet: waiting on the dock for the cranes'],
    [
      'Status',
      `${c.status}${c.terminating ? ' (terminating)' : ''}, for ${humanDuration(now - c.since)}`,
    ],
    ['Phase', c.phase + (c.reason ? ` (${c.reason})` : '')],
    ['Ready', c.ready ? 'yes' : 'no'],
    ['Restarts', String(c.restarts)],
    ['What the deck crew has', c.onDeck],
    ['Image', c.image],
    ['Requests', `cpu ${formatMilliCpu(c.requests.cpu)}, memory ${formatBytes(c.requests.memory)}`],
    ['Pod IP', c.ip ?? 'none yet'],
    ['Owner (ReplicaSet)', c.owner ?? 'none'],
  ];
  if (c.backoffUntil !== undefined && c.backoffUntil > now) {
    rows.splice(7, 0, ['Next try (back-off)', `in ${humanDuration(c.backoffUntil - now)}`]);
  }
  return rows;
}

/** The kubectl command that describes the selection, if it is an object. */
export function describeLine(resolved: Resolved): string | undefined {
  if (resolved.kind === 'ship') return `kubectl describe node ${resolved.ship.name}`;
  if (resolved.kind === 'container')
    return `kubectl describe pod ${resolved.container.pod} -n ${resolved.container.namespace}`;
  return undefined;
}

/** The control-plane parts, in both voices. */
export const PARTS: Readonly<
  Record<Extract<Selection, { kind: 'part' }>['name'], { title: string; text: string }>
> = {
  bridge: {
    title: 'The bridge (kube-apiserver)',
    text: 'The only door to the ledger: every component reads and writes cluster state through it, and it serves the watches that tell them what changed. It checks who is asking (authentication), whether they may (authorization), and whether the object is valid (admission and validation).',
  },
  ledger: {
    title: 'The ledger (etcd)',
    text: 'A key-value store with revisions and watches, holding every object of the cluster. With three clerks it survives losing one: writes need a majority (quorum).',
  },
  cranes: {
    title: 'The cranes (kube-scheduler)',
    text: 'For every container waiting on the dock, the cranes filter out ships it cannot go on, score the rest, and bind it to the best. The Cranes tab shows each decision.',
  },
  operations: {
    title: 'Operations office (node controller)',
    text: 'Watches the captains’ check-ins (Leases). A ship that stops checking in becomes Unknown after the grace period; it gets flagged (tainted) and its containers are evicted and replaced elsewhere.',
  },
  cargo: {
    title: 'Cargo office (Deployment and ReplicaSet controllers)',
    text: 'Keeps the desired number of containers of each kind: it orders replacements when some are lost and removes extras when there are too many.',
  },
  services: {
    title: 'Services office (EndpointSlice controller)',
    text: 'Keeps the list of which containers answer for each call sign (Service), so the signal officers (kube-proxy) can route traffic to them.',
  },
};
