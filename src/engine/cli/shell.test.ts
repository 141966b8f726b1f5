import { describe, expect, it } from 'vitest';
import { FlagError, ShellError, parseFlags, splitLine } from './shell';
import { kubectlTable, tabwrite } from './tabwriter';
import { boxTable } from './etcdTable';

describe('splitLine', () => {
  it('splits words and honours single and double quotes', () => {
    expect(splitLine(`kubectl get pods -l 'app in (web,db)'`).words).toEqual([
      'kubectl',
      'get',
      'pods',
      '-l',
      'app in (web,db)',
    ]);
    expect(splitLine('etcdctl put greeting "hello \\"world\\""').words).toEqual([
      'etcdctl',
      'put',
      'greeting',
      'hello "world"',
    ]);
    expect(splitLine('echo a\\ b  c').words).toEqual(['echo', 'a b', 'c']);
    expect(splitLine(`etcdctl put k ''`).words).toEqual(['etcdctl', 'put', 'k', '']);
  });

  it('takes leading VAR=value words as the environment and drops a pasted prompt', () => {
    expect(splitLine('$ ETCDCTL_API=2 etcdctl set key1 value1')).toEqual({
      env: { ETCDCTL_API: '2' },
      words: ['etcdctl', 'set', 'key1', 'value1'],
    });
  });

  it('refuses an unterminated quote as bash does', () => {
    expect(() => splitLine(`kubectl get 'pods`)).toThrow(ShellError);
  });
});

describe('parseFlags', () => {
  const spec = {
    values: ['namespace', 'output', 'replicas', 'container'],
    bools: ['all-namespaces', 'stdin', 'tty', 'force'],
    repeated: ['image'],
    short: {
      n: 'namespace',
      o: 'output',
      A: 'all-namespaces',
      i: 'stdin',
      t: 'tty',
      c: 'container',
    },
  };

  it('reads --flag=value, --flag value, -n value, -nvalue, -o=wide and grouped switches', () => {
    const p = parseFlags(
      ['get', '--replicas=3', '--namespace', 'shop', '-owide', '-it', '-A', '-c=main', 'web'],
      spec,
    );
    expect(p.args).toEqual(['get', 'web']);
    expect(Object.fromEntries(p.flags)).toEqual({
      replicas: '3',
      namespace: 'shop',
      output: 'wide',
      stdin: 'true',
      tty: 'true',
      'all-namespaces': 'true',
      container: 'main',
    });
  });

  it('collects repeated flags and stops at --', () => {
    const p = parseFlags(
      ['--image', 'a', '--image=b', 'pod', '--', 'curl', '-s', 'http://web'],
      spec,
    );
    expect(p.lists.get('image')).toEqual(['a', 'b']);
    expect(p.rest).toEqual(['curl', '-s', 'http://web']);
    expect(p.args).toEqual(['pod']);
  });

  it('accepts --switch=false and rejects what pflag rejects, in its words', () => {
    expect(parseFlags(['--force=false'], spec).flags.get('force')).toBe('false');
    expect(() => parseFlags(['--bogus'], spec)).toThrow(new FlagError('unknown flag: --bogus'));
    expect(() => parseFlags(['-x'], spec)).toThrow(
      new FlagError("unknown shorthand flag: 'x' in -x"),
    );
    expect(() => parseFlags(['--replicas'], spec)).toThrow(
      new FlagError('flag needs an argument: --replicas'),
    );
    expect(() => parseFlags(['--force=yes'], spec)).toThrow(
      /invalid argument "yes" for "--force" flag/,
    );
  });
});

describe('tabwrite (Go text/tabwriter)', () => {
  it('pads every column to its widest cell plus padding, at least minwidth; the last cell is not padded', () => {
    expect(
      kubectlTable([
        ['NAME', 'AGE'],
        ['web', '5s'],
      ]),
    ).toBe('NAME   AGE\nweb    5s');
    // A 2-letter column is still 6 wide (minwidth 6 includes the padding).
    expect(
      kubectlTable([
        ['IP', 'X'],
        ['1', 'y'],
      ]),
    ).toBe('IP    X\n1     y');
  });

  it('aligns a column only across consecutive lines that have a cell there', () => {
    const text =
      'Name:\tweb\nLabels:\tapp=web\n\ttier=front\nContainers:\n  nginx:\n    Image:\tnginx\n';
    expect(tabwrite(text, { minwidth: 0, padding: 2 })).toBe(
      'Name:    web\nLabels:  app=web\n         tier=front\nContainers:\n  nginx:\n    Image:  nginx\n',
    );
  });

  it('sizes nested columns per block, as Go does', () => {
    const text = 'a\tbb\tc\naaaa\tb\tc\nx\n1\t2\n';
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe('a    bb c\naaaa b  c\nx\n1 2\n');
  });

  it('remembers widths across calls (kubectl get -w rows line up with the table)', () => {
    const remembered: number[] = [];
    expect(
      kubectlTable(
        [
          ['NAME', 'STATUS', 'AGE'],
          ['web-1', 'Running', '5s'],
        ],
        remembered,
      ),
    ).toBe('NAME    STATUS    AGE\nweb-1   Running   5s');
    expect(kubectlTable([['w', 'Pending', '0s']], remembered)).toBe('w       Pending   0s');
  });
});

describe('boxTable (etcdctl -w table)', () => {
  it('centres upper-case headers and right-aligns cells', () => {
    expect(
      boxTable(['ID', 'Status', 'Is Learner'], [['8e9e05c52164694d', 'started', 'false']]),
    ).toBe(
      [
        '+------------------+---------+------------+',
        '|        ID        | STATUS  | IS LEARNER |',
        '+------------------+---------+------------+',
        '| 8e9e05c52164694d | started |      false |',
        '+------------------+---------+------------+',
      ].join('\n'),
    );
  });

  it('prints the header and two borders when there are no rows', () => {
    expect(boxTable(['Endpoint', 'ID'], [])).toBe(
      ['+----------+----+', '| ENDPOINT | ID |', '+----------+----+', '+----------+----+'].join(
        '\n',
      ),
    );
  });
});
