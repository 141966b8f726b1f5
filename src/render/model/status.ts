import type { ContainerView, ShipView } from '../../engine';
import type { Palette } from './theme';

/** How a container box is drawn: one kind per distinct thing a learner should see. */
export type BoxKind =
  | 'waiting'
  | 'landed'
  | 'creating'
  | 'running'
  | 'notReady'
  | 'crash'
  | 'imagePull'
  | 'terminating'
  | 'failed'
  | 'completed'
  | 'unknown';

/** The box texture: a filled box, an empty outline, diagonal hatching, a dashed outline. */
export type BoxTexture = 'solid' | 'outline' | 'hatched' | 'dashed';
/** A small mark drawn on the box. */
export type BoxBadge = 'none' | 'crack' | 'question' | 'cross' | 'check' | 'down' | 'bang';

export type BoxStyle = {
  readonly kind: BoxKind;
  readonly texture: BoxTexture;
  /** Whether the box takes its app's colour (otherwise grey). */
  readonly appTint: boolean;
  readonly alpha: number;
  readonly badge: BoxBadge;
  /** Draw the back-off countdown (`backoffUntil − now`). */
  readonly countdown: boolean;
  /** A short word for tooltips and the zoomed-in label. */
  readonly word: string;
};

const CRASH = new Set([
  'CrashLoopBackOff',
  'Error',
  'OOMKilled',
  'RunContainerError',
  'CreateContainerError',
]);
const IMAGE = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
]);
const CREATING = new Set(['ContainerCreating', 'PodInitializing']);

/** Statuses that start the crash animation (shake and smoke) at `since`. */
export function isCrashStatus(status: string): boolean {
  return CRASH.has(status);
}

/** Which kind of box a container is, from its STATUS, phase and what the deck crew holds. */
export function boxKind(c: ContainerView): BoxKind {
  if (c.status === 'Unknown' || c.phase === 'Unknown') return 'unknown';
  if (c.terminating || c.status === 'Terminating') return 'terminating';
  if (CRASH.has(c.status)) return 'crash';
  if (IMAGE.has(c.status)) return 'imagePull';
  if (c.phase === 'Succeeded' || c.status === 'Completed') return 'completed';
  if (c.phase === 'Failed') return 'failed';
  if (c.status.startsWith('ExitCode:')) return 'failed';
  if (c.ship === undefined) return 'waiting';
  if (
    CREATING.has(c.status) ||
    c.onDeck === 'pulling' ||
    c.onDeck === 'creating' ||
    c.onDeck === 'sandbox'
  ) {
    return c.phase === 'Running' ? (c.ready ? 'running' : 'notReady') : 'creating';
  }
  if (c.phase === 'Pending') return 'landed';
  if (c.status === 'NotReady' || !c.ready) return 'notReady';
  return 'running';
}

const STYLES: Readonly<Record<BoxKind, BoxStyle>> = {
  waiting: {
    kind: 'waiting',
    texture: 'outline',
    appTint: true,
    alpha: 1,
    badge: 'none',
    countdown: false,
    word: 'waiting on the dock',
  },
  landed: {
    kind: 'landed',
    texture: 'outline',
    appTint: true,
    alpha: 1,
    badge: 'none',
    countdown: false,
    word: 'landed, not started',
  },
  creating: {
    kind: 'creating',
    texture: 'hatched',
    appTint: true,
    alpha: 1,
    badge: 'none',
    countdown: false,
    word: 'being created',
  },
  running: {
    kind: 'running',
    texture: 'solid',
    appTint: true,
    alpha: 1,
    badge: 'none',
    countdown: false,
    word: 'running, ready',
  },
  notReady: {
    kind: 'notReady',
    texture: 'solid',
    appTint: true,
    alpha: 0.55,
    badge: 'bang',
    countdown: false,
    word: 'running, not ready',
  },
  crash: {
    kind: 'crash',
    texture: 'solid',
    appTint: true,
    alpha: 0.8,
    badge: 'crack',
    countdown: true,
    word: 'crashed',
  },
  imagePull: {
    kind: 'imagePull',
    texture: 'dashed',
    appTint: true,
    alpha: 1,
    badge: 'question',
    countdown: true,
    word: 'image cannot be pulled',
  },
  terminating: {
    kind: 'terminating',
    texture: 'hatched',
    appTint: true,
    alpha: 0.45,
    badge: 'down',
    countdown: false,
    word: 'terminating',
  },
  failed: {
    kind: 'failed',
    texture: 'solid',
    appTint: false,
    alpha: 0.9,
    badge: 'cross',
    countdown: false,
    word: 'failed',
  },
  completed: {
    kind: 'completed',
    texture: 'solid',
    appTint: false,
    alpha: 0.7,
    badge: 'check',
    countdown: false,
    word: 'completed',
  },
  unknown: {
    kind: 'unknown',
    texture: 'dashed',
    appTint: true,
    alpha: 0.5,
    badge: 'question',
    countdown: false,
    word: 'unknown (ship lost)',
  },
};

/** The drawing style of a container. */
export function boxStyle(c: ContainerView): BoxStyle {
  return STYLES[boxKind(c)];
}

/** The style of a kind (for legends and tests). */
export function styleOfKind(kind: BoxKind): BoxStyle {
  return STYLES[kind];
}

/** The badge colour: red for damage, amber for trouble, neutral otherwise. */
export function badgeColour(badge: BoxBadge, colours: Palette): number {
  switch (badge) {
    case 'crack':
    case 'cross':
      return colours.danger;
    case 'question':
    case 'bang':
      return colours.warning;
    case 'check':
      return colours.ok;
    default:
      return colours.outline;
  }
}

/** The status lamp's colour. */
export function lampColour(status: ShipView['status'], colours: Palette): number {
  switch (status) {
    case 'Ready':
      return colours.ready;
    case 'NotReady':
      return colours.notReady;
    case 'Unknown':
      return colours.unknown;
    case 'Sunk':
      return colours.sunk;
  }
}

/** Seconds left until the next try, rounded up; undefined when there is no countdown to show. */
export function countdownSeconds(c: ContainerView, now: number): number | undefined {
  if (!boxStyle(c).countdown || c.backoffUntil === undefined) return undefined;
  const left = c.backoffUntil - now;
  return left > 0 ? Math.ceil(left / 1000) : undefined;
}

/** Taint effects as flag colours: red stop, amber "rather not", black "leave now". */
export function flagColour(
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute',
  colours: Palette,
): number {
  if (effect === 'NoSchedule') return colours.danger;
  if (effect === 'PreferNoSchedule') return colours.warning;
  return colours.name === 'dark' ? 0xe0e0e0 : 0x111111;
}
