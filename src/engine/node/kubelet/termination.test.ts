import { describe, expect, it } from 'vitest';
import { readyHarbor } from './testkit';

describe('kubelet: termination', () => {
  it('stops a deleted pod gracefully, reports it, then deletes the object with grace 0', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.advance(3_000);
    const uid = h.pod('web')!.metadata.uid;
    const phases: string[] = [];
    h.world.ledger.watch('/registry/pods/default/web', (e) =>
      phases.push(
        e.type === 'DELETE'
          ? 'DELETED'
          : (e.kv.value as { status: { phase: string } }).status.phase,
      ),
    );
    h.remove('web');
    expect(h.pod('web')!.metadata.deletionTimestamp).toBeDefined();
    h.advance(100);
    expect(h.events('web').at(-1)).toBe('Killing: Stopping container main');
    expect(h.runtime.deck(uid)).toBe('stopping');
    h.advance(2_000);
    expect(h.pod('web')).toBeUndefined();
    expect(phases.at(-1)).toBe('DELETED');
    // The last status before the delete is terminal (since v1.27 deleted pods end Succeeded/Failed).
    expect(phases.at(-2)).toBe('Succeeded');
    expect(h.runtime.deck(uid)).toBe('none');
    expect(h.runtime.isServing('10.244.1.2')).toBe(false);
    expect(h.kubelet.podUids()).toEqual([]);
  });

  it('waits out the grace period for a process that ignores SIGTERM, then SIGKILL (137)', () => {
    const h = readyHarbor({ ship: { images: ['busybox:1.36'] } });
    h.run('sleeper', {
      terminationGracePeriodSeconds: 5,
      containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '3600'] }],
    });
    h.advance(3_000);
    let final: { phase: string; code?: number } | undefined;
    h.world.ledger.watch('/registry/pods/default/sleeper', (e) => {
      if (e.type !== 'PUT') return;
      const v = e.kv.value as {
        status: {
          phase: string;
          containerStatuses?: { state: { terminated?: { exitCode: number } } }[];
        };
      };
      final = {
        phase: v.status.phase,
        code: v.status.containerStatuses?.[0]?.state.terminated?.exitCode,
      };
    });
    h.remove('sleeper');
    h.advance(4_500);
    expect(h.pod('sleeper')).toBeDefined();
    h.advance(1_000);
    expect(h.pod('sleeper')).toBeUndefined();
    expect(final).toEqual({ phase: 'Failed', code: 137 });
  });

  it('deletes a pod caught mid-pull without ever starting it', () => {
    const h = readyHarbor();
    h.run('db', {
      containers: [
        { name: 'db', image: 'postgres:17', env: [{ name: 'POSTGRES_PASSWORD', value: 'secret' }] },
      ],
    });
    h.advance(1_500);
    const uid = h.pod('db')!.metadata.uid;
    expect(h.runtime.deck(uid)).toBe('pulling');
    h.remove('db');
    h.advance(10_000);
    expect(h.pod('db')).toBeUndefined();
    expect(h.events('db').some((e) => e.startsWith('Started'))).toBe(false);
    expect(h.runtime.deck(uid)).toBe('none');
  });
});

describe('kubelet: a cut radio (network partition)', () => {
  it('keeps containers running, and reconciles status and deletions when the radio is back', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.run('api');
    h.advance(3_000);
    const web = h.pod('web')!.metadata.uid;
    const api = h.pod('api')!.metadata.uid;
    const lastCheckIn = h.kubelet.lastLeaseRenewal();
    h.world.network.cutRadio('ship-1');
    // A crash while cut off: the captain restarts it, but the bridge cannot hear about it.
    h.kubelet.crashContainer('default', 'web', undefined, 1, 1);
    // The user deletes api gracefully; the bridge marks it Terminating and waits for the kubelet.
    h.remove('api');
    h.advance(300_000);
    expect(h.runtime.deck(web)).toBe('running');
    expect(h.runtime.deck(api)).toBe('running');
    expect(h.runtime.isServing('10.244.1.2')).toBe(true);
    expect(h.kubelet.lastLeaseRenewal()).toBe(lastCheckIn);
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBe(0);
    expect(h.pod('api')!.metadata.deletionTimestamp).toBeDefined();
    h.world.network.restoreRadio('ship-1');
    h.advance(60_000);
    expect(h.kubelet.lastLeaseRenewal()).toBeGreaterThan(lastCheckIn);
    expect(h.pod('web')!.status.containerStatuses![0]!.restartCount).toBe(1);
    expect(h.pod('api')).toBeUndefined();
    expect(h.runtime.deck(api)).toBe('none');
    expect(h.runtime.deck(web)).toBe('running');
  });

  it('kills containers of pods force-deleted while it could not hear (the relist reports the delete)', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.advance(3_000);
    const uid = h.pod('web')!.metadata.uid;
    h.world.network.cutRadio('ship-1');
    h.remove('web', 0);
    expect(h.pod('web')).toBeUndefined();
    h.advance(120_000);
    expect(h.runtime.deck(uid)).toBe('running');
    h.world.network.restoreRadio('ship-1');
    h.advance(60_000);
    expect(h.runtime.deck(uid)).toBe('none');
    expect(h.kubelet.podUids()).toEqual([]);
  });

  it('goes silent when the ship sinks: no writes, nothing on deck', () => {
    const h = readyHarbor({ ship: { images: ['nginx:1.27'] } });
    h.run('web');
    h.advance(3_000);
    const uid = h.pod('web')!.metadata.uid;
    h.world.network.sink('ship-1');
    h.kubelet.stop();
    expect(h.runtime.deck(uid)).toBe('none');
    const before = h.pod('web')!.metadata.resourceVersion;
    h.remove('web');
    h.advance(120_000);
    // The pod stays Terminating: only its kubelet (or pod GC) may finish the delete.
    expect(h.pod('web')!.metadata.deletionTimestamp).toBeDefined();
    expect(h.pod('web')!.metadata.resourceVersion).not.toBe(before);
    expect(h.kubelet.logs('default', 'web', undefined, false)).toEqual({
      ok: false,
      output:
        'Error from server: Get "https://172.18.0.3:10250/containerLogs/default/web/main": dial tcp 172.18.0.3:10250: connect: no route to host',
    });
  });
});
