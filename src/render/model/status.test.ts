import { describe, expect, it } from 'vitest';
import { fixtureContainer } from '../fixtures';
import { palette } from './theme';
import {
  badgeColour,
  boxKind,
  boxStyle,
  countdownSeconds,
  flagColour,
  isCrashStatus,
  lampColour,
} from './status';

describe('boxKind: one kind per thing a learner should see', () => {
  const cases: [string, Parameters<typeof fixtureContainer>[1], string][] = [
    [
      'waiting on the dock',
      { ship: undefined, phase: 'Pending', status: 'Pending', ready: false, onDeck: 'none' },
      'waiting',
    ],
    [
      'landed, not started',
      { phase: 'Pending', status: 'Pending', ready: false, onDeck: 'none' },
      'landed',
    ],
    [
      'creating',
      { phase: 'Pending', status: 'ContainerCreating', ready: false, onDeck: 'creating' },
      'creating',
    ],
    [
      'pulling',
      { phase: 'Pending', status: 'ContainerCreating', ready: false, onDeck: 'pulling' },
      'creating',
    ],
    ['running and ready', {}, 'running'],
    ['running, not ready', { ready: false }, 'notReady'],
    ['crash-looping', { status: 'CrashLoopBackOff', ready: false }, 'crash'],
    ['errored', { status: 'Error', ready: false }, 'crash'],
    ['out of memory', { status: 'OOMKilled', ready: false }, 'crash'],
    ['bad image', { phase: 'Pending', status: 'ErrImagePull', ready: false }, 'imagePull'],
    ['image back-off', { phase: 'Pending', status: 'ImagePullBackOff', ready: false }, 'imagePull'],
    ['terminating', { status: 'Terminating', terminating: true }, 'terminating'],
    ['failed', { phase: 'Failed', status: 'Error', ready: false }, 'crash'],
    ['failed, evicted', { phase: 'Failed', status: 'Evicted', ready: false }, 'failed'],
    ['completed', { phase: 'Succeeded', status: 'Completed', ready: false }, 'completed'],
    ['lost with its ship', { status: 'Unknown', terminating: true }, 'unknown'],
  ];
  it.each(cases)('%s', (_, overrides, kind) => {
    expect(boxKind(fixtureContainer('x', overrides))).toBe(kind);
  });

  it('styles differ so each kind is recognisable without colour alone', () => {
    const seen = new Set<string>();
    for (const [, overrides] of cases) {
      const s = boxStyle(fixtureContainer('x', overrides));
      seen.add(`${s.texture}|${s.badge}|${s.alpha}|${s.appTint}`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });
});

describe('status helpers', () => {
  it('crash statuses start the crash animation', () => {
    expect(isCrashStatus('CrashLoopBackOff')).toBe(true);
    expect(isCrashStatus('OOMKilled')).toBe(true);
    expect(isCrashStatus('Running')).toBe(false);
  });

  it('counts the back-off down from backoffUntil − now, rounded up to seconds', () => {
    const c = fixtureContainer('x', {
      status: 'CrashLoopBackOff',
      ready: false,
      backoffUntil: 20_000,
    });
    expect(countdownSeconds(c, 10_001)).toBe(10);
    expect(countdownSeconds(c, 19_999)).toBe(1);
    expect(countdownSeconds(c, 20_000)).toBeUndefined();
    expect(countdownSeconds(fixtureContainer('y', { backoffUntil: 20_000 }), 0)).toBeUndefined();
  });

  it('gives each ship status its own lamp colour in every theme', () => {
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const p = palette(theme);
      const lamps = new Set(
        (['Ready', 'NotReady', 'Unknown', 'Sunk'] as const).map((s) => lampColour(s, p)),
      );
      expect(lamps.size).toBe(4);
      const flags = new Set(
        (['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const).map((e) => flagColour(e, p)),
      );
      expect(flags.size).toBe(3);
      expect(badgeColour('crack', p)).toBe(p.danger);
    }
  });
});
