import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../objects/workloads';
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  newReplicaSetAnnotations,
  replicaSetProportion,
  scaledValue,
} from './deploymentUtil';
import { deployment } from './testing';

const d = (
  replicas: number,
  maxSurgeValue?: number | string,
  maxUnavailableValue?: number | string,
): Deployment =>
  deployment('web', replicas, {
    strategy: {
      type: 'RollingUpdate',
      rollingUpdate: {
        ...(maxSurgeValue !== undefined ? { maxSurge: maxSurgeValue } : {}),
        ...(maxUnavailableValue !== undefined ? { maxUnavailable: maxUnavailableValue } : {}),
      },
    },
  });

const rs = (name: string, replicas: number, annotations: Record<string, string> = {}): ReplicaSet =>
  ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: name,
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
      annotations,
    },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
    status: { replicas },
  }) as ReplicaSet;

describe('Deployment arithmetic (deployment_util.go)', () => {
  it('rounds maxSurge up and maxUnavailable down (25% defaults)', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(maxSurge(d(10))).toBe(3);
    expect(maxUnavailable(d(10))).toBe(2);
    expect(maxSurge(d(3))).toBe(1);
    expect(maxUnavailable(d(3))).toBe(0);
  });

  it('never lets both be 0: maxUnavailable becomes 1', () => {
    expect(maxUnavailable(d(3, 0, 0))).toBe(1);
    expect(maxUnavailable(d(1, '10%', '10%'))).toBe(0);
    expect(maxSurge(d(1, '10%', '10%'))).toBe(1);
  });

  it('caps maxUnavailable at replicas, and both are 0 for Recreate', () => {
    expect(maxUnavailable(d(2, 0, 5))).toBe(2);
    const recreate = deployment('web', 4, { strategy: { type: 'Recreate' } });
    expect(maxSurge(recreate)).toBe(0);
    expect(maxUnavailable(recreate)).toBe(0);
  });

  it('sizes a new ReplicaSet within replicas + maxSurge (NewRSNewReplicas)', () => {
    const dep = d(10, 3, 2);
    const old = rs('old', 10);
    const fresh = rs('new', 0);
    expect(newRSNewReplicas(dep, [old, fresh], fresh)).toBe(3);
    expect(newRSNewReplicas(dep, [rs('old', 7), rs('new', 3)], rs('new', 3))).toBe(6);
    expect(newRSNewReplicas(dep, [rs('old', 13), fresh], fresh)).toBe(0);
  });

  it('shares a scale-up mid-rollout in proportion (GetReplicaSetProportion)', () => {
    const dep = d(20, 0, 1);
    // Before, the deployment was 10 (max 10): the 6-replica ReplicaSet gets 12 of the new 20.
    const a = rs('a', 6, { [MAX_REPLICAS]: '10' });
    expect(replicaSetProportion(a, dep, 10, 0)).toBe(6);
    expect(replicaSetProportion(a, dep, 10, 8)).toBe(2);
  });

  it('annotates a new ReplicaSet with revision, desired and max replicas, and keeps history on rollback', () => {
    const dep = {
      ...d(4),
      metadata: { ...d(4).metadata, annotations: { team: 'blue', [REVISION]: '7' } },
    } as Deployment;
    const fresh = newReplicaSetAnnotations(dep, undefined, 3, false).annotations;
    expect(fresh).toEqual({
      team: 'blue',
      [REVISION]: '3',
      [DESIRED_REPLICAS]: '4',
      [MAX_REPLICAS]: '5',
    });
    const rolledBack = newReplicaSetAnnotations(dep, { [REVISION]: '1' }, 4, true).annotations;
    expect(rolledBack[REVISION]).toBe('4');
    expect(rolledBack[REVISION_HISTORY]).toBe('1');
  });
});
