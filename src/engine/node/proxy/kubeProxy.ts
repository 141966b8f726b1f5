import { createActor, type Actor } from 'xstate';
import type { EndpointSlice, Service } from '../../objects/cluster';
import type { ApiClient } from '../../api/client';
import { Informer } from '../../api/informer';
import type { World } from '../../sim/world';
import type { ExecResult } from '../../sim/types';
import { kubeProxyMachine } from './kubeProxy.machine';
import {
  LABEL_HEADLESS,
  LABEL_SERVICE_PROXY_NAME,
  buildServiceRules,
  compareRuleServices,
  renderIptablesSave,
  sliceOwner,
  type ProgrammedRules,
  type RuleService,
} from './iptables';
import { dial, type Caller } from './dial';

/**
 * The signal officer on one ship: kube-proxy in iptables mode. It watches Services and
 * EndpointSlices and rewrites the ship's NAT rules (KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…),
 * at most once per minSyncPeriod after a change and every syncPeriod regardless. It carries no
 * traffic itself: `send` walks a request through the rules as the kernel would. A ship whose
 * radio is cut keeps its last rules, however stale.
 *
 * @example
 * const proxy = new KubeProxy(world, 'ship-1', (ip) => runtimes.isServing(ip));
 * proxy.start();
 * proxy.send({ namespace: 'default', pod: 'web-1', ip: '10.244.1.3' }, 'db', 5432).output;
 */
export class KubeProxy {
  readonly id: string;
  private readonly client: ApiClient;
  private readonly services: Informer<Service>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly actor: Actor<typeof kubeProxyMachine>;
  private syncedAt = 0;
  /** The flattened, ordered rules; built when someone looks (most ships' never are). */
  private list: RuleService[] | undefined = [];
  private rendered: string[] | undefined;
  /** Services whose Service object or slices changed since the last sync (the change trackers). */
  private readonly dirty = new Set<string>();
  /** What the kernel holds per Service (the last sync's result); keys kept in rule order. */
  private readonly ruleCache = new Map<string, RuleService[]>();
  private order: string[] = [];
  private readonly slicesByService = new Map<string, Map<string, EndpointSlice>>();

