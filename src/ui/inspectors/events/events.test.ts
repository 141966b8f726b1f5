import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../engine';
import { filterRows, filterTable, logRows } from './rows';

const log: SimEvent[] = [
  {
    seq: 1,
    t: 0,
    source: 'runtime/ship-1',
    type: 'runtime.up',
    text: 'containerd is up on ship-1',
    subject: 'node/ship-1',
  },
  {
    seq: 2,
    t: 5_000,
    source: 'scheduler',
    type: 'k8s.FailedScheduling',
    text: 'Pod big-0: FailedScheduling: 0/4 nodes are available: 3 Insufficient cpu.',
    subject: 'pod/default/big-0',
  },
  {
    seq: 3,
    t: 9_000,
    source: 'kubelet/ship-2',
    type: 'k8s.Pulled',
    text: 'Pod web-1: Pulled: Container image "nginx:1.27" already present on machine',
    subject: 'pod/default/web-1',
  },
  {
    seq: 4,
    t: 9_500,
    source: 'kcm/node-lifecycle',
    type: 'k8s.RegisteredNode',
    text: 'Node ship-2: RegisteredNode: Node ship-2 event: Registered Node ship-2 in Controller',
    subject: 'node/ship-2',
  },
];

describe('event log rows', () => {
  it('keeps Kubernetes Events with kubectl-like columns', () => {
    expect(logRows(log, 65_000, false)[2]).toMatchObject({
      namespace: 'default',
      object: 'node/ship-2',
      reason: 'RegisteredNode',
    });
    expect(
      logRows(
        log.filter((e) => e.seq !== 4),
        65_000,
        false,
      ),
    ).toEqual([
      {
        seq: 2,
        lastSeen: '60s',
        namespace: 'default',
        object: 'pod/big-0',
        reason: 'FailedScheduling',
        message: '0/4 nodes are available: 3 Insufficient cpu.',
        source: 'scheduler',
      },
      {
        seq: 3,
        lastSeen: '56s',
        namespace: 'default',
        object: 'pod/web-1',
        reason: 'Pulled',
        message: 'Container image "nginx:1.27" already present on machine',
        source: 'kubelet/ship-2',
      },
    ]);
  });

  it('can show the whole engine log, newest rows within the limit', () => {
    const rows = logRows(log, 10_000, true, 2);
    expect(rows.map((r) => r.seq)).toEqual([3, 4]);
    expect(logRows(log, 10_000, true)[0]).toMatchObject({
      reason: 'runtime.up',
      object: 'node/ship-1',
      namespace: '',
    });
  });

  it('filters rows on every column, all words required', () => {
    const rows = logRows(log, 10_000, true);
    expect(filterRows(rows, 'insufficient').map((r) => r.seq)).toEqual([2]);
    expect(filterRows(rows, 'ship-2 PULLED').map((r) => r.seq)).toEqual([3]);
    expect(filterRows(rows, '  ')).toHaveLength(4);
  });

  it('filters a kubectl table and keeps its header', () => {
    const table = [
      'NAMESPACE   LAST SEEN   TYPE      REASON             OBJECT          MESSAGE',
      'default     60s         Warning   FailedScheduling   pod/big-0       0/4 nodes are available: 3 Insufficient cpu.',
      'default     56s         Normal    Pulled             pod/web-1       Container image "nginx:1.27" already present on machine',
      '',
    ].join('\n');
    expect(filterTable(table, 'warning')).toBe(table.split('\n').slice(0, 2).join('\n'));
    expect(filterTable('No resources found\n', 'x')).toBe('No resources found\n');
  });
});
