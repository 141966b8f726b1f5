import type { Scenario } from '../types';
import { SETTLE_MS } from './fleets';

const crates = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: crates
spec:
  replicas: 4
  selector:
    matchLabels: { app: crates }
  template:
    metadata:
      labels: { app: crates }
    spec:
      containers:
        - name: crates
          image: nginx:1.27
          resources:
            requests: { cpu: 500m, memory: 256Mi }
`;

const giant = `apiVersion: v1
kind: Pod
metadata:
  name: giant
  labels: { app: giant }
spec:
  containers:
    - name: giant
      image: nginx:1.27
      resources:
        requests: { cpu: "12", memory: 8Gi }
`;

const liner = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: liner
spec:
  replicas: 2
  selector:
    matchLabels: { app: liner }
  template:
    metadata:
      labels: { app: liner }
    spec:
      nodeSelector: { route: pacific }
      containers:
        - name: liner
          image: nginx:1.27
          resources:
            requests: { cpu: 250m, memory: 128Mi }
`;

const chemicals = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: chemicals
spec:
  replicas: 2
  selector:
    matchLabels: { app: chemicals }
  template:
    metadata:
      labels: { app: chemicals }
    spec:
      nodeSelector: { route: atlantic }
      tolerations:
        - { key: cargo, operator: Equal, value: hazardous, effect: NoSchedule }
      containers:
        - name: chemicals
          image: nginx:1.27
          resources:
            requests: { cpu: 250m, memory: 128Mi }
