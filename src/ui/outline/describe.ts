import { formatMilliCpu, type ContainerView, type ShipView } from '../../engine';
import { partName, type LabelMode } from '../../store';

/** How a status reads at a glance (the outline's colour dot, also spelled out in words). */
export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

/** Memory short and human: 384Mi, 7.5Gi. */
export function memory(bytes: number): string {
  if (bytes <= 0) return '0';
  const gi = 2 ** 30;
  const mi = 2 ** 20;
  const round = (n: number) => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));
  return bytes >= gi
    ? `${round(bytes / gi)}Gi`
    : bytes >= mi
      ? `${round(bytes / mi)}Mi`
      : `${round(bytes / 1024)}Ki`;
}

export function cpu(milli: number): string {
  return milli >= 1000 && milli % 100 === 0
    ? String(milli / 1000)
    : formatMilliCpu(Math.round(milli));
}

/** A ship's tone: Ready is fine, NotReady a warning, Unknown and Sunk trouble. */
export function shipTone(ship: Pick<ShipView, 'status'>): Tone {
  return ship.status === 'Ready' ? 'ok' : ship.status === 'NotReady' ? 'warn' : 'danger';
}

const DANGER =
  /CrashLoopBackOff|Error|OOMKilled|ErrImagePull|ImagePullBackOff|Failed|Unknown|ExitCode/;

/** A container's tone from its STATUS. */
export function containerTone(
  c: Pick<ContainerView, 'status' | 'ready' | 'phase' | 'terminating'>,
): Tone {
  if (DANGER.test(c.status)) return 'danger';
  if (c.phase === 'Succeeded' || c.terminating) return 'muted';
  if (c.status === 'Running' && c.ready) return 'ok';
  return 'warn';
}

/** The outline's name for a ship: "Cargo ship (worker node) ship-1" in both vocabularies. */
export function shipName(ship: Pick<ShipView, 'name' | 'role'>, mode: LabelMode): string {
  return `${partName(ship.role === 'control' ? 'controlShip' : 'cargoShip', mode)} ${ship.name}`;
}

/** Status and capacity of a ship in words. */
export function shipDetail(ship: ShipView, aboard: number, mode: LabelMode): string {
  const extra = [
    ship.radio === 'cut' ? 'radio cut' : '',
    ship.unschedulable ? 'cordoned' : '',
  ].filter(Boolean);
  return [
    [ship.status, ...extra].join(', '),
    `CPU ${cpu(ship.allocated.cpu)} of ${cpu(ship.allocatable.cpu)}`,
    `memory ${memory(ship.allocated.memory)} of ${memory(ship.allocatable.memory)}`,
    `${countContainers(aboard, mode)} (max ${ship.allocatable.pods})`,
  ].join(' · ');
}

/** "3 containers", "1 pod", "3 containers (pods)" by label mode. */
export function countContainers(n: number, mode: LabelMode): string {
  const s = n === 1 ? '' : 's';
  if (mode === 'analogy') return `${n} container${s}`;
  if (mode === 'kubernetes') return `${n} pod${s}`;
  return `${n} container${s} (pod${s})`;
}

/** The outline's name for a container: "Container (Pod) web-7d9c-a1". */
export function containerName(c: Pick<ContainerView, 'pod'>, mode: LabelMode): string {
  return `${partName('container', mode)} ${c.pod}`;
}

/** A container's state in words, with its restarts and the back-off countdown. */
export function containerDetail(c: ContainerView, now: number): string {
  const parts = [c.status];
  if (c.status === 'Running') parts.push(c.ready ? 'ready' : 'not ready');
  parts.push(`app ${c.app}`);
  if (c.restarts) parts.push(`${c.restarts} restart${c.restarts === 1 ? '' : 's'}`);
  if (c.backoffUntil !== undefined && c.backoffUntil > now)
    parts.push(`next try in ${Math.ceil((c.backoffUntil - now) / 1000)}s`);
  return parts.join(' · ');
}

/** A longer description for the tooltip. */
export function containerTooltip(c: ContainerView, now: number): string {
  return [
    containerDetail(c, now),
    c.ship ? `on ${c.ship}` : 'waiting on the dock',
    `image ${c.image}`,
    c.ip ? `IP ${c.ip}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
