import { describe, expect, it } from 'vitest';
import type { PlaybackNotice } from '../../store';
import { createConsoleStore, REWOUND, type ConsoleSession } from './consoleStore';
import type { CommandEntry } from './transcript';

/** A stand-in session: records what the console sent and lets the test drive streams and time. */
function fakeSession() {
  const streams = new Map<number, { lines: string[]; open: boolean }>();
  let sim = {
    streamOutput: (id: number) => streams.get(id)?.lines ?? [],
    closeStream: (id: number) => void (streams.get(id)!.open = false),
  };
  const state = { now: 0, notice: undefined as PlaybackNotice | undefined, sent: [] as string[] };
  const session: ConsoleSession = {
    exec: (line) => {
      state.sent.push(line);
      if (line.startsWith('etcdctl watch')) {
        streams.set(7, { lines: [], open: true });
        return { ok: true, output: '', stream: 7 };
      }
      if (line === 'boom') throw new Error('kaput');
      return line.startsWith('bad')
        ? { ok: false, output: 'error: unknown command "bad"' }
        : { ok: true, output: `ran ${line}` };
    },
    apply: (yaml) => {
      state.sent.push(`apply:${yaml}`);
      return { ok: true, output: 'deployment.apps/web created' };
    },
    now: () => state.now,
    notice: () => state.notice,
    simulation: () => sim,
  };
  return {
    session,
    state,
    streams,
    rewind: () => {
      sim = { ...sim };
    },
  };
}

const commands = (entries: readonly unknown[]) =>
  entries.filter((e): e is CommandEntry => (e as CommandEntry).kind === 'command');

describe('console store', () => {
  it('runs lines through the session and keeps the output verbatim', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().run('  kubectl get nodes ');
    store.getState().run('bad thing');
    expect(fake.state.sent).toEqual(['kubectl get nodes', 'bad thing']);
    const [first, second] = commands(store.getState().entries);
    expect(first).toMatchObject({
      line: 'kubectl get nodes',
      ok: true,
      output: 'ran kubectl get nodes',
      input: true,
    });
    expect(second).toMatchObject({ ok: false, output: 'error: unknown command "bad"' });
    expect(store.getState().history.items).toEqual(['kubectl get nodes', 'bad thing']);
  });

  it('clears locally without sending anything, and shows an engine failure as an error', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().run('kubectl get pods');
    store.getState().run('clear');
    expect(store.getState().entries).toEqual([]);
    expect(fake.state.sent).toEqual(['kubectl get pods']);
    store.getState().run('boom');
    expect(commands(store.getState().entries)[0]).toMatchObject({
      ok: false,
      output: 'shipshape: internal error: kaput',
    });
  });

  it('applies pasted YAML as kubectl apply -f -', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().applyYaml('kind: Deployment\nmetadata:\n  name: web\n');
    expect(fake.state.sent).toEqual(['apply:kind: Deployment\nmetadata:\n  name: web\n']);
    expect(commands(store.getState().entries)[0]).toMatchObject({
      line: 'kubectl apply -f -',
      note: 'YAML from the paste area, 3 lines',
      output: 'deployment.apps/web created',
    });
  });

  it('polls a watch for new lines until Ctrl+C closes it', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().run('etcdctl watch foo');
    expect(store.getState().stream).toBeDefined();
    fake.streams.get(7)!.lines.push('PUT', 'foo', 'bar');
    store.getState().poll();
    fake.streams.get(7)!.lines.push('DELETE', 'foo');
    store.getState().poll();
    store.getState().poll();
    let entry = commands(store.getState().entries)[0]!;
    expect(entry.streamLines).toEqual(['PUT', 'foo', 'bar', 'DELETE', 'foo']);
    store.getState().interrupt('');
    expect(fake.streams.get(7)!.open).toBe(false);
    expect(store.getState().stream).toBeUndefined();
    entry = commands(store.getState().entries)[0]!;
    expect(entry.streaming).toBe(false);
  });

  it('ends a watch when the timeline is rewound, and a new command stops a running watch', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().run('etcdctl watch foo');
    fake.rewind();
    store.getState().poll();
    expect(commands(store.getState().entries)[0]).toMatchObject({
      streaming: false,
      streamEnd: REWOUND,
    });
    store.getState().run('etcdctl watch bar');
    store.getState().run('kubectl get pods');
    expect(fake.streams.get(7)!.open).toBe(false);
    expect(store.getState().stream).toBeUndefined();
  });

  it('says when a command branched the timeline and marks the dropped commands', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    fake.state.now = 5_000;
    store.getState().run('kubectl get nodes');
    fake.state.now = 2_000;
    const exec = fake.session.exec;
    fake.session.exec = (line) => {
      fake.state.notice = {
        kind: 'branched',
        text: 'You acted in the past: 1 later action was dropped from the timeline',
        at: 2_000,
      };
      return exec(line);
    };
    store.getState().run('kubectl get pods');
    const entries = store.getState().entries;
    expect(entries.map((e) => e.kind)).toEqual(['command', 'notice', 'command']);
    expect(entries[0]).toMatchObject({ dropped: true });
    expect(entries[1]).toMatchObject({
      text: 'You acted in the past: 1 later action was dropped from the timeline',
    });
    expect(entries[2]).not.toHaveProperty('dropped');
  });

  it('echoes Ctrl+C on a half-typed line without running it', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    store.getState().interrupt('kubectl dele');
    expect(commands(store.getState().entries)[0]).toMatchObject({
      line: 'kubectl dele^C',
      input: false,
    });
    expect(fake.state.sent).toEqual([]);
  });
});

describe('commands a lesson ran', () => {
  it('are shown with their step, and a lesson’s watch keeps running through its later commands', () => {
    const fake = fakeSession();
    const store = createConsoleStore(fake.session);
    fake.streams.set(3, { lines: [], open: true });
    store.getState().lessonRan({
      line: 'etcdctl watch greeting',
      note: 'step 4: Watching a line',
      result: { ok: true, output: '', stream: 3 },
      at: 17_000,
    });
    store.getState().lessonRan({
      line: 'etcdctl put greeting hi',
      note: 'step 4: Watching a line',
      result: { ok: true, output: 'OK' },
      at: 17_000,
    });
    fake.streams.get(3)!.lines.push('PUT', 'greeting', 'hi');
    store.getState().poll();
    const [watch, put] = store.getState().entries as CommandEntry[];
    expect(watch).toMatchObject({
      line: 'etcdctl watch greeting',
      note: 'step 4: Watching a line',
      streaming: true,
      streamLines: ['PUT', 'greeting', 'hi'],
    });
    expect(put).toMatchObject({ line: 'etcdctl put greeting hi', output: 'OK', ok: true });
    expect(fake.streams.get(3)!.open).toBe(true);
    // Nothing was sent to the engine again: the step already ran these.
    expect(fake.state.sent).toEqual([]);
  });
});
