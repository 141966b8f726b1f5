import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../objects/workloads';
import { mustCreate, testWorld } from '../../sim/testing';
import { DeploymentController } from './deploymentController';
import { computeHash } from './hash';
import { ReplicaSetController } from './replicaSetController';
import {
  activePodsOf,
  deployment,
  eventsAbout,
  isReadyPod,
  podsOwnedBy,
  run,
  scale,
  setImage,
  stored,
} from './testing';

function setup() {
  const world = testWorld();
  new ReplicaSetController(world).start();
  new DeploymentController(world).start();
  world.agenda.advance(20);
  return world;
}

const dep = (world: ReturnType<typeof testWorld>, name = 'web') =>
  world.api.cached<Deployment>('deployments', 'default', name)!;
const replicaSets = (world: ReturnType<typeof testWorld>) =>
  stored<ReplicaSet>(world, 'replicasets');
const condition = (d: Deployment, type: string) =>
  d.status.conditions?.find((c) => c.type === type);

describe('Deployment controller', () => {
  it('creates one ReplicaSet <deployment>-<pod-template-hash> with the hash label, owner and annotations', () => {
    const world = setup();
    const d = mustCreate(world, 'deployments', deployment('web', 3));
    world.agenda.advance(500);
    const hash = computeHash(dep(world).spec.template);
    const [rs, ...others] = replicaSets(world);
    expect(others).toEqual([]);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[4-9bcdf]{6,10}$/);
    expect(rs!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs!.spec.replicas).toBe(3);
    const pods = podsOwnedBy(world, rs!.metadata.name);
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(
        new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`),
      );
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    }
    expect(eventsAbout(world, 'web')).toEqual([
      `ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`,
    ]);
    expect(dep(world).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('reports status: replicas, updated, ready, available; Available and Progressing conditions', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 3));
    world.agenda.advance(300);
    expect(dep(world).status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 3,
    });
    expect(condition(dep(world), 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
    expect(condition(dep(world), 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
    });
    run(world, 1_000);
    const rsName = replicaSets(world)[0]!.metadata.name;
    expect(dep(world).status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 0,
    });
    expect(condition(dep(world), 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    expect(condition(dep(world), 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rsName}" has successfully progressed.`,
    });
  });

  it('rolls a new template out within maxSurge and maxUnavailable', () => {
    const world = setup();
    mustCreate(
      world,
      'deployments',
      deployment('web', 4, {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      }),
    );
    run(world, 1_000);
    const [old] = replicaSets(world);
    setImage(world, 'web', 'nginx:1.28');
    let sawSurge = false;
    for (let t = 0; t < 60; t += 1) {
      world.agenda.advance(50);
      const rss = replicaSets(world);
      const total = rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      expect(total).toBeLessThanOrEqual(5);
      const pods = stored<Pod>(world, 'pods').filter((p) => !p.metadata.deletionTimestamp);
      expect(pods.length).toBeLessThanOrEqual(5);
      if (pods.length === 5) sawSurge = true;
      expect(pods.filter(isReadyPod).length).toBeGreaterThanOrEqual(3);
      run(world, 50, 50);
    }
    expect(sawSurge).toBe(true);
    const rss = replicaSets(world);
    expect(rss).toHaveLength(2);
    const fresh = rss.find((rs) => rs.metadata.uid !== old!.metadata.uid)!;
    expect(fresh.spec.replicas).toBe(4);
    expect(rss.find((rs) => rs.metadata.uid === old!.metadata.uid)!.spec.replicas).toBe(0);
    expect(fresh.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep(world).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(
      activePodsOf(world, fresh.metadata.name).every(
        (p) => p.spec.containers[0]!.image === 'nginx:1.28',
      ),
    ).toBe(true);
    const events = eventsAbout(world, 'web');
    expect(events).toContain(
      `ScalingReplicaSet: Scaled up replica set ${fresh.metadata.name} from 0 to 1`,
    );
    expect(events).toContain(
      `ScalingReplicaSet: Scaled down replica set ${old!.metadata.name} from 4 to 3`,
    );
    expect(events.at(-1)).toMatch(/^ScalingReplicaSet: Scaled (up|down) replica set/);
  });

  it('Recreate: scales the old ReplicaSet to 0 and creates the new one only when the old pods are gone', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 2, { strategy: { type: 'Recreate' } }));
    run(world, 1_000);
    setImage(world, 'web', 'nginx:1.28');
    // Old pods terminate slowly (no kubelet finishes them yet).
    run(world, 2_000, 100, { finishTerminating: false });
    const rss = replicaSets(world);
    expect(rss).toHaveLength(1);
    expect(rss[0]!.spec.replicas).toBe(0);
    expect(stored<Pod>(world, 'pods').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    run(world, 1_000);
    const after = replicaSets(world);
    expect(after).toHaveLength(2);
    const fresh = after.find((rs) => rs.metadata.uid !== rss[0]!.metadata.uid)!;
    expect(fresh.spec.replicas).toBe(2);
    expect(activePodsOf(world, fresh.metadata.name)).toHaveLength(2);
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets, at 0 replicas', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 1, { revisionHistoryLimit: 2 }));
    run(world, 1_000);
    for (const v of ['1.28', '1.29', '1.30', '1.31']) {
      setImage(world, 'web', `nginx:${v}`);
      run(world, 2_000);
    }
    const rss = replicaSets(world);
    expect(rss).toHaveLength(3);
    const revisions = rss
      .map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])
      .sort();
    expect(revisions).toEqual(['3', '4', '5']);
    expect(rss.filter((rs) => rs.spec.replicas === 0)).toHaveLength(2);
    expect(world.trace.events().filter((e) => e.type === 'deployment.cleanup')).toHaveLength(2);
  });

  it('reports ProgressDeadlineExceeded when a rollout makes no progress for progressDeadlineSeconds', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 2, { progressDeadlineSeconds: 30 }));
    run(world, 20_000, 500, { ready: false });
    expect(condition(dep(world), 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    run(world, 20_000, 500, { ready: false });
    const rsName = replicaSets(world)[0]!.metadata.name;
    expect(condition(dep(world), 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rsName}" has timed out progressing.`,
    });
    expect(condition(dep(world), 'Available')?.reason).toBe('MinimumReplicasUnavailable');
  });

  it('scales the ReplicaSet when the Deployment is scaled, with the event message', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 3));
    run(world, 1_000);
    scale(world, 'deployments', 'web', 5);
    run(world, 1_000);
    const [rs] = replicaSets(world);
    expect(rs!.spec.replicas).toBe(5);
    expect(rs!.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5');
    expect(eventsAbout(world, 'web').at(-1)).toBe(
      `ScalingReplicaSet: Scaled up replica set ${rs!.metadata.name} from 3 to 5`,
    );
    scale(world, 'deployments', 'web', 1);
    run(world, 1_000);
    expect(eventsAbout(world, 'web').at(-1)).toBe(
      `ScalingReplicaSet: Scaled down replica set ${rs!.metadata.name} from 5 to 1`,
    );
    expect(activePodsOf(world, rs!.metadata.name)).toHaveLength(1);
  });

  it('resolves a hash collision by bumping collisionCount', () => {
    const world = setup();
    const d = mustCreate(world, 'deployments', deployment('web', 1));
    const taken = `web-${computeHash(d.spec.template)}`;
    // Someone else's ReplicaSet already has the name (not matching the selector, so not adoptable).
    mustCreate(world, 'replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken, namespace: 'default' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'other' } },
        template: {
          metadata: { labels: { app: 'other' } },
          spec: { containers: [{ name: 'c', image: 'busybox' }] },
        },
      },
      status: { replicas: 0 },
    } as unknown as ReplicaSet);
    world.agenda.advance(1_000);
    expect((dep(world).status as { collisionCount?: number }).collisionCount).toBe(1);
    const ours = replicaSets(world).find(
      (rs) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid,
    )!;
    expect(ours.metadata.name).toBe(`web-${computeHash(d.spec.template, 1)}`);
    expect(ours.metadata.name).not.toBe(taken);
  });

  it('a paused Deployment does not roll out a new template until resumed', () => {
    const world = setup();
    mustCreate(world, 'deployments', deployment('web', 2));
    run(world, 1_000);
    const pause = (paused: boolean) =>
      world.api.request(
        {
          verb: 'patch',
          resource: 'deployments',
          namespace: 'default',
          name: 'web',
          mutate: (c) => ({ ...c, spec: { ...(c as Deployment).spec, paused } }) as Deployment,
        },
        'kubectl',
      );
    pause(true);
    setImage(world, 'web', 'nginx:1.28');
    run(world, 2_000);
    expect(replicaSets(world)).toHaveLength(1);
    expect(condition(dep(world), 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    pause(false);
    run(world, 3_000);
    expect(replicaSets(world)).toHaveLength(2);
    expect(condition(dep(world), 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });
});
