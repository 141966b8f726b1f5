import { describe, expect, it } from 'vitest';
import { container as fixtureContainer, ship as fixtureShip } from './testView';
import { containerDetail, containerTone, cpu, memory, shipDetail, shipTone } from './describe';

describe('outline wording', () => {
  it('says how a ship is doing, in words', () => {
    const ship = fixtureShip('ship-1', {
      allocated: { cpu: 250, memory: 384 * 2 ** 20, pods: 3 },
      radio: 'cut',
      status: 'Unknown',
    });
    expect(shipDetail(ship, 3, 'analogy')).toBe(
      'Unknown, radio cut · CPU 250m of 4 · memory 384Mi of 8Gi · 3 containers (max 110)',
    );
    expect(shipDetail(ship, 1, 'kubernetes')).toContain('1 pod (max 110)');
    expect(shipTone(ship)).toBe('danger');
    expect(shipTone(fixtureShip('a'))).toBe('ok');
  });

  it('says how a container is doing, with the back-off countdown', () => {
    const c = fixtureContainer('x', {
      status: 'CrashLoopBackOff',
      ready: false,
      restarts: 4,
      backoffUntil: 40_000,
    });
    expect(containerDetail(c, 30_000)).toBe(
      'CrashLoopBackOff · app web · 4 restarts · next try in 10s',
    );
    expect(containerTone(c)).toBe('danger');
    expect(containerTone(fixtureContainer('y'))).toBe('ok');
    expect(
      containerTone(
        fixtureContainer('z', { status: 'ContainerCreating', ready: false, phase: 'Pending' }),
      ),
    ).toBe('warn');
  });

  it('formats quantities', () => {
    expect(cpu(1500)).toBe('1.5');
    expect(cpu(250)).toBe('250m');
    expect(memory(2 ** 30 * 7.5)).toBe('7.5Gi');
  });
});
