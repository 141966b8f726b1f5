import { describe, expect, it } from 'vitest';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import { rfc3339 } from '../time/format';
import type { KObject } from '../objects/meta';
import type { EndpointSlice, KEvent, Lease, Node, Service } from '../objects/cluster';
import type { Deployment, ReplicaSet } from '../objects/workloads';
import type { World } from '../sim/world';
import { bindPod, out, setPodStatus, testCli } from './cliTesting';
import { execLine } from '.';
import { rfc1123z } from './timefmt';

function event(
  world: World,
  name: string,
  kind: string,
  object: string,
  uid: string,
  reason: string,
  message: string,
  component: string,
  count = 1,
  type: 'Normal' | 'Warning' = 'Normal',
) {
  mustCreate<KEvent>(world, 'events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' } as unknown as KEvent['metadata'],
    involvedObject: { kind, namespace: 'default', name: object, uid },
    reason,
    message,
    type,
    source: { component },
    firstTimestamp: rfc3339(world.now() - (count > 1 ? 60_000 : 0)),
    lastTimestamp: rfc3339(world.now()),
    count,
  });
}

describe('timestamps', () => {
  it('prints Go’s RFC1123Z layout, and the zero time for a missing one', () => {
    expect(rfc1123z('2026-01-05T09:00:00Z')).toBe('Mon, 05 Jan 2026 09:00:00 +0000');
    expect(rfc1123z('2024-02-29T23:59:59Z')).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('kubectl describe pod', () => {
  it('shows a crash-looping container with its last state, the conditions, tolerations and events', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    world.agenda.advance(10_000);
    mustCreate(
      world,
      'pods',
      testPod(
        'web-1',
        {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80 }],
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
              env: [{ name: 'MODE', value: 'demo' }],
            },
          ],
        },
        { app: 'web', tier: 'front' },
      ),
    );
    bindPod(world, 'web-1', 'ship-1');
    world.agenda.advance(20_000);
    setPodStatus(world, 'web-1', {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: rfc3339(10_000),
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'False' },
        { type: 'ContainersReady', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [
        {
          name: 'nginx',
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: {
            terminated: {
              reason: 'Error',
              exitCode: 1,
              startedAt: rfc3339(25_000),
              finishedAt: rfc3339(28_000),
            },
          },
          ready: false,
          restartCount: 2,
          image: 'nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:06d1',
          containerID: 'containerd://abc123',
        },
      ],
    });
    const uid = world.api.cached<KObject>('pods', 'default', 'web-1')!.metadata.uid;
    event(
      world,
      'web-1.a',
      'Pod',
      'web-1',
      uid,
      'BackOff',
      'Back-off restarting failed container nginx in pod web-1_default',
      'kubelet',
      3,
      'Warning',
    );
    world.agenda.advance(5_000);
    expect(out(cli, 'kubectl describe pod web-1')).toBe(
      [
        'Name:             web-1',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             ship-1/172.18.0.3',
        'Start Time:       Mon, 05 Jan 2026 09:00:10 +0000',
        'Labels:           app=web',
        '                  tier=front',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:  10.244.1.5',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://abc123',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:06d1',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 05 Jan 2026 09:00:25 +0000',
        '      Finished:     Mon, 05 Jan 2026 09:00:28 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:     100m',
        '      memory:  64Mi',
        '    Liveness:  http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:  demo',
        '    Mounts:  <none>',
        'Conditions:',
        '  Type              Status',
        '  Initialized       True ',
        '  Ready             False ',
        '  ContainersReady   False ',
        '  PodScheduled      True ',
        'Volumes:            <none>',
        'QoS Class:          Burstable',
        'Node-Selectors:     <none>',
        'Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason   Age               From     Message',
        '  ----     ------   ----              ----     -------',
        '  Warning  BackOff  5s (x3 over 65s)  kubelet  Back-off restarting failed container nginx in pod web-1_default',
      ].join('\n'),
    );
  });

  it('shows Terminating with the grace period for a pod being deleted; a pending pod has no node', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    mustCreate(world, 'pods', testPod('going'));
    bindPod(world, 'going', 'ship-1');
    setPodStatus(world, 'going', { phase: 'Running' });
    execLine(cli, 'kubectl delete pod going');
    const text = out(cli, 'kubectl describe pod going');
    // The deletionTimestamp is the deadline, 30s ahead: kubectl prints its age as <invalid>.
    expect(text).toContain('Status:                    Terminating (lasts <invalid>)');
    expect(text).toContain('Termination Grace Period:  30s');
    mustCreate(world, 'pods', testPod('waiting'));
    expect(out(cli, 'kubectl describe pod waiting')).toContain(
      'Node:             <none>\nLabels:           app=waiting',
    );
  });

  it('matches by name prefix, as kubectl describe does, and reports a missing pod', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'pods', testPod('web-abc'));
    mustCreate(world, 'pods', testPod('web-def'));
    const both = out(cli, 'kubectl describe pods web');
    expect(both.match(/^Name: +/gm)).toHaveLength(2);
    expect(both).toContain('\n\n\nName:             web-def');
    expect(execLine(cli, 'kubectl describe pod db')).toEqual({
      ok: false,
      output: 'Error from server (NotFound): pods "db" not found',
    });
  });
});

