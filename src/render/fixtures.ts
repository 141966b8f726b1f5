import type { ContainerView, Message, Move, ServiceView, ShipView, Snapshot } from '../engine';

// Synthetic snapshots for render tests, development and the synthetic bench path. Plain data of
// the engine's Snapshot type, deterministic: the same options and `now` give the same snapshot.

/** A 32-bit integer hash (murmur3's finaliser): cheap, deterministic noise. */
export function mix32(a: number, b = 0): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const GI = 2 ** 30;
const MI = 2 ** 20;

/** A ship with sensible defaults (4 CPU, 8Gi, 110 pods, containerd, Ready). */
export function fixtureShip(name: string, overrides: Partial<ShipView> = {}): ShipView {
  const control = overrides.role === 'control';
  const capacity = { cpu: control ? 2000 : 4000, memory: (control ? 4 : 8) * GI, pods: 110 };
  return {
    name,
    role: 'cargo',
    status: 'Ready',
    sunk: false,
    ready: 'True',
    runtime: 'containerd',
    runtimeVersion: 'containerd://2.1.4',
    capacity,
    allocatable: { ...capacity },
    allocated: { cpu: 0, memory: 0, pods: 0 },
    labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    taints: control ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
    unschedulable: false,
    lastCheckIn: 0,
    radio: 'ok',
    images: [],
    rules: [],
    internalIP: '10.0.0.1',
    ...overrides,
  };
}

/** A running, ready container of app `web` on ship-1, unless overridden. */
export function fixtureContainer(
  id: string,
  overrides: Partial<ContainerView> = {},
): ContainerView {
  return {
    id,
    pod: `web-${id}`,
    namespace: 'default',
    app: 'web',
    ship: 'ship-1',
    phase: 'Running',
    status: 'Running',
    ready: true,
    restarts: 0,
    since: 0,
    onDeck: 'running',
    terminating: false,
    image: 'nginx:1.27',
    requests: { cpu: 100, memory: 128 * MI },
    ...overrides,
  };
}

/** An otherwise empty snapshot at `now` with these ships and containers. */
export function emptySnapshot(
  now: number,
  ships: ShipView[],
  containers: ContainerView[] = [],
): Snapshot {
  return {
    now,
    seed: 1,
    bridge: { running: true },
    ships: withAllocation(ships, containers),
    containers,
    services: [],
    moves: [],
    messages: [],
    traffic: [],
    offices: [
      { name: 'operations', busyUntil: 0 },
      { name: 'cargo', busyUntil: 0 },
      { name: 'services', busyUntil: 0 },
    ],
    ledger: {
      revision: 1,
      lastWrites: [],
      members: [
        { name: 'etcd-0', up: true, leader: true, role: 'leader', term: 2, appliedRevision: 1 },
      ],
      quorum: 1,
      writable: 'ok',
      keys: 10,
    },
    eventCount: 0,
    decisionCount: 0,
  };
}

/** Fills each ship's `allocated` from the containers bound to it (as the engine does). */
export function withAllocation(
  ships: ShipView[],
  containers: readonly ContainerView[],
): ShipView[] {
  const totals = new Map<string, { cpu: number; memory: number; pods: number }>();
  for (const c of containers) {
    if (!c.ship || c.phase === 'Succeeded' || c.phase === 'Failed') continue;
    const t = totals.get(c.ship) ?? { cpu: 0, memory: 0, pods: 0 };
    t.cpu += c.requests.cpu;
    t.memory += c.requests.memory;
    t.pods += 1;
    totals.set(c.ship, t);
  }
  return ships.map((s) => ({
    ...s,
    allocated: totals.get(s.name) ?? { cpu: 0, memory: 0, pods: 0 },
  }));
}

function message(
  id: number,
  from: string,
  to: string,
  kind: string,
  sent: number,
  key?: string,
): Message {
  return { id, from, to, kind, sent, arrives: sent + 2, ...(key ? { key } : {}) };
}

/**
 * The classroom fleet in the middle of a lesson: every kind of box, a crane lift and signals in
 * flight, a busy Cargo office, a Service with endpoints, the ledger flashing a key.
 */
