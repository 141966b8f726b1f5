import { describe, expect, it } from 'vitest';
import { mustCreate, testNode, testWorld } from '../../sim/testing';
import {
  DeploymentController,
  GarbageCollector,
  PodGCController,
  ReplicaSetController,
} from './index';
import { simplifications } from './index';
import { deployment, remove, run, scale, setImage } from './testing';

function scenario(seed: number): { hash: string; revision: number; events: number } {
  const world = testWorld({ seed });
  new ReplicaSetController(world).start();
  new DeploymentController(world).start();
  new GarbageCollector(world).start();
  new PodGCController(world).start();
  mustCreate(world, 'nodes', testNode('ship-1'));
  mustCreate(world, 'nodes', testNode('ship-2'));
  mustCreate(world, 'deployments', deployment('web', 6));
  mustCreate(world, 'deployments', deployment('db', 2, { strategy: { type: 'Recreate' } }));
  run(world, 2_000, 100, { nodes: ['ship-1', 'ship-2'] });
  setImage(world, 'web', 'nginx:1.28');
  scale(world, 'deployments', 'db', 3);
  run(world, 5_000, 100, { nodes: ['ship-1', 'ship-2'] });
  remove(world, 'nodes', 'ship-2');
  remove(world, 'deployments', 'db');
  run(world, 90_000, 1_000, { nodes: ['ship-1'], finishTerminating: false });
  return {
    hash: world.trace.logHash(),
    revision: world.ledger.revision(),
    events: world.trace.eventCount(),
  };
}

describe('determinism', () => {
  it('the same seed and inputs give the same log, byte for byte', () => {
    const a = scenario(42);
    expect(scenario(42)).toEqual(a);
    expect(scenario(43).hash).not.toBe(a.hash);
  });

  it('lists its simplifications with unique ids', () => {
    const ids = simplifications.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('workloads.'))).toBe(true);
  });
});
