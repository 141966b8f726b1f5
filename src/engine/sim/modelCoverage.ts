import { getAdjacencyMap } from '@xstate/graph';
import type { AnyStateMachine, EventObject } from 'xstate';

type NodeLike = {
  id: string;
  transitions: Map<string, unknown>;
  states?: Record<string, NodeLike>;
};

/** Every (state node, event) transition a machine defines, as `node.id event.type`. */
export function definedTransitions(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: NodeLike) => {
    for (const event of node.transitions.keys()) out.push(`${node.id} ${event}`);
    for (const child of Object.values(node.states ?? {})) walk(child);
  };
  walk(machine.root as unknown as NodeLike);
  return out;
}

/**
 * Explores a machine's reachable states with the given events plus every delayed (`after`) event
 * it defines, and reports which defined transitions were taken (the state or context changed,
 * or the transition re-entered) and which never were.
 */
export function transitionCoverage(
  machine: AnyStateMachine,
  options: {
    input?: unknown;
    events: (EventObject & Record<string, unknown>)[];
    serializeState?: (state: { value: unknown; context: unknown }) => string;
    limit?: number;
  },
): { covered: string[]; missing: string[]; states: number } {
  const defined = definedTransitions(machine);
  const delayed = defined.map((t) => t.split(' ')[1]!).filter((e) => e.startsWith('xstate.after.'));
  const events = [...options.events, ...[...new Set(delayed)].map((type) => ({ type }))];
  const map = getAdjacencyMap(machine, {
    input: options.input,
    events,
    serializeState: (state: { value: unknown; context: unknown }) =>
      options.serializeState ? options.serializeState(state as never) : JSON.stringify(state.value),
    limit: options.limit ?? 10_000,
  } as never) as unknown as Record<
    string,
    {
      state: { value: unknown; matches(v: string): boolean; context: unknown };
      transitions: Record<
        string,
        { event: EventObject; state: { value: unknown; context: unknown } }
      >;
    }
  >;
  const rootId = (machine.root as unknown as NodeLike).id;
  const covered = new Set<string>();
  for (const { state, transitions } of Object.values(map)) {
    for (const { event, state: next } of Object.values(transitions)) {
      const changed =
        JSON.stringify(next.value) !== JSON.stringify(state.value) ||
        next.context !== state.context;
      for (const t of defined) {
        const [nodeId, type] = t.split(' ') as [string, string];
        if (type !== event.type) continue;
        const path = nodeId === rootId ? '' : nodeId.slice(rootId.length + 1);
        if ((path === '' || state.matches(path)) && (changed || type.startsWith('xstate.after.')))
          covered.add(t);
      }
    }
  }
  return {
    covered: [...covered],
    missing: defined.filter((t) => !covered.has(t)),
    states: Object.keys(map).length,
  };
}
