// The console's etcdctl client: its members, quorum checks, output helpers and the writes it
// records around the bridge.

import type { KeyValue, LedgerValue } from '../ledger/ledger';
import type { EtcdMemberStatus } from '../ledger/etcdCluster';
import type { World } from '../sim/world';
import type { ExecResult } from '../sim/types';
import type { CliContext } from './context';
import { fail, lines, note } from './errors';
import { VERSIONS } from './kinfo';
import { base64 } from './serialize';
import type { ParsedArgs } from './shell';
import { stamp } from './timefmt';

/** etcd prints member IDs with %x: no leading zeros. */
export const hexId = (id: string) => id.replace(/^0+(?=.)/, '');
/** JSON with uint64 fields (BigInt) printed as bare numbers, as etcdctl -w json prints them. */
export function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? `__u64__${v}` : v,
  ).replace(/"__u64__(\d+)"/g, '$1');
}

/** go-humanize's Bytes: SI units, one decimal below 10. */
export function humanBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const sizes = ['B', 'kB', 'MB', 'GB', 'TB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const value = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  return value < 10 ? `${value.toFixed(1)} ${sizes[e]}` : `${value.toFixed(0)} ${sizes[e]}`;
}

/** One etcdctl invocation: its flags, the members it can reach, and how it prints. */
export class Etcdctl {
  readonly world: World;
  private objectShown = false;
  constructor(
    readonly cli: CliContext,
    readonly parsed: ParsedArgs,
    readonly stdin: string | undefined,
  ) {
    this.world = cli.world;
  }

  members(): EtcdMemberStatus[] {
    return this.world.etcd.status();
  }

  format(): string {
    return this.parsed.flags.get('write-out') ?? 'simple';
  }

  on(name: string): boolean {
    return this.parsed.flags.get(name) === 'true';
  }

  /** The client's retry warning, as etcdctl's zap logger prints it before giving up. */
  warn(endpoint: string): string {
    const now = this.world.now();
    const ts = stamp(now).replace('Z', `.${String(now % 1000).padStart(3, '0')}000Z`);
    const target = endpoint.replace(/^https?:\/\//, '');
    return `{"level":"warn","ts":"${ts}","logger":"etcd-client","caller":"v3@v${VERSIONS.etcd}/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc000026000/${target}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}`;
  }

  /**
   * What etcdctl prints when a request cannot complete within its command timeout (no member
   * reachable, or no quorum for a linearizable request). The console does not make you wait.
   */
  deadline(): ExecResult {
    const endpoint = this.members().find((m) => m.up)?.clientURL ?? this.members()[0]!.clientURL;
    return fail(lines(this.warn(endpoint), 'Error: context deadline exceeded'));
  }

  anyUp(): boolean {
    return this.members().some((m) => m.up);
  }

  quorate(): boolean {
    return this.world.etcd.writable() === 'ok';
  }

  /** The leader, while it still has a quorum (etcd's CheckQuorum makes a lonely leader step down). */
  leader(): EtcdMemberStatus | undefined {
    return this.quorate() ? this.members().find((m) => m.leader) : undefined;
  }

  header(): Record<string, unknown> {
    const members = this.members();
    const serving = this.leader() ?? members.find((m) => m.up) ?? members[0]!;
    return {
      cluster_id: BigInt(`0x${clusterId(members)}`),
      member_id: BigInt(`0x${serving.id}`),
      revision: this.world.ledger.revision(),
      raft_term: serving.term,
    };
  }

  /** A value as text: strings as written; the API server's objects as JSON (see the note). */
  valueText(value: LedgerValue): string {
    if (typeof value === 'string') return value;
    this.objectShown = true;
    return JSON.stringify(value);
  }

  /** The note on /registry values, once per command that printed one. */
  registryNote(): string | undefined {
    return this.objectShown
      ? note(
          'values the API server wrote are shown as JSON; a real cluster stores them as protobuf (a k8s\\x00 envelope) — decode with auger: etcdctl get KEY --print-value-only | auger decode',
        )
      : undefined;
  }

  /** A read drawn on the canvas: etcdctl asks a clerk (the leader, or any up member). */
  traceRead(key: string): void {
    const world = this.world;
    if (!world.trace.detail) return;
    const now = world.now();
    const member = this.leader()?.name ?? this.members().find((m) => m.up)?.name ?? 'etcd-0';
    world.trace.message('etcdctl', member, 'range', now, now + world.timings.networkHop, key);
  }

  /** Records a write made around the bridge: the ledger's revision moves and the canvas shows it. */
  committed(key: string, type: 'PUT' | 'DELETE'): void {
    const world = this.world;
    const revision = world.ledger.revision();
    const now = world.now();
    world.etcd.committed(revision);
    world.trace.ledgerWrite({ key, revision, at: now, type });
    world.trace.message(
      'etcdctl',
      world.etcd.leaderName() ?? 'etcd-0',
      type === 'PUT' ? 'put' : 'delete',
      now,
      now + world.api.commitLatency(),
      key,
    );
    world.trace.event(
      now,
      'etcdctl',
      `etcdctl.${type === 'PUT' ? 'put' : 'del'}`,
      `etcdctl ${type === 'PUT' ? 'put' : 'del'} ${key} (revision ${revision})`,
      key,
    );
  }
}

/** A stable cluster ID derived from the member IDs (etcd hashes the members' IDs too). */
export function clusterId(members: readonly EtcdMemberStatus[]): string {
  let h = 0xcbf29ce4;
  let l = 0x84222325;
  for (const m of members) {
    for (const ch of m.id) {
      l = Math.imul(l ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      h = Math.imul(h ^ l, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0') + l.toString(16).padStart(8, '0');
}

/** printKV of the simple printer: the key, then the value (empty with --keys-only). */
export function kvLines(e: Etcdctl, kv: KeyValue, keysOnly: boolean, valueOnly: boolean): string[] {
  const out: string[] = [];
  if (!valueOnly) out.push(kv.key);
  out.push(keysOnly ? '' : e.valueText(kv.value));
  return out;
}

/** A KeyValue as etcdctl -w json prints it (base64 key and value). */
export function jsonKv(e: Etcdctl, kv: KeyValue, keysOnly: boolean): Record<string, unknown> {
  return {
    key: base64(kv.key),
    create_revision: kv.createRevision,
    mod_revision: kv.modRevision,
    version: kv.version,
    ...(keysOnly
      ? {}
      : { value: base64(typeof kv.value === 'string' ? kv.value : JSON.stringify(kv.value)) }),
  };
}

/** A non-negative integer argument, or undefined. */
export function intArg(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
