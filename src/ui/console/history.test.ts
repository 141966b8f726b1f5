import { describe, expect, it } from 'vitest';
import { emptyHistory, newer, older, remember } from './history';

describe('console history', () => {
  const h = ['kubectl get nodes', 'etcdctl get foo', 'kubectl get pods'].reduce(
    (acc, line) => remember(acc, line),
    emptyHistory,
  );

  it('walks back from the newest line and stops at the oldest', () => {
    const a = older(h, '')!;
    expect(a.line).toBe('kubectl get pods');
    const b = older(a.history, a.line)!;
    expect(b.line).toBe('etcdctl get foo');
    const c = older(b.history, b.line)!;
    expect(c.line).toBe('kubectl get nodes');
    expect(older(c.history, c.line)).toBeUndefined();
  });

  it('gives back the draft typed before walking', () => {
    const up = older(h, 'kubectl desc')!;
    const down = newer(up.history)!;
    expect(down.line).toBe('kubectl desc');
    expect(newer(down.history)).toBeUndefined();
  });

  it('skips blank lines and immediate repeats, and keeps a bounded list', () => {
    let x = remember(remember(remember(emptyHistory, 'a'), 'a'), '   ');
    expect(x.items).toEqual(['a']);
    for (let i = 0; i < 10; i += 1) x = remember(x, `line ${i}`, 5);
    expect(x.items).toEqual(['line 5', 'line 6', 'line 7', 'line 8', 'line 9']);
    expect(x.index).toBe(5);
  });

  it('returns to the draft position after a line is run', () => {
    const up = older(h, '')!;
    const after = remember(up.history, up.line);
    expect(after.index).toBe(after.items.length);
    expect(newer(after)).toBeUndefined();
  });
});
