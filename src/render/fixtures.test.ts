import { describe, expect, it } from 'vitest';
import { churnSnapshot, classroomSnapshot } from './fixtures';

describe('fixtures', () => {
  it('churns deterministically: the same time gives the same snapshot', () => {
    expect(churnSnapshot(123_456, { ships: 5, containers: 200 })).toEqual(
      churnSnapshot(123_456, { ships: 5, containers: 200 }),
    );
  });

  it('keeps every container on at most one ship and moves pointing at their containers', () => {
    for (const now of [10_000, 45_000, 90_000]) {
      const snap = churnSnapshot(now, { ships: 50, containers: 2_000 });
      expect(snap.containers).toHaveLength(2_000);
      expect(new Set(snap.containers.map((c) => c.id)).size).toBe(2_000);
      const ids = new Map(snap.containers.map((c) => [c.id, c]));
      for (const m of snap.moves) expect(ids.get(m.uid)?.ship).toBe(m.to);
      const names = new Set(snap.ships.map((s) => s.name));
      for (const c of snap.containers) if (c.ship) expect(names.has(c.ship)).toBe(true);
    }
  });

  it('sinks ships on cue and sends no new containers to them', () => {
    const snap = churnSnapshot(100_000, { ships: 3, containers: 100, sink: { 'ship-2': 50_000 } });
    expect(snap.ships.find((s) => s.name === 'ship-2')?.status).toBe('Sunk');
    expect(snap.moves.every((m) => m.to !== 'ship-2')).toBe(true);
  });

  it('has every kind of thing in the classroom fixture', () => {
    const snap = classroomSnapshot(60_000, { etcdMembers: 3 });
    const statuses = new Set(snap.containers.map((c) => c.status));
    for (const s of [
      'Running',
      'CrashLoopBackOff',
      'ContainerCreating',
      'Pending',
      'ImagePullBackOff',
      'Terminating',
      'Completed',
    ])
      expect(statuses.has(s)).toBe(true);
    expect(snap.ledger.members).toHaveLength(3);
    expect(snap.moves).toHaveLength(1);
  });
});
