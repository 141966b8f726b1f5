import { describe, expect, it } from 'vitest';
import type { ContainerView, SimEvent, Snapshot } from '../engine';
import { describeCondition, holds } from './conditions';

function container(app: string, status: string, extra: Partial<ContainerView> = {}): ContainerView {
  return {
    id: `${app}-${status}-${Math.random()}`,
    pod: `${app}-x`,
    namespace: 'default',
    app,
    ship: 'ship-1',
    phase: 'Running',
    status,
    ready: status === 'Running',
    restarts: 0,
    since: 0,
    onDeck: 'running',
    terminating: status === 'Terminating',
    image: 'nginx:1.27',
    requests: { cpu: 0, memory: 0 },
    ...extra,
  };
}

const snapshot = {
  containers: [
    container('web', 'Running'),
    container('web', 'Running'),
    container('web', 'Terminating'),
    container('db', 'CrashLoopBackOff', { restarts: 3, ship: 'ship-2' }),
  ],
  ships: [
    { name: 'ship-1', status: 'Ready', taints: [] },
    {
      name: 'ship-2',
      status: 'Unknown',
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
    },
  ],
  services: [{ name: 'db', endpoints: [{ ready: true }, { ready: false }] }],
  ledger: { writable: 'no-quorum' },
} as unknown as Snapshot;

const events = [
  {
    seq: 1,
    t: 5,
    source: 'scheduler',
    type: 'k8s.Scheduled',
    text: '',
    subject: 'pod/default/web-x',
  },
] as SimEvent[];

describe('step conditions', () => {
  it('evaluates each kind against the snapshot', () => {
    expect(holds({ podsRunning: { app: 'web', count: 2 } }, snapshot, events)).toBe(true);
    expect(holds({ podsRunning: { app: 'web', count: 3 } }, snapshot, events)).toBe(false);
    expect(
      holds({ podsWithStatus: { app: 'db', status: 'CrashLoopBackOff' } }, snapshot, events),
    ).toBe(true);
    expect(holds({ podsOnShip: { ship: 'ship-1', count: 2 } }, snapshot, events)).toBe(true);
    expect(holds({ shipStatus: { ship: 'ship-2', status: 'Unknown' } }, snapshot, events)).toBe(
      true,
    );
    expect(
      holds(
        { shipTainted: { ship: 'ship-2', key: 'node.kubernetes.io/unreachable' } },
        snapshot,
        events,
      ),
    ).toBe(true);
    expect(holds({ ledger: 'no-quorum' }, snapshot, events)).toBe(true);
    expect(holds({ endpoints: { service: 'db', ready: 1 } }, snapshot, events)).toBe(true);
    expect(holds({ restarts: { app: 'db', atLeast: 3 } }, snapshot, events)).toBe(true);
    expect(holds({ event: { type: 'k8s.Scheduled', subject: 'web' } }, snapshot, events)).toBe(
      true,
    );
    expect(holds({ event: { type: 'k8s.Scheduled', subject: 'db' } }, snapshot, events)).toBe(
      false,
    );
    expect(
      holds(
        { allOf: [{ ledger: 'no-quorum' }, { podsRunning: { app: 'web', count: 3 } }] },
        snapshot,
        events,
      ),
    ).toBe(false);
    expect(
      holds(
        { anyOf: [{ ledger: 'ok' }, { podsRunning: { app: 'web', count: 2 } }] },
        snapshot,
        events,
      ),
    ).toBe(true);
  });

  it('describes conditions in words', () => {
    expect(
      describeCondition({
        allOf: [
          { podsRunning: { app: 'web', count: 3 } },
          { shipStatus: { ship: 'ship-2', status: 'Unknown' } },
        ],
      }),
    ).toBe('3 web container(s) Running and ready and ship-2 Unknown');
  });
});
