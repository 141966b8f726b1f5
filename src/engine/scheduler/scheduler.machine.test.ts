import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import { createActor, type AnyTransitionDefinition, type EventObject } from 'xstate';
import { testWorld } from '../sim/testing';
import { schedulerMachine, type CraneCrew, type SchedulerEvent } from './scheduler.machine';

// Model-based test: the machine's own graph is the model. Every reachable state is reached by its
// shortest path on a real actor (on the simulation's clock), every event is tried there, and the
// actor must land where the model says. Together the runs must take every transition.

type Calls = string[];

function stubCrew(drained: boolean, calls: Calls, backoffEmpty = false): CraneCrew {
  return {
    runCycles: () => calls.push('runCycles'),
    queueDrained: () => drained,
    flushBackoffQ: () => calls.push('flushBackoffQ'),
    backoffEmpty: () => backoffEmpty,
    flushUnschedulablePods: () => calls.push('flushUnschedulablePods'),
    untilNextBackoffWindow: () => 1_000,
    unschedulableFlushPeriod: 30_000,
    idleCheck: 100,
    crewChanged: (state) => calls.push(`crew:${state}`),
  };
}

function transitionKey(t: AnyTransitionDefinition): string {
  const guard = typeof t.guard === 'string' ? `[${t.guard}]` : t.guard ? '[guard]' : '';
  const targets = (t.target ?? []).map((n) => n.id).join(',');
  return `${t.source.id} --${t.eventType}${guard}--> ${targets || '(self)'}`;
}

/** Every transition the machine defines, delayed ones included. */
function allTransitions(): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of getStateNodes(schedulerMachine.root)) {
    for (const [eventType, list] of node.transitions) {
      for (const t of list) out.set(transitionKey(t), eventType);
    }
  }
  return out;
}

const transitions = allTransitions();
const events: SchedulerEvent[] = [...new Set(transitions.values())].map(
  (type) => ({ type }) as SchedulerEvent,
);
const serializeState = (s: { value: unknown }) => JSON.stringify(s.value);

/** Runs `steps` on a real actor; returns the actor and the transitions it took on the last step. */
function replay(drained: boolean, steps: readonly EventObject[], backoffEmpty = false) {
  const world = testWorld();
  const calls: Calls = [];
  let taken: AnyTransitionDefinition[] = [];
  const actor = createActor(schedulerMachine, {
    clock: world.clock,
    input: { crew: stubCrew(drained, calls, backoffEmpty) },
    inspect: (event) => {
      if (event.type === '@xstate.microstep')
        taken.push(
          ...(event as unknown as { _transitions: AnyTransitionDefinition[] })._transitions,
        );
    },
  });
  actor.start();
  for (const [i, step] of steps.entries()) {
    if (i === steps.length - 1) taken = [];
    actor.send(step as SchedulerEvent);
  }
  return { actor, taken, calls, world };
}

describe('scheduler.machine (model-based)', () => {
  it('takes every transition of the crane crew’s machine, landing where the model says', () => {
    const covered = new Set<string>();
    for (const [drained, backoffEmpty] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const options = {
        events,
        serializeState,
        input: { crew: stubCrew(drained, [], backoffEmpty) },
      };
      const adjacency = getAdjacencyMap(schedulerMachine, options);
      const paths = new Map(
        getShortestPaths(schedulerMachine, options).map((p) => [serializeState(p.state), p]),
      );
      for (const [key, vertex] of Object.entries(adjacency)) {
        const path = paths.get(key)!;
        expect(path).toBeDefined();
        const prefix = path.steps
          .map((s) => s.event as EventObject)
          .filter((e) => e.type !== 'xstate.init');
        for (const edge of Object.values(vertex.transitions) as {
          event: EventObject;
          state: { value: unknown };
        }[]) {
          const { actor, taken } = replay(drained, [...prefix, edge.event], backoffEmpty);
          expect(actor.getSnapshot().value).toEqual(edge.state.value);
          for (const t of taken) covered.add(transitionKey(t));
          actor.stop();
        }
      }
    }
    expect([...transitions.keys()].filter((t) => !covered.has(t))).toEqual([]);
    expect(transitions.size).toBe(8);
  });

  it('waits for the caches, then stands idle until work arrives', () => {
    const { actor, calls } = replay(false, [{ type: 'WORK_ARRIVED' }]);
    expect(actor.getSnapshot().value).toBe('waitingForCache');
    actor.send({ type: 'CACHE_SYNCED' });
    expect(actor.getSnapshot().matches({ running: { crew: 'idle' } })).toBe(true);
    actor.send({ type: 'WORK_ARRIVED' });
    expect(actor.getSnapshot().matches({ running: { crew: 'scheduling' } })).toBe(true);
    expect(calls).toEqual(['crew:waitingForCache', 'crew:idle', 'crew:scheduling', 'runCycles']);
  });

  it('flushes the back-off queue every window and the unschedulable pool every 30 s, on the simulated clock', () => {
    const { actor, calls, world } = replay(true, [
      { type: 'CACHE_SYNCED' },
      { type: 'WORK_ARRIVED' },
      { type: 'BACKOFF_PENDING' },
    ]);
    world.agenda.advance(30_000);
    expect(calls.filter((c) => c === 'flushBackoffQ')).toHaveLength(30);
    expect(calls.filter((c) => c === 'flushUnschedulablePods')).toHaveLength(1);
    // The queue was drained: the crew stood down at the first idle check.
    expect(actor.getSnapshot().matches({ running: { crew: 'idle' } })).toBe(true);
    actor.stop();
  });

  it('rests the back-off flush while both back-off queues are empty', () => {
    const { calls, world } = replay(
      true,
      [{ type: 'CACHE_SYNCED' }, { type: 'BACKOFF_PENDING' }],
      true,
    );
    world.agenda.advance(30_000);
    // One window passes, the queues are found empty, and the loop rests: no flush at all.
    expect(calls.filter((c) => c === 'flushBackoffQ')).toHaveLength(0);
  });
});
