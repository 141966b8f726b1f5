/**
 * Scale check for the workload controllers (run by hand: `npx tsx bench/workloads.scale.ts`):
 * 30 Deployments × 5,000 replicas = 150,000 pods created, bound and made Ready by stand-ins for the
 * scheduler and kubelets, then one Deployment deleted (cascade). Prints wall times; never fails.
 */
import { World } from '../src/engine/sim/world';
import { defaultTimings } from '../src/engine/sim/timings';
import type { KObject } from '../src/engine/objects/meta';
import type { Pod } from '../src/engine/objects/workloads';
import { rfc3339 } from '../src/engine/time/format';
import {
  DeploymentController,
  GarbageCollector,
  PodGCController,
  ReplicaSetController,
} from '../src/engine/controllers/workloads';
import { deployment } from '../src/engine/controllers/workloads/testing';

const argv = (globalThis as unknown as { process?: { argv: string[] } }).process?.argv ?? [];
const DEPLOYMENTS = Number(argv[2] ?? 30);
const REPLICAS = Number(argv[3] ?? 5000);
// Wall-clock time of the benchmark itself (the simulation never reads it).
const wall = () => performance.now();
const NODES = 5000;

const world = new World({
  seed: 1,
  timings: defaultTimings(),
  etcdMembers: 1,
  detail: false,
  keepHistory: false,
  freeze: false,
});
world.api.request(
  {
    verb: 'create',
    resource: 'namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KObject,
  },
  'apiserver',
);
const t0 = wall();
new ReplicaSetController(world).start();
new DeploymentController(world).start();
new GarbageCollector(world).start();
new PodGCController(world).start();
for (let i = 0; i < DEPLOYMENTS; i += 1)
  world.api.request(
    { verb: 'create', resource: 'deployments', body: deployment(`app-${i}`, REPLICAS) },
    'kubectl',
  );

// Stand-ins: every 100 ms, bind new pods round-robin and make bound ones Running+Ready.
let next = 0;
const pending: Pod[] = [];
let unbound = 0;
function tick(): void {
  for (const pod of world.api.cachedAll<Pod>('pods')) {
    if (!pod.spec.nodeName) {
      unbound += 1;
      world.api.request(
        {
          verb: 'bind',
          namespace: 'default',
          name: pod.metadata.name,
          node: `ship-${next++ % NODES}`,
        },
        'scheduler',
      );
    } else if (pod.status.phase === 'Pending') pending.push(pod);
  }
  const now = rfc3339(world.now());
  for (const pod of pending.splice(0))
    world.api.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: 'default',
        name: pod.metadata.name,
        subresource: 'status',
        mutate: (c) =>
          ({
            ...c,
            status: {
              phase: 'Running',
              conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
            },
          }) as KObject,
      },
      'kubelet',
    );
}
const cpu = () =>
  (
    (globalThis as unknown as { process: { cpuUsage(): { user: number } } }).process.cpuUsage()
      .user / 1000
  ).toFixed(0);
const report = (label: string) =>
  console.log(
    `${label}: sim ${world.now()} ms, wall ${(wall() - t0).toFixed(0)} ms, cpu ${cpu()} ms, pods ${world.api.count('pods')}, agenda tasks ${world.agenda.taskCount()}`,
  );
const ready = () => {
  let n = 0;
  for (const d of world.api.cachedAll<KObject & { status: { availableReplicas?: number } }>(
    'deployments',
  ))
    n += d.status.availableReplicas ?? 0;
  return n;
};
let rounds = 0;
while (ready() < DEPLOYMENTS * REPLICAS && rounds < 2000) {
  world.agenda.advance(100);
  tick();
  rounds += 1;
}
report(`all ${ready()} available`);
const t1 = wall();
world.api.request(
  { verb: 'delete', resource: 'deployments', namespace: 'default', name: 'app-0' },
  'kubectl',
);
world.agenda.advance(60_000);
console.log(
  `cascade: wall ${(wall() - t1).toFixed(0)} ms, pods left ${world.api.count('pods')}, unbound seen ${unbound}`,
);
