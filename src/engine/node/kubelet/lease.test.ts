import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../time/format';
import { harbor } from './testkit';

/** Collects every renewTime the Lease had, by watching the ledger's writes. */
function renewals(h: ReturnType<typeof harbor>): string[] {
  const seen: string[] = [];
  h.world.ledger.watch('/registry/leases/kube-node-lease/ship-1', (event) => {
    const value = event.kv.value as { spec?: { renewTime?: string } } | undefined;
    if (value?.spec?.renewTime) seen.push(value.spec.renewTime);
  });
  return seen;
}

/** Simulated ms of a MicroTime renewTime. */
function ms(renewTime: string): number {
  const millis = Number(/\.(\d{3})/.exec(renewTime)![1]);
  return parseRfc3339(renewTime)! + millis;
}

describe('kubelet: the Lease (captain’s check-in)', () => {
  it('creates kube-node-lease/<ship> owned by the Node, then renews it every 10 s', () => {
    const h = harbor();
    const seen = renewals(h);
    h.advance(200);
    const lease = h.lease()!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'ship-1', leaseDurationSeconds: 40 });
    expect(lease.spec.renewTime).toMatch(/^2026-01-05T09:00:00\.\d{3}000Z$/);
    expect(lease.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Node', name: 'ship-1', uid: h.node()!.metadata.uid },
    ]);
    h.advance(60_000);
    const times = seen.map(ms);
    expect(times.length).toBe(7);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBe(10_000);
    expect(h.kubelet.lastLeaseRenewal()).toBe(times.at(-1));
  });

  it('keeps trying while the radio is cut, backing off 200 ms doubling to 7 s, and catches up after', () => {
    const h = harbor();
    const seen = renewals(h);
    h.advance(5_000);
    const lastGood = h.kubelet.lastLeaseRenewal();
    h.world.network.cutRadio('ship-1');
    // Requests from a cut ship are recorded as failed messages.
    const attempts: number[] = [];
    const start = h.world.trace.messageCount();
    h.advance(120_000);
    expect(h.kubelet.lastLeaseRenewal()).toBe(lastGood);
    expect(seen.length).toBe(1);
    for (const m of h.world.trace.messagesAround(h.world.now(), 200_000))
      if (m.from === 'kubelet/ship-1' && m.kind.endsWith('leases') && m.ok === false)
        attempts.push(m.sent);
    expect(h.world.trace.messageCount()).toBeGreaterThan(start);
    // Each try times out after clientTimeout; the waits between them grow 200, 400, … 6400, 7000 ms.
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]! - h.world.timings.clientTimeout);
    expect(gaps.slice(0, 6)).toEqual([200, 400, 800, 1_600, 3_200, 6_400]);
    expect(gaps.slice(6).every((g) => g === 7_000)).toBe(true);
    h.world.network.restoreRadio('ship-1');
    h.advance(20_000);
    expect(h.kubelet.lastLeaseRenewal()).toBeGreaterThan(lastGood);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('logs each check-in to the engine log when detail is on', () => {
    const h = harbor();
    h.advance(25_000);
    const checkIns = h.world.trace.events().filter((e) => e.type === 'kubelet.lease-renewed');
    expect(checkIns.length).toBe(3);
    expect(checkIns[0]!.source).toBe('kubelet/ship-1');
  });

  it('falls silent forever when the ship sinks', () => {
    const h = harbor();
    h.advance(15_000);
    const last = h.kubelet.lastLeaseRenewal();
    h.world.network.sink('ship-1');
    h.kubelet.stop();
    const rev = h.world.ledger.revision();
    h.advance(120_000);
    expect(h.kubelet.lastLeaseRenewal()).toBe(last);
    expect(h.kubelet.machineState()).toBe('stopped');
    // Nothing from this captain reaches the ledger any more.
    const writes = h.world.trace.recentWrites(h.world.now(), 120_000);
    expect(writes.filter((w) => w.key.includes('ship-1'))).toEqual([]);
    expect(h.world.ledger.revision()).toBeGreaterThanOrEqual(rev);
  });
});
