import { describe, expect, it } from 'vitest';
import type { Pod } from '../../objects/workloads';
import { rfc3339 } from '../../time/format';
import { POD_DELETION_COST } from './podUtil';
import { logarithmicRankDiff, podsToDelete } from './rank';

const NOW = 3_600_000;

type Shape = {
  node?: string;
  phase?: Pod['status']['phase'];
  ready?: boolean;
  readyAt?: number;
  created?: number;
  restarts?: number;
  cost?: string;
  uid?: string;
};

function pod(name: string, s: Shape = {}): Pod {
  const ready = s.ready ?? false;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: s.uid ?? `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: rfc3339(s.created ?? 0),
      ...(s.cost !== undefined ? { annotations: { [POD_DELETION_COST]: s.cost } } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(s.node ? { nodeName: s.node } : {}) },
    status: {
      phase: s.phase ?? (s.node ? 'Running' : 'Pending'),
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: rfc3339(s.readyAt ?? 0),
        },
      ],
      containerStatuses: [
        {
          name: 'c',
          state: {},
          lastState: {},
          ready,
          restartCount: s.restarts ?? 0,
          image: 'nginx',
          imageID: '',
        },
      ],
    },
  };
}

/** The full deletion order of `pods` (related = the pods themselves). */
const order = (...pods: Pod[]) =>
  podsToDelete(pods, pods, pods.length - 1, NOW).map((p) => p.metadata.name);
const first = (pods: Pod[], related: Pod[] = pods) =>
  podsToDelete(pods, related, 1, NOW)[0]!.metadata.name;

describe('ActivePodsWithRanks: which pods a ReplicaSet deletes first', () => {
  it('1. unscheduled before scheduled', () => {
    expect(first([pod('scheduled', { node: 'a', ready: true }), pod('unscheduled')])).toBe(
      'unscheduled',
    );
  });

  it('2. Pending < Unknown < Running', () => {
    expect(
      order(
        pod('running', { node: 'a', phase: 'Running' }),
        pod('unknown', { node: 'b', phase: 'Unknown' }),
        pod('pending', { node: 'c', phase: 'Pending' }),
        pod('also-running', { node: 'd', phase: 'Running' }),
      ),
    ).toEqual(['pending', 'unknown', 'running']);
  });

  it('3. not ready before ready', () => {
    expect(
      first([
        pod('ready', { node: 'a', ready: true }),
        pod('not-ready', { node: 'b', ready: false }),
      ]),
    ).toBe('not-ready');
  });

  it('4. lower pod-deletion-cost first (invalid values count as 0)', () => {
    const pods = [
      pod('high', { node: 'a', ready: true, cost: '100' }),
      pod('low', { node: 'b', ready: true, cost: '-5' }),
      pod('plus', { node: 'c', ready: true, cost: '+10' }),
      pod('none', { node: 'd', ready: true }),
    ];
    expect(podsToDelete(pods, pods, 1, NOW)[0]!.metadata.name).toBe('low');
    expect(podsToDelete(pods, pods, 3, NOW).map((p) => p.metadata.name)).not.toContain('high');
  });

  it('5. more related pods on the same node first', () => {
    const crowded = pod('crowded', { node: 'a', ready: true, created: 10_000 });
    const alone = pod('alone', { node: 'b', ready: true, created: 10_000 });
    const siblings = [
      pod('sib-1', { node: 'a', ready: true }),
      pod('sib-2', { node: 'a', ready: true }),
    ];
    expect(first([alone, crowded], [alone, crowded, ...siblings])).toBe('crowded');
  });

  it('6. ready for less time first, compared in log2 buckets, then by UID', () => {
    // Ready 10 s ago vs 1 h ago: different buckets.
    expect(
      first([
        pod('old', { node: 'a', ready: true, readyAt: NOW - 3_600_000 }),
        pod('new', { node: 'b', ready: true, readyAt: NOW - 10_000 }),
      ]),
    ).toBe('new');
    // Ready 40 s vs 50 s ago: same power-of-two bucket of nanoseconds → the UID decides.
    expect(logarithmicRankDiff(NOW - 40_000, NOW - 50_000, NOW)).toBe(0);
    expect(
      first([
        pod('x', { node: 'a', ready: true, readyAt: NOW - 40_000, uid: 'bbb' }),
        pod('y', { node: 'b', ready: true, readyAt: NOW - 50_000, uid: 'aaa' }),
      ]),
    ).toBe('y');
  });

  it('7. more container restarts first', () => {
    expect(
      first([
        pod('calm', { node: 'a', ready: true, restarts: 0 }),
        pod('crashy', { node: 'b', ready: true, restarts: 4 }),
      ]),
    ).toBe('crashy');
  });

  it('8. newer first (log2 buckets of age), then by UID', () => {
    expect(
      first([
        pod('older', { node: 'a', created: 0 }),
        pod('newer', { node: 'b', created: NOW - 5_000 }),
      ]),
    ).toBe('newer');
    expect(
      first([
        pod('p', { node: 'a', created: NOW - 40_000, uid: 'b-uid' }),
        pod('q', { node: 'b', created: NOW - 50_000, uid: 'a-uid' }),
      ]),
    ).toBe('q');
  });

  it('applies the rules in order: a ready pod with restarts outlives a not-ready one', () => {
    expect(
      order(
        pod('ready-crashy', { node: 'a', ready: true, restarts: 9 }),
        pod('not-ready', { node: 'b', ready: false }),
        pod('unscheduled'),
      ),
    ).toEqual(['unscheduled', 'not-ready']);
  });

  it('returns every pod without sorting when all must go', () => {
    const pods = [pod('a'), pod('b')];
    expect(podsToDelete(pods, pods, 5, NOW)).toEqual(pods);
  });
});
