import { describe, expect, it } from 'vitest';
import { RateLimitedTimedQueue } from './rateLimitedQueue';
import { computeZoneState } from './nodeHealth';
import { matchingTolerations, minTolerationTime, swapTaints, toleratesTaint } from './taints';

describe('taints and tolerations (k8s.io/api/core/v1/toleration.go)', () => {
  const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const };
  it('matches by key, operator, value and effect', () => {
    expect(
      toleratesTaint(
        { key: unreachable.key, operator: 'Exists', effect: 'NoExecute' },
        unreachable,
      ),
    ).toBe(true);
    expect(toleratesTaint({ operator: 'Exists' }, unreachable)).toBe(true);
    expect(
      toleratesTaint(
        { key: unreachable.key, effect: 'NoSchedule', operator: 'Exists' },
        unreachable,
      ),
    ).toBe(false);
    expect(
      toleratesTaint({ key: 'gpu', value: 'a' }, { key: 'gpu', value: 'a', effect: 'NoSchedule' }),
    ).toBe(true);
    expect(
      toleratesTaint({ key: 'gpu', value: 'b' }, { key: 'gpu', value: 'a', effect: 'NoSchedule' }),
    ).toBe(false);
  });
  it('the shortest tolerationSeconds wins; none means forever; ≤ 0 means now', () => {
    const t300 = { key: unreachable.key, operator: 'Exists' as const, tolerationSeconds: 300 };
    const t60 = {
      operator: 'Exists' as const,
      effect: 'NoExecute' as const,
      tolerationSeconds: 60,
    };
    expect(matchingTolerations([unreachable], [t300]).allTolerated).toBe(true);
    expect(
      matchingTolerations([unreachable, { key: 'x', effect: 'NoExecute' }], [t300]).allTolerated,
    ).toBe(false);
    expect(minTolerationTime([t300, t60])).toBe(60_000);
    expect(minTolerationTime([{ operator: 'Exists' }])).toBe(-1);
    expect(minTolerationTime([{ operator: 'Exists', tolerationSeconds: 0 }])).toBe(0);
  });
  it('swaps taints without touching the others or re-stamping existing ones', () => {
    const taints = swapTaints(
      [
        { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
        { ...unreachable, timeAdded: 'then' },
      ],
      [unreachable, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
      [{ key: 'dedicated', effect: 'NoSchedule' }],
      'now',
    );
    expect(taints).toEqual([
      { ...unreachable, timeAdded: 'then' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: 'now' },
    ]);
  });
});

describe('zone states (ComputeZoneState)', () => {
  const c = (status: 'True' | 'False' | 'Unknown') => ({ type: 'Ready', status });
  it('Normal, PartialDisruption at ≥ 55 % with more than 2 down, FullDisruption with none ready', () => {
    expect(computeZoneState([c('True'), c('Unknown')]).state).toBe('Normal');
    expect(computeZoneState([c('True'), c('True'), c('Unknown'), c('Unknown')]).state).toBe(
      'Normal',
    );
    expect(
      computeZoneState([c('True'), c('True'), c('Unknown'), c('Unknown'), c('False')]).state,
    ).toBe('PartialDisruption');
    expect(computeZoneState([c('Unknown'), undefined]).state).toBe('FullDisruption');
  });
});

describe('RateLimitedTimedQueue (one token per 10 s, burst 1)', () => {
  it('lets one node through at once, then one per interval; remembers processed ones until removed', () => {
    const queue = new RateLimitedTimedQueue(10_000, 0);
    const done: string[] = [];
    queue.add('a', 'ua', 0);
    queue.add('b', 'ub', 0);
    expect(queue.add('a', 'ua', 0)).toBe(false);
    queue.try(0, (v) => (done.push(v.value), { done: true }));
    expect(done).toEqual(['a']);
    queue.try(9_999, (v) => (done.push(v.value), { done: true }));
    expect(done).toEqual(['a']);
    expect(queue.nextReadyAt(9_999)).toBe(10_000);
    queue.try(10_000, (v) => (done.push(v.value), { done: true }));
    expect(done).toEqual(['a', 'b']);
    expect(queue.add('a', 'ua', 20_000)).toBe(false);
    expect(queue.remove('a')).toBe(true);
    expect(queue.add('a', 'ua', 20_000)).toBe(true);
  });
  it('stops when swapped to no rate', () => {
    const queue = new RateLimitedTimedQueue(10_000, 0);
    queue.swapLimiter(undefined, 0);
    queue.add('a', 'ua', 0);
    expect(queue.nextReadyAt(0)).toBeUndefined();
    queue.try(100_000, () => ({ done: true }));
    expect(queue.size()).toBe(1);
  });
});
