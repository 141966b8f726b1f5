import { describe, expect, it } from 'vitest';
import { mustCreate, testPod, testWorld } from '../sim/testing';
import type { World } from '../sim/world';
import { out, testCli } from './cliTesting';
import { execLine } from '.';
import { humanBytes } from './etcdctl';

const REGISTRY_NOTE =
  'shipshape: values the API server wrote are shown as JSON; a real cluster stores them as protobuf (a k8s\\x00 envelope) — decode with auger: etcdctl get KEY --print-value-only | auger decode';

/** A 3-member ledger that has elected its leader. */
function ha(): World {
  const world = testWorld({ etcdMembers: 3 });
  world.agenda.advance(2_000);
  return world;
}

const ids = (world: World) => world.etcd.status().map((m) => m.id.replace(/^0+/, ''));

describe('etcdctl put, get, del', () => {
  it('put prints OK and get prints the key and the value on their own lines', () => {
    const world = testWorld();
    const cli = testCli(world);
    const before = world.ledger.revision();
    expect(execLine(cli, 'etcdctl put greeting "hello harbor"')).toEqual({
      ok: true,
      output: 'OK',
    });
    expect(world.ledger.revision()).toBe(before + 1);
    expect(world.ledger.get('greeting')?.value).toBe('hello harbor');
    expect(out(cli, 'etcdctl get greeting')).toBe('greeting\nhello harbor');
    expect(out(cli, 'etcdctl get greeting --print-value-only')).toBe('hello harbor');
    expect(out(cli, 'etcdctl get nothing')).toBe('');
  });

  it('--prefix lists keys in byte order; --keys-only leaves an empty line after each key; --limit cuts', () => {
    const cli = testCli();
    for (const [k, v] of [
      ['/ships/2', 'b'],
      ['/ships/1', 'a'],
      ['/shipsX', 'x'],
    ])
      execLine(cli, `etcdctl put ${k} ${v}`);
    expect(out(cli, 'etcdctl get /ships/ --prefix')).toBe('/ships/1\na\n/ships/2\nb');
    expect(out(cli, 'etcdctl get /ships --prefix --keys-only')).toBe(
      '/ships/1\n\n/ships/2\n\n/shipsX\n',
    );
    expect(out(cli, 'etcdctl get /ships --prefix --limit=1')).toBe('/ships/1\na');
  });

  it('--rev reads history; compacted and future revisions are refused in etcd’s words', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'etcdctl put k one');
    const first = world.ledger.revision();
    execLine(cli, 'etcdctl put k two');
    expect(out(cli, `etcdctl get k --rev=${first}`)).toBe('k\none');
    expect(out(cli, 'etcdctl get k')).toBe('k\ntwo');
    expect(out(cli, 'etcdctl get k --rev=999')).toBe(
      'Error: etcdserver: mvcc: required revision is a future revision',
    );
    expect(out(cli, `etcdctl compaction ${first + 1}`)).toBe(`compacted revision ${first + 1}`);
    expect(out(cli, `etcdctl get k --rev=${first}`)).toBe(
      'Error: etcdserver: mvcc: required revision has been compacted',
    );
  });

  it('del prints how many keys it deleted', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'etcdctl put /a/1 x');
    execLine(cli, 'etcdctl put /a/2 y');
    expect(out(cli, 'etcdctl del /a/1')).toBe('1');
    expect(out(cli, 'etcdctl del /a/1')).toBe('0');
    execLine(cli, 'etcdctl put /a/3 z');
    expect(out(cli, 'etcdctl del /a/ --prefix')).toBe('2');
    expect(world.ledger.range('/a/')).toEqual([]);
  });

  it('-w json prints the response with base64 keys and values', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'etcdctl put foo bar');
    const kv = world.ledger.get('foo')!;
    const json = JSON.parse(out(cli, 'etcdctl get foo -w json')) as {
      header: { revision: number };
      kvs: object[];
      count: number;
    };
    expect(json.header.revision).toBe(world.ledger.revision());
    expect(json.kvs).toEqual([
      {
        key: 'Zm9v',
        create_revision: kv.createRevision,
        mod_revision: kv.modRevision,
        version: 1,
        value: 'YmFy',
      },
    ]);
    expect(json.count).toBe(1);
    expect(out(cli, 'etcdctl get foo -w json')).toMatch(
      /^\{"header":\{"cluster_id":\d+,"member_id":\d+,"revision":\d+,"raft_term":\d+\},"kvs":/,
    );
  });

  it('values the API server wrote print as JSON, with one note about protobuf and auger', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'pods', testPod('web-1'));
    const text = out(cli, 'etcdctl get /registry/pods/default/web-1');
    const [key, value, note] = text.split('\n');
    expect(key).toBe('/registry/pods/default/web-1');
    expect(JSON.parse(value!)).toMatchObject({ kind: 'Pod', metadata: { name: 'web-1' } });
    expect(note).toBe(REGISTRY_NOTE);
    expect(out(cli, 'etcdctl get /registry/pods --prefix --keys-only')).toBe(
      '/registry/pods/default/web-1\n',
    );
  });

  it('names usage errors and unknown commands as etcdctl does', () => {
    const cli = testCli();
    expect(out(cli, 'etcdctl put lonely')).toBe(
      'Error: put command needs 1 argument and input from stdin or 2 arguments',
    );
    expect(out(cli, 'etcdctl get')).toBe(
      'Error: get command needs one argument as key and an optional argument as range_end',
    );
    expect(out(cli, 'etcdctl lease grant 10')).toBe(
      'Error: unknown command "lease" for "etcdctl"\nRun \'etcdctl --help\' for usage.\nshipshape: supported here: put, get, del, watch, member list, endpoint status, endpoint health, version, compaction (and the v2 set, ls, mkdir, rm)',
    );
    expect(out(cli, 'etcdctl version')).toBe('etcdctl version: 3.6.5\nAPI version: 3.6');
  });
});

