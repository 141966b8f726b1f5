import { describe, expect, it } from 'vitest';
import type { NodeSelectorRequirement, PodSpec } from '../objects/workloads';
import type { Namespace, Service } from '../objects/cluster';
import { mustCreate } from '../sim/testing';
import { defaultTimings } from '../sim/timings';
import { World } from '../sim/world';
import { Scheduler } from './scheduler';
import {
  schedulerWorld as createSchedulerTestWorld,
  createPod,
  deleteNow,
  eventsFor,
  patchNode,
  placedPod,
  podNow,
  podWith,
  readyNode,
} from './testkit';

const CONTROL_PLANE_TAINT = {
  key: 'node-role.kubernetes.io/control-plane',
  effect: 'NoSchedule' as const,
};

describe('kube-scheduler: where a pod can go (filters)', () => {
  it('binds a pod to a node with room and reports it as Kubernetes does', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1');
    createPod(world, podWith('web', { cpu: '500m' }));
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-1');
    const decision = scheduler.decisions().at(-1)!;
    expect(decision).toMatchObject({
      outcome: 'bound',
      node: 'ship-1',
      message: 'Successfully assigned default/web to ship-1',
      nodesTotal: 1,
      nodesEvaluated: 1,
      feasibleFound: 1,
    });
    expect(eventsFor(world, 'web', 'Scheduled')[0]).toMatchObject({
      type: 'Normal',
      message: 'Successfully assigned default/web to ship-1',
      source: { component: 'default-scheduler' },
    });
    expect(world.trace.events().some((e) => e.type === 'scheduler.bound')).toBe(true);
    expect(world.trace.movesAround(world.now(), 1_000)).toEqual([
      expect.objectContaining({ pod: 'web', from: 'dock', to: 'ship-1' }),
    ]);
    expect(scheduler.stats()).toMatchObject({ cycles: 1, bound: 1 });
  });

  it('keeps pods within a node’s cpu (Insufficient cpu)', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '2' });
    placedPod(world, 'big', 'ship-1', { cpu: '1500m' });
    createPod(world, podWith('web', { cpu: '1' }));
    world.agenda.advance(100);
    const pod = podNow(world, 'web')!;
    expect(pod.spec.nodeName).toBeUndefined();
    const condition = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(condition).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message:
        '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    });
    expect(eventsFor(world, 'web', 'FailedScheduling')[0]).toMatchObject({
      type: 'Warning',
      message: condition!.message,
    });
  });

  it('keeps pods within a node’s memory (Insufficient memory)', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { memory: '1Gi' });
    placedPod(world, 'big', 'ship-1', { memory: '768Mi' });
    createPod(world, podWith('web', { memory: '512Mi' }));
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBeUndefined();
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('says preemption cannot help when a pod asks for more than a node has at all', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '2' });
    createPod(world, podWith('huge', { cpu: '3' }));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('counts pods against allocatable pods (Too many pods)', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { pods: '2' });
    placedPod(world, 'a', 'ship-1');
    placedPod(world, 'b', 'ship-1');
    createPod(world, podWith('c'));
    world.agenda.advance(100);
    expect(podNow(world, 'c')?.spec.nodeName).toBeUndefined();
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('lists every resource a node lacks, and counts each across nodes', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    for (const name of ['ship-1', 'ship-2']) readyNode(world, name, { cpu: '1', memory: '1Gi' });
    createPod(world, podWith('web', { cpu: '2', memory: '2Gi' }));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    expect(scheduler.decisions().at(-1)!.nodes[0]).toEqual({
      name: 'ship-1',
      filter: 'Insufficient cpu, Insufficient memory',
      failedPlugin: 'NodeResourcesFit',
    });
  });

  it('sends a pod only to nodes matching its nodeSelector', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { labels: { destination: 'north' } });
    readyNode(world, 'ship-2', { labels: { destination: 'south' } });
    for (let i = 0; i < 4; i += 1)
      createPod(world, podWith(`south-${i}`, {}, { nodeSelector: { destination: 'south' } }));
    world.agenda.advance(100);
    for (let i = 0; i < 4; i += 1)
      expect(podNow(world, `south-${i}`)?.spec.nodeName).toBe('ship-2');
  });

  it('honours required node affinity (In, NotIn, Exists, DoesNotExist, Gt, Lt)', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { labels: { zone: 'a', gpus: '1' } });
    readyNode(world, 'ship-2', { labels: { zone: 'b', gpus: '4', ssd: 'yes' } });
    readyNode(world, 'ship-3', { labels: { zone: 'c' } });
    const affinity = (expressions: NodeSelectorRequirement[]): Partial<PodSpec> => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: expressions }],
          },
        },
      },
    });
    createPod(world, podWith('in', {}, affinity([{ key: 'zone', operator: 'In', values: ['b'] }])));
    createPod(
      world,
      podWith('notin', {}, affinity([{ key: 'zone', operator: 'NotIn', values: ['a', 'b'] }])),
    );
    createPod(world, podWith('exists', {}, affinity([{ key: 'ssd', operator: 'Exists' }])));
    createPod(
      world,
      podWith(
        'none',
        {},
        affinity([
          { key: 'gpus', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'Exists' },
        ]),
      ),
    );
    createPod(world, podWith('gt', {}, affinity([{ key: 'gpus', operator: 'Gt', values: ['2'] }])));
    createPod(world, podWith('lt', {}, affinity([{ key: 'gpus', operator: 'Lt', values: ['2'] }])));
    world.agenda.advance(200);
    expect(podNow(world, 'in')?.spec.nodeName).toBe('ship-2');
    expect(podNow(world, 'notin')?.spec.nodeName).toBe('ship-3');
    expect(podNow(world, 'exists')?.spec.nodeName).toBe('ship-2');
    expect(podNow(world, 'none')?.spec.nodeName).toBe('ship-3');
    expect(podNow(world, 'gt')?.spec.nodeName).toBe('ship-2');
    expect(podNow(world, 'lt')?.spec.nodeName).toBe('ship-1');
  });

  it('explains a destination no node matches', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { labels: { destination: 'north' } });
    createPod(world, podWith('web', {}, { nodeSelector: { destination: 'east' } }));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });

  it('keeps pods off the control-plane unless they tolerate its taint', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'control-plane', { taints: [CONTROL_PLANE_TAINT] });
    readyNode(world, 'ship-1', { cpu: '1' });
    for (let i = 0; i < 3; i += 1) createPod(world, podWith(`web-${i}`, { cpu: '100m' }));
    createPod(
      world,
      podWith(
        'agent',
        { cpu: '100m' },
        {
          tolerations: [
            {
              key: 'node-role.kubernetes.io/control-plane',
              operator: 'Exists',
              effect: 'NoSchedule',
            },
          ],
          nodeSelector: { 'kubernetes.io/hostname': 'control-plane' },
        },
      ),
    );
    world.agenda.advance(200);
    for (let i = 0; i < 3; i += 1) expect(podNow(world, `web-${i}`)?.spec.nodeName).toBe('ship-1');
    expect(podNow(world, 'agent')?.spec.nodeName).toBe('control-plane');
  });

  it('words an untolerated taint with its key and value', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'control-plane', { taints: [CONTROL_PLANE_TAINT] });
    readyNode(world, 'ship-1', {
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
    });
    createPod(world, podWith('web'));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('gives the exact FailedScheduling text for a mix of reasons, sorted as upstream sorts them', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'control-plane', { taints: [CONTROL_PLANE_TAINT] });
    for (const name of ['ship-1', 'ship-2', 'ship-3']) {
      readyNode(world, name, { cpu: '1' });
      placedPod(world, `busy-${name}`, name, { cpu: '800m' });
    }
    createPod(world, podWith('web', { cpu: '500m' }));
    world.agenda.advance(100);
    const expected =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(scheduler.decisions().at(-1)).toMatchObject({
      outcome: 'unschedulable',
      message: expected,
      nodesTotal: 4,
      nodesEvaluated: 4,
      feasibleFound: 0,
    });
    expect(eventsFor(world, 'web', 'FailedScheduling')[0]?.message).toBe(expected);
    expect(scheduler.queue()).toEqual({ active: 0, backoff: 0, unschedulable: 1 });
  });

  it('keeps new pods off cordoned nodes and off nodes whose host port is taken', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { unschedulable: true });
    readyNode(world, 'ship-2');
    placedPod(
      world,
      'proxy',
      'ship-2',
      {},
      {
        containers: [
          { name: 'main', image: 'envoy:1', ports: [{ containerPort: 80, hostPort: 8080 }] },
        ],
      },
    );
    createPod(
      world,
      podWith(
        'web',
        {},
        {
          containers: [
            { name: 'main', image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 8080 }] },
          ],
        },
      ),
    );
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it('counts a pod it has just placed before the binding lands (Reserve/assume)', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    readyNode(world, 'ship-2', { cpu: '1' });
    createPod(world, podWith('a', { cpu: '600m' }));
    createPod(world, podWith('b', { cpu: '600m' }));
    world.agenda.advance(100);
    const a = podNow(world, 'a')?.spec.nodeName;
    const b = podNow(world, 'b')?.spec.nodeName;
    expect([a, b].sort()).toEqual(['ship-1', 'ship-2']);
  });

  it('ignores pods for another scheduler and pods already placed', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1');
    createPod(world, podWith('other', {}, { schedulerName: 'my-scheduler' }));
    placedPod(world, 'static', 'ship-1');
    world.agenda.advance(100);
    expect(podNow(world, 'other')?.spec.nodeName).toBeUndefined();
    expect(scheduler.decisionCount()).toBe(0);
  });
});

