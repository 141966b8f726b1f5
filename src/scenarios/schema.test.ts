import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioSchema } from './schema';
import { scenarios } from './catalogue';

const minimal = `
id: my-lesson
title: My lesson
summary: A teacher's own lesson.
seed: 3
fleet:
  - name: ship-1
steps:
  - id: start
    title: Start
    narration:
      analogy: The captain checks in.
      kubernetes: The kubelet renews its Lease.
    complete:
      after: 10000
`;

describe('scenario files', () => {
  it('accepts a valid YAML file and the same as JSON', () => {
    const yaml = loadScenario(minimal, 'lesson.yaml');
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    const json = loadScenario(JSON.stringify(yaml.scenario), 'lesson.json');
    expect(json).toEqual(yaml);
  });

  it('names the line and column of a syntax error', () => {
    const result = loadScenario('id: x\ntitle: [unclosed\n', 'bad.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^bad\.yaml: line \d+, column \d+: /);
  });

  it('names the path of every content error', () => {
    const broken = minimal
      .replace('seed: 3', 'seed: three')
      .replace('- name: ship-1', '- name: Ship_1\n    runtime: rkt')
      .replace('after: 10000', 'when: { podsRunning: { app: web, count: "3" } }');
    const result = loadScenario(broken, 'lesson.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    expect(text).toMatch(/lesson\.yaml: seed: /);
    expect(text).toMatch(/lesson\.yaml: fleet\[0\]\.name: must be a lowercase name/);
    expect(text).toMatch(
      /fleet\[0\]\.runtime: rkt \(rocket\) support was removed in Kubernetes v1\.11/,
    );
    expect(text).toMatch(/lesson\.yaml: steps\[0\]\.complete/);
  });

  it('rejects duplicate ship names, duplicate step ids and unexplained timing changes', () => {
    const result = loadScenario(
      minimal
        .replace('- name: ship-1', '- name: ship-1\n  - name: ship-1')
        .replace('seed: 3', 'seed: 3\ntimings: { nodeMonitorGracePeriod: 20000 }') +
        `  - id: start
    title: Again
    narration: { analogy: a, kubernetes: b }
    complete: { after: 1 }
`,
      'x.yaml',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'x.yaml: fleet[1].name: another ship is already named "ship-1"',
        'x.yaml: steps[1].id: another step already has id "start"',
        'x.yaml: timingNote: a scenario that changes Kubernetes timings must say so on screen: add timingNote',
      ]),
    );
  });

  it('rejects unknown fields instead of ignoring them', () => {
    const result = loadScenario(minimal.replace('seed: 3', 'seed: 3\ncolour: blue'), 'x.yaml');
    expect(!result.ok && result.errors.join()).toMatch(/colour/);
  });

  it('says an empty file is empty', () => {
    expect(loadScenario('  \n', 'empty.yaml')).toEqual({
      ok: false,
      errors: ['empty.yaml: the file is empty'],
    });
  });

  it('holds every built-in scenario to the same schema', () => {
    for (const scenario of scenarios) {
      const result = scenarioSchema.safeParse(scenario);
      expect(result.success, `${scenario.id}: ${result.success ? '' : result.error.message}`).toBe(
        true,
      );
    }
  });
});
