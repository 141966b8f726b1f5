// Kubelet scale check, run by hand: npx tsx bench/kubelet.scale.ts [ships] [podsPerShip] [preload]
import type { KObject } from '../src/engine/objects/meta';
import type { Node } from '../src/engine/objects/cluster';
import type { Pod } from '../src/engine/objects/workloads';
import { defaultTimings } from '../src/engine/sim/timings';
import { testPod } from '../src/engine/sim/testing';
import { World } from '../src/engine/sim/world';
import { ContainerRuntime } from '../src/engine/node/runtime';
import { Kubelet } from '../src/engine/node/kubelet/kubelet';

declare const process: {
  argv: string[];
  cpuUsage(): { user: number; system: number };
  stdout: { write(text: string): void };
};

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ships = Number(process.argv[2] ?? 5000);
const perShip = Number(process.argv[3] ?? 30);
const preload = process.argv[4] !== 'nopreload';
const world = new World({
  seed: 1,
  timings: defaultTimings(),
  etcdMembers: 1,
  detail: false,
  keepHistory: false,
  freeze: false,
});
for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
  world.api.request(
    {
      verb: 'create',
      resource: 'namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KObject,
    },
    'apiserver',
  );
const t0 = cpu();
const kubelets: Kubelet[] = [];
for (let i = 0; i < ships; i += 1) {
  const name = `ship-${i + 1}`;
  const rt = new ContainerRuntime(world, name, 'containerd', preload ? ['nginx:1.27'] : []);
  const k = new Kubelet(world, { name, role: 'cargo', cpu: '32', memory: '128Gi' }, rt);
  k.start();
  kubelets.push(k);
}
world.agenda.advance(1000);
for (let i = 0; i < ships; i += 1) {
  const cidr = `10.${244 + (i >> 8)}.${i & 255}.0/24`;
  world.api.request(
    {
      verb: 'patch',
      resource: 'nodes',
      name: `ship-${i + 1}`,
      mutate: (n) => ({ ...n, spec: { ...(n as Node).spec, podCIDR: cidr } }) as Node,
    },
    'kcm',
  );
}
world.agenda.advance(1000);
const t1 = cpu();
let podWrites = 0;
world.ledger.watch('/registry/pods/', () => (podWrites += 1));
const tasks1 = world.agenda.taskCount();
for (let p = 0; p < perShip; p += 1)
  for (let i = 0; i < ships; i += 1) {
    const name = `web-${i}-${p}`;
    world.api.request(
      {
        verb: 'create',
        resource: 'pods',
        body: testPod(name, {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
            },
          ],
        }),
      },
      'kubectl',
    );
    world.api.request(
      { verb: 'bind', namespace: 'default', name, node: `ship-${i + 1}` },
      'scheduler',
    );
  }
const t2 = cpu();
let running = 0;
let simSeconds = 0;
const total = ships * perShip;
while (running < total && simSeconds < 120) {
  world.agenda.advance(1000);
  simSeconds += 1;
  if (simSeconds % 2 === 0 || simSeconds > 3) {
    running = 0;
    for (const pod of world.api.cachedAll<Pod>('pods'))
      if (
        pod.status.phase === 'Running' &&
        pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      )
        running += 1;
  }
}
const t3 = cpu();
const perPod = {
  kubeletWritesPerPod: (podWrites - 2 * ships * perShip) / (ships * perShip),
  tasksPerPod: (world.agenda.taskCount() - tasks1) / (ships * perShip),
};
world.agenda.advance(60_000);
const t4 = cpu();
process.stdout.write(
  JSON.stringify({
    ships,
    perShip,
    preload,
    setupMs: Math.round(t1 - t0),
    createBindMs: Math.round(t2 - t1),
    toRunningMs: Math.round(t3 - t2),
    simSeconds,
    running,
    steady60sMs: Math.round(t4 - t3),
    tasks: world.agenda.taskCount(),
    events: world.api.count('events'),
    ...perPod,
  }) + '\n',
);
