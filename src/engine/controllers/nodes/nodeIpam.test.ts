import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/cluster';
import { mustCreate, testNode, testWorld } from '../../sim/testing';
import type { World } from '../../sim/world';
import { CidrSet } from './cidrSet';
import { NodeIpamController } from './nodeIpamController';
import { getNode } from './testing';

const cidr = (world: World, name: string) => {
  const node = getNode(world, name);
  return [node.spec.podCIDR, ...(node.spec.podCIDRs ?? [])];
};

describe('node IPAM (range allocator)', () => {
  it('gives each node a /24 from 10.244.0.0/16, in node order', () => {
    const world = testWorld();
    for (const name of ['control-plane', 'ship-1', 'ship-2'])
      mustCreate(world, 'nodes', testNode(name));
    new NodeIpamController(world).start();
    world.agenda.advance(100);
    expect(cidr(world, 'control-plane')).toEqual(['10.244.0.0/24', '10.244.0.0/24']);
    expect(cidr(world, 'ship-1')).toEqual(['10.244.1.0/24', '10.244.1.0/24']);
    expect(cidr(world, 'ship-2')).toEqual(['10.244.2.0/24', '10.244.2.0/24']);
    mustCreate(world, 'nodes', testNode('ship-3'));
    world.agenda.advance(100);
    expect(getNode(world, 'ship-3').spec.podCIDR).toBe('10.244.3.0/24');
  });

  it('keeps CIDRs nodes already have and releases a deleted node’s (reused only after the others)', () => {
    const world = testWorld();
    mustCreate<Node>(world, 'nodes', {
      ...testNode('ship-1'),
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
    });
    mustCreate(world, 'nodes', testNode('ship-2'));
    new NodeIpamController(world).start();
    world.agenda.advance(100);
    expect(getNode(world, 'ship-1').spec.podCIDR).toBe('10.244.1.0/24');
    expect(getNode(world, 'ship-2').spec.podCIDR).toBe('10.244.0.0/24');
    world.api.request({ verb: 'delete', resource: 'nodes', name: 'ship-2' }, 'kubectl');
    world.agenda.advance(100);
    mustCreate(world, 'nodes', testNode('ship-3'));
    world.agenda.advance(100);
    // Round robin from the last allocation: 10.244.1 is taken, so 10.244.2.
    expect(getNode(world, 'ship-3').spec.podCIDR).toBe('10.244.2.0/24');
    expect(
      world.trace
        .events()
        .some((e) => e.type === 'node-ipam.released' && e.text.includes('10.244.0.0/24')),
    ).toBe(true);
  });

  it('a CIDR set hands out every /24 once, then reports the range full', () => {
    const set = new CidrSet();
    const seen = new Set<string>();
    for (let i = 0; i < 256; i += 1) seen.add(set.allocateNext()!);
    expect(seen.size).toBe(256);
    expect(seen.has('10.244.255.0/24')).toBe(true);
    expect(set.allocateNext()).toBeUndefined();
    set.release('10.244.7.0/24');
    expect(set.allocateNext()).toBe('10.244.7.0/24');
  });
});