export function classroomSnapshot(now = 60_000, options: { etcdMembers?: 1 | 3 } = {}): Snapshot {
  const ships = [
    fixtureShip('control-plane', { role: 'control', lastCheckIn: now - 4_000 }),
    fixtureShip('ship-1', {
      lastCheckIn: now - 300,
      labels: { 'kubernetes.io/hostname': 'ship-1', zone: 'north' },
    }),
    fixtureShip('ship-2', {
      lastCheckIn: now - 5_000,
      runtime: 'cri-o',
      runtimeVersion: 'cri-o://1.33.2',
    }),
    fixtureShip('ship-3', {
      lastCheckIn: now - 40_000,
      status: 'Unknown',
      ready: 'Unknown',
      radio: 'cut',
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      ],
    }),
  ];
  ships[1]!.rules = [
    '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp --dport 80 -j KUBE-SVC-WEB',
    '-A KUBE-SVC-WEB -m statistic --probability 0.5 -j KUBE-SEP-1',
    '-A KUBE-SVC-WEB -j KUBE-SEP-2',
    '-A KUBE-SEP-1 -p tcp -j DNAT --to-destination 10.244.1.2:80',
    '-A KUBE-SEP-2 -p tcp -j DNAT --to-destination 10.244.2.2:80',
  ];
  const containers: ContainerView[] = [
    fixtureContainer('a1', {
      pod: 'web-7d9c-a1',
      ship: 'ship-1',
      since: now - 20_000,
      ip: '10.244.1.2',
    }),
    fixtureContainer('a2', {
      pod: 'web-7d9c-a2',
      ship: 'ship-2',
      since: now - 20_000,
      ip: '10.244.2.2',
    }),
    fixtureContainer('a3', {
      pod: 'web-7d9c-a3',
      ship: 'ship-1',
      status: 'CrashLoopBackOff',
      phase: 'Running',
      ready: false,
      restarts: 3,
      since: now - 400,
      backoffUntil: now + 19_600,
      onDeck: 'exited',
    }),
    fixtureContainer('b1', {
      pod: 'db-0',
      app: 'db',
      ship: 'ship-2',
      since: now - 30_000,
      image: 'postgres:17',
      requests: { cpu: 500, memory: GI },
    }),
    fixtureContainer('b2', {
      pod: 'db-1',
      app: 'db',
      ship: 'ship-3',
      since: now - 30_000,
      status: 'Running',
      image: 'postgres:17',
    }),
    fixtureContainer('c1', {
      pod: 'api-5f-c1',
      app: 'api',
      ship: 'ship-2',
      status: 'ContainerCreating',
      phase: 'Pending',
      ready: false,
      since: now - 1_000,
      onDeck: 'pulling',
    }),
    fixtureContainer('c2', {
      pod: 'api-5f-c2',
      app: 'api',
      ship: 'ship-1',
      status: 'Pending',
      phase: 'Pending',
      ready: false,
      since: now - 500,
      onDeck: 'none',
    }),
    fixtureContainer('c3', {
      pod: 'api-5f-c3',
      app: 'api',
      ship: undefined,
      status: 'Pending',
      phase: 'Pending',
      ready: false,
      since: now - 300,
      onDeck: 'none',
    }),
    fixtureContainer('d1', {
      pod: 'cache-9-d1',
      app: 'cache',
      ship: 'ship-1',
      status: 'ImagePullBackOff',
      phase: 'Pending',
      ready: false,
      since: now - 6_000,
      backoffUntil: now + 14_000,
      onDeck: 'none',
      image: 'redis:does-not-exist',
    }),
    fixtureContainer('d2', {
      pod: 'cache-9-d2',
      app: 'cache',
      ship: 'ship-2',
      status: 'Terminating',
      terminating: true,
      since: now - 2_000,
    }),
    fixtureContainer('e1', {
      pod: 'batch-x',
      app: 'batch',
      ship: 'ship-2',
      status: 'Completed',
      phase: 'Succeeded',
      ready: false,
      since: now - 50_000,
      onDeck: 'exited',
    }),
    fixtureContainer('e2', {
      pod: 'web-7d9c-a4',
      ship: 'ship-1',
      status: 'Running',
      ready: false,
      since: now - 3_000,
    }),
  ];
  const snap = emptySnapshot(now, ships, containers);
  const moves: Move[] = [
    { pod: 'api-5f-c2', uid: 'c2', from: 'dock', to: 'ship-1', start: now - 500, end: now + 1_500 },
  ];
  const services: ServiceView[] = [
    {
      name: 'web',
      namespace: 'default',
      clusterIP: '10.96.0.10',
      ports: ['80/TCP'],
      selector: { app: 'web' },
      endpoints: [
        { pod: 'web-7d9c-a1', ship: 'ship-1', ip: '10.244.1.2', ready: true },
        { pod: 'web-7d9c-a2', ship: 'ship-2', ip: '10.244.2.2', ready: true },
      ],
    },
    {
      name: 'db',
      namespace: 'default',
      clusterIP: '10.96.0.20',
      ports: ['5432/TCP'],
      selector: { app: 'db' },
      endpoints: [{ pod: 'db-0', ship: 'ship-2', ip: '10.244.2.3', ready: true }],
    },
  ];
  const members =
    options.etcdMembers === 3
      ? [0, 1, 2].map((i) => ({
          name: `etcd-${i}`,
          up: i !== 2,
          leader: i === 0,
          role: i === 0 ? 'leader' : 'follower',
          term: 3,
          appliedRevision: 812,
        }))
      : snap.ledger.members;
  return {
    ...snap,
    services,
    moves,
    messages: [
      message(
        1,
        'kcm/replicaset',
        'apiserver',
        'create pods',
        now - 200,
        '/registry/pods/default/api-5f-c3',
      ),
      message(
        2,
        'apiserver',
        'etcd-0',
        'txn create',
        now - 150,
        '/registry/pods/default/api-5f-c3',
      ),
      message(3, 'apiserver', 'scheduler', 'watch pods', now - 100),
      message(4, 'kubelet/ship-1', 'apiserver', 'update leases', now - 300),
      message(5, 'apiserver', 'kube-proxy/ship-2', 'watch endpointslices', now - 450),
    ],
    traffic: [
      {
        id: 1,
        fromShip: 'ship-1',
        toShip: 'ship-2',
        fromPod: 'web-7d9c-a1',
        toPod: 'db-0',
        service: 'db',
        sent: now - 300,
        arrives: now + 100,
      },
    ],
    offices: [
      {
        name: 'operations',
        busyUntil: now - 10_000,
        lastAction: 'marked ship-3 Unknown',
        lastActionAt: now - 10_200,
      },
      {
        name: 'cargo',
        busyUntil: now + 400,
        lastAction: 'created pod api-5f-c3',
        lastActionAt: now - 200,
      },
      { name: 'services', busyUntil: 0 },
    ],
    ledger: {
      ...snap.ledger,
      revision: 812,
      members,
      quorum: members.length === 3 ? 2 : 1,
      lastWrites: [
        { key: '/registry/pods/default/api-5f-c2', revision: 811, at: now - 900, type: 'PUT' },
        { key: '/registry/pods/default/api-5f-c3', revision: 812, at: now - 150, type: 'PUT' },
      ],
    },
  };
}

