import type { ActorOptions, AnyActorLogic } from 'xstate';
import type { Agenda } from './agenda';

/** xstate's clock interface (not exported by name from 'xstate'). */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * The clock handed to every XState actor (`createActor(machine, { clock })`): xstate's `Clock`
 * interface, implemented on the simulation agenda. Its methods carry xstate's names, but they
 * schedule in simulated time; no host timer is involved, so every `after` delay is exact.
 *
 * @example
 * const actor = createActor(machine, { clock: agendaClock(agenda) });
 */
export function agendaClock(agenda: Agenda): Clock {
  return {
    setTimeout: (fn: (...args: unknown[]) => void, timeout: number) => agenda.after(timeout, fn),
    clearTimeout: (id: unknown) => agenda.cancel(id as number),
  };
}