  constructor(
    private readonly world: World,
    readonly ship: string,
    private readonly isServing: (podIP: string) => boolean,
  ) {
    this.id = `kube-proxy/${ship}`;
    this.client = world.client(this.id, ship);
    const serviceChanged = (svc: Service) =>
      this.changed(`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`);
    // Index first, then signal: the machine may sync at once, inside `changed`.
    const sliceChanged = (old: EndpointSlice | undefined, slice: EndpointSlice | undefined) => {
      const owners = new Set<string>();
      for (const [obj, present] of [
        [old, false],
        [slice, true],
      ] as const) {
        const owner = obj && sliceOwner(obj);
        if (!owner) continue;
        let map = this.slicesByService.get(owner);
        if (!map) this.slicesByService.set(owner, (map = new Map()));
        if (present) map.set(obj.metadata.name, obj);
        else map.delete(obj.metadata.name);
        owners.add(owner);
      }
      for (const owner of owners) this.changed(owner);
    };
    const synced = () => {
      if (this.services.synced() && this.slices.synced())
        this.actor.send({ type: 'CACHES_SYNCED' });
    };
    // kube-proxy skips objects another proxy implementation owns, and headless slices
    // (cmd/kube-proxy/app/server.go: the informers' label selectors).
    this.services = new Informer<Service>(
      world,
      this.client,
      'services',
      { labels: [{ key: LABEL_SERVICE_PROXY_NAME, operator: 'DoesNotExist', values: [] }] },
      {
        add: serviceChanged,
        update: (_old, svc) => serviceChanged(svc),
        delete: serviceChanged,
        synced,
      },
    );
    this.slices = new Informer<EndpointSlice>(
      world,
      this.client,
      'endpointslices',
      {
        labels: [
          { key: LABEL_SERVICE_PROXY_NAME, operator: 'DoesNotExist', values: [] },
          { key: LABEL_HEADLESS, operator: 'DoesNotExist', values: [] },
        ],
      },
      {
        add: (slice) => sliceChanged(undefined, slice),
        update: (old, slice) => sliceChanged(old, slice),
        delete: (slice) => sliceChanged(slice, undefined),
        synced,
      },
    );
    this.actor = createActor(kubeProxyMachine, {
      clock: world.clock,
      input: {
        ops: { syncRules: () => this.syncRules() },
        minSyncPeriod: world.timings.proxyMinSyncPeriod,
        syncPeriod: world.timings.proxySyncPeriod,
      },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
    this.services.start();
    this.slices.start();
  }

  stop(): void {
    this.services.stop();
    this.slices.stop();
    this.actor.send({ type: 'STOP' });
  }

  /** The machine's state, for the canvas and tests: `stopped`, `waitingForCaches`, `synced`, `idle`. */
  state(): string {
    return String(this.actor.getSnapshot().value);
  }

  /** This ship's current rules as `iptables-save` prints them (filter table, then nat). */
  rules(): string[] {
    this.rendered ??= renderIptablesSave(this.programmed(), this.world.clusterCIDR);
    return this.rendered;
  }

  /** The programmed service ports with their endpoints, for the canvas's rules table. */
  programmedServices(): readonly RuleService[] {
    return this.programmed().services;
  }

  /** When the rules were last written (simulated ms). */
  lastSync(): number {
    return this.syncedAt;
  }

  /**
   * One request from a pod on this ship to `host:port`, through this ship's rules as they are
   * now (possibly stale). Prints what curl would.
   */
  send(from: Caller, host: string, port: number | undefined): ExecResult {
    return dial(
      {
        world: this.world,
        ship: this.ship,
        source: this.id,
        rules: this.programmed(),
        services: this.services,
        slices: this.slices,
        isServing: this.isServing,
      },
      from,
      host,
      port,
    );
  }

  private changed(service: string): void {
    this.dirty.add(service);
    // Already waiting for the end of minSyncPeriod with a change pending: nothing to tell.
    const snapshot = this.actor.getSnapshot();
    if (snapshot.context.pending && snapshot.matches('synced')) return;
    this.actor.send({ type: 'CHANGED' });
  }

  private programmed(): ProgrammedRules {
    if (!this.list) {
      const services: RuleService[] = [];
      for (const key of this.order) services.push(...this.ruleCache.get(key)!);
      // Service keys sort like their port names except where a name is a prefix of another.
      this.list = services.sort(compareRuleServices);
    }
    return { services: this.list, syncedAt: this.syncedAt };
  }

  /** syncProxyRules: recompute the changed Services' rules and write the whole table. */
  private syncRules(): void {
    const now = this.world.now();
    this.syncedAt = now;
    // A periodic sync with nothing new rewrites the same rules (upstream re-asserts them in
    // case something else changed the kernel's tables; nothing does here).
    if (this.dirty.size === 0) return;
    const changed: string[] = [];
    let keysChanged = false;
    for (const key of [...this.dirty].sort()) {
      const before = this.ruleCache.get(key);
      const svc = this.services.get(key);
      const slices = [...(this.slicesByService.get(key)?.values() ?? [])].sort((a, b) =>
        a.metadata.name < b.metadata.name ? -1 : 1,
      );
      const rules = svc ? buildServiceRules(svc, slices) : [];
      if (rules.length > 0) this.ruleCache.set(key, rules);
      else this.ruleCache.delete(key);
      if ((before !== undefined) !== rules.length > 0) keysChanged = true;
      if (before !== rules && signature(before ?? []) !== signature(rules)) changed.push(key);
    }
    this.dirty.clear();
    if (changed.length === 0) return;
    if (keysChanged) this.order = [...this.ruleCache.keys()].sort();
    this.list = undefined;
    this.rendered = undefined;
    // One line per ship per change adds up in a big fleet: only when the trace keeps detail.
    if (!this.world.trace.detail) return;
    this.world.trace.event(
      now,
      this.id,
      'kube-proxy.synced',
      `${this.ship}'s signal officer rewrote its rules for ${changed.join(', ')}`,
      `node/${this.ship}`,
    );
  }
}

const signatures = new WeakMap<readonly RuleService[], string>();

/** What a Service's rules route to: chains, addresses and endpoints (equal means the same rules). */
function signature(rules: readonly RuleService[]): string {
  let text = signatures.get(rules);
  if (text !== undefined) return text;
  text = rules
    .map((s) => `${s.chain}:${s.clusterIP}:${s.port}=${s.endpoints.map((e) => e.chain).join(',')}`)
    .join('|');
  signatures.set(rules, text);
  return text;
}
