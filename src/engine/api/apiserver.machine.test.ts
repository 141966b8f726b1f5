import { describe, expect, it } from 'vitest';
import { transitionCoverage } from '../sim/modelCoverage';
import { testWorld } from '../sim/testing';
import { apiserverMachine } from './apiserver.machine';

describe('bridge machine (kube-apiserver lifecycle)', () => {
  it('takes every transition it defines (model-based)', () => {
    const result = transitionCoverage(apiserverMachine, {
      input: {
        compactionInterval: 300_000,
        hooks: { closeEverything: () => undefined, compact: () => undefined },
      },
      events: [{ type: 'STOP' }, { type: 'START' }],
    });
    expect(result.missing).toEqual([]);
  });

  it('compacts the ledger every 5 minutes, keeping the last interval', () => {
    const world = testWorld();
    world.ledger.put('/a', '1');
    const early = world.ledger.revision();
    world.agenda.advance(300_000);
    expect(world.ledger.compactRevision()).toBe(1);
    world.ledger.put('/a', '2');
    world.agenda.advance(300_000);
    expect(world.ledger.compactRevision()).toBe(early);
    expect(world.trace.events().some((e) => e.type === 'etcd.compact')).toBe(true);
  });

  it('refuses requests while stopped and serves again when started', () => {
    const world = testWorld();
    world.api.stop();
    const refused = world.api.request(
      { verb: 'get', resource: 'namespaces', name: 'default' },
      'kubectl',
    );
    expect(!refused.ok && refused.error.message).toBe(
      'dial tcp 172.18.0.2:6443: connect: connection refused',
    );
    world.api.start();
    expect(
      world.api.request({ verb: 'get', resource: 'namespaces', name: 'default' }, 'kubectl').ok,
    ).toBe(true);
  });
});
