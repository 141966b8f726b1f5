import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { createActor, type AnyStateMachine, type StateValue } from 'xstate';
import { testWorld } from '../../sim/testing';
import { DeploymentController } from './deploymentController';
import { deploymentControllerMachine } from './deploymentController.machine';
import { GarbageCollector } from './garbageCollector';
import { garbageCollectorMachine } from './garbageCollector.machine';
import { PodGCController } from './podGC';
import { podGCMachine, type PodGCHooks } from './podGC.machine';
import { ReplicaSetController } from './replicaSetController';
import { replicaSetControllerMachine } from './replicaSetController.machine';

// Model-based tests: every transition each machine declares is found in its state graph
// (@xstate/graph), reached by a shortest path, and then replayed against the real thing.

type AnyNode = {
  id: string;
  transitions: Map<string, unknown[]>;
  states: Record<string, AnyNode>;
};

/** `running.sleeping` for `{ running: 'sleeping' }`. */
function text(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([k, v]) =>
      v && (typeof v === 'string' || Object.keys(v).length) ? `${k}.${text(v as StateValue)}` : k,
    )
    .join(',');
}

/** Every (state node, event type) the machine declares. */
function declared(machine: AnyStateMachine): { source: string; event: string }[] {
  const out: { source: string; event: string }[] = [];
  const walk = (node: AnyNode) => {
    for (const event of node.transitions.keys()) out.push({ source: node.id, event });
    for (const child of Object.values(node.states)) walk(child);
  };
  walk(machine.root as unknown as AnyNode);
  return out;
}

type Edge = { prefix: string[]; event: string; from: string; to: string };

/** Every enabled transition of every reachable state, with the shortest path that reaches the state. */
function edges(machine: AnyStateMachine, input: unknown): Edge[] {
  const events = [...new Set(declared(machine).map((d) => d.event))].map((type) => ({ type }));
  const options = {
    input,
    events,
    serializeState: (s: { value: StateValue }) => text(s.value),
  } as never;
  const adjacency = getAdjacencyMap(machine, options) as unknown as Record<
    string,
    {
      state: { value: StateValue; can(e: { type: string }): boolean };
      transitions: Record<string, { event: { type: string }; state: { value: StateValue } }>;
    }
  >;
  const paths = new Map<string, string[]>();
  for (const path of getShortestPaths(machine, options))
    paths.set(
      text((path.state as { value: StateValue }).value),
      path.steps.slice(1).map((s) => (s.event as { type: string }).type),
    );
  const out: Edge[] = [];
  for (const [from, { state, transitions }] of Object.entries(adjacency)) {
    for (const { event, state: next } of Object.values(transitions)) {
      if (!state.can(event)) continue;
      out.push({ prefix: paths.get(from) ?? [], event: event.type, from, to: text(next.value) });
    }
  }
  return out;
}

/** Asserts every declared transition is among the edges (its source state active, its event taken). */
function expectAllCovered(machine: AnyStateMachine, all: Edge[]): void {
  const id = machine.id;
  for (const { source, event } of declared(machine)) {
    const path = source.slice(id.length + 1);
    const covered = all.some(
      (e) => e.event === event && (e.from === path || e.from.startsWith(`${path}.`)),
    );
    expect(covered, `${source} on ${event}`).toBe(true);
  }
}

type Sut = { send(event: string): void; state(): string };

function replay(all: Edge[], make: () => Sut): void {
  for (const edge of all) {
    const sut = make();
    for (const event of edge.prefix) sut.send(event);
    expect(sut.state(), `reaching ${edge.from}`).toBe(edge.from);
    sut.send(edge.event);
    expect(sut.state(), `${edge.from} --${edge.event}--> ${edge.to}`).toBe(edge.to);
  }
}

const noHooks = { startInformers() {}, startWorkers() {}, stopEverything() {} };

/** A real controller driven by its lifecycle events: START/STOP are calls, CACHES_SYNCED is the first list arriving. */
function lifecycleSut(
  make: (world: ReturnType<typeof testWorld>) => { start(): void; stop(): void; state(): string },
): () => Sut {
  return () => {
    const world = testWorld();
    const controller = make(world);
    return {
      send(event) {
        if (event === 'START') controller.start();
        else if (event === 'STOP') controller.stop();
        else if (event === 'CACHES_SYNCED') world.agenda.advance(20);
        else throw new Error(event);
      },
      state: () => controller.state(),
    };
  };
}