describe('kubectl describe node', () => {
  it('shows roles, labels, taints, the lease, conditions, capacity, pods and allocated resources', () => {
    const world = testWorld();
    const cli = testCli(world);
    const base = testNode('ship-1');
    const node: Node = {
      ...base,
      spec: {
        taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
        podCIDR: '10.244.1.0/24',
        podCIDRs: ['10.244.1.0/24'],
      },
      status: {
        ...base.status,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: rfc3339(0),
            lastTransitionTime: rfc3339(0),
          },
        ],
        addresses: [
          { type: 'InternalIP', address: '172.18.0.3' },
          { type: 'Hostname', address: 'ship-1' },
        ],
        nodeInfo: {
          architecture: 'amd64',
          containerRuntimeVersion: 'containerd://2.1.4',
          kernelVersion: '6.8.0-88-generic',
          kubeletVersion: 'v1.34.1',
          operatingSystem: 'linux',
          osImage: 'Ubuntu 24.04.3 LTS',
        },
      },
    };
    mustCreate(world, 'nodes', node);
    mustCreate<Lease>(world, 'leases', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'ship-1', namespace: 'kube-node-lease' } as unknown as Lease['metadata'],
      spec: {
        holderIdentity: 'ship-1',
        leaseDurationSeconds: 40,
        renewTime: '2026-01-05T09:00:30.000000Z',
      },
    });
    mustCreate(
      world,
      'pods',
      testPod('web-1', {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            resources: {
              requests: { cpu: '500m', memory: '1Gi' },
              limits: { cpu: '1', memory: '2Gi' },
            },
          },
        ],
      }),
    );
    bindPod(world, 'web-1', 'ship-1');
    world.agenda.advance(40_000);
    expect(out(cli, 'kubectl describe node ship-1')).toBe(
      [
        'Name:               ship-1',
        'Roles:              <none>',
        'Labels:             kubernetes.io/hostname=ship-1',
        'Annotations:        <none>',
        'CreationTimestamp:  Mon, 05 Jan 2026 09:00:00 +0000',
        'Taints:             dedicated=gpu:NoSchedule',
        '                    node.kubernetes.io/not-ready:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  ship-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Mon, 05 Jan 2026 09:00:30 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    ship-1',
        'Capacity:',
        '  cpu:     4',
        '  memory:  8Gi',
        '  pods:    110',
        'Allocatable:',
        '  cpu:     4',
        '  memory:  8Gi',
        '  pods:    110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.8.0-88-generic',
        '  OS Image:                   Ubuntu 24.04.3 LTS',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.4',
        '  Kubelet Version:            v1.34.1',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     web-1    500m (12%)    1 (25%)     1Gi (12%)        2Gi (25%)      40s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                500m (12%)  1 (25%)',
        '  memory             1Gi (12%)   2Gi (25%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
      ].join('\n'),
    );
  });
});

