import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 10. A highly available ledger: three clerks, a leader, quorum; losing one and then two. */
export const haLedger: Scenario = {
  id: 'ha-ledger',
  title: 'A highly available ledger',
  summary:
    'Three clerks keep copies of the ledger and follow a leader. Lose one and they carry on; lose two and nothing can be written — yet every container keeps sailing.',
  seed: 10,
  fleet: classroomFleet(),
  etcdMembers: 3,
  settle: SETTLE_MS,
  steps: [
    {
      id: 'three-clerks',
      title: 'Three clerks',
      narration: {
        analogy:
          'Three clerks keep the ledger. One leads: every write goes through the leader, who records it only once a majority of clerks have it.',
        kubernetes:
          'A 3-member etcd cluster using Raft. The leader replicates each write to the followers and commits it when a quorum (⌊3/2⌋+1 = 2) has it. Use odd sizes: 3 members tolerate one failure, 5 tolerate two.',
      },
      command: 'etcdctl endpoint status --cluster -w table',
      inputs: [
        { exec: 'etcdctl member list -w table' },
        { exec: 'etcdctl endpoint status --cluster -w table' },
      ],
      highlight: [{ part: 'ledger' }],
      focus: { part: 'ledger' },
      complete: { after: 3_000 },
    },
    {
      id: 'leader-lost',
      title: 'The leader goes ashore',
      narration: {
        analogy:
          'The leading clerk leaves. The others stop hearing from her; after a short, slightly random wait, one asks the others for their votes and becomes the new leader.',
        kubernetes:
          'The leader sends heartbeats every 100 ms. A follower that hears none for its election timeout (1 s, randomized up to 2 s) becomes a candidate and wins with a majority of votes: a new leader in a new term, usually within a couple of seconds.',
      },
      command: 'fault stop-etcd-member etcd-0',
      inputs: [{ fault: { kind: 'stop-etcd-member', member: 'etcd-0' } }],
      complete: { when: { event: { type: 'etcd.leader' } } },
    },
    {
      id: 'still-writing',
      title: 'Still writing',
      narration: {
        analogy: 'Two clerks out of three are still a majority: orders are written as before.',
        kubernetes:
          'With 2 of 3 members, quorum holds: kube-apiserver writes succeed and the cluster works normally.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' }],
      complete: { when: { podsRunning: { app: 'web', count: 3 } } },
    },
    {
      id: 'no-quorum',
      title: 'Only one clerk left',
      narration: {
        analogy:
          'A second clerk leaves. One clerk alone is not a majority, so she refuses to write anything. The control ship can no longer record any order.',
        kubernetes:
          'With 1 of 3 members there is no quorum and no leader: every write times out (“etcdserver: request timed out”). kubectl scale fails; controllers and the scheduler cannot act.',
      },
      command: 'kubectl scale deployment web --replicas=5',
      inputs: [
        { fault: { kind: 'stop-etcd-member', member: 'etcd-1' } },
        { exec: 'kubectl scale deployment web --replicas=5' },
      ],
      complete: { when: { ledger: 'no-quorum' } },
    },
    {
      id: 'cargo-sails',
      title: 'The cargo keeps sailing',
      narration: {
        analogy:
          'Out at sea nothing changes: captains keep their containers running. Their check-ins cannot be written, but nobody can write “abandon ship” either.',
        kubernetes:
          'Running pods keep running: the kubelets do not need the API server to keep containers alive. Lease renewals fail and so do the node controller’s writes, so no node is marked Unknown and nothing is evicted.',
      },
      command: 'kubectl get pods',
      complete: { after: 60_000 },
      notes:
        'Point at the containers: they are all still green. The control plane being down is not the same as the applications being down.',
    },
    {
      id: 'quorum-back',
      title: 'A clerk returns',
      narration: {
        analogy:
          'A clerk comes back. Two of three again: they elect a leader, catch up, and the delayed orders can be written.',
        kubernetes:
          'The restarted member rejoins, a leader is elected, quorum is restored, and writes succeed again. The kubelets renew their leases; the scale to 5 can now be applied.',
      },
      command: 'kubectl scale deployment web --replicas=5',
      inputs: [{ fault: { kind: 'start-etcd-member', member: 'etcd-0' } }],
      complete: { when: { ledger: 'ok' } },
    },
    {
      id: 'catching-up',
      title: 'Catching up',
      narration: {
        analogy:
          'The order that was refused is given again, and this time it is written and carried out.',
        kubernetes: 'kubectl scale succeeds; the ReplicaSet controller creates two more pods.',
      },
      command: 'kubectl scale deployment web --replicas=5',
      inputs: [{ exec: 'kubectl scale deployment web --replicas=5' }],
      complete: { when: { podsRunning: { app: 'web', count: 5 } } },
    },
  ],
};
