import type { ApiOp } from '../api/apiserver';
import { describeOp, keyOfOp } from '../api/client';
import type { ApiError, ApiResult } from '../api/errors';
import type { KObject } from '../objects/meta';
import { RESOURCES, type ResourceName } from '../objects/resources';
import type { World } from '../sim/world';
import type { ExecResult } from '../sim/types';
import type { CliContext } from './context';
import { apiErrorText, fail } from './errors';
import { FlagError, parseFlags, type FlagSpec, type ParsedArgs } from './shell';

/** Flags every kubectl command accepts (kubectl's global flags that matter here). */
export const GLOBAL_FLAGS: FlagSpec = {
  values: ['namespace', 'kubeconfig', 'context', 'cluster', 'user', 'v', 'request-timeout'],
  bools: [],
  short: { n: 'namespace', v: 'v' },
};

/** Merges a command's flags with kubectl's global ones. */
export function withGlobals(spec: FlagSpec): FlagSpec {
  return {
    values: [...(spec.values ?? []), ...(GLOBAL_FLAGS.values ?? [])],
    bools: [...(spec.bools ?? []), ...(GLOBAL_FLAGS.bools ?? [])],
    repeated: spec.repeated ?? [],
    short: { ...GLOBAL_FLAGS.short, ...spec.short },
  };
}

/** What a kubectl subcommand runs with. */
export class Kubectl {
  readonly world: World;
  constructor(
    readonly cli: CliContext,
    /** The subcommand, for messages (`See 'kubectl get -h' for help`). */
    readonly verb: string,
    readonly parsed: ParsedArgs,
    readonly stdin: string | undefined,
  ) {
    this.world = cli.world;
  }

  /** The namespace: -n, else `default` (the console's kubeconfig context has no namespace). */
  get namespace(): string {
    return this.parsed.flags.get('namespace') || 'default';
  }

  /** True when -n was given (kubectl's EnforceNamespace). */
  get namespaceGiven(): boolean {
    return this.parsed.flags.has('namespace');
  }

  /** The same command with other positional arguments. */
  withArgs(args: string[]): Kubectl {
    return new Kubectl(this.cli, this.verb, { ...this.parsed, args }, this.stdin);
  }

  flag(name: string): string | undefined {
    return this.parsed.flags.get(name);
  }

  on(name: string): boolean {
    return this.parsed.flags.get(name) === 'true';
  }

  now(): number {
    return this.world.now();
  }

  /**
   * A request to the bridge on the console's synchronous path, drawn on the canvas as a signal
   * from kubectl to the API server.
   */
  request<T extends KObject = KObject>(op: ApiOp): ApiResult<T> {
    const now = this.world.now();
    if (this.world.trace.detail) {
      this.world.trace.message(
        'kubectl',
        'apiserver',
        describeOp(op),
        now,
        now + this.world.timings.networkHop,
        keyOfOp(op),
      );
    }
    return this.world.api.request<T>(op, 'kubectl');
  }

  /** An API error as kubectl prints it. */
  error(error: ApiError): string {
    return apiErrorText(error, this.world.network.apiserverAddress);
  }

  /** Reads one object, or fails with kubectl's words. */
  get<T extends KObject>(resource: ResourceName, name: string): T | ExecResult {
    const result = this.request<T>({
      verb: 'get',
      resource,
      ...(RESOURCES[resource].namespaced ? { namespace: this.namespace } : {}),
      name,
    });
    if (!result.ok) return fail(this.error(result.error));
    return result.object;
  }
}

/** Parses a subcommand's words, turning flag errors into kubectl's message. */
export function parseKubectl(
  verb: string,
  words: readonly string[],
  spec: FlagSpec,
): ParsedArgs | ExecResult {
  try {
    return parseFlags(words, withGlobals(spec));
  } catch (e) {
    if (e instanceof FlagError)
      return fail(`error: ${e.message}\nSee 'kubectl ${verb} --help' for usage.`);
    throw e;
  }
}

/** Narrows a union with ExecResult (the error path). */
export function isResult(value: unknown): value is ExecResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    'output' in value &&
    !('metadata' in value)
  );
}
