import { EPOCH_MS, calendar } from '../../time/format';
import type { ImageInfo, ProcessKind } from './images';

/** One line a process printed, at a simulated time. */
export type LogLine = { readonly at: number; readonly text: string };

/**
 * What a container's process does once started: the lines it prints, whether it ends by itself,
 * and how it reacts to the stop signal. Decided once at start from the image and the container's
 * command/args, so nothing needs a timer except the exit itself.
 */
export type Program = {
  /** Built when someone reads the logs: at scale most containers are never asked. */
  readonly lines: () => readonly LogLine[];
  /** Printed forever from `start`, once every `period` ms (a `while true` loop). */
  readonly loop?: {
    readonly start: number;
    readonly period: number;
    readonly body: readonly { offset: number; text: string }[];
  };
  /** When and how the process ends on its own; undefined: it runs until stopped. */
  readonly exit?: { readonly at: number; readonly code: number };
  /**
   * A shell or `sleep` running as PID 1 has no SIGTERM handler, so the kernel ignores the signal:
   * the runtime waits out the grace period and sends SIGKILL (exit 137).
   */
  readonly ignoresSigterm: boolean;
  /** Exit code after the stop signal when it handles it. */
  readonly stopCode: number;
  /** What it prints while stopping. */
  stopLines(at: number): string[];
  /** What it prints when it crashes with `code`. */
  crashLines(at: number, code: number): string[];
};

/** What the process needs to know about where it runs. */
export type ProcessEnv = {
  readonly startedAt: number;
  readonly hostname: string;
  readonly podIP: string;
  readonly tag: string;
  readonly env: Readonly<Record<string, string>>;
};

// ——— time formats the images use ———

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Calendar fields of a simulated time (UTC), padded for log lines. */
function fields(sim: number) {
  const c = calendar(sim);
  return {
    y: c.year,
    m: c.month,
    d: c.day,
    wd: DAYS[c.weekday]!,
    hh: pad(c.hour),
    mm: pad(c.minute),
    ss: pad(c.second),
    ms: pad(c.ms, 3),
  };
}

/** `2026/01/05 09:00:03` (nginx). */
function nginxTime(t: number): string {
  const f = fields(t);
  return `${f.y}/${pad(f.m)}/${pad(f.d)} ${f.hh}:${f.mm}:${f.ss}`;
}
/** `05 Jan 2026 09:00:03.412` (redis). */
function redisTime(t: number): string {
  const f = fields(t);
  return `${pad(f.d)} ${MONTHS[f.m - 1]} ${f.y} ${f.hh}:${f.mm}:${f.ss}.${f.ms}`;
}
/** `2026-01-05 09:00:03.412 UTC` (postgres). */
function postgresTime(t: number): string {
  const f = fields(t);
  return `${f.y}-${pad(f.m)}-${pad(f.d)} ${f.hh}:${f.mm}:${f.ss}.${f.ms} UTC`;
}
/** `Mon Jan 05 09:00:03.412000 2026` (Apache httpd). */
function httpdTime(t: number): string {
  const f = fields(t);
  return `${f.wd} ${MONTHS[f.m - 1]} ${pad(f.d)} ${f.hh}:${f.mm}:${f.ss}.${f.ms}000 ${f.y}`;
}
/** `I0105 09:00:03.412000` (klog, agnhost). */
function klogTime(t: number): string {
  const f = fields(t);
  return `${pad(f.m)}${pad(f.d)} ${f.hh}:${f.mm}:${f.ss}.${f.ms}000`;
}
/** `2026-01-05T09:00:03.412Z` (JSON logs). */
function isoTime(t: number): string {
  const f = fields(t);
  return `${f.y}-${pad(f.m)}-${pad(f.d)}T${f.hh}:${f.mm}:${f.ss}.${f.ms}Z`;
}
/** `Mon Jan  5 09:00:03 UTC 2026` (`date` in busybox). */
function dateCommand(t: number): string {
  const f = fields(t);
  return `${f.wd} ${MONTHS[f.m - 1]} ${String(f.d).padStart(2, ' ')} ${f.hh}:${f.mm}:${f.ss} UTC ${f.y}`;
}

