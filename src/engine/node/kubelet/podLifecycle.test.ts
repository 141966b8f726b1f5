import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { transition } from 'xstate';
import fc from 'fast-check';
import {
  CONTAINER_EVENTS,
  CONTAINER_PHASES,
  containerTransition,
  type ContainerEvent,
  type ContainerPhase,
} from './podLifecycle';
import { podLifecycleMachine } from './podLifecycle.machine';
import { readyHarbor } from './testkit';

const events: ContainerEvent[] = CONTAINER_EVENTS.map((type) => ({ type }) as ContainerEvent);

describe('pod lifecycle: the reducer and the machine agree (model-based)', () => {
  it('on every state × event pair', () => {
    for (const phase of CONTAINER_PHASES) {
      const snapshot = podLifecycleMachine.resolveState({ value: phase });
      for (const event of events) {
        const [next] = transition(podLifecycleMachine, snapshot, event);
        expect([phase, event.type, next.value]).toEqual([
          phase,
          event.type,
          containerTransition(phase, event),
        ]);
      }
    }
  });

  it('along every path the machine allows (shortest and simple paths)', () => {
    const options = { events, serializeState: (s: { value: unknown }) => JSON.stringify(s.value) };
    const paths = [
      ...getShortestPaths(podLifecycleMachine, options),
      ...getSimplePaths(podLifecycleMachine, { ...options, limit: 5_000 }),
    ];
    expect(paths.length).toBeGreaterThan(CONTAINER_PHASES.length);
    const reached = new Set<string>();
    for (const path of paths) {
      let phase: ContainerPhase = 'Waiting';
      for (const step of path.steps) {
        phase = containerTransition(phase, step.event as ContainerEvent);
        expect(phase).toBe(step.state.value);
        reached.add(phase);
      }
    }
    // Every phase is reachable from Waiting.
    expect([...reached].sort()).toEqual([...CONTAINER_PHASES].sort());
  });

  it('ends only in Terminated, and Terminated absorbs everything', () => {
    for (const event of events) expect(containerTransition('Terminated', event)).toBe('Terminated');
    for (const phase of CONTAINER_PHASES) {
      // From anywhere, KILL then (for a running process) EXITED and DONE reach Terminated.
      let p = containerTransition(phase, { type: 'KILL' });
      p = containerTransition(p, { type: 'EXITED' });
      p = containerTransition(p, { type: 'DONE' });
      expect([phase, p]).toEqual([phase, 'Terminated']);
    }
  });
});

type Action =
  | { kind: 'crash'; code: number; times: number }
  | { kind: 'oom' }
  | { kind: 'probe'; probe: 'readiness' | 'liveness'; healthy: boolean }
  | { kind: 'cut' }
  | { kind: 'restore' }
  | { kind: 'delete'; grace: number }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('crash' as const),
    code: fc.integer({ min: 0, max: 3 }),
    times: fc.integer({ min: 1, max: 3 }),
  }),
  fc.constant({ kind: 'oom' as const }),
  fc.record({
    kind: fc.constant('probe' as const),
    probe: fc.constantFrom('readiness' as const, 'liveness' as const),
    healthy: fc.boolean(),
  }),
  fc.constant({ kind: 'cut' as const }),
  fc.constant({ kind: 'restore' as const }),
  fc.record({ kind: fc.constant('delete' as const), grace: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
);

describe('pod lifecycle: invariants under random faults (property)', () => {
  it('never leaves a container running once the pod is deleted and the grace period is over', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 12 }),
        fc.constantFrom('nginx:1.27', 'busybox:1.36'),
        (actions, image) => {
          const h = readyHarbor({ ship: { images: ['nginx:1.27', 'busybox:1.36'] } });
          h.run('web', {
            terminationGracePeriodSeconds: 10,
            containers: [
              {
                name: 'main',
                image,
                ...(image.startsWith('busybox')
                  ? { command: ['sh', '-c', 'while true; do sleep 5; done'] }
                  : {}),
                readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
              },
            ],
          });
          h.advance(3_000);
          const uid = h.pod('web')!.metadata.uid;
          let deleted = false;
          let upSince = 0;
          let goneSince: number | undefined;
          for (const a of actions) {
            switch (a.kind) {
              case 'crash':
                h.kubelet.crashContainer('default', 'web', undefined, a.code, a.times);
                break;
              case 'oom':
                h.kubelet.oomKill('default', 'web', undefined);
                break;
              case 'probe':
                h.kubelet.setProbeHealth('default', 'web', undefined, a.probe, a.healthy);
                break;
              case 'cut':
                h.world.network.cutRadio('ship-1');
                break;
              case 'restore':
                h.world.network.restoreRadio('ship-1');
                break;
              case 'delete':
                if (!deleted && h.pod('web')) h.remove('web', a.grace);
                deleted = true;
                break;
              case 'wait':
                h.advance(a.ms);
                break;
            }
            const now = h.world.now();
            if (h.world.network.radioCut('ship-1')) upSince = Infinity;
            else if (upSince === Infinity) upSince = now;
            if (h.pod('web') === undefined && goneSince === undefined) goneSince = now;
            // Connected, and the pod gone for longer than its grace period plus a watch re-list:
            // nothing of it may still run on deck.
            if (goneSince !== undefined && now - Math.max(goneSince, upSince) > 10_000 + 40_000)
              expect(h.runtime.listContainers(uid).filter((c) => c.state === 'running')).toEqual(
                [],
              );
          }
          h.world.network.restoreRadio('ship-1');
          if (!deleted && h.pod('web')) h.remove('web');
          // Grace (10 s) + stop + the informer's re-list back-off (at most 30 s, with jitter).
          h.advance(120_000);
          const running = h.runtime.listContainers(uid).filter((c) => c.state === 'running');
          expect(running).toEqual([]);
          expect(h.pod('web')).toBeUndefined();
          expect(h.runtime.deck(uid)).toBe('none');
          expect(h.runtime.isServing('10.244.1.2')).toBe(false);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
