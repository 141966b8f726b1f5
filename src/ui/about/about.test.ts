import { describe, expect, it } from 'vitest';
import { allSimplifications } from '../../engine';
import { groupByComponent } from './AboutSimulation';

describe('the simplifications list', () => {
  it('groups every simplification under its component, none lost', () => {
    const all = allSimplifications();
    const groups = groupByComponent(all);
    expect(groups.flatMap(([, items]) => items)).toHaveLength(all.length);
    expect(groups.map(([component]) => component)).toContain('kube-scheduler');
    expect(new Set(groups.map(([c]) => c)).size).toBe(groups.length);
  });
});