export type ChurnOptions = {
  /** Cargo ships (the control ship comes on top). */
  ships: number;
  /** Containers alive at any time. */
  containers: number;
  /** Apps to spread the containers over. */
  apps?: readonly string[];
  /** A container's lifetime in simulated ms, on average (default 30 s). */
  period?: number;
  /** Fraction of containers that crash once during their life (default 0.1). */
  crashRate?: number;
  /** Ships that sink: name → simulated time. */
  sink?: Readonly<Record<string, number>>;
};

const APPS = ['web', 'db', 'api', 'cache', 'worker', 'frontend'] as const;

/**
 * A fleet under constant churn, as a pure function of `now`: each container slot cycles through
 * waiting on the dock, a crane lift, creation, running (some crash once and restart), terminating,
 * then a new container takes the slot. Used by the synthetic bench path and render tests.
 */
export function churnSnapshot(now: number, options: ChurnOptions): Snapshot {
  const apps = options.apps ?? APPS;
  const period = options.period ?? 30_000;
  const crashRate = options.crashRate ?? 0.1;
  const shipCount = Math.max(1, options.ships);
  const perShip = Math.ceil(options.containers / shipCount);
  const ships: ShipView[] = [
    fixtureShip('control-plane', { role: 'control', lastCheckIn: now - (now % 10_000) }),
  ];
  for (let s = 1; s <= shipCount; s += 1) {
    const name = `ship-${s}`;
    const sunkAt = options.sink?.[name];
    const sunk = sunkAt !== undefined && now >= sunkAt;
    const capacity = {
      cpu: 64_000,
      memory: 256 * GI,
      pods: Math.max(110, Math.ceil(perShip * 1.6)),
    };
    ships.push(
      fixtureShip(name, {
        capacity,
        allocatable: capacity,
        status: sunk ? 'Sunk' : 'Ready',
        sunk,
        lastCheckIn: sunk ? sunkAt! : now - ((now + s * 997) % 10_000),
        runtime: s % 5 === 0 ? 'cri-o' : 'containerd',
        runtimeVersion: s % 5 === 0 ? 'cri-o://1.33.2' : 'containerd://2.1.4',
      }),
    );
  }
  const afloat = ships.filter((s) => s.role === 'cargo' && !s.sunk).map((s) => s.name);
  const containers: ContainerView[] = [];
  const moves: Move[] = [];
  const messages: Message[] = [];
  let messageId = 0;
  for (let i = 0; i < options.containers; i += 1) {
    const p = Math.round(period * (0.8 + (mix32(i, 1) % 400) / 1000));
    const offset = mix32(i, 2) % p;
    const gen = Math.floor((now + offset) / p);
    const t0 = gen * p - offset;
    const tau = now - t0;
    const app = apps[mix32(i, 3) % apps.length]!;
    const id = `c${i}-${gen}`;
    const pod = `${app}-${(mix32(i, gen) % 0xfffff).toString(36)}`;
    const ship = afloat.length ? afloat[mix32(i, gen + 7) % afloat.length]! : undefined;
    const crashes = mix32(i, gen + 11) % 1000 < crashRate * 1000;
    const base = { id, pod, app, image: `${app}:1`, requests: { cpu: 50, memory: 64 * MI } };
    let c: ContainerView;
    if (tau < 1_500 || !ship) {
      c = fixtureContainer(id, {
        ...base,
        ship: undefined,
        phase: 'Pending',
        status: 'Pending',
        ready: false,
        since: t0,
        onDeck: 'none',
      });
      if (tau < 700)
        messages.push(message(++messageId, 'kcm/replicaset', 'apiserver', 'create pods', t0));
    } else if (tau < 3_500) {
      c = fixtureContainer(id, {
        ...base,
        ship,
        phase: 'Pending',
        status: 'Pending',
        ready: false,
        since: t0 + 1_500,
        onDeck: 'none',
      });
      moves.push({ pod, uid: id, from: 'dock', to: ship, start: t0 + 1_500, end: t0 + 3_500 });
      if (tau < 2_200)
        messages.push(message(++messageId, 'scheduler', 'apiserver', 'bind pods', t0 + 1_500));
    } else if (tau < 6_000) {
      c = fixtureContainer(id, {
        ...base,
        ship,
        phase: 'Pending',
        status: 'ContainerCreating',
        ready: false,
        since: t0 + 3_500,
        onDeck: tau < 5_000 ? 'pulling' : 'creating',
      });
      if (tau < 4_200)
        messages.push(
          message(++messageId, `kubelet/${ship}`, 'apiserver', 'patch pods/status', t0 + 3_500),
        );
    } else if (crashes && tau >= 10_000 && tau < 20_000) {
      c = fixtureContainer(id, {
        ...base,
        ship,
        status: 'CrashLoopBackOff',
        ready: false,
        restarts: 1,
        since: t0 + 10_000,
        backoffUntil: t0 + 20_000,
        onDeck: 'exited',
      });
    } else if (tau < p - 2_500) {
      const since = crashes && tau >= 20_000 ? t0 + 20_000 : t0 + 6_000;
      c = fixtureContainer(id, {
        ...base,
        ship,
        status: 'Running',
        ready: tau >= 7_000,
        restarts: crashes && tau >= 20_000 ? 1 : 0,
        since,
      });
    } else {
      c = fixtureContainer(id, {
        ...base,
        ship,
        status: 'Terminating',
        terminating: true,
        since: t0 + p - 2_500,
      });
    }
    containers.push(c);
  }
  containers.sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  const snap = emptySnapshot(now, ships, containers);
  const busy = messages.some((m) => m.from === 'kcm/replicaset');
  return {
    ...snap,
    moves,
    messages: messages.slice(-400),
    offices: [
      { name: 'operations', busyUntil: 0 },
      {
        name: 'cargo',
        busyUntil: busy ? now + 300 : now - 1_000,
        lastAction: 'created replacement pods',
        lastActionAt: now - 300,
      },
      { name: 'services', busyUntil: 0 },
    ],
    services: [
      {
        name: 'web',
        namespace: 'default',
        clusterIP: '10.96.0.10',
        ports: ['80/TCP'],
        selector: { app: 'web' },
        endpoints: [],
      },
    ],
  };
}
