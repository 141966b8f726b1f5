import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { transitionCoverage } from '../sim/modelCoverage';
import { testWorld } from '../sim/testing';
import { etcdMemberMachine, type MemberPeers } from './etcdMember.machine';

const peers = (votes: number): MemberPeers => ({
  countVotes: () => votes,
  isQuorum: (v) => v >= 2,
  hasFollowers: () => true,
  heartbeat: () => undefined,
  electionDelay: () => 1500,
  roleChanged: () => undefined,
});

describe('etcd member machine (a ledger clerk)', () => {
  it('takes every transition it defines (model-based)', () => {
    const covered = new Set<string>();
    let missing: string[] = [];
    // Candidates only linger without a majority, so explore with and without one.
    for (const startAsLeader of [false, true]) {
      for (const votes of [1, 3]) {
        const result = transitionCoverage(etcdMemberMachine, {
          input: { name: 'etcd-0', heartbeatInterval: 100, peers: peers(votes), startAsLeader },
          events: [
            { type: 'STOP' },
            { type: 'START' },
            { type: 'HEARTBEAT', from: 'etcd-1', term: 5 },
          ],
          serializeState: (s) =>
            JSON.stringify([s.value, (s.context as { leader?: string }).leader ?? null]),
        });
        result.covered.forEach((t) => covered.add(t));
        missing = [...result.missing, ...result.covered].filter((t) => !covered.has(t));
      }
    }
    expect(covered.size).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
  });

  it('a follower without heartbeats stands for election after its timeout, and wins with a majority', () => {
    const world = testWorld();
    const actor = createActor(etcdMemberMachine, {
      clock: world.clock,
      input: { name: 'etcd-1', heartbeatInterval: 100, peers: peers(2) },
    });
    actor.start();
    expect(actor.getSnapshot().value).toEqual({ follower: 'listening' });
    world.agenda.advance(1499);
    expect(actor.getSnapshot().matches('follower')).toBe(true);
    world.agenda.advance(1);
    expect(actor.getSnapshot().matches('leader')).toBe(true);
    expect(actor.getSnapshot().context.term).toBe(1);
  });

  it('a heartbeat resets the election timer', () => {
    const world = testWorld();
    const actor = createActor(etcdMemberMachine, {
      clock: world.clock,
      input: { name: 'etcd-1', heartbeatInterval: 100, peers: peers(2) },
    });
    actor.start();
    world.agenda.advance(1000);
    actor.send({ type: 'HEARTBEAT', from: 'etcd-0', term: 1 });
    world.agenda.advance(1000);
    expect(actor.getSnapshot().matches('follower')).toBe(true);
    expect(actor.getSnapshot().context.leader).toBe('etcd-0');
  });
});

describe('EtcdCluster (quorum and elections)', () => {
  it('elects a new leader within two election timeouts when the leader stops', () => {
    const world = testWorld({ etcdMembers: 3 });
    expect(world.etcd.leaderName()).toBe('etcd-0');
    world.etcd.stop('etcd-0');
    expect(world.etcd.writable()).toBe('no-leader');
    world.agenda.advance(2_000);
    expect(['etcd-1', 'etcd-2']).toContain(world.etcd.leaderName());
    expect(world.etcd.writable()).toBe('ok');
    const leader = world.etcd.status().find((m) => m.leader)!;
    expect(leader.term).toBe(2);
  });

  it('loses quorum with two of three stopped and regains it with one back', () => {
    const world = testWorld({ etcdMembers: 3 });
    world.etcd.stop('etcd-1');
    expect(world.etcd.writable()).toBe('ok');
    world.etcd.stop('etcd-2');
    expect(world.etcd.writable()).toBe('no-quorum');
    world.agenda.advance(10_000);
    expect(world.etcd.writable()).toBe('no-quorum');
    world.etcd.start('etcd-2');
    world.agenda.advance(2_000);
    expect(world.etcd.writable()).toBe('ok');
  });

  it('does not elect a member whose log is behind (raft vote rule)', () => {
    const world = testWorld({ etcdMembers: 3 });
    world.etcd.stop('etcd-1');
    world.ledger.put('/x', '1');
    world.etcd.committed(world.ledger.revision());
    world.etcd.stop('etcd-0');
    world.etcd.start('etcd-1');
    world.agenda.advance(5_000);
    expect(world.etcd.leaderName()).toBe('etcd-2');
  });

  it('accepts only 1, 3 or 5 members', () => {
    expect(() => testWorld({ etcdMembers: 2 as 3 })).toThrow('etcd members must be 1, 3 or 5');
  });
});