describe('kube-scheduler: which node is best (scores)', () => {
  it('prefers the emptier node (NodeResourcesFit, LeastAllocated)', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1');
    readyNode(world, 'ship-2');
    placedPod(world, 'big', 'ship-1', { cpu: '3', memory: '6Gi' });
    createPod(world, podWith('web', { cpu: '100m', memory: '128Mi' }));
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-2');
    const rows = scheduler.decisions().at(-1)!.nodes;
    const fit = (name: string) => rows.find((r) => r.name === name)!.scores!.NodeResourcesFit!;
    // ship-1: cpu (4000−3100)/4000 → 22, memory (8Gi−6.125Gi)/8Gi → 23: mean 22.
    expect(fit('ship-1')).toBe(22);
    // ship-2: cpu 3900/4000 → 97, memory → 98: mean 97.
    expect(fit('ship-2')).toBe(97);
    expect(rows.find((r) => r.name === 'ship-2')!.scores).toEqual({
      TaintToleration: 300,
      NodeResourcesFit: 97,
      NodeResourcesBalancedAllocation: 99,
      ImageLocality: 0,
    });
  });

  it('counts the default 100m / 200Mi for containers without requests when scoring', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1', memory: '1Gi' });
    readyNode(world, 'ship-2', { cpu: '1', memory: '1Gi' });
    for (let i = 0; i < 4; i += 1) placedPod(world, `be-${i}`, 'ship-1'); // BestEffort pods
    createPod(world, podWith('web'));
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-2');
    const row = scheduler
      .decisions()
      .at(-1)!
      .nodes.find((r) => r.name === 'ship-1')!;
    // 5 × 100m of 1000m → 50; 5 × 200Mi of 1024Mi → 2; mean 26. No BalancedAllocation: best-effort pod.
    expect(row.scores).toEqual({ TaintToleration: 300, NodeResourcesFit: 26, ImageLocality: 0 });
  });

  it('prefers a node that already has the image (ImageLocality)', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1');
    readyNode(world, 'ship-2', {
      images: [{ names: ['ml/trainer:2'], sizeBytes: 800 * 1024 * 1024 }],
    });
    createPod(
      world,
      podWith('train', {}, { containers: [{ name: 'main', image: 'ml/trainer:2' }] }),
    );
    world.agenda.advance(100);
    expect(podNow(world, 'train')?.spec.nodeName).toBe('ship-2');
    const rows = scheduler.decisions().at(-1)!.nodes;
    // 800 MiB × (1 of 2 nodes) = 400 MiB → 100 × (400 − 23) / (1000 − 23) = 38.
    expect(rows.find((r) => r.name === 'ship-2')!.scores!.ImageLocality).toBe(38);
    expect(rows.find((r) => r.name === 'ship-1')!.scores!.ImageLocality).toBe(0);
  });

  it('prefers nodes without PreferNoSchedule taints and matching preferred affinity', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', {
      taints: [{ key: 'spot', effect: 'PreferNoSchedule' }],
      labels: { disk: 'ssd' },
    });
    readyNode(world, 'ship-2', { labels: { disk: 'hdd' } });
    readyNode(world, 'ship-3', { labels: { disk: 'ssd' } });
    createPod(
      world,
      podWith(
        'db',
        {},
        {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 10,
                  preference: {
                    matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }],
                  },
                },
              ],
            },
          },
        },
      ),
    );
    world.agenda.advance(100);
    expect(podNow(world, 'db')?.spec.nodeName).toBe('ship-3');
    const score = (name: string) =>
      scheduler
        .decisions()
        .at(-1)!
        .nodes.find((r) => r.name === name)!.scores!;
    expect(score('ship-1')).toMatchObject({ TaintToleration: 0, NodeAffinity: 200 });
    expect(score('ship-2')).toMatchObject({ TaintToleration: 300, NodeAffinity: 0 });
    expect(score('ship-3')).toMatchObject({ TaintToleration: 300, NodeAffinity: 200 });
  });

  it('spreads a ReplicaSet’s pods with the default topology spread constraints', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '8', memory: '16Gi' });
    readyNode(world, 'ship-2');
    const rs = world.api.request(
      {
        verb: 'create',
        resource: 'replicasets',
        body: {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: 'web-abc', namespace: 'default' },
          spec: {
            replicas: 0,
            selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } },
            template: {
              metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } },
              spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
            },
          },
        } as never,
      },
      'kubectl',
    );
    if (!rs.ok) throw new Error(rs.error.message);
    const owned = (name: string) => {
      const pod = podWith(name, { cpu: '100m' }, {}, { app: 'web', 'pod-template-hash': 'abc' });
      return {
        ...pod,
        metadata: {
          ...pod.metadata,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: 'web-abc',
              uid: rs.object.metadata.uid,
              controller: true,
            },
          ],
        },
      };
    };
    // Two replicas already on the big ship.
    for (const name of ['web-1', 'web-2'])
      placedPod(
        world,
        name,
        'ship-1',
        { cpu: '100m' },
        {},
        { app: 'web', 'pod-template-hash': 'abc' },
      );
    createPod(world, owned('web-3'));
    world.agenda.advance(100);
    const rows = scheduler.decisions().at(-1)!.nodes;
    // hostname weight log(2 + 2); ship-1 raw round(2 × 1.386 + 2) = 5, ship-2 raw 2;
    // normalized 100 × (5 + 2 − raw) / 5 → 40 and 100, times weight 2.
    expect(rows.find((r) => r.name === 'ship-1')!.scores!.PodTopologySpread).toBe(80);
    expect(rows.find((r) => r.name === 'ship-2')!.scores!.PodTopologySpread).toBe(200);
    expect(podNow(world, 'web-3')?.spec.nodeName).toBe('ship-2');
  });

  it('spreads pods a Service selects across hosts and zones', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'a1', { labels: { 'topology.kubernetes.io/zone': 'a' } });
    readyNode(world, 'a2', { labels: { 'topology.kubernetes.io/zone': 'a' } });
    readyNode(world, 'b1', { labels: { 'topology.kubernetes.io/zone': 'b' } });
    mustCreate(world, 'services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      status: {},
    } as unknown as Service);
    placedPod(world, 'web-1', 'a1', {}, {}, { app: 'web' });
    placedPod(world, 'web-2', 'a1', {}, {}, { app: 'web' });
    createPod(world, podWith('web-3', {}, {}, { app: 'web' }));
    world.agenda.advance(100);
    const spread = (name: string) =>
      scheduler
        .decisions()
        .at(-1)!
        .nodes.find((r) => r.name === name)!.scores!.PodTopologySpread;
    // hostname weight log(3 + 2), zone weight log(2 + 2); raw a1 = round(2·1.61 + 2 + 2·1.39 + 4)
    // = 12, a2 = round(2 + 2·1.39 + 4) = 9, b1 = round(2 + 4) = 6; normalized 100·(18 − raw)/12.
    expect([spread('a1'), spread('a2'), spread('b1')]).toEqual([100, 150, 200]);
    expect(podNow(world, 'web-3')?.spec.nodeName).toBe('b1');
  });

  it('checks only numFeasibleNodesToFind nodes, starting where the last cycle stopped', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    for (let i = 1; i <= 150; i += 1) readyNode(world, `ship-${String(i).padStart(3, '0')}`);
    createPod(world, podWith('a'));
    createPod(world, podWith('b'));
    world.agenda.advance(100);
    const [a, b] = scheduler.decisions();
    expect(a).toMatchObject({
      nodesTotal: 150,
      nodesEvaluated: 100,
      feasibleFound: 100,
      numFeasibleNodesToFind: 100,
    });
    expect(a!.nodes[0]!.name).toBe('ship-001');
    // Round-robin: the next cycle starts at the 101st node.
    expect(b!.nodes[0]!.name).toBe('ship-101');
    expect(scheduler.stats()).toMatchObject({ nodesEvaluated: 200, nodesScored: 200 });
  });
});

