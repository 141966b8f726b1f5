import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { commonPrefix, complete, completionContext, type CompletionContext } from './complete';

const ctx: CompletionContext = {
  ships: ['control-plane', 'ship-1', 'ship-2'],
  pods: [
    { namespace: 'default', name: 'web-6d4f8b7c9-abcde' },
    { namespace: 'default', name: 'web-6d4f8b7c9-fghij' },
    { namespace: 'default', name: 'db-0' },
  ],
  services: [{ namespace: 'default', name: 'web' }],
  deployments: [{ namespace: 'default', name: 'web' }],
  replicasets: [{ namespace: 'default', name: 'web-6d4f8b7c9' }],
  namespaces: ['default', 'kube-system'],
  members: ['etcd-0', 'etcd-1', 'etcd-2'],
};

const tab = (line: string) => complete(line, line.length, ctx);

describe('Tab completion', () => {
  it('completes the tool, then the verb, then the resource', () => {
    expect(tab('kub').line).toBe('kubectl ');
    expect(tab('kubectl desc').line).toBe('kubectl describe ');
    expect(tab('kubectl get no').line).toBe('kubectl get nodes ');
    expect(tab('etcdctl me').line).toBe('etcdctl member ');
    expect(tab('etcdctl member l').line).toBe('etcdctl member list ');
  });

  it('lists the candidates when they share nothing more', () => {
    const result = tab('kubectl get nodes ');
    expect(result.line).toBe('kubectl get nodes ');
    expect(result.candidates).toEqual(['control-plane', 'ship-1', 'ship-2']);
    expect(tab('kubectl c').candidates).toEqual(['cluster-info', 'cordon', 'create']);
    expect(tab('kubectl ex').candidates).toEqual(['exec', 'expose']);
  });

  it('fills in the shared part of several matches', () => {
    expect(tab('kubectl get pods w').line).toBe('kubectl get pods web-6d4f8b7c9-');
    expect(tab('kubectl get nodes sh').line).toBe('kubectl get nodes ship-');
  });

  it('offers names after a kind/ prefix and for node and pod verbs', () => {
    expect(tab('kubectl describe pod/d').line).toBe('kubectl describe pod/db-0 ');
    expect(tab('kubectl cordon ship-2').line).toBe('kubectl cordon ship-2 ');
    expect(tab('kubectl logs db').line).toBe('kubectl logs db-0 ');
    expect(tab('kubectl scale dep').line).toBe('kubectl scale deployment/web ');
  });

  it('knows flag values and skips flags when counting words', () => {
    expect(tab('kubectl get pods -o y').line).toBe('kubectl get pods -o yaml ');
    expect(tab('kubectl -n kube-s').line).toBe('kubectl -n kube-system ');
    expect(tab('kubectl -n default get no').line).toBe('kubectl -n default get nodes ');
    expect(tab('etcdctl get foo -w j').line).toBe('etcdctl get foo -w json ');
    expect(tab('etcdctl get foo --re').line).toBe('etcdctl get foo --rev=');
  });

  it('walks ledger keys one folder at a time', () => {
    expect(tab('etcdctl get /registry/mi').line).toBe('etcdctl get /registry/minions/');
    const folders = tab('etcdctl get /registry/');
    expect(folders.candidates).toContain('pods/');
    expect(folders.candidates).toContain('minions/');
    expect(tab('etcdctl get /registry/pods/').line).toBe('etcdctl get /registry/pods/default/');
    expect(tab('etcdctl watch /registry/leases/kube-node-lease/ship-1').line).toBe(
      'etcdctl watch /registry/leases/kube-node-lease/ship-1 ',
    );
  });

  it('completes fault kinds and their targets', () => {
    expect(tab('fault sink').line).toBe('fault sink-ship ');
    expect(tab('fault sink-ship ship-1').line).toBe('fault sink-ship ship-1 ');
    expect(tab('fault stop-etcd-member etcd-2').line).toBe('fault stop-etcd-member etcd-2 ');
    expect(tab('fault crash-container d').line).toBe('fault crash-container db-0 ');
  });

  it('keeps the text after the caret and does nothing without a match', () => {
    const line = 'kubectl get no -o wide';
    expect(complete(line, 14, ctx)).toEqual({
      line: 'kubectl get nodes -o wide',
      cursor: 17,
      candidates: [],
    });
    expect(tab('kubectl frobnicate ')).toEqual({
      line: 'kubectl frobnicate ',
      cursor: 19,
      candidates: [],
    });
    expect(tab('ETCDCTL_API=3 etcdctl pu').line).toBe('ETCDCTL_API=3 etcdctl put ');
  });

  it('completes the filters after a pipe', () => {
    expect(tab('kubectl get pods | gr').line).toBe('kubectl get pods | grep ');
    expect(tab('kubectl get pods | grep we').line).toBe('kubectl get pods | grep we');
  });

  it('finds the longest shared prefix', () => {
    expect(commonPrefix(['ship-1', 'ship-2'])).toBe('ship-');
    expect(commonPrefix([])).toBe('');
  });

  it('reads names from a real snapshot', () => {
    const sim = createSimulation({ seed: 3 });
    const names = completionContext(sim.snapshot());
    expect(names.ships.length).toBeGreaterThan(1);
    expect(names.namespaces).toContain('kube-system');
    expect(names.members).toEqual(sim.snapshot().ledger.members.map((m) => m.name));
  });
});
