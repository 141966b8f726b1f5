import type { ShipSpec } from './types';

/**
 * The classroom fleet: the control ship (a kubeadm-style control-plane node, tainted so that
 * workloads go elsewhere) and three cargo ships (worker nodes) with containerd.
 *
 * @example
 * defaultFleet().map((ship) => ship.name); // ['control-plane', 'ship-1', 'ship-2', 'ship-3']
 */
export function defaultFleet(): ShipSpec[] {
  return [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', role: 'cargo', cpu: '4', memory: '8Gi' },
    { name: 'ship-2', role: 'cargo', cpu: '4', memory: '8Gi' },
    { name: 'ship-3', role: 'cargo', cpu: '4', memory: '8Gi' },
  ];
}