describe('kubectl describe deployment and service', () => {
  function setup() {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80');
    const d = world.api.cached<Deployment>('deployments', 'default', 'web')!;
    world.api.request(
      {
        verb: 'update',
        resource: 'deployments',
        subresource: 'status',
        body: {
          ...d,
          status: {
            observedGeneration: 1,
            replicas: 2,
            updatedReplicas: 2,
            readyReplicas: 2,
            availableReplicas: 2,
            conditions: [
              { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
              { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
            ],
          },
        } as Deployment,
      },
      'kcm/deployment',
    );
    mustCreate<ReplicaSet>(world, 'replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-7d4b9c',
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: d.metadata.uid,
            controller: true,
          },
        ],
      } as unknown as ReplicaSet['metadata'],
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c' } },
        template: {
          ...d.spec.template,
          metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c' } },
        },
      },
      status: { replicas: 0 },
    });
    const rs = world.api.cached<ReplicaSet>('replicasets', 'default', 'web-7d4b9c')!;
    world.api.request(
      {
        verb: 'update',
        resource: 'replicasets',
        subresource: 'status',
        body: { ...rs, status: { replicas: 2 } } as ReplicaSet,
      },
      'kcm/replicaset',
    );
    event(
      world,
      'web.1',
      'Deployment',
      'web',
      d.metadata.uid,
      'ScalingReplicaSet',
      'Scaled up replica set web-7d4b9c from 0 to 2',
      'deployment-controller',
    );
    world.agenda.advance(12_000);
    return { world, cli };
  }

  it('deployment: replicas, strategy, pod template, conditions, ReplicaSets and events', () => {
    const { cli } = setup();
    expect(out(cli, 'kubectl describe deploy web')).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            <none>',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   web-7d4b9c (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  12s   deployment-controller  Scaled up replica set web-7d4b9c from 0 to 2',
      ].join('\n'),
    );
  });

  it('service: selector, IPs, ports and the ready endpoints from its EndpointSlices', () => {
    const { world, cli } = setup();
    mustCreate<Service>(world, 'services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'default',
        labels: { app: 'web' },
      } as unknown as Service['metadata'],
      spec: {
        clusterIP: '10.96.0.20',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080 }],
      },
      status: {},
    });
    mustCreate<EndpointSlice>(world, 'endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-x7k2p',
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': 'web' },
      } as unknown as EndpointSlice['metadata'],
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: true } },
        { addresses: ['10.244.2.7'], conditions: { ready: true } },
        { addresses: ['10.244.3.9'], conditions: { ready: false } },
      ],
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    });
    expect(out(cli, 'kubectl describe svc web')).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Families:              IPv4',
        'IP:                       10.96.0.20',
        'IPs:                      10.96.0.20',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.5:8080,10.244.2.7:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
  });

  it('replicaset and namespace describers; unknown and unsupported types are named', () => {
    const { cli } = setup();
    const rs = out(cli, 'kubectl describe rs web-7d4b9c');
    expect(rs).toContain(
      'Controlled By:  Deployment/web\nReplicas:       2 current / 2 desired\nPods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n',
    );
    expect(out(cli, 'kubectl describe ns default')).toBe(
      'Name:         default\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.',
    );
    expect(out(cli, 'kubectl describe foo bar')).toBe(
      'error: the server doesn\'t have a resource type "foo"',
    );
    expect(out(cli, 'kubectl describe leases')).toBe(
      'shipshape: describe leases is not supported here; try kubectl get leases -o yaml',
    );
  });
});
