import { describe, expect, it } from 'vitest';
import type { Pod } from '../objects/workloads';
import type { Node } from '../objects/cluster';
import type { KObject } from '../objects/meta';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import type { WatchEvent } from './apiserver';

describe('API server (the bridge)', () => {
  it('stores objects under Kubernetes keys with resourceVersion = etcd revision', () => {
    const world = testWorld();
    const pod = mustCreate(world, 'pods', testPod('web'));
    const kv = world.ledger.get('/registry/pods/default/web');
    expect(kv).toBeDefined();
    expect(pod.metadata.resourceVersion).toBe(String(kv!.modRevision));
    expect(pod.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(pod.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    mustCreate(world, 'nodes', testNode('ship-1'));
    expect(world.ledger.get('/registry/minions/ship-1')).toBeDefined();
  });

  it('defaults pods and adds the DefaultTolerationSeconds tolerations', () => {
    const world = testWorld();
    const pod = mustCreate(
      world,
      'pods',
      testPod('web', { containers: [{ name: 'web', image: 'nginx' }] }),
    );
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(30);
    expect(pod.spec.schedulerName).toBe('default-scheduler');
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe('Always');
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.qosClass).toBe('BestEffort');
    expect(pod.spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('taints new nodes not-ready until their kubelet reports (TaintNodesByCondition)', () => {
    const world = testWorld();
    const node = mustCreate(world, 'nodes', testNode('ship-1'));
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    ]);
  });

  it('rejects invalid objects in the API server’s words', () => {
    const world = testWorld();
    const bad = world.api.request(
      { verb: 'create', resource: 'pods', body: testPod('Web') },
      'kubectl',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe(422);
      expect(bad.error.message).toMatch(
        /^Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/,
      );
    }
    const noImage = world.api.request(
      {
        verb: 'create',
        resource: 'pods',
        body: testPod('x', { containers: [{ name: 'x', image: '' }] }),
      },
      'kubectl',
    );
    expect(!noImage.ok && noImage.error.message).toBe(
      'Pod "x" is invalid: spec.containers[0].image: Required value',
    );
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: -1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    } as unknown as KObject;
    const result = world.api.request(
      { verb: 'create', resource: 'deployments', body: deployment },
      'kubectl',
    );
    expect(!result.ok && result.error.message).toBe(
      'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`]',
    );
    const ns = world.api.request(
      {
        verb: 'create',
        resource: 'pods',
        body: { ...testPod('y'), metadata: { name: 'y', namespace: 'nope' } } as Pod,
      },
      'kubectl',
    );
    expect(!ns.ok && ns.error.message).toBe('namespaces "nope" not found');
  });

  it('refuses duplicates and stale updates', () => {
    const world = testWorld();
    const pod = mustCreate(world, 'pods', testPod('web'));
    const again = world.api.request(
      { verb: 'create', resource: 'pods', body: testPod('web') },
      'kubectl',
    );
    expect(!again.ok && again.error.message).toBe('pods "web" already exists');
    const labelled = {
      ...pod,
      metadata: { ...pod.metadata, labels: { app: 'web', tier: 'front' } },
    };
    expect(
      world.api.request({ verb: 'update', resource: 'pods', body: labelled }, 'kubectl').ok,
    ).toBe(true);
    const stale = world.api.request(
      { verb: 'update', resource: 'pods', body: labelled },
      'kubectl',
    );
    expect(!stale.ok && stale.error.message).toBe(
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('generates names with five characters from the Kubernetes alphabet', () => {
    const world = testWorld();
    const pod = mustCreate(world, 'pods', {
      ...testPod('x'),
      metadata: { generateName: 'web-7d4b9c8f5c-', namespace: 'default' },
    } as unknown as Pod);
    expect(pod.metadata.name).toMatch(/^web-7d4b9c8f5c-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('binds once, and deletes a bound pod gracefully', () => {
    const world = testWorld();
    mustCreate(world, 'pods', testPod('web'));
    const bound = world.api.request<Pod>(
      { verb: 'bind', namespace: 'default', name: 'web', node: 'ship-1' },
      'scheduler',
    );
    expect(bound.ok && bound.object.spec.nodeName).toBe('ship-1');
    expect(bound.ok && bound.object.status.conditions?.[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'True',
    });
    const twice = world.api.request(
      { verb: 'bind', namespace: 'default', name: 'web', node: 'ship-2' },
      'scheduler',
    );
    expect(!twice.ok && twice.error.message).toBe(
      'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "ship-1"',
    );
    const deleted = world.api.request<Pod>(
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'web' },
      'kubectl',
    );
    expect(deleted.ok && deleted.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(world.api.cached<Pod>('pods', 'default', 'web')?.metadata.deletionTimestamp).toBe(
      '2026-01-05T09:00:30Z',
    );
    world.api.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: 'default',
        name: 'web',
        gracePeriodSeconds: 0,
      },
      'kubelet/ship-1',
    );
    expect(world.api.cached('pods', 'default', 'web')).toBeUndefined();
  });

  it('deletes an unscheduled pod at once', () => {
    const world = testWorld();
    mustCreate(world, 'pods', testPod('web'));
    world.api.request(
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'web' },
      'kubectl',
    );
    expect(world.api.cached('pods', 'default', 'web')).toBeUndefined();
  });

  it('fans pod changes out by spec.nodeName, after the watch latency', () => {
    const world = testWorld();
    const seen = { ship1: [] as string[], unassigned: [] as string[], all: [] as string[] };
    const watch = (name: string, fields: object) =>
      world.api.listAndWatch('pods', { fields }, name, 'control-plane', {
        event: (e: WatchEvent) =>
          seen[name as keyof typeof seen].push(`${e.type} ${e.object.metadata.name}`),
        closed: () => seen[name as keyof typeof seen].push('closed'),
      });
    watch('ship1', { nodeName: 'ship-1' });
    watch('unassigned', { unassigned: true });
    watch('all', {});
    mustCreate(world, 'pods', testPod('a'));
    mustCreate(world, 'pods', testPod('b'));
    expect(seen.all).toEqual([]);
    world.agenda.advance(world.timings.watchLatency);
    world.api.request(
      { verb: 'bind', namespace: 'default', name: 'a', node: 'ship-1' },
      'scheduler',
    );
    world.api.request(
      { verb: 'bind', namespace: 'default', name: 'b', node: 'ship-2' },
      'scheduler',
    );
    world.agenda.advance(world.timings.watchLatency);
    expect(seen.ship1).toEqual(['ADDED a']);
    expect(seen.unassigned).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b']);
    expect(seen.all).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'MODIFIED b']);
    world.api.stop();
    expect(seen.ship1.at(-1)).toBe('closed');
  });

  it('waits for an etcd leader, and times out without quorum', () => {
    const world = testWorld({ etcdMembers: 3 });
    const results: string[] = [];
    world.etcd.stop('etcd-1');
    world.etcd.stop('etcd-2');
    expect(world.etcd.writable()).toBe('no-quorum');
    world.api.handle(
      { verb: 'create', resource: 'nodes', body: testNode('n1') },
      'kubelet/n1',
      (r) => results.push(r.ok ? 'ok' : r.error.message),
    );
    world.agenda.advance(6_999);
    expect(results).toEqual([]);
    world.agenda.advance(1);
    expect(results).toEqual(['etcdserver: request timed out']);
    const direct = world.api.request(
      { verb: 'create', resource: 'nodes', body: testNode('n2') },
      'kubectl',
    );
    expect(!direct.ok && direct.error.message).toBe('etcdserver: request timed out');
    // Reads for informers come from the watch cache, even now.
    expect(world.api.listFromCache('namespaces').items.length).toBe(4);
    world.etcd.start('etcd-1');
    world.agenda.advance(3_000);
    expect(world.etcd.writable()).toBe('ok');
    world.api.handle(
      { verb: 'create', resource: 'nodes', body: testNode('n3') },
      'kubelet/n3',
      (r) => results.push(r.ok ? 'ok' : r.error.message),
    );
    world.agenda.advance(50);
    expect(results.at(-1)).toBe('ok');
  });

  it('keeps pod status and spec apart (status subresource)', () => {
    const world = testWorld();
    const pod = mustCreate(world, 'pods', testPod('web'));
    const withStatus = { ...pod, status: { ...pod.status, phase: 'Running' as const } };
    world.api.request({ verb: 'update', resource: 'pods', body: withStatus }, 'kubectl');
    expect(world.api.cached<Pod>('pods', 'default', 'web')?.status.phase).toBe('Pending');
    const stale = world.api.request(
      { verb: 'update', resource: 'pods', body: withStatus, subresource: 'status' },
      'kubelet/ship-1',
    );
    expect(!stale.ok && stale.error.reason).toBe('Conflict');
    const fresh = { ...withStatus, metadata: { ...withStatus.metadata, resourceVersion: '' } };
    world.api.request(
      { verb: 'update', resource: 'pods', body: fresh, subresource: 'status' },
      'kubelet/ship-1',
    );
    expect(world.api.cached<Pod>('pods', 'default', 'web')?.status.phase).toBe('Running');
    const node = mustCreate(world, 'nodes', testNode('ship-1'));
    const cordoned: Node = {
      ...node,
      spec: { ...node.spec, unschedulable: true },
      metadata: { ...node.metadata, resourceVersion: '' },
    };
    world.api.request({ verb: 'update', resource: 'nodes', body: cordoned }, 'kubectl');
    expect(world.api.cached<Node>('nodes', undefined, 'ship-1')?.spec.unschedulable).toBe(true);
  });
});
