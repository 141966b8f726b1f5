import { describe, expect, it } from 'vitest';
import { testWorld } from '../../sim/testing';
import { parallel, request, runFlow, SyncError, type Flow } from './flow';
import { WorkQueue } from './workQueue';

describe('work queue (client-go semantics in simulated time)', () => {
  function queue(workers: number, busyFor: number) {
    const world = testWorld();
    const log: string[] = [];
    const q = new WorkQueue(
      world,
      { workers, rateLimitBase: 5, rateLimitMax: 1_000_000 },
      (key, done) => {
        log.push(`${world.now()} start ${key}`);
        world.agenda.after(busyFor, () => {
          log.push(`${world.now()} done ${key}`);
          done();
        });
      },
    );
    q.start();
    return { world, q, log };
  }

  it('runs at most `workers` keys at once, in the order they were added', () => {
    const { world, q, log } = queue(2, 10);
    for (const k of ['a', 'b', 'c']) q.add(k);
    world.agenda.advance(30);
    expect(log).toEqual([
      '0 start a',
      '0 start b',
      '10 done a',
      '10 done b',
      '10 start c',
      '20 done c',
    ]);
  });

  it('collapses repeated adds, and re-runs a key added while it was being handled', () => {
    const { world, q, log } = queue(5, 10);
    q.add('a');
    q.add('a');
    world.agenda.advance(5);
    q.add('a');
    q.add('a');
    world.agenda.advance(50);
    expect(log).toEqual(['0 start a', '10 done a', '10 start a', '20 done a']);
    expect(q.idle()).toBe(true);
  });

  it('backs off failing keys 5 ms, 10 ms, 20 ms … and forgets on success; addAfter keeps the earliest', () => {
    const { world, q, log } = queue(1, 0);
    q.addRateLimited('k');
    q.addRateLimited('k');
    expect(q.numRequeues('k')).toBe(2);
    world.agenda.advance(100);
    expect(log.filter((l) => l.includes('start'))).toEqual(['5 start k']);
    q.forget('k');
    q.addAfter('x', 50);
    q.addAfter('x', 20);
    q.addAfter('x', 80);
    world.agenda.advance(100);
    expect(log.filter((l) => l.includes('start x'))).toEqual(['120 start x']);
  });
});

describe('flows (sequential logic over asynchronous requests)', () => {
  it('resumes after each answer, joins parallel ones, and turns SyncError into a result', () => {
    const world = testWorld();
    const later =
      <T>(ms: number, value: T) =>
      (resume: (v: T) => void) =>
        world.agenda.after(ms, () => resume(value));
    function* flow(): Flow<string> {
      const a = yield* request(later(10, 'a'));
      const [b, c] = yield* parallel([later(5, 'b'), later(7, 'c')]);
      const d = yield* request<string>((resume) => resume('d'));
      if (d !== 'd') throw new SyncError('no');
      return `${a}${b}${c}${d}@${world.now()}`;
    }
    let out: string | undefined;
    runFlow(flow(), (r) => (out = r));
    world.agenda.advance(100);
    expect(out).toBe('abcd@17');
    function* failing(): Flow<void> {
      yield* request(later(1, 0));
      throw new SyncError('boom');
    }
    let error: string | undefined;
    runFlow(failing(), (_r, e) => (error = e?.message));
    world.agenda.advance(5);
    expect(error).toBe('boom');
  });
});
