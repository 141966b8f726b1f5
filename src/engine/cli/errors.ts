import type { ApiError, FieldError } from '../api/errors';
import type { ExecResult } from '../sim/types';

/** A successful command's output. */
export const ok = (output: string): ExecResult => ({ ok: true, output });
/** A failed command's output (exit status non-zero). */
export const fail = (output: string): ExecResult => ({ ok: false, output });

/** Lines joined, skipping empty parts. */
export function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

/** A line that is the console speaking, not the tool: clearly marked so. */
export const note = (text: string) => `shipshape: ${text}`;

/** kubectl's words for a refused connection to the API server. */
export function connectionRefused(address: string): string {
  return `The connection to the server ${address} was refused - did you specify the right host or port?`;
}

/**
 * `The Deployment "web" is invalid: …` as kubectl's CheckErr prints a 422 (one cause on the line,
 * several as a bulleted list).
 */
export function invalidMessage(kind: string, name: string, causes: readonly string[]): string {
  const prefix = `The ${kind} "${name}" is invalid: `;
  if (causes.length === 1) return prefix + causes[0]!;
  return [prefix, ...causes.map((c) => `* ${c}`)].join('\n');
}

/** Field errors as `field: detail` causes. */
export function causesOf(errors: readonly FieldError[]): string[] {
  return errors.map((e) => `${e.field}: ${e.detail}`);
}

/** Splits the API server's `Kind.group "name" is invalid: [a, b]` message back into its parts. */
function parseInvalid(
  message: string,
): { kind: string; name: string; causes: string[] } | undefined {
  const match = /^(\S+) "(.*?)" is invalid: ([\s\S]*)$/.exec(message);
  if (!match) return undefined;
  const kind = match[1]!.split('.')[0]!;
  let rest = match[3]!;
  let causes = [rest];
  if (rest.startsWith('[') && rest.endsWith(']')) {
    rest = rest.slice(1, -1);
    causes = rest.split(/, (?=[A-Za-z][\w.[\]-]*: )/);
  }
  return { kind, name: match[2]!, causes };
}

/**
 * An API error as kubectl prints it: `Error from server (NotFound): pods "x" not found`, the
 * Invalid layout, or the refused connection when the bridge is down.
 */
export function apiErrorText(error: ApiError, apiserverAddress: string): string {
  switch (error.reason) {
    case 'ConnectionRefused':
      return connectionRefused(apiserverAddress);
    case 'Timeout':
      if (error.code === 0) return `Unable to connect to the server: ${error.message}`;
      return `Error from server (Timeout): ${error.message}`;
    case 'Invalid': {
      const parsed = parseInvalid(error.message);
      if (parsed) return invalidMessage(parsed.kind, parsed.name, parsed.causes);
      return `Error from server (Invalid): ${error.message}`;
    }
    case 'InternalError':
      // etcd errors reach kubectl as a bare 500 Status (no reason).
      if (error.message.startsWith('etcdserver:')) return `Error from server: ${error.message}`;
      return `Error from server (InternalError): ${error.message}`;
    default:
      return `Error from server (${error.reason}): ${error.message}`;
  }
}
