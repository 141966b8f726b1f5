import { z } from 'zod';
import { parseDocument } from 'yaml';
import { RETIRED_RUNTIMES, type Fault } from '../engine';
import type { Condition, Scenario } from './types';

const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase name of letters, digits and "-"');
const quantity = z
  .string()
  .regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'must be a quantity such as "4", "500m", "8Gi"');

const taint = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

const runtime = z.string().superRefine((value, ctx) => {
  if (RETIRED_RUNTIMES[value]) ctx.addIssue({ code: 'custom', message: RETIRED_RUNTIMES[value] });
  else if (!['containerd', 'cri-o', 'docker'].includes(value))
    ctx.addIssue({
      code: 'custom',
      message: `unknown runtime "${value}": use containerd, cri-o or docker`,
    });
});

const ship = z.strictObject({
  name,
  role: z.enum(['control', 'cargo']).optional(),
  cpu: quantity.optional(),
  memory: quantity.optional(),
  maxPods: z.number().int().min(1).max(250).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(taint).optional(),
  runtime: runtime.optional(),
  images: z.array(z.string().min(1)).optional(),
});

const fault: z.ZodType<Fault> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sink-ship'), ship: name }),
  z.strictObject({ kind: z.literal('cut-radio'), ship: name }),
  z.strictObject({ kind: z.literal('restore-radio'), ship: name }),
  z.strictObject({ kind: z.literal('add-ship'), ship }),
  z.strictObject({
    kind: z.literal('crash-container'),
    pod: z.string().optional(),
    selector: z.string().optional(),
    namespace: z.string().optional(),
    container: z.string().optional(),
    exitCode: z.number().int().min(0).max(255).optional(),
    times: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('oom-kill'),
    pod: z.string().optional(),
    selector: z.string().optional(),
    namespace: z.string().optional(),
    container: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('bad-image'),
    deployment: z.string(),
    namespace: z.string().optional(),
    image: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('fail-probe'),
    pod: z.string().optional(),
    selector: z.string().optional(),
    namespace: z.string().optional(),
    container: z.string().optional(),
    probe: z.enum(['readiness', 'liveness']),
    healthy: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('cordon'), ship: name }),
  z.strictObject({ kind: z.literal('uncordon'), ship: name }),
  z.strictObject({ kind: z.literal('drain'), ship: name }),
  z.strictObject({ kind: z.literal('stop-etcd-member'), member: z.string() }),
  z.strictObject({ kind: z.literal('start-etcd-member'), member: z.string() }),
  z.strictObject({ kind: z.literal('stop-apiserver') }),
  z.strictObject({ kind: z.literal('start-apiserver') }),
]) as z.ZodType<Fault>;

const input = z.union([
  z.strictObject({ exec: z.string().min(1), stdin: z.string().optional() }),
  z.strictObject({ apply: z.string().min(1) }),
  z.strictObject({ fault }),
]);

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      podsRunning: z.strictObject({
        app: z.string(),
        count: z.number().int().min(0),
        ready: z.boolean().optional(),
      }),
    }),
    z.strictObject({
      podsWithStatus: z.strictObject({
        app: z.string(),
        status: z.string(),
        atLeast: z.number().int().min(1).optional(),
      }),
    }),
    z.strictObject({
      podsTotal: z.strictObject({ app: z.string(), count: z.number().int().min(0) }),
    }),
    z.strictObject({
      podsScheduled: z.strictObject({ app: z.string(), count: z.number().int().min(0) }),
    }),
    z.strictObject({
      podsOnShip: z.strictObject({
        ship: name,
        count: z.number().int().min(0),
        app: z.string().optional(),
      }),
    }),
    z.strictObject({
      shipStatus: z.strictObject({
        ship: name,
        status: z.enum(['Ready', 'NotReady', 'Unknown', 'Sunk']),
      }),
    }),
    z.strictObject({
      nodeReady: z.strictObject({ ship: name, status: z.enum(['True', 'False', 'Unknown']) }),
    }),
    z.strictObject({ shipTainted: z.strictObject({ ship: name, key: z.string() }) }),
    z.strictObject({ ledger: z.enum(['ok', 'no-leader', 'no-quorum']) }),
    z.strictObject({
      endpoints: z.strictObject({ service: z.string(), ready: z.number().int().min(0) }),
    }),
    z.strictObject({
      restarts: z.strictObject({ app: z.string(), atLeast: z.number().int().min(1) }),
    }),
    z.strictObject({
      event: z.strictObject({
        type: z.string(),
        subject: z.string().optional(),
        count: z.number().int().min(1).optional(),
      }),
    }),
    z.strictObject({ allOf: z.array(condition).min(1) }),
    z.strictObject({ anyOf: z.array(condition).min(1) }),
  ]),
) as z.ZodType<Condition>;