describe('workload controller machines (model-based)', () => {
  const lifecycles = [
    [
      'ReplicaSet controller',
      replicaSetControllerMachine,
      (w: ReturnType<typeof testWorld>) => new ReplicaSetController(w),
    ],
    [
      'Deployment controller',
      deploymentControllerMachine,
      (w: ReturnType<typeof testWorld>) => new DeploymentController(w),
    ],
    [
      'garbage collector',
      garbageCollectorMachine,
      (w: ReturnType<typeof testWorld>) => new GarbageCollector(w),
    ],
  ] as const;

  for (const [name, machine, make] of lifecycles) {
    it(`${name}: every transition is covered and the real controller follows the model`, () => {
      const all = edges(machine as AnyStateMachine, { hooks: noHooks });
      expect(all.map((e) => `${e.from} --${e.event}--> ${e.to}`).sort()).toEqual([
        'running --STOP--> stopped',
        'stopped --START--> waitingForCaches',
        'waitingForCaches --CACHES_SYNCED--> running',
        'waitingForCaches --STOP--> stopped',
      ]);
      expectAllCovered(machine as AnyStateMachine, all);
      replay(all, lifecycleSut(make));
    });
  }

  it('a real controller restarted after STOP syncs its caches again', () => {
    const sut = lifecycleSut((w) => new ReplicaSetController(w))();
    for (const e of ['START', 'CACHES_SYNCED', 'STOP', 'START', 'CACHES_SYNCED']) sut.send(e);
    expect(sut.state()).toBe('running');
  });

  it('pod GC: every transition is covered, the 20 s delay included, and entry actions run', () => {
    const hooks = { startInformers() {}, collectGarbage() {}, stopEverything() {} };
    const all = edges(podGCMachine, { hooks, period: 20_000 });
    expectAllCovered(podGCMachine, all);
    expect(all.map((e) => `${e.from} --${e.event}--> ${e.to}`).sort()).toEqual([
      'running.collecting --COLLECTED--> running.sleeping',
      'running.collecting --STOP--> stopped',
      'running.sleeping --STOP--> stopped',
      'running.sleeping --xstate.after.gcCheckPeriod.podGC.running.sleeping--> running.collecting',
      'stopped --START--> waitingForCaches',
      'waitingForCaches --CACHES_SYNCED--> running.collecting',
      'waitingForCaches --STOP--> stopped',
    ]);
    // Replayed on an actor in simulated time: the delayed event is 20 s of the agenda, not a send.
    replay(all, () => {
      const world = testWorld();
      const calls: string[] = [];
      const recording: PodGCHooks = {
        startInformers: () => calls.push('startInformers'),
        collectGarbage: () => calls.push('collectGarbage'),
        stopEverything: () => calls.push('stopEverything'),
      };
      const actor = createActor(podGCMachine, {
        clock: world.clock,
        input: { hooks: recording, period: 20_000 },
      });
      actor.start();
      return {
        send(event) {
          if (event.startsWith('xstate.after.')) {
            const before = calls.filter((c) => c === 'collectGarbage').length;
            world.agenda.advance(19_999);
            expect(text(actor.getSnapshot().value)).toBe('running.sleeping');
            world.agenda.advance(1);
            expect(calls.filter((c) => c === 'collectGarbage').length).toBe(before + 1);
          } else actor.send({ type: event } as never);
          if (event === 'START') expect(calls.at(-1)).toBe('startInformers');
          if (event === 'STOP') expect(calls.at(-1)).toBe('stopEverything');
          if (event === 'CACHES_SYNCED') expect(calls.at(-1)).toBe('collectGarbage');
        },
        state: () => text(actor.getSnapshot().value),
      };
    });
  });

  it('the real pod GC follows the model: a pass with nothing to do ends at once, then it sleeps 20 s', () => {
    const world = testWorld();
    const gc = new PodGCController(world);
    expect(gc.state()).toBe('stopped');
    gc.start();
    expect(gc.state()).toBe('waitingForCaches');
    world.agenda.advance(20);
    expect(gc.state()).toBe('running.sleeping');
    world.agenda.advance(20_000);
    expect(gc.state()).toBe('running.sleeping');
    gc.stop();
    expect(gc.state()).toBe('stopped');
  });
});
