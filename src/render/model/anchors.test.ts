import { describe, expect, it } from 'vitest';
import { componentAnchor, OFFICE_OF, signalKind } from './anchors';
import { CONTROL_SHIP, layoutHarbor } from './layout';

describe('component anchors', () => {
  const layout = layoutHarbor(['ship-1', 'ship-2'], []);

  it('puts each controller in its office', () => {
    expect(OFFICE_OF['kcm/node-lifecycle']).toBe('operations');
    expect(OFFICE_OF['kcm/taint-eviction']).toBe('operations');
    expect(OFFICE_OF['kcm/pod-gc']).toBe('operations');
    expect(OFFICE_OF['kcm/node-ipam']).toBe('operations');
    expect(OFFICE_OF['kcm/deployment']).toBe('cargo');
    expect(OFFICE_OF['kcm/replicaset']).toBe('cargo');
    expect(OFFICE_OF['kcm/garbage-collector']).toBe('cargo');
    expect(OFFICE_OF['kcm/endpointslice']).toBe('services');
  });

  it('finds a place for every component id of the engine', () => {
    const ids = [
      'apiserver',
      'etcd-0',
      'etcd-2',
      'scheduler',
      'kubectl',
      'etcdctl',
      ...Object.keys(OFFICE_OF),
      'kubelet/ship-1',
      'runtime/ship-2',
      'kube-proxy/ship-1',
      'kubelet/control-plane',
    ];
    for (const id of ids) {
      const p = { x: NaN, y: NaN };
      expect(componentAnchor(id, layout, 3, 'control-plane', p), id).toBe(true);
      expect(Number.isFinite(p.x) && Number.isFinite(p.y), id).toBe(true);
    }
    expect(componentAnchor('kubelet/ship-9', layout, 1, 'control-plane', { x: 0, y: 0 })).toBe(
      false,
    );
  });

  it('anchors the cargo office inside the cargo office', () => {
    const p = { x: 0, y: 0 };
    componentAnchor('kcm/replicaset', layout, 1, undefined, p);
    const o = CONTROL_SHIP.offices.cargo;
    expect(p.x).toBeGreaterThan(layout.control.x + o.x);
    expect(p.x).toBeLessThan(layout.control.x + o.x + o.w);
  });

  it('classifies signals: order slips, ledger writes, watches, check-ins, failures', () => {
    expect(signalKind('kcm/replicaset', 'create pods', undefined)).toBe('slip');
    expect(signalKind('kcm/endpointslice', 'create endpointslices', undefined)).toBe('write');
    expect(signalKind('apiserver', 'etcd-0', undefined)).toBe('read');
    expect(signalKind('apiserver', 'txn put', undefined)).toBe('ledger');
    expect(signalKind('apiserver', 'watch pods', undefined)).toBe('watch');
    expect(signalKind('kubelet/ship-1', 'update leases', undefined)).toBe('lease');
    expect(signalKind('kubelet/ship-1', 'update leases', false)).toBe('failed');
  });
});
