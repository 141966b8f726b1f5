import { describe, expect, it, vi } from 'vitest';
import type { Fault } from '../../engine';
import { testView } from './testView';
import { actionsFor, targetName } from './actions';

const view = testView();

function api() {
  const faults: Fault[] = [];
  return {
    faults,
    select: vi.fn(),
    focus: vi.fn(),
    inject: (f: Fault) => {
      faults.push(f);
      return { ok: true, output: 'done' };
    },
  };
}

describe('actions on a target (shared by the canvas menu and the outline)', () => {
  it('offers inspect, sink, radio and cordon on a cargo ship', () => {
    const actions = actionsFor({ kind: 'ship', name: 'ship-1' }, view, 'both');
    expect(actions.map((a) => a.label)).toEqual([
      'Inspect ship-1',
      'Sink ship-1',
      'Cut radio of ship-1',
      'Cordon ship-1',
    ]);
    const a = api();
    actions.find((x) => x.id === 'sink')!.run(a);
    actions.find((x) => x.id === 'cut-radio')!.run(a);
    actions.find((x) => x.id === 'cordon')!.run(a);
    expect(a.faults).toEqual([
      { kind: 'sink-ship', ship: 'ship-1' },
      { kind: 'cut-radio', ship: 'ship-1' },
      { kind: 'cordon', ship: 'ship-1' },
    ]);
    actions[0]!.run(a);
    expect(a.select).toHaveBeenCalledWith({ kind: 'ship', name: 'ship-1' });
    expect(a.focus).toHaveBeenCalled();
  });

  it('offers restore radio on a ship whose radio is cut, and uncordon on a cordoned one', () => {
    const cut = actionsFor({ kind: 'ship', name: 'ship-3' }, view, 'both');
    expect(cut.map((a) => a.id)).toContain('restore-radio');
    const cordoned = {
      ...view,
      ships: view.ships.map((s) => (s.name === 'ship-2' ? { ...s, unschedulable: true } : s)),
    };
    expect(
      actionsFor({ kind: 'ship', name: 'ship-2' }, cordoned, 'both').map((a) => a.id),
    ).toContain('uncordon');
  });

  it('will not sink the control ship or a sunk ship', () => {
    expect(
      actionsFor({ kind: 'ship', name: 'control-plane' }, view, 'both').find((a) => a.id === 'sink')
        ?.disabled,
    ).toBe(true);
    const sunk = {
      ...view,
      ships: view.ships.map((s) =>
        s.name === 'ship-1' ? { ...s, sunk: true, status: 'Sunk' as const } : s,
      ),
    };
    const sink = actionsFor({ kind: 'ship', name: 'ship-1' }, sunk, 'both').find(
      (a) => a.id === 'sink',
    )!;
    expect(sink.disabled).toBe(true);
    expect(sink.why).toBe('the ship has sunk');
  });

  it('crashes a running container by its pod name', () => {
    const actions = actionsFor({ kind: 'container', id: 'a1' }, view, 'both');
    expect(actions.map((a) => a.label)).toEqual(['Inspect web-a1', 'Crash web-a1']);
    const a = api();
    actions[1]!.run(a);
    expect(a.faults).toEqual([{ kind: 'crash-container', pod: 'web-a1', namespace: 'default' }]);
    expect(actionsFor({ kind: 'container', id: 'c3' }, view, 'both')[1]!.disabled).toBe(true);
  });

  it('names parts in the chosen vocabulary', () => {
    expect(targetName({ kind: 'part', name: 'ledger' }, view, 'both')).toBe('Ledger (etcd)');
    expect(
      actionsFor({ kind: 'part', name: 'cranes' }, view, 'kubernetes').map((a) => a.label),
    ).toEqual(['Inspect kube-scheduler']);
  });
});
