import { describe, expect, it } from 'vitest';
import type { KObject } from '../../objects/meta';
import { harbor } from './testkit';
import { microTime } from './kubelet';

describe('kubelet: registration and node status', () => {
  it('registers the Node with kubelet labels, capacity, allocatable, addresses and nodeInfo', () => {
    const h = harbor({ ship: { labels: { zone: 'north' }, images: ['nginx:1.27'] } });
    expect(h.node()).toBeUndefined();
    h.advance(99);
    expect(h.node()).toBeUndefined(); // registerWithAPIServer sleeps 100 ms before the first try
    h.advance(50);
    const node = h.node()!;
    expect(node.metadata.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'ship-1',
      'kubernetes.io/os': 'linux',
      zone: 'north',
    });
    expect(node.metadata.annotations).toMatchObject({
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
    });
    // TaintNodesByCondition (admission) adds not-ready:NoSchedule to a new Node.
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    ]);
    expect(node.status.capacity).toEqual({
      cpu: '4',
      'ephemeral-storage': '102626232Ki',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: '8388608Ki',
      pods: '110',
    });
    // allocatable = capacity − the hard eviction thresholds (memory.available<100Mi, nodefs 10%).
    expect(node.status.allocatable).toMatchObject({ cpu: '4', memory: '8286208Ki', pods: '110' });
    expect(node.status.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'ship-1' },
    ]);
    expect(node.status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(node.status.nodeInfo).toMatchObject({
      architecture: 'amd64',
      operatingSystem: 'linux',
      kubeletVersion: 'v1.34.3',
      containerRuntimeVersion: 'containerd://2.1.4',
      osImage: 'Ubuntu 24.04.3 LTS',
      machineID: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(node.status.images!.map((i) => i.names.at(-1))).toEqual([
      'docker.io/library/nginx:1.27',
      'registry.k8s.io/pause:3.10',
    ]);
  });

  it('registers a control ship with the kubeadm label and taint, and --register-with-taints', () => {
    const h = harbor({
      ship: {
        name: 'control-plane',
        role: 'control',
        taints: [{ key: 'dedicated', value: 'infra', effect: 'NoExecute' }],
      },
    });
    h.advance(200);
    const node = h.node()!;
    expect(node.metadata.labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    });
    expect(node.spec.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'dedicated', value: 'infra', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    ]);
    // The control ship is the API server's host.
    expect(node.status.addresses![0]).toEqual({ type: 'InternalIP', address: '172.18.0.2' });
  });

  it('is NotReady (KubeletNotReady, the CNI message) until the pod CIDR arrives, then Ready', () => {
    const h = harbor();
    h.advance(1_000);
    const ready = () => h.node()!.status.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready()).toMatchObject({
      status: 'False',
      reason: 'KubeletNotReady',
      message:
        'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    });
    expect(h.node()!.status.conditions!.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'False', 'KubeletNotReady'],
    ]);
    h.assignCIDR('10.244.7.0/24');
    h.advance(100);
    expect(ready()).toMatchObject({
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    });
    expect(h.events('ship-1')).toEqual([
      'Starting: Starting kubelet.',
      'NodeHasSufficientMemory: Node ship-1 status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node ship-1 status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node ship-1 status is now: NodeHasSufficientPID',
      'NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'NodeReady: Node ship-1 status is now: NodeReady',
    ]);
  });

  it('posts node status only on change or every nodeStatusReportFrequency', () => {
    const h = harbor();
    h.advance(1_000);
    h.assignCIDR();
    h.advance(1_000);
    const writes = () => Number(h.node()!.metadata.resourceVersion);
    const heartbeat = () => h.node()!.status.conditions![0]!.lastHeartbeatTime;
    const before = writes();
    const beat = heartbeat();
    h.advance(290_000);
    expect(writes()).toBe(before);
    expect(heartbeat()).toBe(beat);
    h.advance(10_000);
    expect(writes()).toBeGreaterThan(before);
    expect(heartbeat()).not.toBe(beat);
  });

  it('reports newly pulled images in node status on the next 10 s tick', () => {
    const h = harbor();
    h.advance(1_000);
    h.assignCIDR();
    h.advance(1_000);
    h.run('web');
    h.advance(5_000);
    const names = () => h.node()!.status.images!.map((i) => i.names.at(-1));
    expect(names()).toEqual(['registry.k8s.io/pause:3.10']);
    h.advance(10_000);
    expect(names()).toEqual(['docker.io/library/nginx:1.27', 'registry.k8s.io/pause:3.10']);
  });

  it('retries registration 100 ms, 200 ms, … up to 7 s while the bridge is down', () => {
    const h = harbor();
    h.world.api.stop();
    h.advance(20_000);
    expect(h.kubelet.machineState()).toEqual({ registering: expect.any(String) });
    h.world.api.start();
    h.advance(7_100);
    expect(h.node()).toBeDefined();
    expect(h.kubelet.machineState()).toMatchObject({ running: expect.any(Object) });
  });

  it('reconciles an existing Node (AlreadyExists) instead of failing', () => {
    const h = harbor();
    const r = h.world.api.request(
      {
        verb: 'create',
        resource: 'nodes',
        body: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: 'ship-1', labels: { old: 'label' } },
          spec: { podCIDR: '10.244.9.0/24' },
        } as unknown as KObject,
      },
      'kubectl',
    );
    expect(r.ok).toBe(true);
    h.advance(2_000);
    const node = h.node()!;
    expect(node.metadata.labels).toMatchObject({
      old: 'label',
      'kubernetes.io/hostname': 'ship-1',
    });
    expect(node.status.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    expect(h.kubelet.machineState()).toMatchObject({ running: expect.any(Object) });
  });

  it('formats renewTime as MicroTime', () => {
    expect(microTime(10_119)).toBe('2026-01-05T09:00:10.119000Z');
    expect(microTime(0)).toBe('2026-01-05T09:00:00.000000Z');
  });
});
