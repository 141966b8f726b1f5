import type { ShipSpec } from '../../engine';

/** The classroom fleet most lessons start from: a kubeadm-style control plane and three workers. */
export function classroomFleet(
  extra: Partial<Record<'ship-1' | 'ship-2' | 'ship-3', Partial<ShipSpec>>> = {},
): ShipSpec[] {
  return [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', cpu: '4', memory: '8Gi', ...extra['ship-1'] },
    { name: 'ship-2', cpu: '4', memory: '8Gi', ...extra['ship-2'] },
    { name: 'ship-3', cpu: '4', memory: '8Gi', ...extra['ship-3'] },
  ];
}

/** Long enough for every captain to register, get a pod network and report Ready. */
export const SETTLE_MS = 10_000;