describe('etcdctl watch', () => {
  it('streams PUT and DELETE events as the simple printer prints them', () => {
    const world = testWorld();
    const cli = testCli(world);
    const result = execLine(cli, 'etcdctl watch /ships --prefix');
    expect(result).toMatchObject({ ok: true, output: '' });
    const stream = cli.streams.find((s) => s.id === result.stream)!;
    expect(stream.command).toBe('etcdctl watch /ships --prefix');
    execLine(cli, 'etcdctl put /ships/1 afloat');
    execLine(cli, 'etcdctl put /other x');
    execLine(cli, 'etcdctl del /ships/1');
    expect(stream.lines).toEqual(['PUT', '/ships/1', 'afloat', 'DELETE', '/ships/1', '']);
    stream.close();
    execLine(cli, 'etcdctl put /ships/2 y');
    expect(stream.lines).toHaveLength(6);
  });

  it('watches one key exactly without --prefix, and sees the API server’s writes too', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'etcdctl watch /registry/pods/default/web-1');
    mustCreate(world, 'pods', testPod('web-10'));
    mustCreate(world, 'pods', testPod('web-1'));
    const lines = cli.streams[0]!.lines;
    expect(lines.slice(0, 2)).toEqual(['PUT', '/registry/pods/default/web-1']);
    expect(lines).toHaveLength(3);
  });
});

