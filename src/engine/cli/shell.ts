// Shell-ish parsing for the console: words with quotes and escapes, leading VAR=value
// assignments, and pflag-style flags (`--flag=value`, `--flag value`, `-n ns`, `-owide`, `-it`).

/** A console line split into words, with the environment assignments that preceded the program. */
export type CommandLine = { env: Record<string, string>; words: string[] };

/** Thrown for a line the shell cannot split (an unterminated quote). */
export class ShellError extends Error {}

/**
 * Splits a line into words as a POSIX shell would for simple commands: single quotes are
 * literal, double quotes allow `\"` and `\\`, a backslash outside quotes escapes the next
 * character. Leading `NAME=value` words become the environment (`ETCDCTL_API=2 etcdctl …`).
 * A pasted prompt (`$ kubectl …`) is dropped.
 *
 * @example
 * splitLine(`kubectl get pods -l 'app in (web,db)'`).words; // ['kubectl','get','pods','-l','app in (web,db)']
 */
export function splitLine(line: string): CommandLine {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
        current += line[i + 1]!;
        i += 1;
      } else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === '\\' && i + 1 < line.length) {
      current += line[i + 1]!;
      inWord = true;
      i += 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += ch;
    inWord = true;
  }
  if (quote) throw new ShellError(`unexpected EOF while looking for matching \`${quote}'`);
  if (inWord) words.push(current);
  if (words[0] === '$') words.shift();
  const env: Record<string, string> = {};
  while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
    const word = words.shift()!;
    const eq = word.indexOf('=');
    env[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return { env, words };
}

/** Which flags a command knows: names (long, without dashes) and single-letter aliases. */
export type FlagSpec = {
  /** Flags that take a value: `--namespace default`, `--replicas=3`. */
  values?: readonly string[];
  /** Flags that are switches: `--force`, `--show-labels`, `-A`. */
  bools?: readonly string[];
  /** Flags that may repeat, collecting every value (`--image a --image b`). */
  repeated?: readonly string[];
  /** Single-letter aliases: `{ n: 'namespace', A: 'all-namespaces' }`. */
  short?: Readonly<Record<string, string>>;
};

/** A command's words after flag parsing. */
export type ParsedArgs = {
  /** Words that are not flags, in order. */
  args: string[];
  /** Flag values by long name; switches are `'true'` or `'false'`. */
  flags: Map<string, string>;
  /** Every value of a repeated flag. */
  lists: Map<string, string[]>;
  /** Words after `--` (for `kubectl exec POD -- cmd`). */
  rest?: string[];
};

/** A flag error in the words pflag uses (`unknown flag: --foo`). */
export class FlagError extends Error {}

/**
 * Parses words against a flag spec the way spf13/pflag does: long flags with `=` or a following
 * word, short flags with an attached or following value, grouped short switches (`-it`), and `--`
 * ending the flags.
 */
export function parseFlags(words: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const bools = new Set(spec.bools ?? []);
  const repeated = new Set(spec.repeated ?? []);
  const short = spec.short ?? {};
  const out: ParsedArgs = { args: [], flags: new Map(), lists: new Map() };
  const set = (name: string, value: string) => {
    if (repeated.has(name)) {
      const list = out.lists.get(name) ?? [];
      list.push(value);
      out.lists.set(name, list);
    }
    out.flags.set(name, value);
  };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === '--') {
      out.rest = words.slice(i + 1);
      break;
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
      if (values.has(name) || repeated.has(name)) {
        if (eq >= 0) set(name, word.slice(eq + 1));
        else if (i + 1 < words.length) set(name, words[++i]!);
        else throw new FlagError(`flag needs an argument: --${name}`);
      } else if (bools.has(name)) {
        const value = eq >= 0 ? word.slice(eq + 1) : 'true';
        if (value !== 'true' && value !== 'false') {
          throw new FlagError(
            `invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
          );
        }
        set(name, value);
      } else {
        throw new FlagError(`unknown flag: --${name}`);
      }
      continue;
    }
    if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      // -n ns, -nns, -n=ns, -it, -owide
      let j = 1;
      while (j < word.length) {
        const letter = word[j]!;
        const name = short[letter];
        if (!name) throw new FlagError(`unknown shorthand flag: '${letter}' in ${word}`);
        if (values.has(name) || repeated.has(name)) {
          let value = word.slice(j + 1);
          if (value.startsWith('=')) value = value.slice(1);
          if (value === '') {
            if (i + 1 < words.length) value = words[++i]!;
            else throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
          }
          set(name, value);
          break;
        }
        if (word[j + 1] === '=') {
          set(name, word.slice(j + 2));
          break;
        }
        set(name, 'true');
        j += 1;
      }
      continue;
    }
    out.args.push(word);
  }
  return out;
}

/** True when a switch was given (and not `=false`). */
export function flagOn(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags.get(name) === 'true';
}
