import type { EndpointSlice, Service } from '../../objects/cluster';
import type { Informer } from '../../api/informer';
import type { World } from '../../sim/world';
import type { ExecResult } from '../../sim/types';
import type { ProgrammedRules, RuleEndpoint, RuleService } from './iptables';

/** The pod a request leaves from. */
export type Caller = { namespace: string; pod: string; ip: string };

/** What `dial` needs from the kube-proxy on the sending ship. */
export type DialContext = {
  world: World;
  ship: string;
  source: string;
  rules: ProgrammedRules;
  services: Informer<Service>;
  slices: Informer<EndpointSlice>;
  isServing: (podIP: string) => boolean;
};

/** curl's connect timeout in this simulation (as `curl --connect-timeout 3`). */
export const CONNECT_TIMEOUT_MS = 3_000;
/** A request's flight between ships, for the canvas (pod network, a few ms). */
const FLIGHT_MS = 4;
const CLUSTER_DOMAIN = 'svc.cluster.local';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The ClusterIP and default port a name stands for, the way CoreDNS would answer a pod in
 * `namespace` (search path `<ns>.svc.cluster.local svc.cluster.local cluster.local`).
 */
function resolve(
  host: string,
  namespace: string,
  services: Informer<Service>,
): { ip: string; service?: Service } | undefined {
  if (IPV4.test(host)) return { ip: host };
  const parts = host.replace(/\.$/, '').split('.');
  // `db`, `db.shop`, `db.shop.svc` and `db.shop.svc.cluster.local` all reach the same record.
  const suffix = parts.slice(2).join('.');
  if (parts.length > 2 && suffix !== 'svc' && suffix !== CLUSTER_DOMAIN) return undefined;
  const name = parts[0];
  const ns = parts.length >= 2 ? parts[1]! : namespace;
  if (!name) return undefined;
  const service = services.get(`${ns}/${name}`);
  const ip = service?.spec.clusterIP;
  if (!service || !ip || ip === 'None') return undefined;
  return { ip, service };
}

/** Walks a KUBE-SVC chain as the kernel does: each `-m statistic` rule draws a random number. */
function pickEndpoint(world: World, svc: RuleService): RuleEndpoint {
  for (const ep of svc.endpoints) {
    if (ep.threshold === undefined) return ep;
    // xt_statistic: (prandom_u32() & 0x7FFFFFFF) < probability.
    if ((world.rng.nextUint32() & 0x7fffffff) < ep.threshold) return ep;
  }
  return svc.endpoints[svc.endpoints.length - 1]!;
}

const failed = (code: number, text: string): ExecResult => ({
  ok: false,
  output: `curl: (${code}) ${text}`,
});

/**
 * One request through a ship's rules, printed as curl prints it. Stale rules are used as they
 * are: that is the point of showing them.
 */
export function dial(
  ctx: DialContext,
  from: Caller,
  host: string,
  port: number | undefined,
): ExecResult {
  const { world } = ctx;
  const now = world.now();
  const target = resolve(host, from.namespace, ctx.services);
  if (!target) return failed(6, `Could not resolve host: ${host}`);
  const candidates = ctx.rules.services.filter((s) => s.clusterIP === target.ip);
  const dport = port ?? target.service?.spec.ports?.[0]?.port ?? candidates[0]?.port ?? 80;
  const timeout = () =>
    failed(
      28,
      `Failed to connect to ${host} port ${dport} after ${CONNECT_TIMEOUT_MS} ms: Timeout was reached`,
    );
  const svc = candidates.find((s) => s.port === dport && s.protocol === 'tcp');
  if (!svc) {
    if (candidates.length > 0 || target.service) {
      // A ClusterIP is held by no interface: without a rule for this port, nothing answers.
      return timeout();
    }
    return direct(ctx, from, host, target.ip, dport);
  }
  if (svc.endpoints.length === 0) {
    // The filter table's REJECT ("has no endpoints") answers with ICMP port unreachable.
    world.trace.event(
      now,
      ctx.source,
      'kube-proxy.rejected',
      `${from.pod} → ${svc.name}: no endpoints, rejected on ${ctx.ship}`,
      `pod/${from.namespace}/${from.pod}`,
    );
    return failed(
      7,
      `Failed to connect to ${host} port ${dport} after 0 ms: Couldn't connect to server`,
    );
  }
  const ep = pickEndpoint(world, svc);
  const toPod = ep.pod?.split('/')[1] ?? ep.ip;
  world.trace.traffic({
    fromShip: ctx.ship,
    toShip: ep.nodeName ?? '',
    fromPod: from.pod,
    toPod,
    service: svc.service,
    sent: now,
    arrives: now + FLIGHT_MS,
  });
  const serving = ctx.isServing(ep.ip);
  // Background traffic sends many requests: the log line is detail.
  if (world.trace.detail)
    world.trace.event(
      now,
      ctx.source,
      serving ? 'kube-proxy.forwarded' : 'kube-proxy.blackholed',
      `${from.pod} → ${svc.name} → ${toPod} (${ep.address})${ep.nodeName ? ` on ${ep.nodeName}` : ''}${serving ? '' : ': nothing answers there'}`,
      `pod/${from.namespace}/${from.pod}`,
    );
  if (!serving) return timeout();
  return { ok: true, output: answer(world, toPod, ep.ip, from, true) };
}

/** A request to a pod IP: no Service rules apply, the pod network routes it directly. */
function direct(
  ctx: DialContext,
  from: Caller,
  host: string,
  ip: string,
  dport: number,
): ExecResult {
  const { world } = ctx;
  const now = world.now();
  let pod: string | undefined;
  let node: string | undefined;
  for (const slice of ctx.slices.list()) {
    const ep = slice.endpoints?.find((e) => e.addresses?.includes(ip));
    if (ep) {
      pod = ep.targetRef?.name;
      node = ep.nodeName;
      break;
    }
  }
  if (node) {
    world.trace.traffic({
      fromShip: ctx.ship,
      toShip: node,
      fromPod: from.pod,
      toPod: pod ?? ip,
      service: '',
      sent: now,
      arrives: now + FLIGHT_MS,
    });
  }
  if (!ctx.isServing(ip)) {
    return failed(
      28,
      `Failed to connect to ${host} port ${dport} after ${CONNECT_TIMEOUT_MS} ms: Timeout was reached`,
    );
  }
  return { ok: true, output: answer(world, pod ?? ip, ip, from, false) };
}

/**
 * What the backend answers (a whoami-style echo): who it is, and the caller's address as it
 * arrived — unchanged between pods (no NAT), except a pod reaching itself through its Service,
 * which the KUBE-SEP chain's `-s <ip>/32 -j KUBE-MARK-MASQ` hairpin rule SNATs to the ship's
 * bridge address (cni0, .1 of the ship's pod CIDR).
 */
function answer(world: World, pod: string, ip: string, from: Caller, viaService: boolean): string {
  const sourcePort = world.rng.between(32768, 60999);
  const remote = viaService && from.ip === ip ? ip.replace(/\.\d+$/, '.1') : from.ip;
  return [`Hostname: ${pod}`, `IP: ${ip}`, `RemoteAddr: ${remote}:${sourcePort}`].join('\n');
}
