/** A ship the simulation starts with: a Kubernetes node and what it can carry. */
export type ShipSpec = {
  name: string;
  role: 'control' | 'cargo';
};

/**
 * The classroom fleet: one control ship (the control plane) and three cargo ships (worker nodes).
 *
 * @example
 * defaultFleet().map((ship) => ship.name); // ['control-plane', 'ship-1', 'ship-2', 'ship-3']
 */
export function defaultFleet(): ShipSpec[] {
  return [
    { name: 'control-plane', role: 'control' },
    { name: 'ship-1', role: 'cargo' },
    { name: 'ship-2', role: 'cargo' },
    { name: 'ship-3', role: 'cargo' },
  ];
}
