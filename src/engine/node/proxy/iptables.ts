import type { Endpoint, EndpointSlice, Service } from '../../objects/cluster';
import { endpointChain, serviceChain, servicePortName } from './chains';

/** One endpoint as a ship's rules know it (kube-proxy's `endpointInfo`). */
export type RuleEndpoint = {
  readonly ip: string;
  readonly port: number;
  /** `ip:port`, as the rules' comments and DNAT targets print it. */
  readonly address: string;
  readonly chain: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly nodeName?: string;
  /** `namespace/name` of the pod behind it (the slice's targetRef). */
  readonly pod?: string;
  /**
   * The kernel's threshold for `-m statistic --mode random` (probability × 2^31, rounded as
   * iptables stores it); undefined on the last rule, which always matches.
   */
  readonly threshold?: number;
};

/** One service port as programmed on a ship: a KUBE-SVC chain, or a REJECT when it has no endpoints. */
export type RuleService = {
  /** `namespace/name` of the Service. */
  readonly service: string;
  /** `namespace/name[:port]`: the comment on its rules. */
  readonly name: string;
  readonly protocol: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly chain: string;
  /** The endpoints traffic can be sent to, in rule order (empty: REJECT "has no endpoints"). */
  readonly endpoints: readonly RuleEndpoint[];
};

/** What a ship's kube-proxy last wrote into the kernel. */
export type ProgrammedRules = {
  readonly services: readonly RuleService[];
  readonly syncedAt: number;
};

/** Labels kube-proxy's informers select on (cmd/kube-proxy/app/server.go) and slices' owner label. */
export const LABEL_SERVICE_PROXY_NAME = 'service.kubernetes.io/service-proxy-name';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';

/**
 * iptables keeps `--probability` as an integer out of 2^31 (libxt_statistic: `lround(0x80000000 *
 * p)`); kube-proxy writes `1/n` with 10 decimals (proxier.probability).
 */
export function statisticThreshold(remaining: number): number {
  const written = Number((1 / remaining).toFixed(10));
  return Math.round(written * 0x80000000);
}

/** How iptables-save prints a stored probability (`%.11f`). */
export function formatProbability(threshold: number): string {
  return (threshold / 0x80000000).toFixed(11);
}

function endpointFromSlice(ep: Endpoint) {
  // Nil conditions: ready is assumed, serving defers to ready, terminating is false
  // (discovery/v1 EndpointConditions doc; pkg/proxy/endpointslicecache.go).
  const ready = ep.conditions?.ready ?? true;
  return {
    ready,
    serving: ep.conditions?.serving ?? ready,
    terminating: ep.conditions?.terminating ?? false,
  };
}

/** `namespace/name` of the Service an EndpointSlice belongs to (its kubernetes.io/service-name label). */
export function sliceOwner(slice: EndpointSlice): string | undefined {
  const owner = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  return owner ? `${slice.metadata.namespace ?? 'default'}/${owner}` : undefined;
}

/**
 * Stored objects are immutable and every ship's informer holds the same ones, so one Service's
 * rules, computed from the same Service and slices, are shared by every ship (5,000 signal
 * officers do the work once per change).
 */
const shared = new WeakMap<Service, { slices: readonly EndpointSlice[]; rules: RuleService[] }>();

/**
 * One Service's rules, as kube-proxy's syncProxyRules would program them: per service port, the
 * usable endpoints (ready ones; if none, serving-and-terminating ones, pkg/proxy/topology.go
 * CategorizeEndpoints), deduplicated and sorted by `ip:port` as the endpoint cache sorts them,
 * with the statistic thresholds of each rule. `slices` must be in a stable order (by name).
 */