describe('etcdctl member list and endpoint status, three members with one stopped', () => {
  it('member list: every member, started (membership does not change when one stops)', () => {
    const world = ha();
    world.etcd.stop('etcd-1');
    world.agenda.advance(3_000);
    const cli = testCli(world);
    const [a, b, c] = ids(world);
    expect(out(cli, 'etcdctl member list')).toBe(
      [
        `${a}, started, etcd-0, https://172.18.0.10:2380, https://172.18.0.10:2379, false`,
        `${b}, started, etcd-1, https://172.18.0.11:2380, https://172.18.0.11:2379, false`,
        `${c}, started, etcd-2, https://172.18.0.12:2380, https://172.18.0.12:2379, false`,
      ].join('\n'),
    );
    expect(out(cli, 'etcdctl member list -w table')).toBe(
      [
        '+------------------+---------+--------+--------------------------+--------------------------+------------+',
        '|        ID        | STATUS  |  NAME  |        PEER ADDRS        |       CLIENT ADDRS       | IS LEARNER |',
        '+------------------+---------+--------+--------------------------+--------------------------+------------+',
        `| ${a} | started | etcd-0 | https://172.18.0.10:2380 | https://172.18.0.10:2379 |      false |`,
        `| ${b} | started | etcd-1 | https://172.18.0.11:2380 | https://172.18.0.11:2379 |      false |`,
        `| ${c} | started | etcd-2 | https://172.18.0.12:2380 | https://172.18.0.12:2379 |      false |`,
        '+------------------+---------+--------+--------------------------+--------------------------+------------+',
      ].join('\n'),
    );
  });

  it('endpoint status -w table: the stopped member fails with etcdctl’s messages, the others show leader, term and index', () => {
    const world = ha();
    world.etcd.stop('etcd-1');
    world.agenda.advance(3_000);
    const cli = testCli(world);
    const [a, , c] = ids(world);
    const index = String(world.ledger.revision());
    const result = execLine(cli, 'etcdctl endpoint status --cluster -w table');
    expect(result.ok).toBe(false);
    const lines = result.output.split('\n');
    expect(lines[0]).toMatch(
      /^\{"level":"warn","ts":"2026-01-05T09:00:05\.000000Z","logger":"etcd-client",.*"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"\}$/,
    );
    // etcd-0 led from the start; stopping a follower changes neither the leader nor the term.
    // DB size: 20 kB, a kilobyte per key (4 namespaces) and 64 bytes per change kept, in 4 KiB pages.
    expect(lines.slice(1)).toEqual([
      'Failed to get the status of endpoint https://172.18.0.11:2379 (context deadline exceeded)',
      '+--------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+',
      '|         ENDPOINT         |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX | ERRORS |',
      '+--------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+',
      `| https://172.18.0.10:2379 | ${a} |   3.6.5 |   29 kB |      true |      false |         1 | ${index.padStart(10)} | ${index.padStart(18)} |        |`,
      `| https://172.18.0.12:2379 | ${c} |   3.6.5 |   29 kB |     false |      false |         1 | ${index.padStart(10)} | ${index.padStart(18)} |        |`,
      '+--------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+',
    ]);
    expect(out(cli, 'etcdctl endpoint status').split('\n').slice(2)).toEqual([
      `https://172.18.0.10:2379, ${a}, 3.6.5, 29 kB, true, false, 1, ${index}, ${index}, `,
      `https://172.18.0.12:2379, ${c}, 3.6.5, 29 kB, false, false, 1, ${index}, ${index}, `,
    ]);
    expect(humanBytes(24_576)).toBe('25 kB');
    expect(humanBytes(2_700_000)).toBe('2.7 MB');
    expect(humanBytes(512)).toBe('512 B');
  });

  it('one member down: writes and linearizable reads still work; endpoint health names the unhealthy one', () => {
    const world = ha();
    world.etcd.stop('etcd-2');
    world.agenda.advance(3_000);
    const cli = testCli(world);
    expect(out(cli, 'etcdctl put k v')).toBe('OK');
    expect(out(cli, 'etcdctl get k')).toBe('k\nv');
    expect(execLine(cli, 'etcdctl endpoint health')).toEqual({
      ok: false,
      output: [
        'https://172.18.0.10:2379 is healthy: successfully committed proposal: took = 6ms',
        'https://172.18.0.11:2379 is healthy: successfully committed proposal: took = 6ms',
        'https://172.18.0.12:2379 is unhealthy: failed to commit proposal: context deadline exceeded',
        'Error: unhealthy cluster',
      ].join('\n'),
    });
  });

  it('no quorum: writes and linearizable reads end in "context deadline exceeded"; --consistency=s still reads', () => {
    const world = ha();
    execLine(testCli(world), 'etcdctl put k v');
    world.etcd.stop('etcd-1');
    world.etcd.stop('etcd-2');
    world.agenda.advance(5_000);
    const cli = testCli(world);
    const revision = world.ledger.revision();
    const put = execLine(cli, 'etcdctl put k w');
    expect(put.ok).toBe(false);
    expect(put.output.split('\n')[1]).toBe('Error: context deadline exceeded');
    expect(put.output.split('\n')[0]).toMatch(/"msg":"retrying of unary invoker failed"/);
    expect(world.ledger.revision()).toBe(revision);
    expect(out(cli, 'etcdctl get k').split('\n')[1]).toBe('Error: context deadline exceeded');
    expect(out(cli, 'etcdctl get k --consistency=s')).toBe('k\nv');
    const status = out(cli, 'etcdctl endpoint status -w table').split('\n');
    // The lone member has no leader: IS LEADER false and etcd's error in the last column.
    expect(status.find((l) => l.startsWith('| https://172.18.0.10:2379'))).toMatch(
      /\|\s+false \|\s+false \|.*\| etcdserver: no leader \|$/,
    );
  });
});

describe('etcdctl v2 verbs', () => {
  const v2 = (verb: string, v3: string) =>
    `shipshape: \`etcdctl ${verb}\` is the etcd v2 API (ETCDCTL_API=2: the default before etcd 3.4, removed in etcd 3.6). This console ran the v3 equivalent: ${v3}`;

  it('set answers as v2 did, writes the key, and names the v3 command', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(execLine(cli, './etcdctl set key1 value1')).toEqual({
      ok: true,
      output: `value1\n${v2('set key1 value1', 'etcdctl put key1 value1')}`,
    });
    expect(world.ledger.get('key1')?.value).toBe('value1');
    expect(out(cli, 'ETCDCTL_API=2 etcdctl get key1')).toBe(
      `value1\n${v2('get key1', 'etcdctl get key1 --print-value-only')}`,
    );
    expect(out(cli, 'etcdctl get key1')).toBe('key1\nvalue1');
  });

  it('ls, rm and mkdir', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'etcdctl put /dir/a 1');
    execLine(cli, 'etcdctl put /dir/b 2');
    expect(out(cli, 'etcdctl ls /dir')).toBe(
      `/dir/a\n/dir/b\n${v2('ls /dir', 'etcdctl get /dir --prefix --keys-only')}`,
    );
    expect(out(cli, 'etcdctl rm /dir/a')).toBe(
      `PrevNode.Value: 1\n${v2('rm /dir/a', 'etcdctl del /dir/a')}`,
    );
    expect(world.ledger.get('/dir/a')).toBeUndefined();
    expect(out(cli, 'etcdctl mkdir /new')).toBe(
      'shipshape: `etcdctl mkdir` is the etcd v2 API (removed in etcd 3.6). The v3 key space is flat: there are no directories to make — keys that share a prefix act as one (etcdctl put /new/key value; etcdctl get /new/ --prefix).',
    );
  });
});
