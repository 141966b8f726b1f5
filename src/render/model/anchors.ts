import { CARGO_SHIP, CONTROL_SHIP, type HarborLayout, type OfficeKey, type Point } from './layout';

/** Which office each controller works in (docs/engine.md, "Offices on the canvas"). */
export const OFFICE_OF: Readonly<Record<string, OfficeKey>> = {
  'kcm/node-lifecycle': 'operations',
  'kcm/taint-eviction': 'operations',
  'kcm/pod-gc': 'operations',
  'kcm/node-ipam': 'operations',
  'kcm/deployment': 'cargo',
  'kcm/replicaset': 'cargo',
  'kcm/garbage-collector': 'cargo',
  'kcm/endpointslice': 'services',
};

/** Where clerk `i` of `count` stands at the ledger, relative to the control ship. */
export function clerkSpot(i: number, count: number, out: Point): Point {
  const l = CONTROL_SHIP.ledger;
  out.x = l.x + (l.w * (i + 1)) / (count + 1);
  out.y = l.y - 14;
  return out;
}

const SHIP_ROLE = /^(kubelet|runtime|kube-proxy)\/(.+)$/;
const CLERK = /^etcd-(\d+)$/;

/**
 * Where a component stands in the world, for signals to and from it. Returns false for a
 * component that has nowhere to be (a ship not in the layout: sunk and gone).
 */
export function componentAnchor(
  id: string,
  layout: HarborLayout,
  clerks: number,
  controlName: string | undefined,
  out: Point,
): boolean {
  const c = layout.control;
  if (id === 'apiserver')
    return set(
      out,
      c.x + CONTROL_SHIP.bridge.x + CONTROL_SHIP.bridge.w / 2,
      c.y + CONTROL_SHIP.bridge.y - 44,
    );
  if (id === 'scheduler')
    return set(out, c.x + CONTROL_SHIP.cranes.x + 34, c.y + CONTROL_SHIP.cranes.y + 36);
  if (id === 'kubectl' || id === 'etcdctl') return set(out, layout.console.x, layout.console.y);
  const office = OFFICE_OF[id];
  if (office) {
    const o = CONTROL_SHIP.offices[office];
    return set(out, c.x + o.x + o.w / 2, c.y + o.y + 12);
  }
  const clerk = CLERK.exec(id);
  if (clerk) {
    const i = Number(clerk[1]);
    clerkSpot(Math.min(i, Math.max(0, clerks - 1)), Math.max(1, clerks), out);
    out.x += c.x;
    out.y += c.y;
    return true;
  }
  const onShip = SHIP_ROLE.exec(id);
  if (onShip) {
    const [, role, ship] = onShip;
    if (ship === controlName) {
      return set(out, c.x + CONTROL_SHIP.lamp.x, c.y + CONTROL_SHIP.lamp.y + 20);
    }
    const cell = layout.ships.get(ship!);
    if (!cell) return false;
    const spot =
      role === 'kubelet'
        ? CARGO_SHIP.captain
        : role === 'kube-proxy'
          ? CARGO_SHIP.signalOfficer
          : { x: CARGO_SHIP.badge.x + 20, y: CARGO_SHIP.badge.y };
    return set(out, cell.x + spot.x, cell.y + spot.y);
  }
  if (id.startsWith('kcm/')) {
    const o = CONTROL_SHIP.offices.operations;
    return set(out, c.x + o.x + o.w / 2, c.y + o.y);
  }
  return set(
    out,
    c.x + CONTROL_SHIP.bridge.x + CONTROL_SHIP.bridge.w / 2,
    c.y + CONTROL_SHIP.bridge.y,
  );
}

function set(out: Point, x: number, y: number): true {
  out.x = x;
  out.y = y;
  return true;
}

/** What a signal is, for its colour and shape. */
export type SignalKind = 'slip' | 'write' | 'read' | 'watch' | 'ledger' | 'lease' | 'failed';

/** Classifies a message: order slips from the Cargo office, ledger transactions, lease check-ins… */
export function signalKind(from: string, kind: string, ok: boolean | undefined): SignalKind {
  if (ok === false) return 'failed';
  if (kind.startsWith('txn') || kind === 'put' || kind === 'get key') return 'ledger';
  if (kind.includes('lease')) return 'lease';
  if (kind.startsWith('watch')) return 'watch';
  const verb = kind.split(' ', 1)[0];
  const write =
    verb === 'create' ||
    verb === 'update' ||
    verb === 'patch' ||
    verb === 'delete' ||
    verb === 'bind';
  if (write && OFFICE_OF[from] === 'cargo') return 'slip';
  if (write) return 'write';
  return 'read';
}
