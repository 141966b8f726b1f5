import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda } from './agenda';

describe('Agenda', () => {
  it('runs tasks in time order and same-time tasks in scheduling order', () => {
    const agenda = new Agenda();
    const ran: string[] = [];
    agenda.at(20, () => ran.push('b'));
    agenda.at(10, () => ran.push('a'));
    agenda.at(20, () => ran.push('c'));
    agenda.advance(15);
    expect(ran).toEqual(['a']);
    expect(agenda.now()).toBe(15);
    agenda.advance(5);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs tasks scheduled by tasks, and never schedules in the past', () => {
    const agenda = new Agenda();
    const times: number[] = [];
    agenda.at(5, () => {
      times.push(agenda.now());
      agenda.at(1, () => times.push(agenda.now()));
      agenda.after(3, () => times.push(agenda.now()));
    });
    agenda.advance(100);
    expect(times).toEqual([5, 5, 8]);
  });

  it('skips cancelled tasks', () => {
    const agenda = new Agenda();
    const ran: number[] = [];
    const id = agenda.at(5, () => ran.push(1));
    agenda.at(6, () => ran.push(2));
    agenda.cancel(id);
    agenda.advance(10);
    expect(ran).toEqual([2]);
    expect(agenda.peekTime()).toBeUndefined();
  });

  it('orders any set of tasks by (time, sequence)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const agenda = new Agenda();
        const ran: [number, number][] = [];
        times.forEach((t, i) => agenda.at(t, () => ran.push([t, i])));
        agenda.advance(100);
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(ran).toEqual(expected);
      }),
    );
  });
});