// ——— the images' own programs ———

const NGINX_VERSION: Record<string, string> = {
  '1.27': '1.27.5',
  '1.28': '1.28.0',
  '1.29': '1.29.3',
  '1.27-alpine': '1.27.5',
  '1.29-alpine': '1.29.3',
};

function server(
  lines: () => LogLine[],
  stopCode: number,
  stopLines: (at: number) => string[],
  crashLines: (at: number, code: number) => string[],
): Program {
  let memo: LogLine[] | undefined;
  return {
    lines: () => (memo ??= lines()),
    ignoresSigterm: false,
    stopCode,
    stopLines,
    crashLines,
  };
}

function nginx(e: ProcessEnv): Program {
  const t = e.startedAt;
  const entry = () =>
    [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ].map((text) => ({ at: t, text }));
  const at = t + 20;
  const n = (text: string) => ({ at, text: `${nginxTime(at)} [notice] 1#1: ${text}` });
  return server(
    () => [
      ...entry(),
      n('using the "epoll" event method'),
      n(`nginx/${NGINX_VERSION[e.tag] ?? '1.29.3'}`),
      n('built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) '),
      n('OS: Linux 6.8.0-88-generic'),
      n('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
      n('start worker processes'),
      n('start worker process 29'),
      n('start worker process 30'),
    ],
    0,
    // The nginx image's STOPSIGNAL is SIGQUIT: a graceful shutdown, exit 0.
    (s) => [
      `${nginxTime(s)} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`,
      `${nginxTime(s)} [notice] 29#29: gracefully shutting down`,
      `${nginxTime(s)} [notice] 29#29: exiting`,
      `${nginxTime(s)} [notice] 29#29: exit`,
      `${nginxTime(s)} [notice] 1#1: signal 17 (SIGCHLD) received from 29`,
      `${nginxTime(s)} [notice] 1#1: worker process 29 exited with code 0`,
      `${nginxTime(s)} [notice] 1#1: exit`,
    ],
    (s, code) => [`${nginxTime(s)} [emerg] 1#1: master process exited unexpectedly (${code})`],
  );
}

function redis(e: ProcessEnv): Program {
  const t = e.startedAt;
  const version = e.tag.startsWith('7') ? '7.4.6' : e.tag.startsWith('8.0') ? '8.0.4' : '8.2.2';
  const c = (text: string) => ({ at: t, text: `1:C ${redisTime(t)} ${text}` });
  const m = (text: string) => ({ at: t + 2, text: `1:M ${redisTime(t + 2)} ${text}` });
  return server(
    () => [
      c('* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      c(`* Redis version=${version}, bits=64, commit=00000000, modified=1, pid=1, just started`),
      c(
        '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      ),
      m('* monotonic clock: POSIX clock_gettime'),
      m('* Running mode=standalone, port=6379.'),
      m('* Server initialized'),
      m('* Ready to accept connections tcp'),
    ],
    0,
    (s) => [
      `1:signal-handler (${Math.floor((EPOCH_MS + s) / 1000)}) Received SIGTERM scheduling shutdown...`,
      `1:M ${redisTime(s)} * User requested shutdown...`,
      `1:M ${redisTime(s)} * Saving the final RDB snapshot before exiting.`,
      `1:M ${redisTime(s)} * DB saved on disk`,
      `1:M ${redisTime(s)} # Redis is now ready to exit, bye bye...`,
    ],
    (s, code) => [`1:M ${redisTime(s)} # Redis exited with code ${code}`],
  );
}

function postgres(e: ProcessEnv): Program {
  const t = e.startedAt;
  const major = /^\d+/.exec(e.tag)?.[0] ?? '18';
  const minor: Record<string, string> = { '16': '16.10', '17': '17.6', '18': '18.0' };
  if (!e.env.POSTGRES_PASSWORD && e.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    // The image refuses to initialise a database without a superuser password.
    const text = [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ];
    return {
      lines: () => text.map((line) => ({ at: t + 40, text: line })),
      exit: { at: t + 50, code: 1 },
      ignoresSigterm: false,
      stopCode: 0,
      stopLines: () => [],
      crashLines: () => [],
    };
  }
  const ready = t + 1800;
  const l = (at: number, pid: number, text: string) => ({
    at,
    text: `${postgresTime(at)} [${pid}] LOG:  ${text}`,
  });
  return server(
    () => [
      {
        at: t + 5,
        text: 'The files belonging to this database system will be owned by user "postgres".',
      },
      { at: t + 5, text: 'This user must also own the server process.' },
      { at: t + 900, text: 'Success. You can now start the database server using:' },
      { at: t + 1700, text: 'PostgreSQL init process complete; ready for start up.' },
      { at: t + 1700, text: '' },
      l(
        ready,
        1,
        `starting PostgreSQL ${minor[major] ?? `${major}.0`} (Debian ${minor[major] ?? major}-1.pgdg13+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`,
      ),
      l(ready, 1, 'listening on IPv4 address "0.0.0.0", port 5432'),
      l(ready, 1, 'listening on IPv6 address "::", port 5432'),
      l(ready + 2, 1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
      l(
        ready + 6,
        64,
        `database system was shut down at ${postgresTime(ready - 100).slice(0, 19)} UTC`,
      ),
      l(ready + 10, 1, 'database system is ready to accept connections'),
    ],
    0,
    // The postgres image's STOPSIGNAL is SIGINT: a fast shutdown, exit 0.
    (s) => [
      `${postgresTime(s)} [1] LOG:  received fast shutdown request`,
      `${postgresTime(s)} [1] LOG:  aborting any active transactions`,
      `${postgresTime(s)} [1] LOG:  background worker "logical replication launcher" (PID 70) exited with exit code 1`,
      `${postgresTime(s)} [65] LOG:  shutting down`,
      `${postgresTime(s)} [1] LOG:  database system is shut down`,
    ],
    (s, code) => [
      `${postgresTime(s)} [1] LOG:  server process (PID 1) exited with exit code ${code}`,
    ],
  );
}

function httpd(e: ProcessEnv): Program {
  const t = e.startedAt;
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${e.podIP}. Set the 'ServerName' directive globally to suppress this message`;
  return server(
    () => [
      { at: t, text: fqdn },
      { at: t, text: fqdn },
      {
        at: t + 5,
        text: `[${httpdTime(t + 5)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
      },
      {
        at: t + 5,
        text: `[${httpdTime(t + 5)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      },
    ],
    0,
    // The httpd image's STOPSIGNAL is SIGWINCH: a graceful stop.
    (s) => [
      `[${httpdTime(s)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`,
    ],
    (s, code) => [
      `[${httpdTime(s)}] [core:alert] [pid 1:tid 1] AH00050: Child exited with status ${code}`,
    ],
  );
}

function agnhost(e: ProcessEnv): Program {
  const t = e.startedAt;
  return {
    ...server(
      () => [
        { at: t, text: `I${klogTime(t)}       1 log.go:245] Started HTTP server on port 8080` },
        { at: t, text: `I${klogTime(t)}       1 log.go:245] Started UDP server on port  8081` },
      ],
      // No SIGTERM handler in agnhost netexec: the signal ends it (128 + 15).
      143,
      () => [],
      () => [],
    ),
  };
}

function demo(e: ProcessEnv, kind: 'web' | 'api'): Program {
  const t = e.startedAt;
  const json = (at: number, level: string, msg: string, extra = '') =>
    `{"time":"${isoTime(at)}","level":"${level}","msg":"${msg}"${extra}}`;
  const first =
    kind === 'web'
      ? json(t + 30, 'INFO', 'listening', ',"port":8080,"upstream":"http://api"')
      : json(t + 30, 'INFO', 'listening', ',"port":8080,"cache":"redis:6379"');
  return server(
    () => [
      {
        at: t + 5,
        text: json(t + 5, 'INFO', `shipshape ${kind} starting`, `,"version":"${e.tag}"`),
      },
      { at: t + 30, text: first },
    ],
    0,
    (s) => [json(s, 'INFO', 'shutting down', ',"signal":"terminated"')],
    (s, code) => [json(s, 'ERROR', 'fatal', `,"exit":${code}`)],
  );
}

// ——— busybox: a tiny shell ———

/** Stands for `$(date)` in an echo until the line's time is known. */
const DATE = '⟨date⟩';

type Statement =
  | { kind: 'sleep'; ms: number | 'forever' }
  | { kind: 'echo'; text: string }
  | { kind: 'exit'; code: number }
  | { kind: 'status'; code: number };

function unquote(text: string): string {
  return text.replace(/^(['"])(.*)\1$/s, '$2');
}

function splitStatements(script: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (let i = 0; i < script.length; i += 1) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ';' || ch === '\n' || (ch === '&' && script[i + 1] === '&')) {
      if (ch === '&') i += 1;
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function parseStatement(text: string, e: ProcessEnv): Statement {
  const words = text.split(/\s+/);
  const cmd = words[0]!.replace(/^.*\//, '');
  switch (cmd) {
    case 'sleep': {
      const arg = words[1] ?? '0';
      if (arg === 'infinity') return { kind: 'sleep', ms: 'forever' };
      const seconds = Number.parseFloat(arg);
      const unit = arg.endsWith('m') ? 60 : arg.endsWith('h') ? 3600 : 1;
      return {
        kind: 'sleep',
        ms: Number.isFinite(seconds) ? Math.round(seconds * unit * 1000) : 0,
      };
    }
    case 'echo':
      return {
        kind: 'echo',
        text: unquote(text.slice(text.indexOf('echo') + 4).trim())
          .replace(/\$\(hostname\)|\$HOSTNAME|\$\{HOSTNAME\}/g, e.hostname)
          .replace(/\$\(date\)/g, DATE),
      };
    case 'exit':
      return { kind: 'exit', code: Number.parseInt(words[1] ?? '0', 10) || 0 };
    case 'false':
      return { kind: 'status', code: 1 };
    case 'tail':
      return words.includes('-f') ? { kind: 'sleep', ms: 'forever' } : { kind: 'status', code: 0 };
    default:
      return { kind: 'status', code: 0 };
  }
}

/** Runs a `sh -c` script's simple statements in simulated time. */
function shell(script: string, e: ProcessEnv): Program {
  const loop = /while\s+(?:true|:)\s*;?\s*do\s+([\s\S]*?);?\s*done/.exec(script);
  const before = loop ? script.slice(0, loop.index) : script;
  const lines: LogLine[] = [];
  let t = e.startedAt;
  let status = 0;
  const echo = (at: number, text: string) => text.split(DATE).join(dateCommand(at));
  const base = {
    ignoresSigterm: true,
    stopCode: 137,
    stopLines: () => [],
    crashLines: () => [],
  };
  for (const text of splitStatements(before)) {
    const s = parseStatement(text, e);
    if (s.kind === 'echo') lines.push({ at: t, text: echo(t, s.text) });
    else if (s.kind === 'sleep') {
      if (s.ms === 'forever') return { ...base, lines: () => lines };
      t += s.ms;
      status = 0;
    } else if (s.kind === 'exit')
      return { ...base, lines: () => lines, exit: { at: t, code: s.code } };
    else status = s.code;
  }
  if (loop) {
    const body: { offset: number; text: string }[] = [];
    let offset = 0;
    for (const text of splitStatements(loop[1]!)) {
      const s = parseStatement(text, e);
      if (s.kind === 'echo') body.push({ offset, text: s.text });
      else if (s.kind === 'sleep') {
        if (s.ms === 'forever') break;
        offset += s.ms;
      } else if (s.kind === 'exit') {
        // `while true; do …; exit 3; done` runs the body once.
        for (const b of body) lines.push({ at: t + b.offset, text: echo(t + b.offset, b.text) });
        return { ...base, lines: () => lines, exit: { at: t + offset, code: s.code } };
      }
    }
    return {
      ...base,
      lines: () => lines,
      loop: {
        start: t,
        // A loop without sleep spins; a millisecond keeps the arithmetic finite.
        period: Math.max(offset, 1),
        body: body.map((b) => ({ offset: b.offset, text: b.text })),
      },
    };
  }
  return { ...base, lines: () => lines, exit: { at: t, code: status } };
}

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** The binary an image runs by default, for commands that name it explicitly. */
const MAIN_BINARY: Partial<Record<ProcessKind, string[]>> = {
  nginx: ['nginx', '/docker-entrypoint.sh'],
  redis: ['redis-server', 'docker-entrypoint.sh'],
  postgres: ['postgres', 'docker-entrypoint.sh'],
  httpd: ['httpd-foreground', 'httpd'],
  memcached: ['memcached'],
  agnhost: ['agnhost', '/agnhost'],
  web: ['web', '/web'],
  api: ['api', '/api'],
};

function defaultProgram(info: ImageInfo, e: ProcessEnv): Program {
  switch (info.process) {
    case 'nginx':
      return nginx(e);
    case 'redis':
      return redis(e);
    case 'postgres':
      return postgres(e);
    case 'httpd':
      return httpd(e);
    case 'agnhost':
      return agnhost(e);
    case 'web':
    case 'api':
      return demo(e, info.process);
    case 'busybox':
      // busybox's CMD is `sh`; without a terminal it reads end-of-file and exits 0 at once.
      return shell('', e);
    default:
      // memcached and pause print nothing and run until stopped.
      return server(
        () => [],
        0,
        () => [],
        () => [],
      );
  }
}

/**
 * The program a container runs, from its image and its `command`/`args` (Docker semantics:
 * `command` replaces the entrypoint, `args` the CMD). Shell scripts in `sh -c "…"` understand
 * `echo`, `sleep`, `exit`, `true`/`false` and `while true; do …; done`.
 *
 * @example
 * programFor(busybox, ['sh', '-c', 'sleep 5; exit 1'], undefined, env).exit; // { at: start + 5000, code: 1 }
 */
export function programFor(
  info: ImageInfo,
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
  e: ProcessEnv,
): Program {
  const argv = command && command.length > 0 ? [...command, ...(args ?? [])] : (args ?? []);
  if (argv.length === 0) return defaultProgram(info, e);
  const exe = argv[0]!.replace(/^.*\//, '');
  const main = MAIN_BINARY[info.process];
  if (main && (main.includes(argv[0]!) || main.includes(exe))) return defaultProgram(info, e);
  if (SHELLS.has(exe)) {
    const c = argv.indexOf('-c');
    return shell(c >= 0 ? (argv[c + 1] ?? '') : '', e);
  }
  if (exe === 'sleep' || exe === 'echo' || exe === 'true' || exe === 'false' || exe === 'tail')
    return shell(argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' '), e);
  // Anything else runs quietly until stopped (see simplifications: runtime.unknown-executables).
  return server(
    () => [],
    0,
    () => [],
    () => [],
  );
}

/** The last `max` lines a program printed up to `until`, including those of its loop. */
export function linesUntil(program: Program, until: number, max: number): LogLine[] {
  const out: LogLine[] = [];
  for (const line of program.lines()) if (line.at <= until) out.push(line);
  const loop = program.loop;
  if (loop && loop.body.length > 0 && until >= loop.start) {
    const iterations = Math.floor((until - loop.start) / loop.period) + 1;
    const perIteration = loop.body.length;
    const firstIteration = Math.max(0, iterations - Math.ceil(max / perIteration) - 1);
    for (let i = firstIteration; i < iterations; i += 1) {
      for (const b of loop.body) {
        const at = loop.start + i * loop.period + b.offset;
        if (at <= until) out.push({ at, text: b.text.split(DATE).join(dateCommand(at)) });
      }
    }
  }
  return out.length > max ? out.slice(out.length - max) : out;
}