export function buildServiceRules(svc: Service, slices: readonly EndpointSlice[]): RuleService[] {
  const ip = svc.spec.clusterIP;
  // Headless and ExternalName services get no rules (pkg/proxy/servicechangetracker.go).
  if (!ip || ip === 'None' || svc.spec.type === 'ExternalName') return [];
  const hit = shared.get(svc);
  if (hit && hit.slices.length === slices.length && hit.slices.every((s, i) => s === slices[i]))
    return hit.rules;
  const namespace = svc.metadata.namespace ?? 'default';
  const key = `${namespace}/${svc.metadata.name}`;
  const out: RuleService[] = [];
  for (const port of svc.spec.ports ?? []) {
    const protocol = (port.protocol ?? 'TCP').toLowerCase();
    const name = servicePortName(namespace, svc.metadata.name, port.name);
    const byAddress = new Map<
      string,
      ReturnType<typeof endpointFromSlice> & {
        ip: string;
        port: number;
        nodeName?: string;
        pod?: string;
      }
    >();
    for (const slice of slices) {
      if (slice.addressType !== 'IPv4') continue;
      const slicePort = slice.ports?.find(
        (p) =>
          (p.name ?? '') === (port.name ?? '') &&
          (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
      );
      if (!slicePort) continue;
      for (const ep of slice.endpoints ?? []) {
        const address = ep.addresses?.[0];
        if (!address) continue;
        const target = `${address}:${slicePort.port}`;
        if (byAddress.has(target)) continue;
        byAddress.set(target, {
          ...endpointFromSlice(ep),
          ip: address,
          port: slicePort.port,
          ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
          ...(ep.targetRef ? { pod: `${ep.targetRef.namespace}/${ep.targetRef.name}` } : {}),
        });
      }
    }
    const all = [...byAddress.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let usable = all.filter(([, ep]) => ep.ready);
    if (usable.length === 0) usable = all.filter(([, ep]) => ep.serving && ep.terminating);
    const endpoints = usable.map(([address, ep], i): RuleEndpoint => ({
      ...ep,
      address,
      chain: endpointChain(name, protocol, address),
      ...(i < usable.length - 1 ? { threshold: statisticThreshold(usable.length - i) } : {}),
    }));
    out.push({
      service: key,
      name,
      protocol,
      clusterIP: ip,
      port: port.port,
      chain: serviceChain(name, protocol),
      endpoints,
    });
  }
  shared.set(svc, { slices: [...slices], rules: out });
  return out;
}

/** Orders service ports as the rules list them (by `namespace/name[:port]`, then protocol). */
export function compareRuleServices(a: RuleService, b: RuleService): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0;
}

/** Every Service's rules at once (for tests and one-off views). */
export function buildRules(
  services: Iterable<Service>,
  slices: Iterable<EndpointSlice>,
  now: number,
): ProgrammedRules {
  const byService = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const owner = sliceOwner(slice);
    if (!owner) continue;
    let list = byService.get(owner);
    if (!list) byService.set(owner, (list = []));
    list.push(slice);
  }
  const out: RuleService[] = [];
  for (const svc of services) {
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
    const list = (byService.get(key) ?? []).sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
    out.push(...buildServiceRules(svc, list));
  }
  return { services: out.sort(compareRuleServices), syncedAt: now };
}

const quote = (comment: string) => `"${comment}"`;

/**
 * The rules as `iptables-save` prints them on the ship (filter table, then nat), in
 * upstream's shape and naming: built-in chains, then user chains alphabetically, each chain's
 * rules together. `clusterCIDR` is kube-proxy's --cluster-cidr (masquerade off-cluster sources).
 */
export function renderIptablesSave(rules: ProgrammedRules, clusterCIDR: string): string[] {
  const filter: string[] = [
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':KUBE-EXTERNAL-SERVICES - [0:0]',
    ':KUBE-FORWARD - [0:0]',
    ':KUBE-NODEPORTS - [0:0]',
    ':KUBE-PROXY-FIREWALL - [0:0]',
    ':KUBE-SERVICES - [0:0]',
    '-A FORWARD -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  ];
  for (const svc of rules.services) {
    if (svc.endpoints.length > 0) continue;
    filter.push(
      `-A KUBE-SERVICES -d ${svc.clusterIP}/32 -p ${svc.protocol} -m comment --comment ${quote(`${svc.name} has no endpoints`)} -m ${svc.protocol} --dport ${svc.port} -j REJECT --reject-with icmp-port-unreachable`,
    );
  }
  filter.push('COMMIT');

  const chains = new Map<string, string[]>();
  const rulesOf = (chain: string) => {
    let list = chains.get(chain);
    if (!list) chains.set(chain, (list = []));
    return list;
  };
  rulesOf('KUBE-MARK-MASQ').push('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
  rulesOf('KUBE-NODEPORTS');
  rulesOf('KUBE-POSTROUTING').push(
    '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  );
  const services = rulesOf('KUBE-SERVICES');
  for (const svc of rules.services) {
    if (svc.endpoints.length === 0) continue;
    const match = `-d ${svc.clusterIP}/32 -p ${svc.protocol} -m comment --comment ${quote(`${svc.name} cluster IP`)} -m ${svc.protocol} --dport ${svc.port}`;
    services.push(`-A KUBE-SERVICES ${match} -j ${svc.chain}`);
    const chain = rulesOf(svc.chain);
    chain.push(`-A ${svc.chain} ! -s ${clusterCIDR} ${match} -j KUBE-MARK-MASQ`);
    for (const ep of svc.endpoints) {
      const statistic =
        ep.threshold === undefined
          ? ''
          : ` -m statistic --mode random --probability ${formatProbability(ep.threshold)}`;
      chain.push(
        `-A ${svc.chain} -m comment --comment ${quote(`${svc.name} -> ${ep.address}`)}${statistic} -j ${ep.chain}`,
      );
      rulesOf(ep.chain).push(
        `-A ${ep.chain} -s ${ep.ip}/32 -m comment --comment ${quote(svc.name)} -j KUBE-MARK-MASQ`,
        `-A ${ep.chain} -p ${svc.protocol} -m comment --comment ${quote(svc.name)} -m ${svc.protocol} -j DNAT --to-destination ${ep.address}`,
      );
    }
  }
  services.push(
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  );
  const names = [...chains.keys()].sort();
  const nat: string[] = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':POSTROUTING ACCEPT [0:0]',
    ...names.map((name) => `:${name} - [0:0]`),
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  ];
  for (const name of names) nat.push(...chains.get(name)!);
  nat.push('COMMIT');
  return [...filter, ...nat];
}