`;

/** 4. How cranes choose: capacity, container count, destination (labels), warning flags (taints). */
export const howCranesChoose: Scenario = {
  id: 'how-cranes-choose',
  title: 'How cranes choose',
  summary:
    'Why a container goes to one ship and not another: its weight and size against the ship’s capacity, the number of containers aboard, its destination, and the ship’s warning flags. A container that fits nowhere waits with the cranes’ own explanation.',
  seed: 4,
  fleet: [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', cpu: '2', memory: '4Gi', labels: { route: 'atlantic' } },
    { name: 'ship-2', cpu: '4', memory: '8Gi', labels: { route: 'pacific' } },
    {
      name: 'ship-3',
      cpu: '4',
      memory: '8Gi',
      labels: { route: 'atlantic' },
      taints: [{ key: 'cargo', value: 'hazardous', effect: 'NoSchedule' }],
    },
    { name: 'ship-4', cpu: '8', memory: '16Gi', labels: { route: 'pacific' }, maxPods: 4 },
  ],
  settle: SETTLE_MS,
  steps: [
    {
      id: 'weight-and-size',
      title: 'Weight and size',
      narration: {
        analogy:
          'Every container declares its weight and size. The cranes only put it where it fits, and prefer the ship with the most room left, so the load spreads out.',
        kubernetes:
          'Pods declare resources.requests (here 500m CPU, 256Mi memory). The NodeResourcesFit filter keeps nodes whose allocatable minus already-requested resources can hold it; scoring (LeastAllocated, BalancedAllocation) prefers the emptier node.',
      },
      command: 'kubectl apply -f crates.yaml',
      inputs: [{ apply: crates }],
      highlight: [{ part: 'cranes' }],
      complete: { when: { podsRunning: { app: 'crates', count: 4 } } },
    },
    {
      id: 'the-flagged-ship',
      title: 'A warning flag',
      narration: {
        analogy:
          'ship-3 flies a flag: hazardous cargo only. The cranes never put ordinary cargo there, however much room it has — and the control ship’s own flag keeps everything off it.',
        kubernetes:
          'ship-3 has the taint cargo=hazardous:NoSchedule; the control plane has node-role.kubernetes.io/control-plane:NoSchedule. The TaintToleration filter rejects them for pods without a matching toleration.',
      },
      command: 'kubectl describe node ship-3 | grep Taints',
      inputs: [
        { exec: 'kubectl describe node ship-3 | grep Taints' },
        { exec: 'kubectl get pods -o wide' },
      ],
      highlight: [
        { ship: 'ship-3', detail: 'flags' },
        { ship: 'control-plane', detail: 'flags' },
      ],
      complete: { after: 3_000 },
    },
    {
      id: 'too-heavy',
      title: 'Too heavy for every ship',
      narration: {
        analogy:
          'A container that needs 12 CPUs fits on no ship. It waits on the dock, and the cranes say exactly why, ship by ship.',
        kubernetes:
          'The pod stays Pending with PodScheduled=False, reason Unschedulable. The FailedScheduling event counts the reasons: “0/5 nodes are available: …, Insufficient cpu. preemption: …”.',
      },
      command: 'kubectl describe pod giant',
      inputs: [{ apply: giant }],
      highlight: [{ part: 'cranes' }, { part: 'dock' }],
      complete: { when: { event: { type: 'k8s.FailedScheduling', subject: 'giant' } } },
      question: {
        prompt: 'The biggest ship has 8 CPUs. Where will the 12-CPU container go?',
        reveal:
          'Nowhere yet: it waits, Pending. The scheduler retries when the cluster changes (a node joins, a pod leaves) or after 5 minutes.',
      },
    },
    {
      id: 'destination',
      title: 'Destination',
      narration: {
        analogy:
          'Some cargo must sail to the Pacific. The cranes only consider ships whose route label says pacific.',
        kubernetes:
          'spec.nodeSelector route=pacific: the NodeAffinity filter keeps only nodes with that label (ship-2 and ship-4). Required node affinity works the same way with richer expressions.',
      },
      command: 'kubectl apply -f liner.yaml',
      inputs: [{ apply: liner }],
      complete: { when: { podsRunning: { app: 'liner', count: 2 } } },
    },
    {
      id: 'a-permit',
      title: 'A permit',
      narration: {
        analogy:
          'Hazardous cargo carries a permit for the flagged ship. The permit allows it there; it does not send it there — its destination (atlantic) still decides between ship-1 and ship-3.',
        kubernetes:
          'A toleration (cargo=hazardous:NoSchedule) lets the pod pass the TaintToleration filter on ship-3; the nodeSelector limits it to route=atlantic. Tolerations allow; they do not attract.',
      },
      command: 'kubectl apply -f chemicals.yaml',
      inputs: [{ apply: chemicals }],
      highlight: [{ ship: 'ship-3', detail: 'flags' }],
      complete: { when: { podsRunning: { app: 'chemicals', count: 2 } } },
    },
    {
      id: 'deck-slots',
      title: 'Room on deck',
      narration: {
        analogy:
          'ship-4 is strong but has deck slots for only four containers. Order more crates than the fleet can take, and the cranes explain: no CPU left on some ships, no slots on another, flags on the rest.',
        kubernetes:
          'A node holds at most maxPods pods (kubelet default 110; ship-4 has 4). “Too many pods” is a NodeResourcesFit reason alongside “Insufficient cpu”.',
      },
      command: 'kubectl scale deployment crates --replicas=18',
      inputs: [{ exec: 'kubectl scale deployment crates --replicas=18' }],
      complete: { when: { event: { type: 'k8s.FailedScheduling', subject: 'crates' } } },
    },
    {
      id: 'a-bigger-ship',
      title: 'A bigger ship joins',
      narration: {
        analogy:
          'A big new ship joins the Pacific route. As soon as its captain reports it ready, the cranes try the waiting containers again — including the giant.',
        kubernetes:
          'A new Ready node is a cluster event that moves unschedulable pods back to the scheduler’s active queue at once, without waiting for the 5-minute retry.',
      },
      command: 'fault add-ship ship-5 --cpu=32 --memory=64Gi --label route=pacific',
      inputs: [
        {
          fault: {
            kind: 'add-ship',
            ship: { name: 'ship-5', cpu: '32', memory: '64Gi', labels: { route: 'pacific' } },
          },
        },
      ],
      complete: {
        when: {
          allOf: [
            { podsRunning: { app: 'crates', count: 18 } },
            { podsRunning: { app: 'giant', count: 1 } },
          ],
        },
      },
    },
  ],
};
