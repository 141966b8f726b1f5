import { describe, expect, it } from 'vitest';
import { createSimulation, replay, type Simulation } from './simulation';

/** The STATUS column of `kubectl get pods` for each pod whose name starts with `prefix`. */
function podStatuses(sim: Simulation, prefix = ''): string[] {
  const lines = sim.exec('kubectl get pods').output.trim().split('\n').slice(1);
  return lines.filter((l) => l.startsWith(prefix)).map((l) => l.split(/\s+/)[2]!);
}

function nodeStatus(sim: Simulation, name: string): string {
  const line = sim
    .exec('kubectl get nodes')
    .output.split('\n')
    .find((l) => l.startsWith(`${name} `));
  return line?.split(/\s+/)[1] ?? 'missing';
}

function settled(seed = 1) {
  const sim = createSimulation({ seed, freeze: true });
  sim.advance(10_000);
  return sim;
}

describe('a simulated cluster, end to end', () => {
  it('boots: every ship registers and turns Ready, the control plane keeps its taint', () => {
    const sim = settled();
    const nodes = sim.exec('kubectl get nodes').output;
    expect(nodes).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    for (const name of ['control-plane', 'ship-1', 'ship-2', 'ship-3'])
      expect(nodeStatus(sim, name)).toBe('Ready');
    const ships = sim.snapshot().ships;
    expect(ships.find((s) => s.name === 'control-plane')!.taints.map((t) => t.key)).toEqual([
      'node-role.kubernetes.io/control-plane',
    ]);
    for (const ship of ships.filter((s) => s.role === 'cargo')) expect(ship.taints).toEqual([]);
  });

  it('kubectl create deployment flows in causal order: ledger → ReplicaSet → pods → binding → captain → crew → status', () => {
    const sim = settled();
    const writes: string[] = [];
    const seen = new Set<string>();
    const note = (what: string) => {
      if (!seen.has(what)) {
        seen.add(what);
        writes.push(what);
      }
    };
    const start = sim.events().length;
    expect(sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3').output).toBe(
      'deployment.apps/web created',
    );
    sim.advance(60_000);
    for (const event of sim.events().slice(start)) {
      if (event.type.startsWith('k8s.ScalingReplicaSet'))
        note('deployment controller scaled a ReplicaSet');
      if (event.type === 'k8s.SuccessfulCreate') note('replicaset controller created a pod');
      if (event.type === 'k8s.Scheduled') note('scheduler bound a pod');
      if (event.type === 'k8s.Pulling' || event.type === 'k8s.Pulled')
        note('kubelet pulled the image');
      if (event.type === 'k8s.Created') note('runtime created the container');
      if (event.type === 'k8s.Started') note('runtime started the container');
    }
    expect(writes).toEqual([
      'deployment controller scaled a ReplicaSet',
      'replicaset controller created a pod',
      'scheduler bound a pod',
      'kubelet pulled the image',
      'runtime created the container',
      'runtime started the container',
    ]);
    expect(podStatuses(sim, 'web-')).toEqual(['Running', 'Running', 'Running']);
    const rs = sim.exec('kubectl get rs').output;
    expect(rs).toMatch(/web-[bcdfghjklmnpqrstvwxz2456789]{8,10}\s+3\s+3\s+3/);
    const pods = sim.exec('kubectl get pods -o wide').output.trim().split('\n').slice(1);
    for (const line of pods)
      expect(line).toMatch(
        /^web-[a-z0-9]+-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+ship-\d/,
      );
    // The cranes spread three pods over three empty ships.
    expect(
      new Set(
        sim
          .snapshot()
          .containers.filter((c) => c.app === 'web')
          .map((c) => c.ship),
      ).size,
    ).toBe(3);
  });

  it('is deterministic: the same seed and inputs give the same event log, over many seeds', () => {
    const run = (seed: number) => {
      const sim = createSimulation({ seed });
      sim.advance(5_000);
      sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=4');
      sim.advance(20_000);
      sim.inject({ kind: 'sink-ship', ship: 'ship-2' });
      sim.advance(400_000);
      return sim.logHash();
    };
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 12; seed += 1) {
      const first = run(seed);
      expect(run(seed)).toBe(first);
      hashes.add(first);
    }
    expect(hashes.size).toBe(12);
  }, 60_000);

  it('replays any moment exactly from the recorded inputs', () => {
    const sim = createSimulation({ seed: 5 });
    sim.advance(3_000);
    sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    sim.advance(15_000);
    sim.inject({
      kind: 'crash-container',
      pod: sim.snapshot().containers.find((c) => c.app === 'web')!.pod,
      exitCode: 2,
      times: 3,
    });
    sim.advance(45_000);
    sim.exec('kubectl scale deployment web --replicas=5');
    sim.advance(12_345);
    const again = replay(sim.config, sim.inputs(), sim.now());
    expect(again.now()).toBe(sim.now());
    expect(again.logHash()).toBe(sim.logHash());
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(sim.snapshot()));
    const earlier = replay(sim.config, sim.inputs(), 20_000);
    expect(earlier.inputs()).toHaveLength(2);
  });

  it('hands out a snapshot of plain data', () => {
    const sim = settled();
    sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    sim.advance(2_000);
    const snapshot = sim.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.messages.length).toBeGreaterThan(0);
    expect(snapshot.ships).toHaveLength(4);
  });
});