describe('kube-scheduler: waiting and retrying (queue)', () => {
  it('schedules an unschedulable pod promptly when a node that fits is added', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    createPod(world, podWith('web', { cpu: '2' }));
    world.agenda.advance(5_000);
    expect(scheduler.queue().unschedulable).toBe(1);
    const added = world.now();
    readyNode(world, 'ship-2', { cpu: '4' });
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-2');
    const bound = scheduler.decisions().at(-1)!;
    expect(bound.outcome).toBe('bound');
    expect(bound.at - added).toBeLessThan(50);
  });

  it('retries at once when a taint is lifted, a node is uncordoned, or allocatable grows', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'flagged', { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] });
    readyNode(world, 'cordoned', { unschedulable: true });
    readyNode(world, 'small', { cpu: '1' });
    createPod(world, podWith('a', {}, { nodeSelector: { 'kubernetes.io/hostname': 'flagged' } }));
    createPod(world, podWith('b', {}, { nodeSelector: { 'kubernetes.io/hostname': 'cordoned' } }));
    createPod(
      world,
      podWith('c', { cpu: '2' }, { nodeSelector: { 'kubernetes.io/hostname': 'small' } }),
    );
    world.agenda.advance(5_000);
    expect(scheduler.queue().unschedulable).toBe(3);
    patchNode(world, 'flagged', (n) => ({ ...n, spec: { ...n.spec, taints: [] } }));
    patchNode(world, 'cordoned', (n) => ({ ...n, spec: { ...n.spec, unschedulable: false } }));
    patchNode(
      world,
      'small',
      (n) => ({
        ...n,
        status: { ...n.status, allocatable: { ...n.status.allocatable, cpu: '4' } },
      }),
      'status',
    );
    world.agenda.advance(100);
    expect(['a', 'b', 'c'].map((p) => podNow(world, p)?.spec.nodeName)).toEqual([
      'flagged',
      'cordoned',
      'small',
    ]);
  });

  it('does not move a pod for a node change that cannot help it', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    createPod(world, podWith('web', { cpu: '2' }));
    world.agenda.advance(1_000);
    const attempts = scheduler.decisionCount();
    // A label change does not matter to NodeResourcesFit; a small node does not fit the pod.
    patchNode(world, 'ship-1', (n) => ({
      ...n,
      metadata: { ...n.metadata, labels: { ...n.metadata.labels, x: 'y' } },
    }));
    readyNode(world, 'ship-2', { cpu: '1' });
    world.agenda.advance(10_000);
    expect(scheduler.decisionCount()).toBe(attempts);
  });

  it('retries an unschedulable pod after 5 minutes when nothing relevant happens', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    createPod(world, podWith('web', { cpu: '2' }));
    world.agenda.advance(100);
    const first = scheduler.decisions().at(-1)!;
    expect(first.outcome).toBe('unschedulable');
    world.agenda.advance(300_000 - 100);
    expect(scheduler.decisionCount()).toBe(1);
    // The leftover flush runs every 30 s and moves pods waiting longer than 5 minutes.
    world.agenda.advance(31_000);
    expect(scheduler.decisionCount()).toBe(2);
    const second = scheduler.decisions().at(-1)!;
    expect(second.at - first.at).toBeGreaterThan(300_000);
    expect(second.at - first.at).toBeLessThanOrEqual(330_000);
    // The same failure again: the Event's count goes up, the condition is unchanged.
    expect(eventsFor(world, 'web', 'FailedScheduling')[0]?.count).toBe(2);
  });

  it('schedules a pod when an assigned pod’s deletion frees room', () => {
    const { world } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    placedPod(world, 'old', 'ship-1', { cpu: '800m' });
    createPod(world, podWith('web', { cpu: '500m' }));
    world.agenda.advance(1_000);
    expect(podNow(world, 'web')?.spec.nodeName).toBeUndefined();
    deleteNow(world, 'old');
    world.agenda.advance(100);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-1');
  });

  it('backs off 1 s doubling to 10 s (on 1 s windows) when binding fails', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1');
    world.agenda.advance(100);
    createPod(world, podWith('web'));
    // The scheduler sees the pod 5 ms later and sends its binding; the bridge stops before it lands.
    world.agenda.advance(6);
    world.api.stop();
    world.agenda.advance(60_000);
    const attempts = scheduler.decisions();
    expect(attempts.every((d) => d.outcome === 'bind-failed')).toBe(true);
    expect(attempts[0]!.message).toMatch(/^running Bind plugin "DefaultBinder": /);
    // Each retry waits initial × 2^(attempts−1), capped at 10 s, then for the next 1 s window.
    const gaps = attempts.slice(1).map((d, i) => d.at - attempts[i]!.at);
    expect(gaps.slice(1, 6)).toEqual([3_000, 5_000, 9_000, 11_000, 11_000]);
    expect(gaps[0]).toBeGreaterThan(1_000);
    expect(gaps[0]).toBeLessThanOrEqual(2_000);
    expect(scheduler.queue()).toEqual({ active: 0, backoff: 1, unschedulable: 0 });
    // The bridge comes back: the next attempt binds.
    world.api.start();
    world.agenda.advance(15_000);
    expect(podNow(world, 'web')?.spec.nodeName).toBe('ship-1');
  });
});

