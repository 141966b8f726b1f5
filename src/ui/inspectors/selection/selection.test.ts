import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../engine';
import { containerDetails, describeLine, onDeck, resolveSelection, shipDetails } from './details';

describe('selection details', () => {
  const snapshot = createSimulation({ seed: 2 }).snapshot();
  const ship = snapshot.ships.find((s) => s.role === 'cargo')!;

  it('resolves a ship and lists its facts', () => {
    const resolved = resolveSelection({ kind: 'ship', name: ship.name }, snapshot);
    expect(resolved.kind).toBe('ship');
    expect(describeLine(resolved)).toBe(`kubectl describe node ${ship.name}`);
    const details = new Map(shipDetails(ship, [], snapshot.now));
    expect(details.get('Role')).toBe('cargo ship (worker node)');
    expect(details.get('On deck')).toBe('none');
    expect(details.get('Deck crew (runtime)')).toContain(ship.runtime);
  });

  it('sums up a crowded deck', () => {
    const box = (pod: string, status: string) =>
      ({ pod, status }) as Parameters<typeof onDeck>[0][number];
    const many = Array.from({ length: 9 }, (_, i) =>
      box(`web-${i}`, i < 7 ? 'Running' : 'Pending'),
    );
    expect(onDeck(many)).toBe(
      '9 (7 Running, 2 Pending): web-0, web-1, web-2, web-3, web-4, web-5 and 3 more',
    );
    expect(onDeck([box('db-0', 'Running')])).toBe('1 (1 Running): db-0');
  });

  it('says when the selection is gone, and describes parts without a command', () => {
    expect(resolveSelection({ kind: 'ship', name: 'nowhere' }, snapshot)).toEqual({
      kind: 'gone',
      what: 'ship nowhere',
    });
    expect(resolveSelection({ kind: 'container', id: 'x' }, snapshot).kind).toBe('gone');
    expect(
      describeLine(resolveSelection({ kind: 'part', name: 'cranes' }, snapshot)),
    ).toBeUndefined();
  });

  it('lists a container with its back-off only while it lasts', () => {
    const c = {
      id: 'u',
      pod: 'web-1',
      namespace: 'default',
      app: 'web',
      phase: 'Running' as const,
      status: 'CrashLoopBackOff',
      ready: false,
      restarts: 3,
      since: 1_000,
      backoffUntil: 50_000,
      onDeck: 'exited' as const,
      terminating: false,
      image: 'nginx:1.27',
      requests: { cpu: 250, memory: 128 * 2 ** 20 },
      ship: 'ship-1',
    };
    const during = new Map(containerDetails(c, 10_000));
    expect(during.get('Next try (back-off)')).toBe('in 40s');
    expect(during.get('Requests')).toBe('cpu 250m, memory 128Mi');
    expect(during.get('Status')).toBe('CrashLoopBackOff, for 9s');
    expect(new Map(containerDetails(c, 60_000)).has('Next try (back-off)')).toBe(false);
    expect(describeLine({ kind: 'container', container: c })).toBe(
      'kubectl describe pod web-1 -n default',
    );
  });
});
