// The console: a useful subset of kubectl and etcdctl, as a terminal would run them, plus the
// console's own `fault` and `help`. Pure and deterministic: every effect goes through the World
// (the bridge, the ledger) or the CliContext (faults, traffic, logs, streams).

import type { ExecResult } from '../sim/types';
import type { CliContext } from './context';
import { fail, lines, note, ok } from './errors';
import { etcdctlSummary, runEtcdctl } from './etcdctl';
import { FAULT_HELP, parseFaultCommand } from './faults';
import { applyWith, kubectlSummary, runKubectl } from './kubectl';
import { ShellError, splitLine } from './shell';

export type { CliContext, ConsoleStream } from './context';
export { simplifications } from './simplifications';
export { parseFaultCommand } from './faults';

/** `help`: what this console understands. */
export function helpText(): string {
  return [
    'Shipshape console: a subset of kubectl and etcdctl, plus faults to cause.',
    '',
    ...kubectlSummary(),
    '',
    ...etcdctlSummary(),
    '',
    ...FAULT_HELP.map((l) => `  ${l}`),
    '',
    '  help                                  this list',
    'Paste YAML into the apply box (kubectl apply -f -). Pipes: | grep [-i] [-v] TEXT, | head -n N, | tail -n N, | wc -l',
  ].join('\n');
}

/** The filters a line may pipe into (the console has no shell beyond these). */
function pipe(result: ExecResult, stage: readonly string[]): ExecResult {
  const [program, ...args] = stage;
  let text = result.output;
  const rows = text === '' ? [] : text.split('\n');
  switch (program) {
    case 'grep': {
      const flags = args.filter((a) => a.startsWith('-'));
      const pattern = args.find((a) => !a.startsWith('-'));
      if (pattern === undefined) return fail('Usage: grep [OPTION]... PATTERNS [FILE]...');
      const ignore = flags.some((f) => f.includes('i'));
      const invert = flags.some((f) => f.includes('v'));
      const needle = ignore ? pattern.toLowerCase() : pattern;
      const kept = rows.filter((r) => (ignore ? r.toLowerCase() : r).includes(needle) !== invert);
      return { ok: kept.length > 0, output: kept.join('\n') };
    }
    case 'head':
    case 'tail': {
      const nIndex = args.indexOf('-n');
      const n = Number(
        nIndex >= 0 ? args[nIndex + 1] : (args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? 10),
      );
      text = (
        program === 'head' ? rows.slice(0, n) : rows.slice(Math.max(0, rows.length - n))
      ).join('\n');
      return { ok: result.ok, output: text };
    }
    case 'wc':
      return { ok: true, output: String(rows.length) };
    case 'auger':
      return fail(
        note(
          'values here are already JSON: no auger needed (on a real cluster: etcdctl get KEY --print-value-only | auger decode)',
        ),
      );
    default:
      return fail(
        note(
          `piping into ${program ?? 'nothing'} is not supported here; try | grep, | head, | tail or | wc -l`,
        ),
      );
  }
}

function runWords(
  ctx: CliContext,
  env: Record<string, string>,
  words: string[],
  stdin: string | undefined,
): ExecResult & { stream?: number } {
  const [first, ...rest] = words;
  const program = (first ?? '').split('/').pop()!;
  switch (program) {
    case '':
      return ok('');
    case 'kubectl':
    case 'k':
      return runKubectl(ctx, rest, stdin);
    case 'etcdctl':
      return runEtcdctl(ctx, rest, env, stdin);
    case 'fault': {
      if (rest.length === 0 || rest[0] === 'help') {
        return ok(
          ['Faults you can cause (and repair):', ...FAULT_HELP.map((l) => `  ${l}`)].join('\n'),
        );
      }
      const fault = parseFaultCommand(rest);
      if ('error' in fault) return fail(fault.error);
      return ctx.inject(fault);
    }
    case 'help':
      return ok(helpText());
    case 'clear':
      return ok('');
    case 'export':
      return fail(
        note(
          'this console keeps no environment; put the variable before the command instead, e.g. ETCDCTL_API=2 etcdctl ls',
        ),
      );
    default:
      return fail(
        lines(
          `${first}: command not found`,
          note('this console runs kubectl, etcdctl, fault and help'),
        ),
      );
  }
}

/**
 * Runs one console line. `stdin` is what `kubectl apply -f -` (or `etcdctl put KEY`) reads.
 * A started stream (`etcdctl watch`, `kubectl get -w`, `kubectl rollout status`) returns its id;
 * its later lines go to `ctx.openStream(…).write`.
 *
 * @example
 * execLine(ctx, 'kubectl get pods -o wide');
 * execLine(ctx, 'kubectl apply -f -', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
 */
export function execLine(
  ctx: CliContext,
  line: string,
  stdin?: string,
): ExecResult & { stream?: number } {
  let parsed;
  try {
    parsed = splitLine(line);
  } catch (e) {
    if (e instanceof ShellError) return fail(`bash: ${e.message}`);
    throw e;
  }
  const stages: string[][] = [[]];
  for (const word of parsed.words) {
    if (word === '|') stages.push([]);
    else stages[stages.length - 1]!.push(word);
  }
  const [head, ...filters] = stages;
  let result = runWords(ctx, parsed.env, head!, stdin);
  if (filters.length > 0 && result.stream !== undefined) {
    return {
      ...result,
      output: lines(
        result.output,
        note('a running stream cannot be piped here; its lines are shown unfiltered'),
      ),
    };
  }
  for (const filter of filters) result = pipe(result, filter);
  return result;
}

/** `kubectl apply -f -` with this YAML (one or more documents separated by `---`). */
export function applyManifest(ctx: CliContext, yaml: string): ExecResult {
  return applyWith(ctx, yaml);
}
