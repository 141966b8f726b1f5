// Test support: a CliContext over a test World whose inject, sendTraffic, logs and openStream are
// fakes that record their calls.

import type { Fault, ExecResult } from '../sim/types';
import type { World } from '../sim/world';
import { testWorld } from '../sim/testing';
import type { CliContext, ConsoleStream } from './context';
import type { Pod } from '../objects/workloads';
import { execLine } from './index';

/** A recording stream: its lines, and close() as the Simulation does on Ctrl+C. */
export type FakeStream = ConsoleStream & {
  command: string;
  lines: string[];
  close(): void;
  closed: boolean;
};

/** A CliContext whose side doors record what was asked of them. */
export type TestCli = CliContext & {
  injected: Fault[];
  traffic: { namespace: string; pod: string; host: string; port: number | undefined }[];
  logCalls: { namespace: string; pod: string; container: string | undefined; previous: boolean }[];
  streams: FakeStream[];
  /** What the fakes answer. */
  answers: { inject?: ExecResult; traffic?: ExecResult; logs?: ExecResult };
};

/**
 * A console over `world` (default: a fresh testWorld) with recording fakes.
 *
 * @example
 * const cli = testCli();
 * execLine(cli, 'fault sink-ship ship-2');
 * cli.injected; // [{ kind: 'sink-ship', ship: 'ship-2' }]
 */
export function testCli(world: World = testWorld()): TestCli {
  const cli: TestCli = {
    world,
    injected: [],
    traffic: [],
    logCalls: [],
    streams: [],
    answers: {},
    inject(fault) {
      cli.injected.push(fault);
      return cli.answers.inject ?? { ok: true, output: `injected ${fault.kind}` };
    },
    sendTraffic(namespace, pod, host, port) {
      cli.traffic.push({ namespace, pod, host, port });
      return cli.answers.traffic ?? { ok: true, output: `<html>hello from ${host}:${port}</html>` };
    },
    logs(namespace, pod, container, previous) {
      cli.logCalls.push({ namespace, pod, container, previous });
      return cli.answers.logs ?? { ok: true, output: 'line 1\nline 2\nline 3' };
    },
    openStream(command) {
      const cleanups: (() => void)[] = [];
      const stream: FakeStream = {
        id: cli.streams.length + 1,
        command,
        lines: [],
        closed: false,
        write(line) {
          if (!stream.closed) stream.lines.push(line);
        },
        onClose(cleanup) {
          cleanups.push(cleanup);
        },
        close() {
          stream.closed = true;
          for (const c of cleanups) c();
        },
      };
      cli.streams.push(stream);
      return stream;
    },
  };
  return cli;
}

/** Runs a line and returns its output (tests read the text a terminal would show). */
export function out(cli: CliContext, line: string, stdin?: string): string {
  return execLine(cli, line, stdin).output;
}

/** Replaces a pod's status as its kubelet would (PUT pods/status). */
export function setPodStatus(
  world: World,
  name: string,
  status: Partial<Pod['status']>,
  namespace = 'default',
): Pod {
  const pod = world.api.cached<Pod>('pods', namespace, name);
  if (!pod) throw new Error(`no pod ${name}`);
  const result = world.api.request<Pod>(
    {
      verb: 'update',
      resource: 'pods',
      subresource: 'status',
      body: { ...pod, status: { ...pod.status, ...status } } as Pod,
    },
    'kubelet/test',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

/** Binds a pod to a node as the scheduler does. */
export function bindPod(world: World, name: string, node: string, namespace = 'default'): void {
  const result = world.api.request({ verb: 'bind', namespace, name, node }, 'scheduler');
  if (!result.ok) throw new Error(result.error.message);
}
