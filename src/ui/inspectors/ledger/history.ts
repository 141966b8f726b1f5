import type { ExecResult } from '../../../engine';
import { shellQuote } from '../read';
import { parseEtcdJson, type EtcdKv } from './etcdJson';

/** Earlier versions of one key, newest first, and why the walk back stopped. */
export type KeyHistory = {
  readonly versions: readonly EtcdKv[];
  readonly stop: 'created' | 'compacted' | 'limit' | 'error';
  readonly detail?: string;
};

/** How many versions the history shows (the walk costs one read per version). */
export const HISTORY_LIMIT = 15;

/**
 * Walks a key's history back through the ledger's revisions, as one would by hand with
 * `etcdctl get KEY --rev=N -w json`: from the current version, read the key just before its
 * mod revision to find the previous version, until the key did not exist (its creation), the
 * revision was compacted, or `limit` versions were found.
 */
export function readHistory(
  read: (line: string) => ExecResult | undefined,
  current: EtcdKv,
  limit = HISTORY_LIMIT,
): KeyHistory {
  const versions: EtcdKv[] = [current];
  let kv = current;
  while (versions.length < limit) {
    if (kv.version <= 1 || kv.modRevision <= kv.createRevision)
      return { versions, stop: 'created' };
    const result = read(`etcdctl get ${shellQuote(kv.key)} --rev=${kv.modRevision - 1} -w json`);
    if (!result) return { versions, stop: 'error', detail: 'no quiet read' };
    if (!result.ok) {
      const compacted = /compacted/.test(result.output);
      return { versions, stop: compacted ? 'compacted' : 'error', detail: result.output.trim() };
    }
    const parsed = parseEtcdJson(result.output);
    if ('error' in parsed) return { versions, stop: 'error', detail: parsed.error };
    const previous = parsed.kvs.find((x) => x.key === kv.key);
    if (!previous) return { versions, stop: 'created' };
    versions.push(previous);
    kv = previous;
  }
  return { versions, stop: 'limit' };
}
