import { createActor, type Actor } from 'xstate';
import type { Clock } from '../time/clock';
import type { Rng } from '../time/rng';
import type { Ledger } from './ledger';
import { etcdMemberMachine, type MemberPeers } from './etcdMember.machine';

/** A member as `etcdctl member list` / `endpoint status` report it. */
export type EtcdMemberStatus = {
  readonly name: string;
  /** etcd member ID, 16 hex digits. */
  readonly id: string;
  readonly up: boolean;
  readonly leader: boolean;
  readonly role: 'leader' | 'follower' | 'candidate' | 'stopped';
  readonly term: number;
  /** The ledger revision this member has applied (a stopped member falls behind). */
  readonly appliedRevision: number;
  readonly clientURL: string;
  readonly peerURL: string;
};

/** Whether the ledger can take a write now. */
export type Writable = 'ok' | 'no-leader' | 'no-quorum';

type Member = {
  name: string;
  id: string;
  ip: string;
  actor: Actor<typeof etcdMemberMachine>;
  role: EtcdMemberStatus['role'];
  appliedRevision: number;
};

export type EtcdClusterOptions = {
  size: number;
  clock: Clock;
  rng: Rng;
  ledger: Ledger;
  heartbeat: number;
  electionTimeout: number;
  /** Called on every role change (leader elected, member stopped…). */
  onRoleChange: (member: string, role: EtcdMemberStatus['role'], term: number) => void;
};

/**
 * The ledger's clerks: 1, 3 or 5 etcd members with a raft leader. The key space itself is one
 * MVCC store (`Ledger`) that every running member has applied; a stopped member keeps the revision
 * it had and catches up when a leader replicates to it again. Quorum is ⌊n/2⌋+1.
 *
 * @example
 * const cluster = new EtcdCluster({ size: 3, ... });
 * cluster.stop('etcd-1'); // the others elect a new leader within ~1–2 s if etcd-1 led
 */
export class EtcdCluster {
  private readonly members: Member[] = [];
  private readonly ledger: Ledger;
  private readonly rng: Rng;
  private readonly electionTimeout: number;

  constructor(options: EtcdClusterOptions) {
    if (![1, 3, 5].includes(options.size)) {
      throw new Error(
        `etcd members must be 1, 3 or 5 (odd sizes keep a clear majority), not ${options.size}`,
      );
    }
    this.ledger = options.ledger;
    this.rng = options.rng;
    this.electionTimeout = options.electionTimeout;
    const peers: MemberPeers = {
      countVotes: (candidate) => this.countVotes(candidate),
      isQuorum: (votes) => votes >= this.quorum(),
      hasFollowers: () => this.members.length > 1,
      heartbeat: (leader, term) => this.heartbeat(leader, term),
      electionDelay: () => this.electionTimeout + this.rng.int(this.electionTimeout),
      roleChanged: (member, role, term) => {
        const m = this.find(member);
        if (m) {
          m.role = role;
          if (role !== 'stopped' && this.leaderName() !== undefined)
            m.appliedRevision = this.ledger.revision();
        }
        options.onRoleChange(member, role, term);
      },
    };
    for (let i = 0; i < options.size; i += 1) {
      const name = `etcd-${i}`;
      const id =
        this.rng.nextUint32().toString(16).padStart(8, '0') +
        this.rng.nextUint32().toString(16).padStart(8, '0');
      const member: Member = {
        name,
        id,
        ip: `172.18.0.${10 + i}`,
        role: 'follower',
        appliedRevision: 1,
        actor: undefined as never,
      };
      this.members.push(member);
      member.actor = createActor(etcdMemberMachine, {
        clock: options.clock,
        input: { name, heartbeatInterval: options.heartbeat, peers, startAsLeader: i === 0 },
      });
    }
    for (const member of this.members) member.actor.start();
  }

  /** Members needed for a majority: ⌊n/2⌋+1. */
  quorum(): number {
    return Math.floor(this.members.length / 2) + 1;
  }

  size(): number {
    return this.members.length;
  }

  leaderName(): string | undefined {
    return this.members.find((m) => m.role === 'leader')?.name;
  }

  upCount(): number {
    return this.members.filter((m) => m.role !== 'stopped').length;
  }

  /** ok when a leader exists with a majority running; otherwise why not. */
  writable(): Writable {
    if (this.upCount() < this.quorum()) return 'no-quorum';
    return this.leaderName() ? 'ok' : 'no-leader';
  }

  /** Called after every committed write: running members have applied it. */
  committed(revision: number): void {
    for (const m of this.members) if (m.role !== 'stopped') m.appliedRevision = revision;
  }

  /** Stops a member (a clerk goes ashore). Returns false if there is no such member. */
  stop(name: string): boolean {
    const m = this.find(name);
    if (!m) return false;
    m.actor.send({ type: 'STOP' });
    return true;
  }

  /** Starts a stopped member; it follows the leader and catches up. */
  start(name: string): boolean {
    const m = this.find(name);
    if (!m) return false;
    m.actor.send({ type: 'START' });
    return true;
  }

  status(): EtcdMemberStatus[] {
    return this.members.map((m) => ({
      name: m.name,
      id: m.id,
      up: m.role !== 'stopped',
      leader: m.role === 'leader',
      role: m.role,
      term: m.actor.getSnapshot().context.term,
      appliedRevision: m.appliedRevision,
      clientURL: `https://${m.ip}:2379`,
      peerURL: `https://${m.ip}:2380`,
    }));
  }

  /** The member's state value in its machine, for tests and the inspector. */
  machineState(name: string): unknown {
    return this.find(name)?.actor.getSnapshot().value;
  }

  private find(name: string): Member | undefined {
    return this.members.find((m) => m.name === name);
  }

  /** Raft's vote rule: a running member votes for a candidate whose log is at least as up to date. */
  private countVotes(candidate: string): number {
    const c = this.find(candidate);
    if (!c || c.role === 'stopped') return 0;
    let votes = 0;
    for (const m of this.members) {
      if (m.role === 'stopped' || m.role === 'leader') continue;
      if (m === c || c.appliedRevision >= m.appliedRevision) votes += 1;
    }
    return votes;
  }

  private heartbeat(leader: string, term: number): void {
    const l = this.find(leader);
    for (const m of this.members) {
      if (m.name === leader || m.role === 'stopped') continue;
      if (l) m.appliedRevision = Math.max(m.appliedRevision, l.appliedRevision);
      m.actor.send({ type: 'HEARTBEAT', from: leader, term });
    }
  }
}
