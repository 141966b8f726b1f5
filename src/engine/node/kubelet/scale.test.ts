import { describe, expect, it } from 'vitest';
import type { KObject } from '../../objects/meta';
import type { Node } from '../../objects/cluster';
import type { Pod } from '../../objects/workloads';
import { defaultTimings } from '../../sim/timings';
import { testPod } from '../../sim/testing';
import { World } from '../../sim/world';
import { ContainerRuntime } from '../runtime';
import { Kubelet } from './kubelet';

/** A headless fleet (detail off, as benchmarks run it) with pods bound round robin. */
function fleet(ships: number, podsPerShip: number) {
  const world = new World({
    seed: 3,
    timings: defaultTimings(),
    etcdMembers: 1,
    detail: false,
    keepHistory: false,
    freeze: false,
  });
  for (const name of ['default', 'kube-node-lease'])
    world.api.request(
      {
        verb: 'create',
        resource: 'namespaces',
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KObject,
      },
      'apiserver',
    );
  const kubelets: Kubelet[] = [];
  for (let i = 0; i < ships; i += 1) {
    const name = `ship-${i + 1}`;
    const runtime = new ContainerRuntime(world, name, 'containerd', ['nginx:1.27']);
    const kubelet = new Kubelet(world, { name, cpu: '32', memory: '64Gi' }, runtime);
    kubelet.start();
    kubelets.push(kubelet);
  }
  world.agenda.advance(1_000);
  for (let i = 0; i < ships; i += 1) {
    const cidr = `10.244.${i}.0/24`;
    world.api.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name: `ship-${i + 1}`,
        mutate: (n) => ({ ...n, spec: { ...(n as Node).spec, podCIDR: cidr } }) as Node,
      },
      'kcm/node-ipam',
    );
  }
  world.agenda.advance(1_000);
  let podWrites = 0;
  world.ledger.watch('/registry/pods/', () => (podWrites += 1));
  const tasksBefore = world.agenda.taskCount();
  for (let p = 0; p < podsPerShip; p += 1)
    for (let i = 0; i < ships; i += 1) {
      const name = `web-${i}-${p}`;
      world.api.request({ verb: 'create', resource: 'pods', body: testPod(name) }, 'kubectl');
      world.api.request(
        { verb: 'bind', namespace: 'default', name, node: `ship-${i + 1}` },
        'scheduler',
      );
    }
  return { world, kubelets, podWrites: () => podWrites, tasksBefore };
}

describe('kubelet: at scale', () => {
  it('brings every pod to Running with a handful of writes and tasks per pod', () => {
    const ships = 60;
    const perShip = 30;
    const f = fleet(ships, perShip);
    f.world.agenda.advance(3_000);
    const pods = [...f.world.api.cachedAll<Pod>('pods')];
    expect(pods.length).toBe(ships * perShip);
    expect(pods.every((p) => p.status.phase === 'Running')).toBe(true);
    expect(
      pods.every((p) =>
        p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      ),
    ).toBe(true);
    const total = ships * perShip;
    // Per pod: create + bind by the test, then the kubelet's status writes (first sync, Running).
    const kubeletWrites = f.podWrites() - 2 * total;
    expect(kubeletWrites / total).toBeLessThanOrEqual(3);
    const tasks = f.world.agenda.taskCount() - f.tasksBefore;
    expect(tasks / total).toBeLessThan(25);
    // Headless: Events are skipped (see simplifications).
    expect(f.world.api.count('events')).toBe(0);
  });

  it('costs nothing per pod while idle: only the Lease check-ins', () => {
    const f = fleet(20, 10);
    f.world.agenda.advance(5_000);
    const podWrites = f.podWrites();
    const tasks = f.world.agenda.taskCount();
    let nodeWrites = 0;
    let leaseWrites = 0;
    f.world.ledger.watch('/registry/minions/', () => (nodeWrites += 1));
    f.world.ledger.watch('/registry/leases/', () => (leaseWrites += 1));
    f.world.agenda.advance(60_000);
    expect(f.podWrites()).toBe(podWrites);
    expect(nodeWrites).toBe(0);
    expect(leaseWrites).toBe(20 * 6);
    // Lease renewals (a request, an answer, a timer), the etcd leader's heartbeats, compaction.
    expect(f.world.agenda.taskCount() - tasks).toBeLessThan(20 * 6 * 10 + 600 + 10);
  });
});
