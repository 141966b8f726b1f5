import type { ExecResult, Simulation } from '../../engine';

/**
 * A read that is not an input: `Simulation.query(line)` runs a read-only kubectl/etcdctl line
 * without recording it on the timeline and without signals, events or log entries, so looking
 * never changes the run (reads through `exec` would be inputs and branch the timeline).
 */
export function quietRead(sim: Simulation, line: string): ExecResult {
  return sim.query(line);
}

/** Quotes a word for the console's shell when it needs it (keys with spaces or quotes). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
