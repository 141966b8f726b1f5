import { formatMilliCpu, type ContainerView, type ShipView } from '../../engine';
import { partName, type LabelMode, type Part } from '../../store';
import { boxStyle, countdownSeconds } from './status';

export { partName };
export type { Part };

/** Node labels Kubernetes sets itself (kubernetes.io/hostname, node-role…) are not destinations. */
export function isDestinationLabel(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return true;
  const prefix = key.slice(0, slash);
  return !(
    prefix === 'kubernetes.io' ||
    prefix.endsWith('.kubernetes.io') ||
    prefix === 'k8s.io' ||
    prefix.endsWith('.k8s.io')
  );
}

/** The route label on a hull: the ship's own labels (nodeSelector targets), or undefined. */
export function destinationText(labels: Readonly<Record<string, string>>): string | undefined {
  const parts = Object.keys(labels)
    .filter(isDestinationLabel)
    .sort()
    .map((key) => `${key}=${labels[key]}`);
  return parts.length ? `→ ${parts.join('  ')}` : undefined;
}

/** The deck crew's badge: runtime and version ("containerd 2.1.4"; Docker through cri-dockerd). */
export function crewBadgeText(ship: Pick<ShipView, 'runtime' | 'runtimeVersion'>): string {
  const version = ship.runtimeVersion.includes('://')
    ? ship.runtimeVersion.split('://')[1]
    : ship.runtimeVersion;
  const name = ship.runtime === 'docker' ? 'docker (cri-dockerd)' : ship.runtime;
  return version ? `${name} ${version}` : name;
}

/** Memory for a gauge, short: 512Mi, 7.5Gi. */
export function shortBytes(value: number): string {
  if (value <= 0) return '0';
  const gi = 2 ** 30;
  const mi = 2 ** 20;
  if (value >= gi) return `${trim(value / gi)}Gi`;
  if (value >= mi) return `${trim(value / mi)}Mi`;
  return `${trim(value / 1024)}Ki`;
}

function trim(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/** CPU for a gauge: whole cores or millicores, as Kubernetes writes them. */
export function shortCpu(milli: number): string {
  if (milli >= 1000 && milli % 100 === 0) return String(milli / 1000);
  return formatMilliCpu(Math.round(milli));
}

/** The three gauges' texts: "CPU 1.5/4", "Mem 2Gi/8Gi", "Pods 5/110". */
export function gaugeTexts(
  ship: Pick<ShipView, 'allocated' | 'allocatable'>,
): [string, string, string] {
  const { allocated: a, allocatable: c } = ship;
  return [
    `CPU ${shortCpu(a.cpu)}/${shortCpu(c.cpu)}`,
    `Mem ${shortBytes(a.memory)}/${shortBytes(c.memory)}`,
    `Pods ${a.pods}/${c.pods}`,
  ];
}

/** A gauge's fill fraction, 0..1 (0 when nothing is allocatable). */
export function gaugeFraction(used: number, total: number): number {
  if (total <= 0) return used > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, used / total));
}

/** A taint as kubectl writes it: key=value:Effect. */
export function taintText(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** The subtitle under a ship's name: what kind of ship it is in the chosen vocabulary. */
export function shipKindText(ship: Pick<ShipView, 'role'>, mode: LabelMode): string {
  return partName(ship.role === 'control' ? 'controlShip' : 'cargoShip', mode);
}

/** The status line next to the lamp ("Ready", "NotReady · radio cut", "Sunk"). */
export function shipStatusText(ship: Pick<ShipView, 'status' | 'radio' | 'unschedulable'>): string {
  const extra = [
    ship.radio === 'cut' ? 'radio cut' : '',
    ship.unschedulable ? 'cordoned' : '',
  ].filter(Boolean);
  return [ship.status, ...extra].join(' · ');
}

/** The countdown on a crash-looping box ("↻ 8s"), or undefined. */
export function countdownText(c: ContainerView, now: number): string | undefined {
  const s = countdownSeconds(c, now);
  return s === undefined ? undefined : `↻ ${s}s`;
}

/** Plain-text description of a container for tooltips (both vocabularies help). */
export function describeContainer(c: ContainerView, mode: LabelMode, now: number): string {
  const what = partName('container', mode);
  const lines = [
    `${what} ${c.pod}`,
    `app ${c.app} · ${c.status}${c.ready ? ' · ready' : ''}`,
    c.ship ? `on ${c.ship}` : 'waiting on the dock',
    `${boxStyle(c).word}${c.restarts ? ` · ${c.restarts} restart${c.restarts === 1 ? '' : 's'}` : ''}`,
    `image ${c.image}`,
  ];
  const countdown = countdownText(c, now);
  if (countdown) lines.push(`next try in ${countdown.slice(2)}`);
  return lines.join('\n');
}

/** Plain-text description of a ship for tooltips. */
export function describeShip(ship: ShipView, containers: number, mode: LabelMode): string {
  const [cpu, mem, pods] = gaugeTexts(ship);
  const lines = [
    `${ship.name} — ${shipKindText(ship, mode)}`,
    `${shipStatusText(ship)}`,
    `${cpu} · ${mem} · ${pods}`,
    `${partName('deckCrew', mode)}: ${crewBadgeText(ship)}`,
    `${countContainers(containers, mode)} aboard`,
  ];
  if (ship.taints.length)
    lines.push(`${partName('flag', mode)}: ${ship.taints.map(taintText).join(', ')}`);
  const destination = destinationText(ship.labels);
  if (destination) lines.push(destination);
  return lines.join('\n');
}

/** "3 containers", "1 pod", "3 containers (pods)" by label mode. */
export function countContainers(n: number, mode: LabelMode): string {
  const s = n === 1 ? '' : 's';
  if (mode === 'analogy') return `${n} container${s}`;
  if (mode === 'kubernetes') return `${n} pod${s}`;
  return `${n} container${s} (pod${s})`;
}
