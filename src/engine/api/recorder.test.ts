import { describe, expect, it } from 'vitest';
import type { KEvent } from '../objects/cluster';
import type { KObject } from '../objects/meta';
import { testWorld } from '../sim/testing';

const rs = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
} as KObject;

function written(world: ReturnType<typeof testWorld>): KEvent[] {
  return [...world.api.cachedAll<KEvent>('events')].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  );
}

describe('EventRecorder (client-go event correlation)', () => {
  it('writes an event named <object>.<hex nanos> with its source', () => {
    const world = testWorld();
    world
      .recorder(world.client('kcm/replicaset', 'control-plane'), 'replicaset-controller')
      .record(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-a');
    world.agenda.advance(100);
    const [event] = written(world);
    expect(event!.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
    expect(event).toMatchObject({
      reason: 'SuccessfulCreate',
      message: 'Created pod: web-a',
      type: 'Normal',
      count: 1,
      source: { component: 'replicaset-controller' },
    });
  });

  it('bumps count for a repeat instead of writing a new event', () => {
    const world = testWorld();
    const recorder = world.recorder(world.client('kubelet/ship-1', 'ship-1'), 'kubelet', 'ship-1');
    for (let i = 0; i < 3; i += 1) {
      recorder.record(rs, 'Warning', 'BackOff', 'Back-off restarting failed container');
      world.agenda.advance(1_000);
    }
    const events = written(world);
    expect(events).toHaveLength(1);
    expect(events[0]!.count).toBe(3);
  });

  it('combines similar events from the 10th and lets 25 per object through, then one per 5 minutes', () => {
    const world = testWorld();
    const recorder = world.recorder(
      world.client('kcm/replicaset', 'control-plane'),
      'replicaset-controller',
    );
    for (let i = 0; i < 100; i += 1) {
      recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
      world.agenda.advance(10);
    }
    let events = written(world);
    // 9 distinct events, then one combined event updated 16 more times (25 tokens in all).
    expect(events).toHaveLength(10);
    const combined = events.find((e) => e.message.startsWith('(combined from similar events): '))!;
    expect(combined.count).toBe(16);
    expect(combined.message).toBe('(combined from similar events): Created pod: web-24');
    world.agenda.advance(300_000);
    recorder.record(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-100');
    recorder.record(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-101');
    world.agenda.advance(100);
    events = written(world);
    expect(events.find((e) => e.message.startsWith('(combined'))!.count).toBe(17);
  });
});
