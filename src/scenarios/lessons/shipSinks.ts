import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 6. A ship sinks: silence, Unknown after the grace period, taints, eviction after 300 s, replacements. */
export const shipSinks: Scenario = {
  id: 'ship-sinks',
  title: 'A ship sinks',
  summary:
    'A cargo ship goes down with its containers. Its captain falls silent; the Operations office waits out the grace period, flags the ship, and after the containers’ tolerance runs out the Cargo office orders replacements on the other ships. Real Kubernetes timings, so use “Skip the wait”.',
  seed: 6,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'six-containers',
      title: 'Six containers on three ships',
      narration: {
        analogy: 'Six containers of web cargo, two on each cargo ship.',
        kubernetes:
          'A Deployment with 6 replicas, spread over the three worker nodes by the scheduler.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=6',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=6' }],
      complete: { when: { podsRunning: { app: 'web', count: 6 } } },
    },
    {
      id: 'the-sinking',
      title: 'ship-2 sinks',
      narration: {
        analogy:
          'ship-2 goes down with its captain, crew and containers. Nobody tells the bridge: the check-ins simply stop.',
        kubernetes:
          'The node is gone: its kubelet stops renewing its Lease in kube-node-lease. The Node object and the pods bound to it stay in etcd; nothing has noticed yet.',
      },
      command: 'fault sink-ship ship-2',
      inputs: [{ fault: { kind: 'sink-ship', ship: 'ship-2' } }],
      highlight: [{ ship: 'ship-2' }],
      focus: { ship: 'ship-2' },
      complete: { after: 20_000 },
    },
    {
      id: 'silence',
      title: 'The Operations office waits',
      narration: {
        analogy:
          'The Operations office checks every 5 seconds. One missed check-in could be static on the radio, so it waits: only after 50 seconds of silence does it mark the ship’s status as unknown.',
        kubernetes:
          'The node lifecycle controller checks every 5 s (--node-monitor-period). After 50 s without a heartbeat (--node-monitor-grace-period; 40 s before v1.32) it sets the Ready condition to Unknown: reason NodeStatusUnknown, “Kubelet stopped posting node status.” kubectl shows NotReady.',
      },
      command: 'kubectl get nodes',
      inputs: [{ exec: 'kubectl get nodes' }],
      highlight: [{ part: 'operations' }],
      complete: { when: { nodeReady: { ship: 'ship-2', status: 'Unknown' } } },
      question: {
        prompt: 'How long after the last check-in will the bridge mark ship-2 as unknown?',
        reveal: 'About 50 seconds (the grace period), plus up to 5 s until the next check.',
      },
    },
    {
      id: 'flags-raised',
      title: 'Flags go up',
      narration: {
        analogy:
          'The office raises two flags on ship-2: “do not load” and “evacuate”. Its containers are marked not ready, so no one sends them messages any more.',
        kubernetes:
          'The node gets the taints node.kubernetes.io/unreachable:NoSchedule and :NoExecute. Its pods’ Ready condition is set False, so they leave their Services’ ready endpoints.',
      },
      command: 'kubectl describe node ship-2',
      inputs: [{ exec: 'kubectl describe node ship-2' }],
      highlight: [{ ship: 'ship-2', detail: 'flags' }],
      complete: {
        when: { shipTainted: { ship: 'ship-2', key: 'node.kubernetes.io/unreachable' } },
      },
    },
    {
      id: 'the-tolerance',
      title: 'Five minutes of patience',
      narration: {
        analogy:
          'Each container carries a permit to stay on an unreachable ship for 5 minutes — in case it is only a radio problem. When the permits run out, the containers are written off and the Cargo office orders replacements on the other ships.',
        kubernetes:
          'Admission gave every pod the tolerations not-ready and unreachable :NoExecute for 300 s (DefaultTolerationSeconds). When they expire, taint-based eviction deletes the pods (they show Terminating); the ReplicaSet ignores terminating pods and creates replacements at once.',
      },
      command: 'kubectl get pods -o wide',
      inputs: [{ exec: 'kubectl get pods -o wide' }],
      highlight: [{ part: 'cargo' }, { part: 'cranes' }],
      complete: { when: { podsRunning: { app: 'web', count: 6 } } },
      question: {
        prompt: 'When will the replacements be ordered?',
        reveal:
          'About 300 s after the unreachable taint: the pods’ tolerationSeconds. Around 5 minutes and 50 seconds after the sinking in all.',
      },
      notes:
        'Press “Skip the wait” twice here. Point out that nothing was lost for 6 minutes only because the other four containers kept serving.',
    },
    {
      id: 'ghosts',
      title: 'Ghost containers',
      narration: {
        analogy:
          'The lost containers are still in the ledger, marked “being removed”: only their captain could confirm they are gone, and he sank with them.',
        kubernetes:
          'The evicted pods stay Terminating: graceful deletion waits for the kubelet to confirm. They go when the Node object is deleted (then pod garbage collection force-deletes them), or with kubectl delete --force.',
      },
      command: 'kubectl get pods',
      inputs: [{ exec: 'kubectl get pods' }],
      complete: { after: 3_000 },
    },
    {
      id: 'strike-it-off',
      title: 'Strike the ship off the register',
      narration: {
        analogy: 'Someone strikes ship-2 off the register. The ghosts go with it.',
        kubernetes:
          '`kubectl delete node ship-2` removes the Node; pod GC then force-deletes the pods bound to the missing node after its 40 s quarantine.',
      },
      command: 'kubectl delete node ship-2',
      inputs: [{ exec: 'kubectl delete node ship-2' }],
      complete: { when: { podsTotal: { app: 'web', count: 6 } } },
    },
  ],
};
