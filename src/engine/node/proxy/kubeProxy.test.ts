import { describe, expect, it } from 'vitest';
import type { Endpoint, EndpointSlice, Service } from '../../objects/cluster';
import type { KObject } from '../../objects/meta';
import { mustCreate, testWorld } from '../../sim/testing';
import type { World } from '../../sim/world';
import { transitionCoverage } from '../../sim/modelCoverage';
import { KubeProxy } from './kubeProxy';
import { kubeProxyMachine } from './kubeProxy.machine';
import { formatProbability, statisticThreshold } from './iptables';
import { serviceChain } from './chains';

const WEB = { namespace: 'default', pod: 'web-1', ip: '10.244.1.3' };

function service(world: World, name = 'db', clusterIP = '10.96.0.20'): Service {
  return mustCreate<Service>(world, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' } as unknown as Service['metadata'],
    spec: { selector: { app: name }, clusterIP, ports: [{ port: 5432, targetPort: 5432 }] },
    status: {},
  });
}

const ep = (
  pod: string,
  ip: string,
  node: string,
  ready = true,
  terminating = false,
): Endpoint => ({
  addresses: [ip],
  conditions: { ready: ready && !terminating, serving: ready, terminating },
  nodeName: node,
  targetRef: { kind: 'Pod', namespace: 'default', name: pod, uid: `uid-${pod}` },
});

function slice(
  world: World,
  endpoints: Endpoint[],
  name = 'db-x7k2p',
  service = 'db',
): EndpointSlice {
  return mustCreate<EndpointSlice>(world, 'endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace: 'default',
      labels: {
        'kubernetes.io/service-name': service,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    } as unknown as EndpointSlice['metadata'],
    addressType: 'IPv4',
    endpoints,
    ports: [{ name: '', port: 5432, protocol: 'TCP' }],
  });
}

function updateSlice(world: World, name: string, endpoints: Endpoint[]): void {
  const result = world.api.request(
    {
      verb: 'patch',
      resource: 'endpointslices',
      namespace: 'default',
      name,
      mutate: (s) => ({ ...(s as EndpointSlice), endpoints }) as KObject,
    },
    'kcm/endpointslice',
  );
  if (!result.ok) throw new Error(result.error.message);
}

function proxyOn(world: World, ship: string, serving: Set<string>): KubeProxy {
  const proxy = new KubeProxy(world, ship, (ip) => serving.has(ip));
  proxy.start();
  return proxy;
}

