import { describe, expect, it } from 'vitest';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import { rfc3339 } from '../time/format';
import type { ContainerStatus, Pod } from '../objects/workloads';
import { bindPod, out, setPodStatus, testCli } from './cliTesting';
import { podRow } from './podStatus';

const T0 = rfc3339(0);

function container(
  state: ContainerStatus['state'],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return {
    name: 'main',
    state,
    lastState: {},
    ready: false,
    restartCount: 0,
    image: 'nginx:1.27',
    imageID: '',
    ...extra,
  };
}

function setup() {
  const world = testWorld();
  mustCreate(world, 'nodes', testNode('ship-1'));
  return world;
}

/** Creates pod `name`, bound to ship-1, with the given status, and returns kubectl's row. */
function row(world: ReturnType<typeof setup>, name: string, status: Partial<Pod['status']>) {
  mustCreate(world, 'pods', testPod(name));
  bindPod(world, name, 'ship-1');
  const pod = setPodStatus(world, name, status);
  return podRow(pod, world.now());
}

describe('kubectl display status (printPod)', () => {
  it('shows the phase when no container says more: Pending, Running', () => {
    const world = setup();
    expect(row(world, 'p', { phase: 'Pending' }).status).toBe('Pending');
    const running = row(world, 'r', {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [container({ running: { startedAt: T0 } }, { ready: true })],
    });
    expect(running).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('shows a waiting container’s reason: ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff', () => {
    const world = setup();
    for (const reason of [
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'CrashLoopBackOff',
    ]) {
      const phase = reason === 'CrashLoopBackOff' ? 'Running' : 'Pending';
      expect(
        row(world, reason.toLowerCase(), {
          phase,
          containerStatuses: [container({ waiting: { reason } })],
        }).status,
      ).toBe(reason);
    }
  });

  it('shows a terminated container’s reason: OOMKilled, Error, Completed', () => {
    const world = setup();
    const terminated = (reason: string, exitCode: number) => ({
      phase: 'Running' as const,
      containerStatuses: [container({ terminated: { reason, exitCode, finishedAt: T0 } })],
    });
    expect(row(world, 'oom', terminated('OOMKilled', 137)).status).toBe('OOMKilled');
    expect(row(world, 'err', terminated('Error', 1)).status).toBe('Error');
    expect(row(world, 'done', { ...terminated('Completed', 0), phase: 'Succeeded' }).status).toBe(
      'Completed',
    );
    expect(
      row(world, 'code', {
        phase: 'Failed',
        containerStatuses: [container({ terminated: { reason: '', exitCode: 2, finishedAt: T0 } })],
      }).status,
    ).toBe('ExitCode:2');
  });

  it('keeps Running when one container completed and another runs (NotReady if the pod is not Ready)', () => {
    const world = setup();
    const statuses = [
      container(
        { terminated: { reason: 'Completed', exitCode: 0, finishedAt: T0 } },
        { name: 'init-like' },
      ),
      container({ running: { startedAt: T0 } }, { ready: true }),
    ];
    mustCreate(
      world,
      'pods',
      testPod('two', {
        containers: [
          { name: 'main', image: 'a' },
          { name: 'init-like', image: 'b' },
        ],
      }),
    );
    const ready = setPodStatus(world, 'two', {
      phase: 'Running',
      containerStatuses: statuses,
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    expect(podRow(ready, 0)).toEqual({ ready: '1/2', status: 'Running', restarts: '0' });
    const notReady = setPodStatus(world, 'two', {
      conditions: [{ type: 'Ready', status: 'False' }],
    });
    expect(podRow(notReady, 0).status).toBe('NotReady');
  });

  it('shows Terminating for a pod being deleted, and Unknown for one evicted from a lost node', () => {
    const world = setup();
    mustCreate(world, 'pods', testPod('going'));
    bindPod(world, 'going', 'ship-1');
    setPodStatus(world, 'going', { phase: 'Running' });
    world.api.request(
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'going' },
      'kubectl',
    );
    const going = world.api.cached<Pod>('pods', 'default', 'going')!;
    expect(podRow(going, world.now()).status).toBe('Terminating');

    mustCreate(world, 'pods', testPod('lost'));
    bindPod(world, 'lost', 'ship-1');
    setPodStatus(world, 'lost', { phase: 'Running', reason: 'NodeLost' });
    world.api.request(
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'lost' },
      'kcm/taint-eviction',
    );
    expect(podRow(world.api.cached<Pod>('pods', 'default', 'lost')!, world.now()).status).toBe(
      'Unknown',
    );
  });

  it('prints RESTARTS with the time since the last restart, as "3 (25s ago)"', () => {
    const world = setup();
    world.agenda.advance(60_000);
    const crashed = row(world, 'crashy', {
      phase: 'Running',
      containerStatuses: [
        container(
          { waiting: { reason: 'CrashLoopBackOff' } },
          {
            restartCount: 3,
            lastState: {
              terminated: { reason: 'Error', exitCode: 1, finishedAt: rfc3339(35_000) },
            },
          },
        ),
      ],
    });
    expect(crashed).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (25s ago)' });
  });

  it('shows these statuses in kubectl get pods', () => {
    const world = setup();
    const cli = testCli(world);
    row(world, 'crashy', {
      phase: 'Running',
      containerStatuses: [
        container(
          { waiting: { reason: 'CrashLoopBackOff' } },
          {
            restartCount: 1,
            lastState: { terminated: { reason: 'Error', exitCode: 1, finishedAt: T0 } },
          },
        ),
      ],
    });
    row(world, 'pulling', {
      phase: 'Pending',
      containerStatuses: [container({ waiting: { reason: 'ImagePullBackOff' } })],
    });
    world.agenda.advance(130_000);
    expect(out(cli, 'kubectl get pods')).toBe(
      [
        'NAME      READY   STATUS             RESTARTS        AGE',
        'crashy    0/1     CrashLoopBackOff   1 (2m10s ago)   2m10s',
        'pulling   0/1     ImagePullBackOff   0               2m10s',
      ].join('\n'),
    );
  });
});
