import type { ContainerView, ShipView, Snapshot } from '../../engine';

// A small hand-made view for the outline's tests (ui may not import render's fixtures).

const GI = 2 ** 30;

export function ship(name: string, overrides: Partial<ShipView> = {}): ShipView {
  const capacity = { cpu: 4000, memory: 8 * GI, pods: 110 };
  return {
    name,
    role: 'cargo',
    status: 'Ready',
    sunk: false,
    ready: 'True',
    runtime: 'containerd',
    runtimeVersion: 'containerd://2.1.4',
    capacity,
    allocatable: capacity,
    allocated: { cpu: 0, memory: 0, pods: 0 },
    labels: {},
    taints: [],
    unschedulable: false,
    lastCheckIn: 0,
    radio: 'ok',
    images: [],
    rules: [],
    internalIP: '10.0.0.2',
    ...overrides,
  };
}

export function container(id: string, overrides: Partial<ContainerView> = {}): ContainerView {
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
    requests: { cpu: 100, memory: 128 * 2 ** 20 },
    ...overrides,
  };
}

/** The classroom fleet with a few containers, one waiting, one crash-looping, a Service. */
export function testView(extra: { containers?: number } = {}): Snapshot {
  const containers: ContainerView[] = [
    container('a1'),
    container('a2', { ship: 'ship-2' }),
    container('a3', {
      status: 'CrashLoopBackOff',
      ready: false,
      restarts: 2,
      backoffUntil: 70_000,
    }),
    container('c3', {
      pod: 'api-c3',
      app: 'api',
      ship: undefined,
      phase: 'Pending',
      status: 'Pending',
      ready: false,
      onDeck: 'none',
    }),
  ];
  for (let i = 0; i < (extra.containers ?? 0); i += 1)
    containers.push(container(`x${i}`, { ship: `ship-${(i % 3) + 1}` }));
  return {
    now: 60_000,
    seed: 1,
    bridge: { running: true },
    ships: [
      ship('control-plane', {
        role: 'control',
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      }),
      ship('ship-1', { allocated: { cpu: 500, memory: 640 * 2 ** 20, pods: 2 } }),
      ship('ship-2'),
      ship('ship-3', { status: 'Unknown', radio: 'cut' }),
    ],
    containers,
    services: [
      {
        name: 'web',
        namespace: 'default',
        clusterIP: '10.96.0.10',
        ports: ['80/TCP'],
        selector: { app: 'web' },
        endpoints: [{ pod: 'web-a1', ship: 'ship-1', ip: '10.244.1.2', ready: true }],
      },
    ],
    moves: [],
    messages: [],
    traffic: [],
    offices: [
      { name: 'operations', busyUntil: 0 },
      { name: 'cargo', busyUntil: 0, lastAction: 'created pod api-c3' },
      { name: 'services', busyUntil: 0 },
    ],
    ledger: {
      revision: 10,
      lastWrites: [],
      members: [
        { name: 'etcd-0', up: true, leader: true, role: 'leader', term: 1, appliedRevision: 10 },
      ],
      quorum: 1,
      writable: 'ok',
      keys: 5,
    },
    eventCount: 0,
    decisionCount: 0,
  };
}