describe('kube-proxy (the signal officer), iptables mode', () => {
  it('names chains as upstream: KUBE-SVC-NPX46M4PTMTKRN6Y is default/kubernetes:https over tcp', () => {
    expect(serviceChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
  });

  it('prints probabilities as iptables-save does (1/n with 10 decimals, stored out of 2^31)', () => {
    expect(formatProbability(statisticThreshold(2))).toBe('0.50000000000');
    expect(formatProbability(statisticThreshold(3))).toBe('0.33333333349');
    expect(formatProbability(statisticThreshold(5))).toBe('0.20000000019');
    expect(formatProbability(statisticThreshold(4))).toBe('0.25000000000');
  });

  it('writes KUBE-SERVICES → KUBE-SVC → KUBE-SEP rules for a Service with two endpoints', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-b', '10.244.2.7', 'ship-2'), ep('db-a', '10.244.1.5', 'ship-1')]);
    const proxy = proxyOn(world, 'ship-1', new Set());
    world.agenda.advance(2_000);
    expect(proxy.state()).toBe('idle');
    expect(proxy.rules()).toMatchInlineSnapshot(`
      [
        "*filter",
        ":INPUT ACCEPT [0:0]",
        ":FORWARD ACCEPT [0:0]",
        ":OUTPUT ACCEPT [0:0]",
        ":KUBE-EXTERNAL-SERVICES - [0:0]",
        ":KUBE-FORWARD - [0:0]",
        ":KUBE-NODEPORTS - [0:0]",
        ":KUBE-PROXY-FIREWALL - [0:0]",
        ":KUBE-SERVICES - [0:0]",
        "-A FORWARD -m comment --comment "kubernetes service portals" -j KUBE-SERVICES",
        "-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES",
        "COMMIT",
        "*nat",
        ":PREROUTING ACCEPT [0:0]",
        ":INPUT ACCEPT [0:0]",
        ":OUTPUT ACCEPT [0:0]",
        ":POSTROUTING ACCEPT [0:0]",
        ":KUBE-MARK-MASQ - [0:0]",
        ":KUBE-NODEPORTS - [0:0]",
        ":KUBE-POSTROUTING - [0:0]",
        ":KUBE-SEP-3HMBSNTXOY7SUBSO - [0:0]",
        ":KUBE-SEP-OS2SLMKYCDMHSV4F - [0:0]",
        ":KUBE-SERVICES - [0:0]",
        ":KUBE-SVC-2KHWPRMFJERXUJE3 - [0:0]",
        "-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES",
        "-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES",
        "-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING",
        "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
        "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
        "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
        "-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully",
        "-A KUBE-SEP-3HMBSNTXOY7SUBSO -s 10.244.1.5/32 -m comment --comment "default/db" -j KUBE-MARK-MASQ",
        "-A KUBE-SEP-3HMBSNTXOY7SUBSO -p tcp -m comment --comment "default/db" -m tcp -j DNAT --to-destination 10.244.1.5:5432",
        "-A KUBE-SEP-OS2SLMKYCDMHSV4F -s 10.244.2.7/32 -m comment --comment "default/db" -j KUBE-MARK-MASQ",
        "-A KUBE-SEP-OS2SLMKYCDMHSV4F -p tcp -m comment --comment "default/db" -m tcp -j DNAT --to-destination 10.244.2.7:5432",
        "-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/db cluster IP" -m tcp --dport 5432 -j KUBE-SVC-2KHWPRMFJERXUJE3",
        "-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
        "-A KUBE-SVC-2KHWPRMFJERXUJE3 ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "default/db cluster IP" -m tcp --dport 5432 -j KUBE-MARK-MASQ",
        "-A KUBE-SVC-2KHWPRMFJERXUJE3 -m comment --comment "default/db -> 10.244.1.5:5432" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-3HMBSNTXOY7SUBSO",
        "-A KUBE-SVC-2KHWPRMFJERXUJE3 -m comment --comment "default/db -> 10.244.2.7:5432" -j KUBE-SEP-OS2SLMKYCDMHSV4F",
        "COMMIT",
      ]
    `);
  });

  it('batches changes: at most one rewrite per minSyncPeriod (1 s), and a full sync every 30 s', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.1.5', 'ship-1')]);
    const proxy = proxyOn(world, 'ship-1', new Set());
    world.agenda.advance(10);
    const first = proxy.lastSync();
    expect(first).toBeGreaterThan(0);
    // Two changes 100 ms apart, right after the first sync: both wait for the 1 s mark.
    world.agenda.advance(100);
    updateSlice(world, 'db-x7k2p', [
      ep('db-a', '10.244.1.5', 'ship-1'),
      ep('db-b', '10.244.2.7', 'ship-2'),
    ]);
    world.agenda.advance(100);
    updateSlice(world, 'db-x7k2p', [
      ep('db-a', '10.244.1.5', 'ship-1'),
      ep('db-b', '10.244.2.7', 'ship-2'),
      ep('db-c', '10.244.2.8', 'ship-2'),
    ]);
    world.agenda.runUntil(first + 999);
    expect(proxy.programmedServices()[0]!.endpoints.length).toBe(1);
    world.agenda.runUntil(first + 1_000);
    expect(proxy.lastSync()).toBe(first + 1_000);
    expect(proxy.programmedServices()[0]!.endpoints.length).toBe(3);
    // Quiet: the next sync is the periodic one, 30 s after the last.
    world.agenda.runUntil(first + 30_999);
    expect(proxy.lastSync()).toBe(first + 1_000);
    world.agenda.runUntil(first + 31_000);
    expect(proxy.lastSync()).toBe(first + 31_000);
    // A change long after the last sync is written at once (after the watch delivers it).
    world.agenda.runUntil(first + 40_000);
    updateSlice(world, 'db-x7k2p', [ep('db-a', '10.244.1.5', 'ship-1')]);
    world.agenda.advance(20);
    expect(proxy.programmedServices()[0]!.endpoints.length).toBe(1);
    expect(proxy.lastSync()).toBeLessThan(first + 40_020);
  });

  it('never sends traffic to an unready endpoint; curl output names the pod', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.1.5', 'ship-1'), ep('db-b', '10.244.2.7', 'ship-2', false)]);
    const proxy = proxyOn(world, 'ship-1', new Set(['10.244.1.5', '10.244.2.7']));
    world.agenda.advance(100);
    for (let i = 0; i < 50; i += 1) {
      const result = proxy.send(WEB, 'db', 5432);
      expect(result.ok).toBe(true);
      expect(result.output).toMatch(
        /^Hostname: db-a\nIP: 10\.244\.1\.5\nRemoteAddr: 10\.244\.1\.3:\d+$/,
      );
    }
    const traffic = world.trace.trafficAround(world.now(), 10_000);
    expect(traffic.length).toBe(50);
    expect(traffic[0]).toMatchObject({
      fromShip: 'ship-1',
      toShip: 'ship-1',
      fromPod: 'web-1',
      toPod: 'db-a',
      service: 'default/db',
    });
    expect(traffic[0]!.arrives).toBeGreaterThan(traffic[0]!.sent);
  });

  it('spreads requests over ready endpoints as the statistic rules do', () => {
    const world = testWorld();
    service(world);
    slice(world, [
      ep('db-a', '10.244.1.5', 'ship-1'),
      ep('db-b', '10.244.2.7', 'ship-2'),
      ep('db-c', '10.244.2.8', 'ship-2'),
    ]);
    const proxy = proxyOn(world, 'ship-1', new Set(['10.244.1.5', '10.244.2.7', '10.244.2.8']));
    world.agenda.advance(100);
    const counts = new Map<string, number>();
    for (let i = 0; i < 900; i += 1) {
      const pod = /Hostname: (\S+)/.exec(
        proxy.send(WEB, 'db.default.svc.cluster.local', 5432).output,
      )![1]!;
      counts.set(pod, (counts.get(pod) ?? 0) + 1);
    }
    for (const pod of ['db-a', 'db-b', 'db-c']) expect(counts.get(pod)!).toBeGreaterThan(230);
  });

  it('follows a replaced backend after its next sync, and times out on a dead one before that', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.2.7', 'ship-2')]);
    const serving = new Set(['10.244.2.7']);
    const proxy = proxyOn(world, 'ship-1', serving);
    world.agenda.advance(2_000);
    expect(proxy.send(WEB, 'db', 5432).output).toContain('Hostname: db-a');
    // The db container dies and its replacement comes up on ship-3.
    serving.delete('10.244.2.7');
    serving.add('10.244.3.4');
    expect(proxy.send(WEB, 'db', 5432).output).toBe(
      'curl: (28) Failed to connect to db port 5432 after 3000 ms: Timeout was reached',
    );
    updateSlice(world, 'db-x7k2p', [ep('db-a2', '10.244.3.4', 'ship-3')]);
    world.agenda.advance(20);
    const result = proxy.send(WEB, 'db', 5432);
    expect(result.ok).toBe(true);
    expect(result.output).toContain('Hostname: db-a2');
    expect(world.trace.trafficAround(world.now(), 1_000).at(-1)).toMatchObject({
      toShip: 'ship-3',
      toPod: 'db-a2',
    });
  });

  it('REJECTs a Service with no endpoints ("has no endpoints"), and says so in the filter table', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.2.7', 'ship-2', false)]);
    const proxy = proxyOn(world, 'ship-1', new Set());
    world.agenda.advance(100);
    expect(proxy.send(WEB, 'db', 5432)).toEqual({
      ok: false,
      output: "curl: (7) Failed to connect to db port 5432 after 0 ms: Couldn't connect to server",
    });
    expect(proxy.rules()).toContain(
      '-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/db has no endpoints" -m tcp --dport 5432 -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(proxy.rules().some((l) => l.startsWith('-A KUBE-SVC-'))).toBe(false);
  });

  it('falls back to serving-terminating endpoints when none is ready', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.2.7', 'ship-2', true, true)]);
    const proxy = proxyOn(world, 'ship-1', new Set(['10.244.2.7']));
    world.agenda.advance(100);
    expect(proxy.send(WEB, 'db', 5432).output).toContain('Hostname: db-a');
  });

  it('resolves names as a pod in its namespace would, and fails on unknown ones as curl does', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.2.7', 'ship-2')]);
    const proxy = proxyOn(world, 'ship-1', new Set(['10.244.2.7']));
    world.agenda.advance(100);
    for (const host of [
      'db',
      'db.default',
      'db.default.svc',
      'db.default.svc.cluster.local',
      '10.96.0.20',
    ])
      expect(proxy.send(WEB, host, undefined).ok).toBe(true);
    expect(proxy.send(WEB, 'nope', 80).output).toBe('curl: (6) Could not resolve host: nope');
    expect(proxy.send({ ...WEB, namespace: 'shop' }, 'db', 5432).output).toBe(
      'curl: (6) Could not resolve host: db',
    );
    expect(proxy.send(WEB, 'db', 80).output).toBe(
      'curl: (28) Failed to connect to db port 80 after 3000 ms: Timeout was reached',
    );
    // A pod IP: no Service rules, straight over the pod network.
    expect(proxy.send(WEB, '10.244.2.7', 5432).output).toContain('Hostname: db-a');
  });

  it('keeps its last rules while its ship is cut off: stale rules send traffic to a gone backend', () => {
    const world = testWorld();
    service(world);
    slice(world, [ep('db-a', '10.244.2.7', 'ship-2')]);
    const serving = new Set(['10.244.2.7']);
    const proxy = proxyOn(world, 'ship-1', serving);
    world.agenda.advance(100);
    world.network.cutRadio('ship-1');
    serving.delete('10.244.2.7');
    serving.add('10.244.3.4');
    updateSlice(world, 'db-x7k2p', [ep('db-a2', '10.244.3.4', 'ship-3')]);
    world.agenda.advance(60_000);
    expect(proxy.programmedServices()[0]!.endpoints.map((e) => e.pod)).toEqual(['default/db-a']);
    expect(proxy.send(WEB, 'db', 5432).output).toContain('Timeout was reached');
    world.network.restoreRadio('ship-1');
    world.agenda.advance(60_000);
    expect(proxy.send(WEB, 'db', 5432).output).toContain('Hostname: db-a2');
  });

  it('machine: every transition (model-based)', () => {
    const result = transitionCoverage(kubeProxyMachine, {
      input: { minSyncPeriod: 1_000, syncPeriod: 30_000, ops: { syncRules: () => undefined } },
      events: [{ type: 'START' }, { type: 'STOP' }, { type: 'CACHES_SYNCED' }, { type: 'CHANGED' }],
      serializeState: (s) => JSON.stringify([s.value, (s.context as { pending: boolean }).pending]),
    });
    expect(result.missing).toEqual([]);
    expect(result.covered.length).toBeGreaterThanOrEqual(7);
  });
});
