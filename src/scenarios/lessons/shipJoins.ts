import type { Scenario } from '../types';
import { SETTLE_MS } from './fleets';

const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 10
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: { cpu: 500m, memory: 256Mi }
`;

/** 7. A ship joins: the captain registers, the ship gets its network, the cranes start using it. */
export const shipJoins: Scenario = {
  id: 'ship-joins',
  title: 'A ship joins',
  summary:
    'The fleet is full and containers are waiting. A new ship arrives: its captain registers with the bridge, the Operations office gives it a network range and lowers its “not ready” flag, and the cranes load the waiting cargo.',
  seed: 7,
  fleet: [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', cpu: '2', memory: '4Gi' },
    { name: 'ship-2', cpu: '2', memory: '4Gi' },
  ],
  settle: SETTLE_MS,
  steps: [
    {
      id: 'full-decks',
      title: 'Full decks',
      narration: {
        analogy: 'Ten containers ordered, room for eight. Two wait on the dock.',
        kubernetes:
          'Each pod requests 500m CPU; two 2-CPU nodes hold eight. Two pods stay Pending with FailedScheduling “… Insufficient cpu”.',
      },
      command: 'kubectl apply -f web.yaml',
      inputs: [{ apply: web }],
      complete: {
        when: {
          allOf: [
            { podsRunning: { app: 'web', count: 8 } },
            { event: { type: 'k8s.FailedScheduling' } },
          ],
        },
      },
    },
    {
      id: 'a-new-ship',
      title: 'A new ship arrives',
      narration: {
        analogy:
          'ship-3 arrives. Its captain radios the bridge: “ship-3, this big, ready to join”. The bridge writes it in the ledger with a “not ready yet” flag.',
        kubernetes:
          'The kubelet self-registers (POST /api/v1/nodes) with its capacity, labels and addresses. The TaintNodesByCondition admission adds node.kubernetes.io/not-ready:NoSchedule to a new Node.',
      },
      command: 'fault add-ship ship-3 --cpu=4 --memory=8Gi',
      inputs: [{ fault: { kind: 'add-ship', ship: { name: 'ship-3', cpu: '4', memory: '8Gi' } } }],
      highlight: [{ ship: 'ship-3' }],
      focus: { ship: 'ship-3' },
      complete: { when: { event: { type: 'k8s.RegisteredNode', subject: 'ship-3' } } },
    },
    {
      id: 'getting-ready',
      title: 'Getting ready',
      narration: {
        analogy:
          'The Operations office gives the ship its own range of container addresses. The deck crew sets up the ship’s network, the captain reports ready, and the office lowers the flag.',
        kubernetes:
          'The node IPAM controller assigns spec.podCIDR (a /24 of 10.244.0.0/16); the network plugin comes up; the kubelet reports Ready=True; the node lifecycle controller removes the not-ready taint.',
      },
      command: 'kubectl get nodes',
      inputs: [{ exec: 'kubectl get nodes' }],
      highlight: [{ part: 'operations' }, { ship: 'ship-3', detail: 'flags' }],
      complete: { when: { allOf: [{ shipStatus: { ship: 'ship-3', status: 'Ready' } }] } },
    },
    {
      id: 'loading',
      title: 'The cranes use it',
      narration: {
        analogy:
          'The cranes do not wait for their next round: a new ship is news, and they try the waiting containers again at once.',
        kubernetes:
          'A node becoming schedulable is a cluster event that moves unschedulable pods back to the active queue (otherwise they are retried after at most 5 minutes). The two pending pods are bound to ship-3.',
      },
      highlight: [{ part: 'cranes' }],
      complete: { when: { podsRunning: { app: 'web', count: 10 } } },
    },
    {
      id: 'checking-in',
      title: 'Checking in',
      narration: {
        analogy: 'From now on ship-3’s captain checks in every 10 seconds like the others.',
        kubernetes: 'A Lease named ship-3 in kube-node-lease, renewed every 10 s.',
      },
      command: 'kubectl get leases -n kube-node-lease',
      inputs: [{ exec: 'kubectl get leases -n kube-node-lease' }],
      complete: { after: 10_000 },
    },
  ],
};
