import { assign, setup } from 'xstate';

/** What a member asks of its cluster (the other clerks). */
export type MemberPeers = {
  /** Counts the votes `candidate` would win in `term`, its own included (pure: asks, changes nothing). */
  countVotes(candidate: string, term: number): number;
  /** Whether `votes` is a majority of the configured members. */
  isQuorum(votes: number): boolean;
  /** Whether there is any other member to send heartbeats to (a one-member cluster has none). */
  hasFollowers(): boolean;
  /** Sends a heartbeat (empty AppendEntries) to every running peer. */
  heartbeat(leader: string, term: number): void;
  /** A random election timeout in [electionTimeout, 2 × electionTimeout), from the seeded PRNG. */
  electionDelay(): number;
  /** Reports a role change, for the log and the canvas. */
  roleChanged(
    member: string,
    role: 'leader' | 'follower' | 'candidate' | 'stopped',
    term: number,
  ): void;
};

export type MemberContext = {
  name: string;
  term: number;
  votedFor?: string;
  leader?: string;
  electionDelay: number;
  heartbeatInterval: number;
  peers: MemberPeers;
};

export type MemberEvent =
  { type: 'HEARTBEAT'; from: string; term: number } | { type: 'STOP' } | { type: 'START' };

/**
 * One etcd member ("ledger clerk") in raft terms: a follower that hears no heartbeat for an
 * election timeout becomes a candidate; a candidate with a majority of votes becomes leader and
 * sends heartbeats every 100 ms; a stopped member does nothing until started.
 * etcd pre-vote (on by default since 3.5) means a candidate without a majority does not bump its term.
 */
export const etcdMemberMachine = setup({
  types: {
    context: {} as MemberContext,
    events: {} as MemberEvent,
    input: {} as {
      name: string;
      heartbeatInterval: number;
      peers: MemberPeers;
      startAsLeader?: boolean;
    },
  },
  delays: {
    electionTimeout: ({ context }) => context.electionDelay,
    heartbeatInterval: ({ context }) => context.heartbeatInterval,
  },
  guards: {
    heartbeatIsCurrent: ({ context, event }) =>
      event.type === 'HEARTBEAT' && event.term >= context.term,
    hasFollowers: ({ context }) => context.peers.hasFollowers(),
    wonElection: ({ context }) =>
      context.peers.isQuorum(context.peers.countVotes(context.name, context.term + 1)),
  },
  actions: {
    followLeader: assign(({ context, event }) =>
      event.type === 'HEARTBEAT'
        ? { term: event.term, leader: event.from }
        : { leader: context.leader },
    ),
    drawElectionDelay: assign(({ context }) => ({ electionDelay: context.peers.electionDelay() })),
    forgetLeader: assign({ leader: undefined }),
    becomeLeader: assign(({ context }) => ({
      term: context.term + 1,
      leader: context.name,
      votedFor: context.name,
    })),
    sendHeartbeats: ({ context }) => context.peers.heartbeat(context.name, context.term),
    reportFollower: ({ context }) =>
      context.peers.roleChanged(context.name, 'follower', context.term),
    reportCandidate: ({ context }) =>
      context.peers.roleChanged(context.name, 'candidate', context.term),
    reportLeader: ({ context }) => context.peers.roleChanged(context.name, 'leader', context.term),
    reportStopped: ({ context }) =>
      context.peers.roleChanged(context.name, 'stopped', context.term),
  },
}).createMachine({
  id: 'etcdMember',
  context: ({ input }) => ({
    name: input.name,
    term: input.startAsLeader ? 1 : 0,
    heartbeatInterval: input.heartbeatInterval,
    electionDelay: input.peers.electionDelay(),
    peers: input.peers,
    ...(input.startAsLeader ? { leader: input.name } : {}),
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: ({ context }) => context.leader === context.name, target: 'leader' },
        { target: 'follower' },
      ],
    },
    follower: {
      entry: ['drawElectionDelay', 'reportFollower'],
      initial: 'listening',
      states: {
        // A heartbeat restarts the election timer (raft resets electionElapsed, not the random delay).
        listening: {
          after: { electionTimeout: { target: '#etcdMember.candidate', actions: 'forgetLeader' } },
        },
      },
      on: {
        HEARTBEAT: {
          guard: 'heartbeatIsCurrent',
          target: '.listening',
          reenter: true,
          actions: 'followLeader',
        },
        STOP: 'stopped',
      },
    },
    candidate: {
      entry: ['drawElectionDelay', 'reportCandidate'],
      always: { guard: 'wonElection', target: 'leader', actions: 'becomeLeader' },
      on: {
        HEARTBEAT: { guard: 'heartbeatIsCurrent', target: 'follower', actions: 'followLeader' },
        STOP: 'stopped',
      },
      after: { electionTimeout: { target: 'candidate', reenter: true } },
    },
    leader: {
      entry: 'reportLeader',
      initial: 'beating',
      states: {
        beating: {
          entry: 'sendHeartbeats',
          after: { heartbeatInterval: { guard: 'hasFollowers', target: 'beating', reenter: true } },
        },
      },
      on: {
        HEARTBEAT: {
          guard: ({ context, event }) => event.term > context.term,
          target: 'follower',
          actions: 'followLeader',
        },
        STOP: 'stopped',
      },
    },
    stopped: {
      entry: ['forgetLeader', 'reportStopped'],
      on: { START: 'follower' },
    },
  },
});
