import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../../../engine';
import { decodeEtcdBytes, parseEtcdJson, type EtcdKv } from './etcdJson';
import { readHistory } from './history';
import { groupKeys } from './keys';
import { diffValues, showValue } from './value';

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const kv = (
  key: string,
  createRevision: number,
  modRevision: number,
  version: number,
  value?: string,
): EtcdKv => ({
  key,
  createRevision,
  modRevision,
  version,
  ...(value !== undefined ? { value } : {}),
});

describe('etcdctl -w json', () => {
  it('decodes base64 keys and values as etcdctl prints them', () => {
    const output = JSON.stringify({
      header: { cluster_id: 1, member_id: 2, revision: 9, raft_term: 2 },
      kvs: [
        { key: b64('foo'), create_revision: 4, mod_revision: 9, version: 3, value: b64('bär') },
      ],
      count: 1,
    });
    expect(parseEtcdJson(output)).toEqual({ revision: 9, kvs: [kv('foo', 4, 9, 3, 'bär')] });
  });

  it('reads keys-only answers, empty answers and errors', () => {
    const keysOnly = JSON.stringify({
      header: { revision: 3 },
      kvs: [
        { key: b64('/registry/minions/ship-1'), create_revision: 2, mod_revision: 3, version: 2 },
      ],
    });
    expect(parseEtcdJson(keysOnly)).toEqual({
      revision: 3,
      kvs: [kv('/registry/minions/ship-1', 2, 3, 2)],
    });
    expect(parseEtcdJson('{"header":{"revision":5}}')).toEqual({ revision: 5, kvs: [] });
    expect(
      parseEtcdJson('Error: etcdserver: mvcc: required revision has been compacted\n'),
    ).toEqual({
      error: 'Error: etcdserver: mvcc: required revision has been compacted',
    });
  });

  it('keeps text that is not base64 of UTF-8', () => {
    expect(decodeEtcdBytes('/registry/pods/default/web')).toBe('/registry/pods/default/web');
    expect(decodeEtcdBytes('hello world')).toBe('hello world');
    expect(decodeEtcdBytes('//8=')).toBe('//8=');
  });
});

describe('ledger keys', () => {
  it('groups keys by registry folder, keys written by hand last', () => {
    const groups = groupKeys([
      kv('/registry/pods/default/web-2', 5, 5, 1),
      kv('foo', 9, 9, 1),
      kv('/registry/minions/ship-1', 2, 8, 4),
      kv('/registry/pods/default/web-1', 4, 6, 2),
      kv('/registry/services/specs/default/kubernetes', 3, 3, 1),
    ]);
    expect(groups.map((g) => [g.name, g.prefix, g.keys.map((k) => k.key)])).toEqual([
      ['minions', '/registry/minions/', ['/registry/minions/ship-1']],
      ['pods', '/registry/pods/', ['/registry/pods/default/web-1', '/registry/pods/default/web-2']],
      ['services', '/registry/services/', ['/registry/services/specs/default/kubernetes']],
      ['other', '', ['foo']],
    ]);
  });
});

describe('ledger values', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(showValue('{"a":1,"b":[2]}')).toMatchObject({
      json: true,
      text: '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}',
    });
    expect(showValue('bar')).toEqual({ text: 'bar', json: false });
    expect(showValue('{not json')).toEqual({ text: '{not json', json: false });
  });

  it('lists what changed between versions, without resourceVersion noise', () => {
    const before = {
      metadata: { name: 'web', resourceVersion: '5', labels: { app: 'web' } },
      status: { phase: 'Pending' },
    };
    const after = {
      metadata: { name: 'web', resourceVersion: '9' },
      status: { phase: 'Running', podIP: '10.244.1.5' },
    };
    expect(diffValues(before, after)).toEqual([
      { path: 'metadata.labels', kind: 'removed', before: '{"app":"web"}' },
      { path: 'status.phase', kind: 'changed', before: '"Pending"', after: '"Running"' },
      { path: 'status.podIP', kind: 'added', after: '"10.244.1.5"' },
    ]);
    expect(diffValues('bar', 'baz')).toEqual([
      { path: '(value)', kind: 'changed', before: '"bar"', after: '"baz"' },
    ]);
    expect(diffValues({ items: [1, 2] }, { items: [1, 3] })).toEqual([
      { path: 'items[1]', kind: 'changed', before: '2', after: '3' },
    ]);
  });
});

describe('key history', () => {
  /** A ledger where `foo` was written at revisions 3, 6 and 8 (created at 3). */
  const writes = [
    { rev: 3, value: 'one' },
    { rev: 6, value: 'two' },
    { rev: 8, value: 'three' },
  ];
  const reader = (compactedBelow = 0) => {
    const lines: string[] = [];
    const read = (line: string): ExecResult => {
      lines.push(line);
      const rev = Number(/--rev=(\d+)/.exec(line)![1]);
      if (rev < compactedBelow)
        return {
          ok: false,
          output: 'Error: etcdserver: mvcc: required revision has been compacted',
        };
      const seen = writes.filter((w) => w.rev <= rev);
      const last = seen[seen.length - 1];
      const kvs = last
        ? [
            {
              key: b64('foo'),
              create_revision: 3,
              mod_revision: last.rev,
              version: seen.length,
              value: b64(last.value),
            },
          ]
        : [];
      return {
        ok: true,
        output: JSON.stringify({
          header: { revision: 10 },
          ...(kvs.length ? { kvs, count: 1 } : {}),
        }),
      };
    };
    return { read, lines };
  };
  const current = kv('foo', 3, 8, 3, 'three');

  it('walks back one version per read until the key was created', () => {
    const { read, lines } = reader();
    const history = readHistory(read, current);
    expect(history.stop).toBe('created');
    expect(history.versions.map((v) => [v.modRevision, v.version, v.value])).toEqual([
      [8, 3, 'three'],
      [6, 2, 'two'],
      [3, 1, 'one'],
    ]);
    expect(lines).toEqual(['etcdctl get foo --rev=7 -w json', 'etcdctl get foo --rev=5 -w json']);
  });

  it('stops at compaction and at the limit', () => {
    expect(readHistory(reader(6).read, current)).toMatchObject({ stop: 'compacted' });
    expect(readHistory(reader().read, current, 2)).toMatchObject({ stop: 'limit' });
    expect(readHistory(() => undefined, current)).toMatchObject({ stop: 'error' });
  });
});
