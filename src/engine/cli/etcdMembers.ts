// etcdctl member list, endpoint status and endpoint health.

import type { World } from '../sim/world';
import type { ExecResult } from '../sim/types';
import { fail, lines, note, ok } from './errors';
import { boxTable } from './etcdTable';
import { VERSIONS } from './kinfo';

import { type Etcdctl, hexId, humanBytes, json } from './etcdClient';

/** `etcdctl member list [-w table|json]` */
export function cmdMember(e: Etcdctl): ExecResult {
  const [sub] = e.parsed.args;
  if (sub !== 'list') {
    return fail(
      sub
        ? note(`etcdctl member ${sub} is not supported here; member list is`)
        : 'Error: member requires a subcommand (list)',
    );
  }
  if (!e.anyUp()) return e.deadline();
  const members = e.members();
  const rows = members.map((m) => [
    hexId(m.id),
    'started',
    m.name,
    m.peerURL,
    m.clientURL,
    'false',
  ]);
  switch (e.format()) {
    case 'table':
      return ok(
        boxTable(['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'], rows),
      );
    case 'json':
      return ok(
        json({
          header: e.header(),
          members: members.map((m) => ({
            ID: BigInt(`0x${m.id}`),
            name: m.name,
            peerURLs: [m.peerURL],
            clientURLs: [m.clientURL],
          })),
        }),
      );
    case 'simple':
      return ok(rows.map((r) => r.join(', ')).join('\n'));
    default:
      return fail(`Error: ${e.format()} not supported as output format`);
  }
}

/**
 * An estimated DB size that grows with the keys and the history the ledger holds (etcd starts
 * near 20 kB; an object is about a kilobyte). Cheap at any scale: nothing is serialized.
 */
export function dbSize(world: World): number {
  const size = 20_480 + world.ledger.size() * 1_024 + world.ledger.historyLength() * 64;
  return Math.ceil(size / 4096) * 4096;
}

/** `etcdctl endpoint status|health [--cluster] [-w table|json]` */
export function cmdEndpoint(e: Etcdctl): ExecResult {
  const [sub] = e.parsed.args;
  if (sub === 'status') return endpointStatus(e);
  if (sub === 'health') return endpointHealth(e);
  return fail(
    sub
      ? note(
          `etcdctl endpoint ${sub} is not supported here; endpoint status and endpoint health are`,
        )
      : 'Error: endpoint requires a subcommand (status, health)',
  );
}

/**
 * Each member's status. A stopped member cannot answer: etcdctl logs its retry warning and
 * "Failed to get the status of endpoint …", then prints the others and exits non-zero. A member
 * without a leader answers with etcd's "no leader" error in the last column.
 */
function endpointStatus(e: Etcdctl): ExecResult {
  const leader = e.leader();
  const errors: string[] = [];
  const rows: string[][] = [];
  for (const m of e.members()) {
    if (!m.up) {
      errors.push(
        e.warn(m.clientURL),
        `Failed to get the status of endpoint ${m.clientURL} (context deadline exceeded)`,
      );
      continue;
    }
    rows.push([
      m.clientURL,
      hexId(m.id),
      VERSIONS.etcd,
      humanBytes(dbSize(e.world)),
      String(m.name === leader?.name),
      'false',
      String(m.term),
      String(m.appliedRevision),
      String(m.appliedRevision),
      leader ? '' : 'etcdserver: no leader',
    ]);
  }
  let body: string;
  switch (e.format()) {
    case 'table':
      body = boxTable(
        [
          'Endpoint',
          'ID',
          'Version',
          'DB Size',
          'Is Leader',
          'Is Learner',
          'Raft Term',
          'Raft Index',
          'Raft Applied Index',
          'Errors',
        ],
        rows,
      );
      break;
    case 'json':
      body = json(
        rows.map((r) => ({
          Endpoint: r[0],
          Status: {
            header: e.header(),
            version: r[2],
            dbSize: dbSize(e.world),
            leader: leader ? BigInt(`0x${leader.id}`) : 0,
            raftIndex: Number(r[7]),
            raftTerm: Number(r[6]),
            raftAppliedIndex: Number(r[8]),
            ...(r[9] ? { errors: [r[9]] } : {}),
          },
        })),
      );
      break;
    case 'simple':
      body = rows.map((r) => r.join(', ')).join('\n');
      break;
    default:
      return fail(`Error: ${e.format()} not supported as output format`);
  }
  return { ok: errors.length === 0, output: lines(...errors, body) };
}

/** Each member commits a proposal, which needs a quorum: without one, every member is unhealthy. */
function endpointHealth(e: Etcdctl): ExecResult {
  const quorate = e.quorate();
  const took = `${e.world.api.commitLatency()}ms`;
  const results = e.members().map((m) => ({
    endpoint: m.clientURL,
    healthy: m.up && quorate,
    took: m.up && quorate ? took : '',
    error: m.up && quorate ? '' : 'context deadline exceeded',
  }));
  const unhealthy = results.some((r) => !r.healthy);
  let body: string;
  if (e.format() === 'table') {
    body = boxTable(
      ['Endpoint', 'Health', 'Took', 'Error'],
      results.map((r) => [r.endpoint, String(r.healthy), r.took, r.error]),
    );
  } else if (e.format() === 'json') {
    body = JSON.stringify(
      results.map((r) => ({
        endpoint: r.endpoint,
        health: r.healthy,
        took: r.took,
        ...(r.error ? { error: r.error } : {}),
      })),
    );
  } else {
    body = results
      .map((r) =>
        r.healthy
          ? `${r.endpoint} is healthy: successfully committed proposal: took = ${r.took}`
          : `${r.endpoint} is unhealthy: failed to commit proposal: ${r.error}`,
      )
      .join('\n');
  }
  return {
    ok: !unhealthy,
    output: lines(body, unhealthy ? 'Error: unhealthy cluster' : undefined),
  };
}
