import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 1. Meet the fleet: each part of the control ship and of a cargo ship, named in both languages. */
export const meetTheFleet: Scenario = {
  id: 'meet-the-fleet',
  title: 'Meet the fleet',
  summary:
    'A tour of the harbor: the control ship with its bridge, ledger, cranes and offices, and the cargo ships with their captains, deck crews and signal officers — and what each is called in Kubernetes.',
  seed: 1,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'the-fleet',
      title: 'The fleet',
      narration: {
        analogy:
          'A fleet sails together: one control ship that plans and keeps watch, and cargo ships that carry the containers. Each ship has a name, a size, and a captain who keeps in touch.',
        kubernetes:
          'A cluster: the control plane (here on its own node) and worker nodes that run the workloads. `kubectl get nodes` lists every node; Ready means its kubelet reports it healthy.',
      },
      command: 'kubectl get nodes',
      inputs: [{ exec: 'kubectl get nodes' }],
      highlight: [
        { ship: 'control-plane' },
        { ship: 'ship-1' },
        { ship: 'ship-2' },
        { ship: 'ship-3' },
      ],
      complete: { after: 3_000 },
      question: {
        prompt: 'How many ships here can carry your containers?',
        reveal:
          'Three. The control ship is a ship too (a node), but it flies a flag that keeps ordinary cargo off it — you will see it at the end of this tour.',
      },
      notes:
        'Point at each ship. Ask who has used a cluster before: most people have only ever seen the cargo ships.',
    },
    {
      id: 'the-bridge',
      title: 'The bridge',
      narration: {
        analogy:
          'Every order goes through the control ship’s bridge. Its radio room is the only way in: captains, cranes and offices all talk to the bridge, never to each other.',
        kubernetes:
          'kube-apiserver is the front door of the control plane (port 6443). kubectl, the scheduler, the controllers and every kubelet use its API and watch it for changes. It authenticates, validates and admits each request before anything is stored.',
      },
      command: 'kubectl cluster-info',
      inputs: [{ exec: 'kubectl cluster-info' }],
      highlight: [{ part: 'bridge' }],
      focus: { part: 'bridge' },
      complete: { after: 3_000 },
    },
    {
      id: 'the-ledger',
      title: 'The ledger',
      narration: {
        analogy:
          'Behind the bridge lies the ledger: one book with everything about the fleet — which ships exist, which containers are ordered, where each one sits. Only the bridge writes in it.',
        kubernetes:
          'etcd is the cluster’s key-value store, and kube-apiserver is its only client. Objects live under keys like /registry/minions/ship-1 (nodes keep their old name, minions) and /registry/pods/default/<pod>.',
      },
      command: 'etcdctl get /registry/minions --prefix --keys-only',
      inputs: [{ exec: 'etcdctl get /registry/minions --prefix --keys-only' }],
      highlight: [{ part: 'ledger' }],
      focus: { part: 'ledger' },
      complete: { after: 3_000 },
      simplification:
        'Real clusters store objects in etcd as protobuf; Shipshape shows them as JSON so that you can read them.',
    },
    {
      id: 'the-cranes',
      title: 'The cranes',
      narration: {
        analogy:
          'The cranes load containers onto ships. For each waiting container they check which ships can take it — room on deck, weight, destination, warning flags — then pick the best one.',
        kubernetes:
          'kube-scheduler watches for pods without a node (spec.nodeName empty). It filters out the nodes that cannot run the pod, scores the rest, and binds the pod to the winner. It decides; the kubelet does the starting.',
      },
      highlight: [{ part: 'cranes' }],
      focus: { part: 'cranes' },
      complete: { after: 3_000 },
    },
    {
      id: 'the-offices',
      title: 'The offices',
      narration: {
        analogy:
          'Offices on the control ship keep the fleet as ordered. Operations watches the ships, Cargo keeps the right number of each kind of container, Services keeps the address board up to date.',
        kubernetes:
          'kube-controller-manager runs control loops: the node lifecycle controller (Operations), the Deployment and ReplicaSet controllers (Cargo), the EndpointSlice controller (Services), and more. Each compares what is desired with what is, and acts through the API server.',
      },
      highlight: [{ part: 'operations' }, { part: 'cargo' }, { part: 'services' }],
      complete: { after: 3_000 },
      notes:
        'Older notes call the Cargo office the "Replication Controller". ReplicationController still exists, but Deployments and ReplicaSets do this job today.',
    },
    {
      id: 'the-captain',
      title: 'The captain',
      narration: {
        analogy:
          'Each ship has a captain. The captain registered the ship with the bridge when it joined, radios in every 10 seconds to say it is still afloat, and runs whatever containers the cranes assign to it.',
        kubernetes:
          'The kubelet registers its Node, renews its Lease in the kube-node-lease namespace every 10 s (a quarter of the 40 s lease), and starts the pods bound to its node. It pushes status to the API server; the API server only calls a kubelet (port 10250) for logs, exec, attach and port-forward.',
      },
      command: 'kubectl get leases -n kube-node-lease',
      inputs: [{ exec: 'kubectl get leases -n kube-node-lease' }],
      highlight: [{ ship: 'ship-1', detail: 'captain' }],
      focus: { ship: 'ship-1' },
      complete: { after: 10_000 },
      notes:
        'Old course notes say the API server "periodically fetches status reports from the kubelet". It does not: the kubelet pushes. Watch the check-in pulses leave each ship.',
    },
    {
      id: 'the-deck-crew',
      title: 'The deck crew',
      narration: {
        analogy:
          'The captain does not lift boxes; the deck crew does. It fetches the cargo, unpacks it and starts it. Crews differ from ship to ship, but they all take orders in the same form.',
        kubernetes:
          'The container runtime — containerd here — does the work through the Container Runtime Interface (CRI): pull the image, create the pod sandbox, create and start containers. CRI-O speaks CRI too; Docker Engine needs the cri-dockerd adapter since dockershim was removed in v1.24.',
      },
      command: 'kubectl get nodes -o wide',
      inputs: [{ exec: 'kubectl get nodes -o wide' }],
      highlight: [{ ship: 'ship-1', detail: 'crew' }],
      complete: { after: 3_000 },
    },
    {
      id: 'the-signal-officer',
      title: 'The signal officer',
      narration: {
        analogy:
          'Each ship’s signal officer keeps a table of routes, so a container on one ship can reach a container on another by its call sign, wherever that container happens to sail.',
        kubernetes:
          'kube-proxy runs on every node. It watches Services and EndpointSlices and writes packet rules (iptables by default) that send a Service’s virtual IP to one of its ready pods. It programs the rules; it does not carry the traffic.',
      },
      highlight: [{ ship: 'ship-1', detail: 'signal-officer' }],
      complete: { after: 3_000 },
    },
    {
      id: 'the-control-ship-flag',
      title: 'The control ship’s flag',
      narration: {
        analogy:
          'The control ship is a ship too, but it flies a flag that says: no ordinary cargo here. Cargo without a permit never goes there.',
        kubernetes:
          'The control-plane node (once called the master) carries the taint node-role.kubernetes.io/control-plane:NoSchedule. Pods without a matching toleration are never scheduled onto it.',
      },
      command: 'kubectl describe node control-plane | grep Taints',
      inputs: [{ exec: 'kubectl describe node control-plane | grep Taints' }],
      highlight: [{ ship: 'control-plane', detail: 'flags' }],
      focus: { ship: 'control-plane' },
      complete: { after: 3_000 },
    },
  ],
};
