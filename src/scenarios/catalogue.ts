/** A lesson in the catalogue, in teaching order (DESIGN.md section 4). */
export type LessonEntry = { id: string; title: string };

/** The twelve lessons, in the order a class meets them. */
export const catalogue: readonly LessonEntry[] = [
  { id: 'meet-the-fleet', title: 'Meet the fleet' },
  { id: 'the-ledger', title: 'The ledger' },
  { id: 'loading-cargo', title: 'Loading cargo' },
  { id: 'how-cranes-choose', title: 'How cranes choose' },
  { id: 'damaged-container', title: 'A damaged container' },
  { id: 'ship-sinks', title: 'A ship sinks' },
  { id: 'ship-joins', title: 'A ship joins' },
  { id: 'scaling', title: 'Scaling' },
  { id: 'ship-to-ship', title: 'Ship to ship' },
  { id: 'ha-ledger', title: 'A highly available ledger' },
  { id: 'deck-crews', title: 'Deck crews' },
  { id: 'sandbox', title: 'Sandbox' },
];
