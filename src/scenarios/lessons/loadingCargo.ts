import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 3. Loading cargo: kubectl create deployment, followed from the bridge to the deck crew and back. */
export const loadingCargo: Scenario = {
  id: 'loading-cargo',
  title: 'Loading cargo',
  summary:
    'Follow one order through the whole fleet: kubectl → bridge → ledger → Cargo office → cranes → captain → deck crew → status back to the ledger.',
  seed: 3,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'the-order',
      title: 'An order reaches the bridge',
      narration: {
        analogy:
          'You hand the bridge an order: three containers of web cargo. The bridge checks it and writes it in the ledger. Nothing is loaded yet — an order is only a wish written down.',
        kubernetes:
          'kubectl POSTs a Deployment to kube-apiserver, which authenticates, runs admission (defaults, DefaultTolerationSeconds…) and validation, and stores it in etcd at /registry/deployments/default/web. The Deployment controller, watching, creates a ReplicaSet named web-<pod-template-hash>.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' }],
      highlight: [{ part: 'bridge' }, { part: 'ledger' }, { part: 'cargo' }],
      complete: { when: { event: { type: 'k8s.ScalingReplicaSet' } } },
      notes:
        'Slow the playback to 0.25× here so that the signals between the bridge, the ledger and the Cargo office are easy to follow.',
    },
    {
      id: 'order-slips',
      title: 'The Cargo office writes order slips',
      narration: {
        analogy:
          'The Cargo office sees the new order and writes an order slip for each container. The slips wait on the dock: no ship has been chosen.',
        kubernetes:
          'The ReplicaSet controller sees 0 of 3 pods and creates 3 Pods named web-<hash>-<5 random characters>, each with an ownerReference to the ReplicaSet (event SuccessfulCreate). They are Pending: spec.nodeName is empty.',
      },
      highlight: [{ part: 'cargo' }, { part: 'dock' }],
      complete: { when: { event: { type: 'k8s.SuccessfulCreate', count: 3 } } },
      question: {
        prompt: 'Which part of the fleet acts next?',
        reveal: 'The cranes: kube-scheduler watches for pods with no node and picks one for each.',
      },
    },
    {
      id: 'the-cranes',
      title: 'The cranes choose ships',
      narration: {
        analogy:
          'The cranes look at each waiting container, check every ship, and lift it onto the best one. Three empty ships of the same size: the cranes spread the load.',
        kubernetes:
          'kube-scheduler filters the nodes (the control-plane node fails: untolerated taint), scores the rest (least allocated, balanced allocation, image locality…) and binds each pod: spec.nodeName is set (event Scheduled: “Successfully assigned default/web-… to ship-2”). Ties are broken at random.',
      },
      highlight: [{ part: 'cranes' }],
      complete: { when: { podsScheduled: { app: 'web', count: 3 } } },
    },
    {
      id: 'the-captains-hear',
      title: 'The captains hear about it',
      narration: {
        analogy:
          'Each captain hears from the bridge that a container is now assigned to their ship, and tells the deck crew to fetch the cargo from the registry.',
        kubernetes:
          'Each kubelet watches pods with spec.nodeName = its node. It asks the runtime over CRI to create the pod sandbox (the pause container, with a pod IP from the node’s podCIDR), then to pull nginx:1.27 (event Pulling). Until the container runs, kubectl shows ContainerCreating.',
      },
      highlight: [
        { ship: 'ship-1', detail: 'captain' },
        { ship: 'ship-2', detail: 'captain' },
        { ship: 'ship-3', detail: 'captain' },
      ],
      complete: {
        when: { podsWithStatus: { app: 'web', status: 'ContainerCreating', atLeast: 1 } },
      },
    },
    {
      id: 'the-crews-load',
      title: 'The deck crews load and start',
      narration: {
        analogy:
          'Once the cargo arrives, each crew unpacks it and starts it up. The captain watches it come alive.',
        kubernetes:
          'The runtime pulls the image (event Pulled, with its size and time), creates and starts the container (events Created, Started). The kubelet notices within a second (PLEG relist) and reports.',
      },
      highlight: [
        { ship: 'ship-1', detail: 'crew' },
        { ship: 'ship-2', detail: 'crew' },
        { ship: 'ship-3', detail: 'crew' },
      ],
      complete: { when: { podsRunning: { app: 'web', count: 3 } } },
    },
    {
      id: 'status-back',
      title: 'Status goes back to the ledger',
      narration: {
        analogy:
          'The captains radio the bridge: cargo loaded and running. The bridge writes it in the ledger, and now anyone who asks sees where each container sails.',
        kubernetes:
          'The kubelet PATCHes pods/status: phase Running, conditions Ready, the pod IP, container states. `kubectl get pods -o wide` shows them with their node and IP. The whole path ran through kube-apiserver; no component spoke to another directly.',
      },
      command: 'kubectl get pods -o wide',
      inputs: [{ exec: 'kubectl get pods -o wide' }, { exec: 'kubectl get events' }],
      highlight: [{ part: 'ledger' }],
      complete: { after: 3_000 },
    },
  ],
};
