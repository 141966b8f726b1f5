import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerEvent } from './ledger';

describe('Ledger (etcd MVCC)', () => {
  it('bumps one global revision per write and keeps per-key revisions and version', () => {
    const ledger = new Ledger();
    expect(ledger.revision()).toBe(1);
    expect(ledger.put('a', '1')).toBe(2);
    expect(ledger.put('b', '1')).toBe(3);
    expect(ledger.put('a', '2')).toBe(4);
    expect(ledger.get('a')).toEqual({
      key: 'a',
      value: '2',
      createRevision: 2,
      modRevision: 4,
      version: 2,
    });
    expect(ledger.delete('a')).toBe(5);
    expect(ledger.get('a')).toBeUndefined();
    expect(ledger.delete('a')).toBeUndefined();
    expect(ledger.put('a', '3')).toBe(6);
    expect(ledger.get('a')).toMatchObject({ createRevision: 6, version: 1 });
  });

  it('reads older revisions until they are compacted', () => {
    const ledger = new Ledger();
    ledger.put('k', 'one'); // 2
    ledger.put('k', 'two'); // 3
    ledger.delete('k'); // 4
    expect(ledger.get('k', 2)?.value).toBe('one');
    expect(ledger.get('k', 3)?.value).toBe('two');
    expect(ledger.get('k', 4)).toBeUndefined();
    ledger.compact(3);
    expect(() => ledger.get('k', 2)).toThrow('mvcc: required revision has been compacted');
    expect(ledger.get('k', 3)?.value).toBe('two');
    expect(() => ledger.get('k', 99)).toThrow('future revision');
  });

  it('ranges by prefix in byte order, with a limit', () => {
    const ledger = new Ledger();
    for (const key of [
      '/registry/pods/default/b',
      '/registry/pods/default/a',
      '/registry/minions/n1',
      '/registry/pods/kube-system/c',
    ])
      ledger.put(key, key);
    expect(ledger.range('/registry/pods/').map((kv) => kv.key)).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
      '/registry/pods/kube-system/c',
    ]);
    expect(ledger.range('/registry/pods/', { limit: 1 })).toHaveLength(1);
  });

  it('compares before writing, as the API server does for optimistic concurrency', () => {
    const ledger = new Ledger();
    expect(ledger.putIf('x', 0, 'new')).toBe(2);
    expect(ledger.putIf('x', 0, 'again')).toBeUndefined();
    expect(ledger.putIf('x', 2, 'next')).toBe(3);
    expect(ledger.get('x')?.value).toBe('next');
  });

  it('watches from an older revision, then live, in order', () => {
    const ledger = new Ledger();
    ledger.put('/a/1', 'x'); // 2
    ledger.put('/b/1', 'y'); // 3
    ledger.put('/a/2', 'z'); // 4
    const seen: string[] = [];
    const cancel = ledger.watch('/a/', (e) => seen.push(`${e.type} ${e.kv.key}@${e.revision}`), {
      fromRevision: 3,
    });
    ledger.delete('/a/1'); // 5
    ledger.put('/b/2', 'w'); // 6
    cancel();
    ledger.put('/a/3', 'v');
    expect(seen).toEqual(['PUT /a/2@4', 'DELETE /a/1@5']);
  });

  it('keeps its revision growing and every watcher in revision order, whatever the writes', () => {
    const op = fc.oneof(
      fc.record({
        type: fc.constant('put' as const),
        key: fc.constantFrom('a', 'b', 'c', 'd'),
        value: fc.string({ maxLength: 3 }),
      }),
      fc.record({ type: fc.constant('del' as const), key: fc.constantFrom('a', 'b', 'c', 'd') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const ledger = new Ledger();
        const events: LedgerEvent[] = [];
        ledger.watch('', (e) => events.push(e));
        const model = new Map<string, string>();
        let last = ledger.revision();
        for (const o of ops) {
          if (o.type === 'put') {
            ledger.put(o.key, o.value);
            model.set(o.key, o.value);
          } else {
            ledger.delete(o.key);
            model.delete(o.key);
          }
          expect(ledger.revision()).toBeGreaterThanOrEqual(last);
          last = ledger.revision();
        }
        for (let i = 1; i < events.length; i += 1)
          expect(events[i]!.revision).toBe(events[i - 1]!.revision + 1);
        expect(new Map(ledger.range('').map((kv) => [kv.key, kv.value]))).toEqual(model);
        // Every past revision reads back what the model said then.
        const replay = new Map<string, string>();
        for (const e of events) {
          if (e.type === 'PUT') replay.set(e.kv.key, e.kv.value as string);
          else replay.delete(e.kv.key);
          for (const key of ['a', 'b', 'c', 'd'])
            expect(ledger.get(key, e.revision)?.value).toBe(replay.get(key));
        }
      }),
    );
  });
});
