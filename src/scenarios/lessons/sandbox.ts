import type { Scenario } from '../types';

/** 12. Free play: the classroom fleet, every fault and command, all recorded on the timeline. */
export const sandbox: Scenario = {
  id: 'sandbox',
  title: 'Sandbox',
  summary:
    'Free play with the whole fleet: run kubectl and etcdctl in the console, sink ships, cut radios, crash containers, stop ledger clerks. Everything you do is recorded on the timeline, so you can go back and try something else.',
  seed: 12,
  fleet: [
    { name: 'control-plane', role: 'control', cpu: '2', memory: '4Gi' },
    { name: 'ship-1', cpu: '4', memory: '8Gi', labels: { route: 'atlantic' } },
    { name: 'ship-2', cpu: '4', memory: '8Gi', labels: { route: 'pacific' } },
    { name: 'ship-3', cpu: '4', memory: '8Gi', labels: { route: 'atlantic' }, runtime: 'cri-o' },
  ],
  etcdMembers: 3,
  settle: 10_000,
  steps: [],
};
