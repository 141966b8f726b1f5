import { describe, expect, it } from 'vitest';
import type { Service } from '../../objects/cluster';
import type { PodSpec } from '../../objects/workloads';
import { mustCreate, testWorld } from '../../sim/testing';
import { NodeLifecycleController } from '../../controllers/nodes';
import { EndpointSliceController } from '../../controllers/services';
import { keepRenewing, registerShip, runPod } from '../../controllers/nodes/testing';
import { KubeProxy } from './kubeProxy';

const dbSpec: Partial<PodSpec> = {
  containers: [
    { name: 'postgres', image: 'postgres:17', ports: [{ name: 'pg', containerPort: 5432 }] },
  ],
};

/** Two db pods on two ships; ship-2's captain goes silent; ship-1's web pod keeps calling db. */
function run(seed: number) {
  const world = testWorld({ seed });
  registerShip(world, 'ship-1');
  registerShip(world, 'ship-2');
  keepRenewing(world, 'ship-1');
  mustCreate<Service>(world, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'default' } as unknown as Service['metadata'],
    spec: { selector: { app: 'db' }, ports: [{ port: 5432, targetPort: 'pg' }] },
    status: {},
  });
  runPod(world, 'db-1', 'ship-1', '10.244.1.5', { labels: { app: 'db' }, spec: dbSpec });
  runPod(world, 'db-2', 'ship-2', '10.244.2.5', { labels: { app: 'db' }, spec: dbSpec });
  new NodeLifecycleController(world).start();
  new EndpointSliceController(world).start();
  // The containers keep running on the lost ship: only its radio went quiet.
  const proxy = new KubeProxy(world, 'ship-1', () => true);
  proxy.start();
  const answered = (from: number, to: number) => {
    const pods = new Set<string>();
    world.agenda.runUntil(from);
    for (let t = from; t < to; t += 500) {
      world.agenda.runUntil(t);
      pods.add(
        /Hostname: (\S+)/.exec(
          proxy.send({ namespace: 'default', pod: 'web-1', ip: '10.244.1.3' }, 'db', 5432).output,
        )![1]!,
      );
    }
    return [...pods].sort();
  };
  const before = answered(2_000, 50_000);
  const after = answered(57_000, 120_000);
  return { before, after, hash: world.trace.logHash(), world };
}

describe('a lost ship leaves the Service (node lifecycle → EndpointSlice → kube-proxy)', () => {
  it('stops sending traffic to pods on a ship marked Unknown, within a second of the mark', () => {
    const { before, after, world } = run(5);
    expect(before).toEqual(['db-1', 'db-2']);
    expect(after).toEqual(['db-1']);
    const synced = world.trace
      .events()
      .filter((e) => e.type === 'kube-proxy.synced')
      .map((e) => e.t);
    const unknown = world.trace.events().find((e) => e.type === 'node.unknown')!.t;
    expect(synced.some((t) => t > unknown && t < unknown + 1_100)).toBe(true);
  });

  it('replays exactly: same seed, same log', () => {
    expect(run(9).hash).toBe(run(9).hash);
  });
});
