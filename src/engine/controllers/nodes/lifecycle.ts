/** Events every controller lifecycle machine here understands. */
export type LifecycleEvent = { type: 'START' } | { type: 'STOP' } | { type: 'CACHES_SYNCED' };