describe('when things go wrong (timelines through kubectl)', () => {
  it('a sunk ship stays Ready until the grace period ends, then Unknown; its pods are replaced after the toleration', () => {
    const sim = settled();
    sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    sim.advance(30_000);
    const victim = sim.snapshot().containers.find((c) => c.app === 'web' && c.ship === 'ship-2')!;
    expect(victim).toBeDefined();
    const sunkAt = sim.now();
    sim.inject({ kind: 'sink-ship', ship: 'ship-2' });
    // node-monitor-grace-period 50 s, checked every 5 s: Ready until at least 40 s after the last renewal.
    sim.advanceTo(sunkAt + 35_000);
    expect(nodeStatus(sim, 'ship-2')).toBe('Ready');
    sim.advanceTo(sunkAt + 70_000);
    expect(nodeStatus(sim, 'ship-2')).toBe('NotReady');
    expect(sim.exec('kubectl describe node ship-2').output).toMatch(
      /node\.kubernetes\.io\/unreachable:NoExecute/,
    );
    const before = sim.exec(`kubectl get pod ${victim.pod}`).output;
    expect(before).toMatch(/Running/);
    // tolerationSeconds 300 from the taint: the pod is deleted (Terminating) and replaced at once.
    sim.advanceTo(sunkAt + 60_000 + 300_000 + 15_000);
    expect(sim.exec(`kubectl get pod ${victim.pod}`).output).toMatch(/Terminating/);
    const web = podStatuses(sim, 'web-');
    expect(web.filter((s) => s === 'Running')).toHaveLength(3);
    expect(web.filter((s) => s === 'Terminating')).toHaveLength(1);
    // The old object stays until the Node is deleted; then pod GC removes it.
    sim.exec('kubectl delete node ship-2');
    sim.advance(60_000);
    expect(podStatuses(sim, 'web-')).toEqual(['Running', 'Running', 'Running']);
  });

  it('a crashing container restarts with back-off 10 s, 20 s, 40 s… and shows CrashLoopBackOff', () => {
    const sim = settled();
    sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=1');
    sim.advance(20_000);
    const pod = sim.snapshot().containers.find((c) => c.app === 'web')!.pod;
    sim.inject({ kind: 'crash-container', pod, exitCode: 1, times: 4 });
    sim.advance(3_000);
    expect(podStatuses(sim, 'web-')[0]).toMatch(/Error|CrashLoopBackOff|Running/);
    sim.advance(60_000);
    const line = sim.exec(`kubectl get pod ${pod}`).output;
    expect(line).toMatch(/CrashLoopBackOff|Running/);
    expect(Number(line.split('\n')[1]!.split(/\s+/)[3])).toBeGreaterThanOrEqual(2);
    sim.advance(600_000);
    expect(podStatuses(sim, 'web-')).toEqual(['Running']);
    expect(sim.exec(`kubectl get pod ${pod}`).output).toMatch(/Running\s+4 \(/);
  });

  it('without ledger quorum writes fail and running containers keep running; with quorum back the fleet recovers', () => {
    const sim = createSimulation({ seed: 3, etcdMembers: 3 });
    sim.advance(10_000);
    sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    sim.advance(30_000);
    sim.inject({ kind: 'stop-etcd-member', member: 'etcd-1' });
    sim.advance(3_000);
    expect(sim.exec('kubectl scale deployment web --replicas=3').ok).toBe(true);
    sim.advance(20_000);
    expect(podStatuses(sim, 'web-').filter((s) => s === 'Running')).toHaveLength(3);
    sim.inject({ kind: 'stop-etcd-member', member: 'etcd-2' });
    const denied = sim.exec('kubectl scale deployment web --replicas=4');
    expect(denied.ok).toBe(false);
    expect(denied.output).toMatch(/etcdserver: request timed out/);
    sim.advance(120_000);
    expect(
      sim.snapshot().containers.filter((c) => c.app === 'web' && c.onDeck === 'running'),
    ).toHaveLength(3);
    sim.inject({ kind: 'start-etcd-member', member: 'etcd-1' });
    sim.advance(30_000);
    expect(sim.exec('kubectl scale deployment web --replicas=4').ok).toBe(true);
    sim.advance(30_000);
    expect(podStatuses(sim, 'web-').filter((s) => s === 'Running')).toHaveLength(4);
    for (const name of ['ship-1', 'ship-2', 'ship-3']) expect(nodeStatus(sim, name)).toBe('Ready');
  });
});

describe('query (reads for the inspectors)', () => {
  it('answers read-only commands without recording anything or changing the run', () => {
    const a = createSimulation({ seed: 9 });
    const b = createSimulation({ seed: 9 });
    for (const sim of [a, b]) {
      sim.advance(10_000);
      sim.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
      sim.advance(5_000);
    }
    const before = { hash: a.logHash(), inputs: a.inputs().length, messages: a.stats().messages };
    expect(a.query('kubectl get pods').output).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(a.query('kubectl describe node ship-1').ok).toBe(true);
    expect(a.query('etcdctl get /registry/minions --prefix --keys-only').output).toContain(
      '/registry/minions/ship-1',
    );
    expect({ hash: a.logHash(), inputs: a.inputs().length, messages: a.stats().messages }).toEqual(
      before,
    );
    a.advance(60_000);
    b.advance(60_000);
    expect(a.logHash()).toBe(b.logHash());
  });

  it('refuses commands that change something', () => {
    const sim = createSimulation();
    for (const line of [
      'kubectl delete pod x',
      'etcdctl put a b',
      'fault sink-ship ship-1',
      'kubectl get pods -w',
    ]) {
      const result = sim.query(line);
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/query only runs read-only commands/);
    }
    expect(sim.inputs()).toHaveLength(0);
  });
});

describe('simplifications', () => {
  it('are listed once each, with a component and a sentence', async () => {
    const { allSimplifications } = await import('./simplifications');
    const all = allSimplifications();
    expect(all.length).toBeGreaterThan(60);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      expect(s.component.length).toBeGreaterThan(2);
      expect(s.text).toMatch(/\.$/);
    }
  });
});
