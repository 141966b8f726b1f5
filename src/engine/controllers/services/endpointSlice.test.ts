import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../objects/cluster';
import type { PodSpec } from '../../objects/workloads';
import { mustCreate, testWorld } from '../../sim/testing';
import type { World } from '../../sim/world';
import { getPod, registerShip, runPod, setPodReady } from '../nodes/testing';
import { EndpointSliceController } from './endpointSliceController';
import { transitionCoverage } from '../../sim/modelCoverage';
import { endpointSliceMachine } from './endpointSlice.machine';

const dbSpec: Partial<PodSpec> = {
  containers: [
    { name: 'postgres', image: 'postgres:17', ports: [{ name: 'pg', containerPort: 5432 }] },
  ],
};

function service(world: World, name: string, spec: Partial<Service['spec']> = {}): Service {
  return mustCreate<Service>(world, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: 'default',
      labels: { tier: 'data' },
    } as unknown as Service['metadata'],
    spec: { selector: { app: name }, ports: [{ port: 5432, targetPort: 'pg' }], ...spec },
    status: {},
  });
}

function slicesOf(world: World, name: string): EndpointSlice[] {
  return [...world.api.cachedAll<EndpointSlice>('endpointslices')]
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

function setup() {
  const world = testWorld();
  registerShip(world, 'ship-1');
  registerShip(world, 'ship-2');
  const svc = service(world, 'db');
  runPod(world, 'db-a', 'ship-1', '10.244.1.5', { labels: { app: 'db' }, spec: dbSpec });
  runPod(world, 'db-b', 'ship-2', '10.244.2.7', { labels: { app: 'db' }, spec: dbSpec });
  runPod(world, 'db-c', 'ship-2', '10.244.2.8', {
    labels: { app: 'db' },
    spec: dbSpec,
    ready: false,
  });
  // Scheduled but without an IP yet: not an endpoint.
  mustCreate(world, 'pods', {
    ...runPodTemplate('db-d'),
    spec: { ...dbSpec, containers: dbSpec.containers!, nodeName: 'ship-1' },
  });
  const controller = new EndpointSliceController(world);
  controller.start();
  world.agenda.advance(100);
  return { world, svc, controller };
}

function runPodTemplate(name: string) {
  return {
    apiVersion: 'v1' as const,
    kind: 'Pod' as const,
    metadata: { name, namespace: 'default', labels: { app: 'db' } } as never,
    spec: dbSpec as PodSpec,
    status: { phase: 'Pending' as const },
  };
}

const summary = (slice: EndpointSlice) =>
  slice.endpoints.map(
    (e) =>
      `${e.targetRef!.name} ${e.addresses[0]} ${e.nodeName} ready=${e.conditions.ready} serving=${e.conditions.serving} terminating=${e.conditions.terminating}`,
  );

describe('EndpointSlice controller (the Services office)', () => {
  it('writes one slice per Service: labels, owner, endpoints with conditions, named ports resolved', () => {
    const { world, svc } = setup();
    const [slice, ...rest] = slicesOf(world, 'db');
    expect(rest).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^db-[a-z0-9]{5}$/);
    expect(slice!.metadata.generateName).toBe('db-');
    expect(slice!.metadata.labels).toEqual({
      tier: 'data',
      'kubernetes.io/service-name': 'db',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice!.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'db',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 5432, protocol: 'TCP' }]);
    expect(summary(slice!)).toEqual([
      'db-a 10.244.1.5 ship-1 ready=true serving=true terminating=false',
      'db-b 10.244.2.7 ship-2 ready=true serving=true terminating=false',
      'db-c 10.244.2.8 ship-2 ready=false serving=false terminating=false',
    ]);
    expect(slice!.endpoints[0]!.targetRef).toEqual({
      kind: 'Pod',
      namespace: 'default',
      name: 'db-a',
      uid: getPod(world, 'db-a')!.metadata.uid,
    });
    expect(world.trace.offices().find((o) => o.name === 'services')!.lastAction).toContain(
      'default/db',
    );
  });

  it('updates the slice in place when a pod turns unready, terminates, or is replaced', () => {
    const { world } = setup();
    const name = slicesOf(world, 'db')[0]!.metadata.name;
    setPodReady(world, 'db-a', false);
    world.agenda.advance(50);
    expect(summary(slicesOf(world, 'db')[0]!)[0]).toBe(
      'db-a 10.244.1.5 ship-1 ready=false serving=false terminating=false',
    );
    // A graceful delete: terminating, still serving while it drains, no longer ready.
    world.api.request(
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'db-b' },
      'kubectl',
    );
    world.agenda.advance(50);
    expect(summary(slicesOf(world, 'db')[0]!)[1]).toBe(
      'db-b 10.244.2.7 ship-2 ready=false serving=true terminating=true',
    );
    // The kubelet finishes the deletion; a replacement comes up elsewhere.
    world.api.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: 'default',
        name: 'db-b',
        gracePeriodSeconds: 0,
      },
      'kubelet/ship-2',
    );
    runPod(world, 'db-e', 'ship-1', '10.244.1.9', { labels: { app: 'db' }, spec: dbSpec });
    world.agenda.advance(50);
    const slices = slicesOf(world, 'db');
    expect(slices.map((s) => s.metadata.name)).toEqual([name]);
    expect(summary(slices[0]!)).toEqual([
      'db-a 10.244.1.5 ship-1 ready=false serving=false terminating=false',
      'db-c 10.244.2.8 ship-2 ready=false serving=false terminating=false',
      'db-e 10.244.1.9 ship-1 ready=true serving=true terminating=false',
    ]);
  });

  it('resolves numeric and named target ports per pod; pods without the named port get their own slice', () => {
    const world = testWorld();
    registerShip(world, 'ship-1');
    service(world, 'web', {
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'web' },
        { name: 'metrics', port: 9090, targetPort: 9090 },
      ],
    });
    const spec = (port: number): Partial<PodSpec> => ({
      containers: [
        { name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: port }] },
      ],
    });
    runPod(world, 'web-1', 'ship-1', '10.244.1.2', { labels: { app: 'web' }, spec: spec(8080) });
    runPod(world, 'web-2', 'ship-1', '10.244.1.3', { labels: { app: 'web' }, spec: spec(8081) });
    runPod(world, 'web-3', 'ship-1', '10.244.1.4', { labels: { app: 'web' } });
    new EndpointSliceController(world).start();
    world.agenda.advance(100);
    const byPorts = slicesOf(world, 'web')
      .map(
        (s) =>
          `${s.ports.map((p) => `${p.name}:${p.port}`).join(',')} → ${s.endpoints.map((e) => e.targetRef!.name).join(',')}`,
      )
      .sort();
    expect(byPorts).toEqual([
      'http:8080,metrics:9090 → web-1',
      'http:8081,metrics:9090 → web-2',
      'metrics:9090 → web-3',
    ]);
  });

  it('keeps an empty placeholder slice for a Service with no endpoints, and reuses it', () => {
    const world = testWorld();
    registerShip(world, 'ship-1');
    service(world, 'db');
    new EndpointSliceController(world).start();
    world.agenda.advance(100);
    const [placeholder] = slicesOf(world, 'db');
    expect(placeholder!.endpoints).toEqual([]);
    expect(placeholder!.ports).toEqual([]);
    runPod(world, 'db-a', 'ship-1', '10.244.1.5', { labels: { app: 'db' }, spec: dbSpec });
    world.agenda.advance(100);
    const slices = slicesOf(world, 'db');
    expect(slices.map((s) => s.metadata.name)).toEqual([placeholder!.metadata.name]);
    expect(slices[0]!.endpoints.length).toBe(1);
    world.agenda.advance(5_000);
    expect(slicesOf(world, 'db').length).toBe(1);
  });

  it('leaves the kubernetes Service and selector-less Services alone', () => {
    const world = testWorld();
    mustCreate<Service>(world, 'services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default' } as unknown as Service['metadata'],
      spec: {
        selector: { component: 'apiserver' },
        ports: [{ name: 'https', port: 443, targetPort: 6443 }],
      },
      status: {},
    });
    service(world, 'external', { selector: undefined });
    new EndpointSliceController(world).start();
    world.agenda.advance(100);
    expect(slicesOf(world, 'kubernetes')).toEqual([]);
    expect(slicesOf(world, 'external')).toEqual([]);
  });

  it('splits more than 100 endpoints over slices', () => {
    const world = testWorld();
    registerShip(world, 'ship-1');
    service(world, 'db');
    for (let i = 0; i < 130; i += 1)
      runPod(world, `db-${String(i).padStart(3, '0')}`, 'ship-1', `10.244.1.${i + 2}`, {
        labels: { app: 'db' },
        spec: dbSpec,
      });
    new EndpointSliceController(world).start();
    world.agenda.advance(100);
    expect(
      slicesOf(world, 'db')
        .map((s) => s.endpoints.length)
        .sort((a, b) => a - b),
    ).toEqual([30, 100]);
  });

  it('machine: every transition (model-based)', () => {
    const result = transitionCoverage(endpointSliceMachine, {
      input: {
        batchPeriod: 0,
        ops: { queueAllServices: () => undefined, syncQueued: () => undefined },
      },
      events: [
        { type: 'START' },
        { type: 'STOP' },
        { type: 'CACHES_SYNCED' },
        { type: 'SERVICE_QUEUED' },
      ],
    });
    expect(result.missing).toEqual([]);
    expect(result.covered.length).toBe(5);
  });
});
