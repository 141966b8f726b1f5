import type { ExecResult, Fault, Snapshot } from '../../engine';
import type { Selection } from '../../store';
import { partName, type LabelMode } from '../../store';

/** What an action can do: select (inspect) and inject faults, as the canvas menu does. */
export type ActionApi = {
  select(target: Selection): void;
  inject(fault: Fault): ExecResult;
  /** Brings the target into view on the canvas (optional: the app wires it). */
  focus?(target: Selection): void;
};

export type ActionId =
  'inspect' | 'sink' | 'cut-radio' | 'restore-radio' | 'crash' | 'cordon' | 'uncordon';

/** One entry of the canvas context menu and the outline's actions menu. */
export type TargetAction = {
  readonly id: ActionId;
  readonly label: string;
  readonly disabled: boolean;
  /** Why it is disabled, for the menu item's description. */
  readonly why?: string;
  run(api: ActionApi): ExecResult | undefined;
};

const PART_OF = {
  bridge: 'bridge',
  ledger: 'ledger',
  cranes: 'cranes',
  operations: 'operations',
  cargo: 'cargoOffice',
  services: 'servicesOffice',
} as const;

/** The name of a target for menus ("ship-1", "web-7d9c-a1", "Ledger (etcd)"). */
export function targetName(target: Selection, view: Snapshot, mode: LabelMode): string {
  if (target.kind === 'ship') return target.name;
  if (target.kind === 'container')
    return view.containers.find((c) => c.id === target.id)?.pod ?? target.id;
  return partName(PART_OF[target.name], mode);
}

/**
 * The actions on a ship, container or part: the same list for the canvas context menu and the
 * outline. Faults are the engine's inputs (recorded on the timeline, so they replay).
 */
export function actionsFor(target: Selection, view: Snapshot, mode: LabelMode): TargetAction[] {
  const name = targetName(target, view, mode);
  const inspect: TargetAction = {
    id: 'inspect',
    label: `Inspect ${name}`,
    disabled: false,
    run: (api) => {
      api.select(target);
      api.focus?.(target);
      return undefined;
    },
  };
  if (target.kind === 'part') return [inspect];
  if (target.kind === 'container') {
    const c = view.containers.find((x) => x.id === target.id);
    const crashable = !!c && !!c.ship && c.phase === 'Running' && !c.terminating;
    return [
      inspect,
      {
        id: 'crash',
        label: `Crash ${name}`,
        disabled: !crashable,
        ...(crashable ? {} : { why: 'only a running container can crash' }),
        run: (api) =>
          c
            ? api.inject({ kind: 'crash-container', pod: c.pod, namespace: c.namespace })
            : undefined,
      },
    ];
  }
  const ship = view.ships.find((s) => s.name === target.name);
  const control = ship?.role === 'control';
  const sunk = !ship || ship.sunk;
  const why = sunk
    ? 'the ship has sunk'
    : control
      ? 'the control ship carries the control plane'
      : undefined;
  const shipName = target.name;
  const radioCut = ship?.radio === 'cut';
  return [
    inspect,
    {
      id: 'sink',
      label: `Sink ${name}`,
      disabled: sunk || control,
      ...(why ? { why } : {}),
      run: (api) => api.inject({ kind: 'sink-ship', ship: shipName }),
    },
    radioCut
      ? {
          id: 'restore-radio',
          label: `Restore radio of ${name}`,
          disabled: sunk,
          ...(sunk ? { why: 'the ship has sunk' } : {}),
          run: (api) => api.inject({ kind: 'restore-radio', ship: shipName }),
        }
      : {
          id: 'cut-radio',
          label: `Cut radio of ${name}`,
          disabled: sunk || control,
          ...(why ? { why } : {}),
          run: (api) => api.inject({ kind: 'cut-radio', ship: shipName }),
        },
    ship?.unschedulable
      ? {
          id: 'uncordon',
          label: `Uncordon ${name}`,
          disabled: sunk,
          ...(sunk ? { why: 'the ship has sunk' } : {}),
          run: (api) => api.inject({ kind: 'uncordon', ship: shipName }),
        }
      : {
          id: 'cordon',
          label: `Cordon ${name}`,
          disabled: sunk,
          ...(sunk ? { why: 'the ship has sunk' } : {}),
          run: (api) => api.inject({ kind: 'cordon', ship: shipName }),
        },
  ];
}
