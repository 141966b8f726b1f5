// etcdctl put, get, del, watch and compaction against the ledger.

import type { KeyValue } from '../ledger/ledger';
import { LedgerError, compareBytes } from '../ledger/ledger';
import type { ExecResult } from '../sim/types';
import { fail, lines, ok } from './errors';

import { type Etcdctl, intArg, json, jsonKv, kvLines } from './etcdClient';

/** The keys a get or del names: one key, a prefix, a [key, end) range or --from-key. */
export function rangeOf(
  e: Etcdctl,
  key: string,
  end: string | undefined,
  revision: number | undefined,
): KeyValue[] {
  const ledger = e.world.ledger;
  if (e.on('prefix')) return ledger.range(key, revision !== undefined ? { revision } : {});
  if (e.on('from-key') || end !== undefined) {
    return ledger
      .range('', revision !== undefined ? { revision } : {})
      .filter(
        (kv) =>
          compareBytes(kv.key, key) >= 0 && (end === undefined || compareBytes(kv.key, end) < 0),
      );
  }
  const kv = ledger.get(key, revision);
  return kv ? [kv] : [];
}

/** `etcdctl get KEY [END] [--prefix] [--keys-only] [--rev=N] [--limit=N] [-w json]` */
export function cmdGet(e: Etcdctl): ExecResult {
  const [key, end] = e.parsed.args;
  if (key === undefined)
    return fail(
      'Error: get command needs one argument as key and an optional argument as range_end',
    );
  const serializable = e.parsed.flags.get('consistency') === 's';
  if (!e.anyUp() || (!serializable && !e.quorate())) return e.deadline();
  const revFlag = e.parsed.flags.get('rev');
  const revision = revFlag !== undefined && revFlag !== '0' ? intArg(revFlag) : undefined;
  let kvs: KeyValue[];
  try {
    kvs = rangeOf(e, key, end, revision);
  } catch (err) {
    if (err instanceof LedgerError) return fail(`Error: etcdserver: ${err.message}`);
    throw err;
  }
  e.traceRead(key);
  if (e.parsed.flags.get('sort-order') === 'DESCEND') kvs = [...kvs].reverse();
  const total = kvs.length;
  const limit = intArg(e.parsed.flags.get('limit'));
  const more = limit !== undefined && limit > 0 && total > limit;
  if (more) kvs = kvs.slice(0, limit);
  const keysOnly = e.on('keys-only');
  const format = e.format();
  if (format === 'json') {
    const body: Record<string, unknown> = { header: e.header() };
    if (kvs.length > 0) body.kvs = kvs.map((kv) => jsonKv(e, kv, keysOnly));
    if (more) body.more = true;
    if (total > 0) body.count = total;
    return ok(json(body));
  }
  if (format !== 'simple') return fail(`Error: ${format} not supported as output format`);
  if (e.on('count-only')) return ok('');
  const out = kvs.flatMap((kv) => kvLines(e, kv, keysOnly, e.on('print-value-only')));
  return ok(lines(out.join('\n'), e.registryNote()));
}

/** `etcdctl put KEY VALUE`: a write around the bridge, straight into the ledger. */
export function cmdPut(e: Etcdctl): ExecResult {
  const [key, argValue] = e.parsed.args;
  const value = argValue ?? (e.stdin !== undefined ? e.stdin.replace(/\n$/, '') : undefined);
  if (key === undefined || value === undefined) {
    return fail('Error: put command needs 1 argument and input from stdin or 2 arguments');
  }
  if (!e.quorate()) return e.deadline();
  const prev = e.world.ledger.get(key);
  e.world.ledger.put(key, value);
  e.committed(key, 'PUT');
  const out = ['OK'];
  if (e.on('prev-kv') && prev) out.push(...kvLines(e, prev, false, false));
  return ok(lines(out.join('\n'), e.registryNote()));
}

/** `etcdctl del KEY [--prefix]`: prints how many keys went. */
export function cmdDel(e: Etcdctl): ExecResult {
  const [key, end] = e.parsed.args;
  if (key === undefined)
    return fail(
      'Error: del command needs one argument as key and an optional argument as range_end',
    );
  if (!e.quorate()) return e.deadline();
  const victims = rangeOf(e, key, end, undefined);
  for (const kv of victims) {
    e.world.ledger.delete(kv.key);
    e.committed(kv.key, 'DELETE');
  }
  const out = [String(victims.length)];
  if (e.on('prev-kv')) for (const kv of victims) out.push(...kvLines(e, kv, false, false));
  return ok(lines(out.join('\n'), e.registryNote()));
}

/** `etcdctl watch KEY [--prefix] [--rev=N]`: a stream of PUT/DELETE events. */
export function cmdWatch(e: Etcdctl): ExecResult & { stream?: number } {
  const [key] = e.parsed.args;
  if (key === undefined)
    return fail(
      'Error: watch in non-interactive mode requires one or two arguments as key or prefix, with range end',
    );
  if (!e.anyUp()) return e.deadline();
  const prefix = e.on('prefix');
  const revision = intArg(e.parsed.flags.get('rev'));
  const stream = e.cli.openStream(`etcdctl watch ${key}${prefix ? ' --prefix' : ''}`);
  let cancel: () => void;
  try {
    cancel = e.world.ledger.watch(
      key,
      (event) => {
        stream.write(event.type);
        if (e.on('prev-kv') && event.prevKv) {
          stream.write(event.prevKv.key);
          stream.write(e.valueText(event.prevKv.value));
        }
        stream.write(event.kv.key);
        stream.write(event.type === 'DELETE' ? '' : e.valueText(event.kv.value));
      },
      {
        exact: !prefix,
        ...(revision !== undefined && revision > 0 ? { fromRevision: revision } : {}),
      },
    );
  } catch (err) {
    if (err instanceof LedgerError) return fail(`Error: etcdserver: ${err.message}`);
    throw err;
  }
  stream.onClose(cancel);
  return { ok: true, output: '', stream: stream.id };
}

/** `etcdctl compaction REV`: forget history before REV. */
export function cmdCompaction(e: Etcdctl): ExecResult {
  const revision = intArg(e.parsed.args[0]);
  if (revision === undefined) return fail('Error: compaction command needs 1 argument');
  if (!e.quorate()) return e.deadline();
  try {
    e.world.ledger.compact(revision);
  } catch (err) {
    if (err instanceof LedgerError) return fail(`Error: etcdserver: ${err.message}`);
    throw err;
  }
  return ok(`compacted revision ${revision}`);
}