const highlight = z.union([
  z.strictObject({
    part: z.enum(['bridge', 'ledger', 'cranes', 'operations', 'cargo', 'services', 'dock']),
  }),
  z.strictObject({
    ship: name,
    detail: z.enum(['captain', 'crew', 'signal-officer', 'gauges', 'flags']).optional(),
  }),
  z.strictObject({ app: z.string() }),
  z.strictObject({ service: z.string() }),
]);

const step = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and "-"'),
  title: z.string().min(1),
  narration: z.strictObject({ analogy: z.string().min(1), kubernetes: z.string().min(1) }),
  command: z.string().optional(),
  inputs: z.array(input).optional(),
  highlight: z.array(highlight).optional(),
  focus: highlight.optional(),
  complete: z.union([
    z.strictObject({
      after: z
        .number()
        .int()
        .min(0)
        .max(24 * 3_600_000),
    }),
    z.strictObject({ when: condition, within: z.number().int().min(1).optional() }),
  ]),
  notes: z.string().optional(),
  question: z.strictObject({ prompt: z.string().min(1), reveal: z.string().min(1) }).optional(),
  simplification: z.string().optional(),
});

/** The schema a scenario file must satisfy (built-in scenarios are checked against it too). */
export const scenarioSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and "-"'),
    title: z.string().min(1),
    summary: z.string().min(1),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    fleet: z.array(ship).min(1).max(50),
    etcdMembers: z.union([z.literal(1), z.literal(3), z.literal(5)]).optional(),
    timings: z.record(z.string(), z.number().int().min(0)).optional(),
    timingNote: z.string().optional(),
    setup: z.array(input).optional(),
    settle: z.number().int().min(0).max(3_600_000).optional(),
    steps: z.array(step).max(30),
  })
  .superRefine((scenario, ctx) => {
    const names = new Set<string>();
    scenario.fleet.forEach((s, i) => {
      if (names.has(s.name))
        ctx.addIssue({
          code: 'custom',
          path: ['fleet', i, 'name'],
          message: `another ship is already named "${s.name}"`,
        });
      names.add(s.name);
    });
    const ids = new Set<string>();
    scenario.steps.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'id'],
          message: `another step already has id "${s.id}"`,
        });
      ids.add(s.id);
    });
    if (scenario.timings && !scenario.timingNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['timingNote'],
        message: 'a scenario that changes Kubernetes timings must say so on screen: add timingNote',
      });
    }
  });

/** `steps[2].complete.when` — a zod path as the file's author reads it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '(top level)';
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * Parses a teacher-written scenario file (JSON or YAML). Every error names where it is: the line
 * and column for syntax, the path in the file for content.
 */
export function loadScenario(text: string, fileName = 'scenario'): LoadResult {
  if (text.trim() === '') return { ok: false, errors: [`${fileName}: the file is empty`] };
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((e) => {
        const where = e.linePos?.[0]
          ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}`
          : 'unknown position';
        return `${fileName}: ${where}: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const data: unknown = document.toJS();
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map(
        (issue) => `${fileName}: ${formatPath(issue.path)}: ${issue.message}`,
      ),
    };
  }
  return { ok: true, scenario: result.data as Scenario };
}
