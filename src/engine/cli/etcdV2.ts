// The historic etcd v2 verbs (set, get, ls, mkdir, rm with ETCDCTL_API=2), answered by running
// the v3 equivalent, with a note naming the v3 command.

import type { ExecResult } from '../sim/types';
import { fail, lines, note, ok } from './errors';

import type { Etcdctl } from './etcdClient';
import { cmdDel, cmdPut } from './etcdKv';

/** Verbs only the v2 API had. */
export const V2_VERBS = new Set([
  'set',
  'mk',
  'update',
  'ls',
  'mkdir',
  'setdir',
  'rm',
  'rmdir',
  'updatedir',
]);

function v2Note(verb: string, v3: string): string {
  return note(
    `\`etcdctl ${verb}\` is the etcd v2 API (ETCDCTL_API=2: the default before etcd 3.4, removed in etcd 3.6). This console ran the v3 equivalent: ${v3}`,
  );
}

/** Runs a v2 verb as its v3 equivalent, printing what v2 printed and a note. */
export function runV2(e: Etcdctl, verb: string): ExecResult {
  const [key, value] = e.parsed.args;
  switch (verb) {
    case 'set':
    case 'mk':
    case 'update': {
      if (key === undefined || value === undefined)
        return fail(`Error: ${verb} command needs a key and a value`);
      const put = cmdPut(e);
      if (!put.ok) return put;
      return ok(lines(value, v2Note(`${verb} ${key} ${value}`, `etcdctl put ${key} ${value}`)));
    }
    case 'get': {
      if (key === undefined) return fail('Error: get command needs a key');
      if (!e.anyUp() || !e.quorate()) return e.deadline();
      const kv = e.world.ledger.get(key);
      if (!kv)
        return fail(
          lines(
            `Error:  100: Key not found (${key}) [${e.world.ledger.revision()}]`,
            v2Note(`get ${key}`, `etcdctl get ${key}`),
          ),
        );
      return ok(
        lines(
          e.valueText(kv.value),
          v2Note(`get ${key}`, `etcdctl get ${key} --print-value-only`),
          e.registryNote(),
        ),
      );
    }
    case 'ls': {
      if (!e.anyUp() || !e.quorate()) return e.deadline();
      const dir = key ?? '';
      const keys = e.world.ledger.range(dir).map((kv) => kv.key);
      return ok(
        lines(
          keys.join('\n'),
          v2Note(`ls${key ? ` ${key}` : ''}`, `etcdctl get ${dir || '""'} --prefix --keys-only`),
        ),
      );
    }
    case 'rm': {
      if (key === undefined) return fail('Error: rm command needs a key');
      const prev = e.world.ledger.get(key);
      const del = cmdDel(e);
      if (!del.ok) return del;
      if (!prev)
        return fail(
          lines(
            `Error:  100: Key not found (${key}) [${e.world.ledger.revision()}]`,
            v2Note(`rm ${key}`, `etcdctl del ${key}`),
          ),
        );
      return ok(
        lines(
          `PrevNode.Value: ${e.valueText(prev.value)}`,
          v2Note(`rm ${key}`, `etcdctl del ${key}`),
        ),
      );
    }
    case 'rmdir': {
      if (key === undefined) return fail('Error: rmdir command needs a key');
      e.parsed.flags.set('prefix', 'true');
      const del = cmdDel(e);
      if (!del.ok) return del;
      return ok(v2Note(`rmdir ${key}`, `etcdctl del ${key} --prefix`));
    }
    default:
      // mkdir, setdir, updatedir: v3 has no directories.
      return ok(
        note(
          `\`etcdctl ${verb}\` is the etcd v2 API (removed in etcd 3.6). The v3 key space is flat: there are no directories to make — keys that share a prefix act as one (etcdctl put ${key ?? 'dir'}/key value; etcdctl get ${key ?? 'dir'}/ --prefix).`,
        ),
      );
  }
}

/** Lines for `help`. */
