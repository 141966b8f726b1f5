import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deployment, Pod, ReplicaSet } from '../../objects/workloads';
import { mustCreate, testWorld } from '../../sim/testing';
import { DeploymentController } from './deploymentController';
import { GarbageCollector } from './garbageCollector';
import { ReplicaSetController } from './replicaSetController';
import {
  activePodsOf,
  deployment,
  remove,
  replicaSet,
  run,
  scale,
  setImage,
  stored,
} from './testing';

type Op =
  | { kind: 'scale'; replicas: number; wait: number }
  | { kind: 'kill'; index: number; wait: number }
  | { kind: 'image'; version: number; wait: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('scale' as const),
      replicas: fc.integer({ min: 0, max: 12 }),
      wait: fc.integer({ min: 0, max: 3_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('kill' as const),
      index: fc.nat(),
      wait: fc.integer({ min: 0, max: 2_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('image' as const),
      version: fc.integer({ min: 1, max: 3 }),
      wait: fc.integer({ min: 0, max: 3_000 }),
    }),
  },
);

describe('convergence (property)', () => {
  it('a ReplicaSet ends with exactly spec.replicas active pods after any sequence of scales and pod kills', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.array(op, { maxLength: 8 }),
        (initial, ops) => {
          const world = testWorld();
          new ReplicaSetController(world).start();
          world.agenda.advance(20);
          mustCreate(world, 'replicasets', replicaSet('web', initial));
          let want = initial;
          for (const o of ops) {
            if (o.kind === 'scale') {
              scale(world, 'replicasets', 'web', o.replicas);
              want = o.replicas;
            } else if (o.kind === 'kill') {
              const pods = activePodsOf(world, 'web');
              if (pods.length > 0)
                remove(world, 'pods', pods[o.index % pods.length]!.metadata.name);
            }
            run(world, o.wait, 250);
          }
          run(world, 5_000, 250);
          expect(activePodsOf(world, 'web')).toHaveLength(want);
          const rs = world.api.cached<ReplicaSet>('replicasets', 'default', 'web')!;
          expect(rs.status).toMatchObject({
            replicas: want,
            readyReplicas: want,
            availableReplicas: want,
          });
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('a Deployment converges to spec.replicas of the current template, whatever was asked on the way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(op, { maxLength: 8 }),
        (initial, ops) => {
          const world = testWorld();
          new ReplicaSetController(world).start();
          new DeploymentController(world).start();
          new GarbageCollector(world).start();
          world.agenda.advance(20);
          mustCreate(world, 'deployments', deployment('web', initial));
          let want = initial;
          let image = 'nginx:1.27';
          for (const o of ops) {
            if (o.kind === 'scale') {
              scale(world, 'deployments', 'web', o.replicas);
              want = o.replicas;
            } else if (o.kind === 'image') {
              image = `nginx:2.${o.version}`;
              setImage(world, 'web', image);
            } else {
              const pods = stored(world, 'pods').filter((p) => !p.metadata.deletionTimestamp);
              if (pods.length > 0)
                remove(world, 'pods', pods[o.index % pods.length]!.metadata.name);
            }
            run(world, o.wait, 250);
          }
          run(world, 15_000, 250);
          const d = world.api.cached<Deployment>('deployments', 'default', 'web')!;
          const live = stored<Pod>(world, 'pods').filter((p) => !p.metadata.deletionTimestamp);
          expect(live).toHaveLength(want);
          expect(live.every((p) => p.spec.containers[0]!.image === image)).toBe(true);
          expect(d.status).toMatchObject({
            replicas: want,
            updatedReplicas: want,
            availableReplicas: want,
            readyReplicas: want,
          });
          const rss = stored<ReplicaSet>(world, 'replicasets');
          expect(rss.filter((rs) => (rs.spec.replicas ?? 0) > 0).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
