import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 8. Scaling: the desired count up and down, and which containers go first. */
export const scaling: Scenario = {
  id: 'scaling',
  title: 'Scaling',
  summary:
    'Change how many containers you want and watch the Cargo office catch up — in growing batches going up, and choosing carefully which ones to remove going down.',
  seed: 8,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'three',
      title: 'Three containers',
      narration: {
        analogy: 'Three containers of web cargo.',
        kubernetes: 'A Deployment with replicas: 3.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' }],
      complete: { when: { podsRunning: { app: 'web', count: 3 } } },
    },
    {
      id: 'scale-up',
      title: 'More, please',
      narration: {
        analogy:
          'You change the order to ten. The Cargo office writes the missing slips in growing batches — one, then two, then four — so a mistake is caught before a hundred slips pile up.',
        kubernetes:
          '`kubectl scale` changes spec.replicas. The ReplicaSet controller creates the missing 7 pods in slow-start batches of 1, 2, 4… (at most 500 per sync), and expectations keep it from creating twice.',
      },
      command: 'kubectl scale deployment web --replicas=10',
      inputs: [{ exec: 'kubectl scale deployment web --replicas=10' }],
      highlight: [{ part: 'cargo' }],
      complete: { when: { podsRunning: { app: 'web', count: 10 } } },
    },
    {
      id: 'one-goes-bad',
      title: 'One goes bad',
      narration: {
        analogy: 'One of the containers starts failing and waits between restarts.',
        kubernetes: 'One pod is in CrashLoopBackOff: not ready.',
      },
      command: 'fault crash-container -l app=web --times=20',
      inputs: [{ fault: { kind: 'crash-container', selector: 'app=web', times: 20 } }],
      complete: { when: { podsWithStatus: { app: 'web', status: 'CrashLoopBackOff' } } },
    },
    {
      id: 'scale-down',
      title: 'Fewer, please',
      narration: {
        analogy:
          'Now you want six. Which four containers go? The office removes the broken one first, then containers from the most crowded ships, then the newest.',
        kubernetes:
          'The ReplicaSet controller ranks pods for deletion: unscheduled before scheduled, Pending before Running, not ready before ready, lower pod-deletion-cost, more siblings on the same node, ready for less time, more restarts, newer. The crash-looping pod goes first.',
      },
      command: 'kubectl scale deployment web --replicas=6',
      inputs: [{ exec: 'kubectl scale deployment web --replicas=6' }],
      complete: {
        when: {
          allOf: [
            { podsScheduled: { app: 'web', count: 6 } },
            { podsRunning: { app: 'web', count: 6 } },
          ],
        },
      },
      question: {
        prompt: 'Which container will the Cargo office remove first?',
        reveal:
          'The one in CrashLoopBackOff: a not-ready pod is always removed before a ready one.',
      },
    },
    {
      id: 'to-zero',
      title: 'None at all',
      narration: {
        analogy:
          'Order zero: every container is unloaded, but the order itself stays in the ledger, ready to be raised again.',
        kubernetes:
          'replicas: 0 deletes the pods; the Deployment and its ReplicaSet remain (READY 0/0).',
      },
      command: 'kubectl scale deployment web --replicas=0',
      inputs: [{ exec: 'kubectl scale deployment web --replicas=0' }],
      complete: { when: { podsScheduled: { app: 'web', count: 0 } } },
    },
    {
      id: 'and-back',
      title: 'And back again',
      narration: {
        analogy:
          'Raise the order to four: four new containers, with new names. Containers are cattle, not pets.',
        kubernetes:
          'New pods get new names and IPs from the same ReplicaSet template. Nothing about the old pods is reused.',
      },
      command: 'kubectl scale deployment web --replicas=4',
      inputs: [
        { exec: 'kubectl scale deployment web --replicas=4' },
        { exec: 'kubectl get deploy,rs' },
      ],
      complete: { when: { podsRunning: { app: 'web', count: 4 } } },
    },
  ],
};
