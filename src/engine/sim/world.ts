import { Agenda } from '../time/agenda';
import { agendaClock, type Clock } from '../time/clock';
import { Rng } from '../time/rng';
import { Ledger } from '../ledger/ledger';
import { EtcdCluster } from '../ledger/etcdCluster';
import { ApiServer } from '../api/apiserver';
import { ApiClient } from '../api/client';
import { EventRecorder } from '../api/recorder';
import { Network } from './network';
import { Trace } from './trace';
import type { Timings } from './timings';
import type { ComponentId } from './trace';

export type WorldOptions = {
  seed: number;
  timings: Timings;
  etcdMembers: 1 | 3 | 5;
  /** Record messages, moves and the event log (off for headless benchmarks). */
  detail: boolean;
  /** Keep the ledger's history for `--rev` reads and time travel (off for benchmarks). */
  keepHistory: boolean;
  /** Deep-freeze stored objects so accidental mutation throws (tests). */
  freeze: boolean;
  /** The pod network (kube-controller-manager --cluster-cidr); each node gets a /24 of it. */
  clusterCIDR?: string;
};

/**
 * Everything the components share: the agenda (time), the seeded PRNG (chance), the ledger and
 * its clerks, the bridge, the network, and the trace. One per simulation.
 */
export class World {
  readonly agenda = new Agenda();
  readonly clock: Clock;
  readonly rng: Rng;
  readonly timings: Timings;
  readonly trace: Trace;
  readonly ledger: Ledger;
  readonly etcd: EtcdCluster;
  readonly network = new Network();
  readonly api: ApiServer;
  /** The pod network (--cluster-cidr): 10.244.0.0/16 as kubeadm with Flannel sets it (256 nodes of /24). */
  readonly clusterCIDR: string;

  constructor(options: WorldOptions) {
    this.clusterCIDR = options.clusterCIDR ?? '10.244.0.0/16';
    this.clock = agendaClock(this.agenda);
    this.rng = new Rng(options.seed);
    this.timings = options.timings;
    this.trace = new Trace({ detail: options.detail });
    this.ledger = new Ledger({ keepHistory: options.keepHistory });
    let api: ApiServer | undefined;
    this.etcd = new EtcdCluster({
      size: options.etcdMembers,
      clock: this.clock,
      rng: this.rng,
      ledger: this.ledger,
      heartbeat: options.timings.etcdHeartbeat,
      electionTimeout: options.timings.etcdElectionTimeout,
      onRoleChange: (member, role, term) => {
        if (role === 'leader' || role === 'stopped') {
          this.trace.event(
            this.agenda.now(),
            member,
            `etcd.${role}`,
            role === 'leader'
              ? `${member} is the ledger's leader (term ${term})`
              : `${member} stopped`,
          );
        }
        api?.etcdChanged();
      },
    });
    this.api = api = new ApiServer({
      agenda: this.agenda,
      clock: this.clock,
      rng: this.rng,
      ledger: this.ledger,
      etcd: this.etcd,
      trace: this.trace,
      timings: this.timings,
      network: this.network,
      freeze: options.freeze,
    });
  }

  now(): number {
    return this.agenda.now();
  }

  /** A client for a component running on `host`. */
  client(id: ComponentId, host: string): ApiClient {
    return new ApiClient(this, id, host);
  }

  /** An event recorder writing through `client` as `component`. */
  recorder(client: ApiClient, component: string, host?: string): EventRecorder {
    return new EventRecorder(this, client, component, host);
  }
}
