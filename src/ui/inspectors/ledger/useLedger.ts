import { useMemo } from 'react';
import { useSession } from '../../../store';
import { useSimulation, useThrottled } from '../hooks';
import { quietRead, shellQuote } from '../read';
import { parseEtcdJson, type EtcdKv } from './etcdJson';
import { readHistory, type KeyHistory } from './history';
import { groupKeys, type KeyGroup } from './keys';

/** Every key, read the way a person would: `etcdctl get '' --prefix --keys-only -w json`. */
export const ALL_KEYS = `etcdctl get '' --prefix --keys-only -w json`;

export type LedgerKeys =
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ok'; readonly groups: readonly KeyGroup[]; readonly count: number };

/** The ledger's revision, followed at most twice a second. */
export function useLedgerRevision(): number {
  return useThrottled(
    useSession((s) => s.view.ledger.revision),
    500,
  );
}

/** All keys, grouped by registry folder; re-read only when the revision moves. */
export function useLedgerKeys(): LedgerKeys {
  const sim = useSimulation();
  const revision = useLedgerRevision();
  return useMemo(() => {
    void revision;
    const result = quietRead(sim, ALL_KEYS);
    if (!result.ok) return { state: 'error', message: result.output };
    const parsed = parseEtcdJson(result.output);
    if ('error' in parsed) return { state: 'error', message: parsed.error };
    return { state: 'ok', groups: groupKeys(parsed.kvs), count: parsed.kvs.length };
  }, [sim, revision]);
}

export type KeyDetail =
  | { readonly state: 'missing' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ok'; readonly kv: EtcdKv; readonly history: KeyHistory };

/** One key's current value and its history, re-read when that key is written. */
export function useKeyDetail(
  key: string | undefined,
  modRevision: number | undefined,
): KeyDetail | undefined {
  const sim = useSimulation();
  return useMemo(() => {
    void modRevision;
    if (key === undefined) return undefined;
    const read = (line: string) => quietRead(sim, line);
    const result = read(`etcdctl get ${shellQuote(key)} -w json`);
    if (!result.ok) return { state: 'error', message: result.output };
    const parsed = parseEtcdJson(result.output);
    if ('error' in parsed) return { state: 'error', message: parsed.error };
    const kv = parsed.kvs.find((k) => k.key === key);
    if (!kv) return { state: 'missing' };
    return { state: 'ok', kv, history: readHistory(read, kv) };
  }, [sim, key, modRevision]);
}