describe('kube-scheduler: preemption (DefaultPreemption)', () => {
  it('evicts the fewest lower-priority pods, nominates the node, then binds there', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '2' });
    readyNode(world, 'ship-2', { cpu: '2' });
    placedPod(world, 'low-1a', 'ship-1', { cpu: '1' }, { priority: 10 });
    placedPod(world, 'low-1b', 'ship-1', { cpu: '1' }, { priority: 10 });
    placedPod(world, 'low-2a', 'ship-2', { cpu: '1500m' }, { priority: 50 });
    placedPod(world, 'high-2', 'ship-2', { cpu: '500m' }, { priority: 2000 });
    createPod(world, podWith('vip', { cpu: '1' }, { priority: 1000 }));
    world.agenda.advance(100);
    const decision = scheduler.decisions().at(-1)!;
    expect(decision).toMatchObject({
      outcome: 'preempting',
      node: 'ship-1',
      message: '0/2 nodes are available: 2 Insufficient cpu.',
    });
    // ship-1 needs one priority-10 victim, ship-2 one priority-50 victim: the lowest highest-priority
    // victim wins. On ship-1 the most important pod is reprieved first (low-1a), so low-1b goes.
    const vip = podNow(world, 'vip')!;
    expect(vip.status.nominatedNodeName).toBe('ship-1');
    const victims = ['low-1a', 'low-1b', 'low-2a'].filter(
      (n) => podNow(world, n)?.metadata.deletionTimestamp,
    );
    expect(victims).toEqual(['low-1b']);
    const victim = podNow(world, victims[0]!)!;
    expect(victim.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(eventsFor(world, victims[0]!, 'Preempted')[0]?.message).toBe(
      `Preempted by pod ${vip.metadata.uid} on node ${decision.node}`,
    );
    // While the victim terminates, the preemptor waits; other pods cannot take the freed room.
    createPod(world, podWith('sneaky', { cpu: '1' }, { priority: 0 }));
    world.agenda.advance(1_000);
    expect(podNow(world, 'sneaky')?.spec.nodeName).toBeUndefined();
    // The kubelet finishes the victim: the preemptor is bound to its nominated node.
    deleteNow(world, victims[0]!);
    world.agenda.advance(100);
    expect(podNow(world, 'vip')?.spec.nodeName).toBe(decision.node);
  });

  it('does not preempt pods of equal or higher priority, nor with preemptionPolicy Never', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '1' });
    placedPod(world, 'peer', 'ship-1', { cpu: '1' }, { priority: 100 });
    createPod(world, podWith('never', { cpu: '1' }, { priority: 1000, preemptionPolicy: 'Never' }));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
    createPod(world, podWith('equal', { cpu: '1' }, { priority: 100 }));
    world.agenda.advance(100);
    expect(scheduler.decisions().at(-1)!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    expect(podNow(world, 'peer')?.metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('kube-scheduler: explanations and determinism', () => {
  it('makes the same decisions for the same seed', () => {
    const run = (seed: number) => {
      const { world, scheduler } = createSchedulerTestWorld({ seed });
      for (let i = 1; i <= 6; i += 1) readyNode(world, `ship-${i}`);
      for (let i = 0; i < 30; i += 1) createPod(world, podWith(`web-${i}`, { cpu: '100m' }));
      world.agenda.advance(1_000);
      return scheduler.decisions().map((d) => `${d.pod}→${d.node}`);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('keeps only counts and a summary per decision without trace detail', () => {
    const world = new World({
      seed: 3,
      timings: defaultTimings(),
      etcdMembers: 1,
      detail: false,
      keepHistory: false,
      freeze: false,
    });
    mustCreate(world, 'namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default' },
    } as unknown as Namespace);
    const scheduler = new Scheduler(world);
    scheduler.start();
    for (let i = 1; i <= 3; i += 1) readyNode(world, `ship-${i}`);
    createPod(world, podWith('web'));
    world.agenda.advance(100);
    expect(scheduler.decisions()[0]).toMatchObject({
      outcome: 'bound',
      nodesEvaluated: 3,
      nodes: [],
    });
    expect(podNow(world, 'web')?.spec.nodeName).toMatch(/^ship-/);
  });

  it('keeps a bounded ring of decisions and the latest per pod', () => {
    const { world, scheduler } = createSchedulerTestWorld();
    readyNode(world, 'ship-1', { cpu: '64', pods: '300' });
    for (let i = 0; i < 210; i += 1) createPod(world, podWith(`web-${i}`));
    world.agenda.advance(2_000);
    expect(scheduler.decisionCount()).toBe(210);
    expect(scheduler.decisions()).toHaveLength(200);
    expect(scheduler.decisions()[0]!.seq).toBe(11);
    const uid = podNow(world, 'web-0')!.metadata.uid;
    expect(scheduler.decisionFor(uid)).toMatchObject({ pod: 'web-0', outcome: 'bound' });
  });
});
