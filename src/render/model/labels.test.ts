import { describe, expect, it } from 'vitest';
import { fixtureContainer, fixtureShip } from '../fixtures';
import {
  countdownText,
  crewBadgeText,
  describeContainer,
  describeShip,
  destinationText,
  gaugeTexts,
  partName,
  shipKindText,
  shortBytes,
  taintText,
} from './labels';

describe('labels', () => {
  it('names every part in the chosen vocabulary', () => {
    expect(partName('captain', 'analogy')).toBe('Captain');
    expect(partName('captain', 'kubernetes')).toBe('kubelet');
    expect(partName('captain', 'both')).toBe('Captain (kubelet)');
    expect(partName('controlShip', 'both')).toBe('Control ship (control plane, formerly master)');
    expect(partName('signalOfficer', 'both')).toBe('Signal officer (kube-proxy)');
    expect(shipKindText({ role: 'cargo' }, 'kubernetes')).toBe('worker node');
  });

  it('shows only the ship’s own labels as its destination', () => {
    expect(
      destinationText({
        'kubernetes.io/hostname': 'ship-1',
        'node-role.kubernetes.io/control-plane': '',
        'topology.kubernetes.io/zone': 'a',
      }),
    ).toBeUndefined();
    expect(destinationText({ zone: 'north', disk: 'ssd', 'kubernetes.io/os': 'linux' })).toBe(
      '→ disk=ssd  zone=north',
    );
  });

  it('writes the crew badge, gauges and flags like Kubernetes does', () => {
    expect(crewBadgeText({ runtime: 'containerd', runtimeVersion: 'containerd://2.1.4' })).toBe(
      'containerd 2.1.4',
    );
    expect(crewBadgeText({ runtime: 'docker', runtimeVersion: 'docker://28.1.1' })).toBe(
      'docker (cri-dockerd) 28.1.1',
    );
    const ship = fixtureShip('ship-1', {
      allocated: { cpu: 1500, memory: 640 * 2 ** 20, pods: 5 },
    });
    expect(gaugeTexts(ship)).toEqual(['CPU 1.5/4', 'Mem 640Mi/8Gi', 'Pods 5/110']);
    expect(shortBytes(7.5 * 2 ** 30)).toBe('7.5Gi');
    expect(taintText({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' })).toBe(
      'node.kubernetes.io/unreachable:NoExecute',
    );
    expect(taintText({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })).toBe(
      'dedicated=gpu:NoSchedule',
    );
  });

  it('describes containers and ships for tooltips', () => {
    const c = fixtureContainer('a', {
      status: 'CrashLoopBackOff',
      ready: false,
      restarts: 2,
      backoffUntil: 30_000,
    });
    expect(countdownText(c, 20_500)).toBe('↻ 10s');
    const text = describeContainer(c, 'both', 20_500);
    expect(text).toContain('Container (Pod) web-a');
    expect(text).toContain('2 restarts');
    expect(text).toContain('next try in 10s');
    const ship = describeShip(
      fixtureShip('ship-2', { taints: [{ key: 'k', effect: 'NoSchedule' }] }),
      3,
      'analogy',
    );
    expect(ship).toContain('ship-2 — Cargo ship');
    expect(ship).toContain('3 containers aboard');
    expect(ship).toContain('Flag: k:NoSchedule');
  });
});
