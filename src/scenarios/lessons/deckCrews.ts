import type { Scenario } from '../types';
import { SETTLE_MS } from './fleets';

/** 11. Deck crews: containerd, CRI-O and Docker (cri-dockerd) behind one interface, the CRI. */
export const deckCrews: Scenario = {
  id: 'deck-crews',
  title: 'Deck crews',
  summary:
    'Three ships, three different deck crews — containerd, CRI-O, and Docker Engine through cri-dockerd. The captains give all of them the same orders through one interface; only their own words differ. And why rkt and dockershim are history.',
  seed: 11,
  fleet: [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', cpu: '4', memory: '8Gi', runtime: 'containerd' },
    { name: 'ship-2', cpu: '4', memory: '8Gi', runtime: 'cri-o' },
    { name: 'ship-3', cpu: '4', memory: '8Gi', runtime: 'docker' },
  ],
  settle: SETTLE_MS,
  steps: [
    {
      id: 'three-crews',
      title: 'Three crews',
      narration: {
        analogy:
          'Each ship has hired a different deck crew. The captain does not care: he gives orders in one standard form that every crew understands.',
        kubernetes:
          'The kubelet talks to its container runtime through the Container Runtime Interface (CRI, gRPC). ship-1 runs containerd, ship-2 CRI-O, ship-3 Docker Engine through cri-dockerd. The CONTAINER-RUNTIME column shows each.',
      },
      command: 'kubectl get nodes -o wide',
      inputs: [{ exec: 'kubectl get nodes -o wide' }],
      highlight: [
        { ship: 'ship-1', detail: 'crew' },
        { ship: 'ship-2', detail: 'crew' },
        { ship: 'ship-3', detail: 'crew' },
      ],
      complete: { after: 3_000 },
    },
    {
      id: 'same-orders',
      title: 'Same orders, same result',
      narration: {
        analogy: 'Cargo goes to all three ships and every crew loads it the same way.',
        kubernetes:
          'RunPodSandbox, PullImage, CreateContainer, StartContainer: the same CRI calls on every node. The pods look the same to Kubernetes; only containerID prefixes differ (containerd://, cri-o://, docker://).',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' }],
      complete: { when: { podsRunning: { app: 'web', count: 3 } } },
    },
    {
      id: 'bad-cargo',
      title: 'Cargo that does not exist',
      narration: {
        analogy:
          'An order names cargo that no registry has. The crew comes back empty-handed and reports it in its own words; the captain tries again, waiting longer each time. The old containers stay: the change is rolled out a little at a time.',
        kubernetes:
          'A new image tag that does not exist: the new pod’s container is Waiting with ErrImagePull, then ImagePullBackOff (back-off 10 s doubling to 300 s). Each runtime words the error its own way. The rolling update keeps the old pods running (maxUnavailable 25%).',
      },
      command: 'kubectl set image deployment/web nginx=nginx:does-not-exist',
      inputs: [{ fault: { kind: 'bad-image', deployment: 'web' } }],
      complete: {
        when: {
          anyOf: [
            { podsWithStatus: { app: 'web', status: 'ImagePullBackOff' } },
            { podsWithStatus: { app: 'web', status: 'ErrImagePull' } },
          ],
        },
      },
    },
    {
      id: 'fix-it',
      title: 'Fix the order',
      narration: {
        analogy: 'The order is corrected; the crews load real cargo again.',
        kubernetes:
          'Setting the image back rolls the Deployment back to a template it had before; the broken pod is removed.',
      },
      command: 'kubectl set image deployment/web nginx=nginx:1.27',
      inputs: [{ exec: 'kubectl set image deployment/web nginx=nginx:1.27' }],
      complete: {
        when: {
          allOf: [
            { podsRunning: { app: 'web', count: 3 } },
            { podsScheduled: { app: 'web', count: 3 } },
          ],
        },
      },
    },
    {
      id: 'retired-crews',
      title: 'Retired crews',
      narration: {
        analogy:
          'Old guides mention crews you can no longer hire: the rocket crew (rkt) left the harbor long ago, and Docker’s old built-in adapter was taken off the ships.',
        kubernetes:
          'rkt support was removed in Kubernetes v1.11 and the project is archived. dockershim was removed in v1.24: Docker Engine now needs cri-dockerd. containerd and CRI-O are the usual runtimes today.',
      },
      command: 'fault add-ship old-ship --runtime=rkt',
      inputs: [
        { exec: 'fault add-ship old-ship --runtime=rkt' },
        { exec: 'fault add-ship older-ship --runtime=dockershim' },
      ],
      complete: { after: 3_000 },
    },
  ],
};
