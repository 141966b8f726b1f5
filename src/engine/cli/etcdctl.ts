// `etcdctl` (v3) against the ledger, plus the historic v2 verbs (set, ls, mkdir, rm) with a note.
// The console's etcdctl is configured with every member's client URL (ETCDCTL_ENDPOINTS), as on
// an HA control plane, so it keeps working while one clerk is ashore.

import type { ExecResult } from '../sim/types';
import type { CliContext } from './context';
import { fail, note, ok } from './errors';
import { VERSIONS } from './kinfo';
import { FlagError, parseFlags, type ParsedArgs } from './shell';

import { Etcdctl } from './etcdClient';
import { cmdCompaction, cmdDel, cmdGet, cmdPut, cmdWatch } from './etcdKv';
import { cmdEndpoint, cmdMember } from './etcdMembers';
import { V2_VERBS, runV2 } from './etcdV2';

export { humanBytes } from './etcdClient';

const GLOBAL = {
  values: [
    'endpoints',
    'cacert',
    'cert',
    'key',
    'dial-timeout',
    'command-timeout',
    'write-out',
    'user',
    'password',
    'keepalive-time',
    'keepalive-timeout',
    'discovery-srv',
  ],
  bools: ['hex', 'insecure-skip-tls-verify', 'insecure-transport', 'debug', 'cluster'],
  short: { w: 'write-out' },
};

const COMMAND_FLAGS: Record<string, { values?: string[]; bools?: string[] }> = {
  get: {
    values: [
      'rev',
      'limit',
      'consistency',
      'sort-order',
      'sort-by',
      'max-create-rev',
      'min-create-rev',
      'max-mod-rev',
      'min-mod-rev',
    ],
    bools: ['prefix', 'from-key', 'keys-only', 'print-value-only', 'count-only'],
  },
  put: { values: ['lease'], bools: ['prev-kv', 'ignore-value', 'ignore-lease'] },
  del: { bools: ['prefix', 'from-key', 'prev-kv'] },
  watch: { values: ['rev'], bools: ['prefix', 'prev-kv', 'interactive', 'progress-notify'] },
  member: {},
  endpoint: {},
  version: {},
  compaction: { bools: ['physical'] },
};

/** etcd prints member IDs with %x: no leading zeros. */
export function etcdctlSummary(): string[] {
  return [
    '  etcdctl put KEY VALUE | get KEY [--prefix] [--keys-only] [--rev=N] [-w json] | del KEY [--prefix]',
    '  etcdctl watch KEY [--prefix]   (a stream)',
    '  etcdctl member list [-w table] | endpoint status [--cluster] [-w table] | endpoint health',
    '  etcdctl set / ls / mkdir / rm   (the historic v2 API: answered, with the v3 command to use)',
  ];
}

/** Runs `etcdctl` with the words after the program name. */
export function runEtcdctl(
  cli: CliContext,
  words: readonly string[],
  env: Record<string, string>,
  stdin?: string,
): ExecResult & { stream?: number } {
  const verbIndex = words.findIndex(
    (w, i) =>
      !w.startsWith('-') &&
      !(
        i > 0 &&
        /^--(endpoints|cacert|cert|key|write-out|dial-timeout|command-timeout|user|password)$/.test(
          words[i - 1]!,
        )
      ) &&
      !(i > 0 && words[i - 1] === '-w'),
  );
  const verb = verbIndex >= 0 ? words[verbIndex]! : undefined;
  if (!verb || verb === 'help' || words.includes('--help') || words.includes('-h')) {
    return ok(
      ['etcdctl is the etcd v3 command-line client. Supported here:', ...etcdctlSummary()].join(
        '\n',
      ),
    );
  }
  const api = env.ETCDCTL_API;
  const v2 = V2_VERBS.has(verb) || (api === '2' && verb === 'get');
  const spec =
    COMMAND_FLAGS[verb === 'set' || verb === 'mk' || verb === 'update' ? 'put' : v2 ? 'get' : verb];
  if (!spec && !v2) {
    return fail(
      `Error: unknown command "${verb}" for "etcdctl"\nRun 'etcdctl --help' for usage.\n${note('supported here: put, get, del, watch, member list, endpoint status, endpoint health, version, compaction (and the v2 set, ls, mkdir, rm)')}`,
    );
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseFlags([...words.slice(0, verbIndex), ...words.slice(verbIndex + 1)], {
      values: [...GLOBAL.values, ...(spec?.values ?? [])],
      bools: [...GLOBAL.bools, ...(spec?.bools ?? [])],
      short: GLOBAL.short,
    });
  } catch (err) {
    if (err instanceof FlagError) return fail(`Error: ${err.message}`);
    throw err;
  }
  const e = new Etcdctl(cli, parsed, stdin);
  if (v2) return runV2(e, verb);
  switch (verb) {
    case 'get':
      return cmdGet(e);
    case 'put':
      return cmdPut(e);
    case 'del':
      return cmdDel(e);
    case 'watch':
      return cmdWatch(e);
    case 'member':
      return cmdMember(e);
    case 'endpoint':
      return cmdEndpoint(e);
    case 'compaction':
      return cmdCompaction(e);
    case 'version':
      return ok(`etcdctl version: ${VERSIONS.etcd}\nAPI version: ${VERSIONS.etcdApi}`);
    default:
      return fail(`Error: unknown command "${verb}" for "etcdctl"`);
  }
}
