import type { SimEvent, Snapshot } from '../engine';
import type { Condition } from './types';

/** Whether a condition reads the snapshot (checked on a grid) or only the event log (checked after every event). */
export function needsSnapshot(condition: Condition): boolean {
  if ('allOf' in condition) return condition.allOf.some(needsSnapshot);
  if ('anyOf' in condition) return condition.anyOf.some(needsSnapshot);
  return !('event' in condition);
}

/**
 * Whether `condition` holds, given the snapshot (or a function that builds it, called only if a
 * part of the condition needs it) and the engine events since the step began.
 */
export function holds(
  condition: Condition,
  snapshot: Snapshot | (() => Snapshot),
  events: readonly SimEvent[],
): boolean {
  if ('allOf' in condition) return condition.allOf.every((c) => holds(c, snapshot, events));
  if ('anyOf' in condition) return condition.anyOf.some((c) => holds(c, snapshot, events));
  if ('event' in condition) {
    const { type, subject, count = 1 } = condition.event;
    let n = 0;
    for (const e of events)
      if (e.type === type && (subject === undefined || (e.subject ?? '').includes(subject))) n += 1;
    return n >= count;
  }
  return holdsOnSnapshot(condition, typeof snapshot === 'function' ? snapshot() : snapshot);
}

function holdsOnSnapshot(condition: Condition, snapshot: Snapshot): boolean {
  const live = snapshot.containers.filter((c) => !c.terminating);
  if ('podsRunning' in condition) {
    const { app, count, ready = true } = condition.podsRunning;
    return (
      live.filter((c) => c.app === app && c.status === 'Running' && (!ready || c.ready)).length ===
      count
    );
  }
  if ('podsWithStatus' in condition) {
    const { app, status, atLeast = 1 } = condition.podsWithStatus;
    return (
      snapshot.containers.filter((c) => c.app === app && c.status === status).length >= atLeast
    );
  }
  if ('podsScheduled' in condition) {
    const { app, count } = condition.podsScheduled;
    return live.filter((c) => c.app === app && c.ship !== undefined).length === count;
  }
  if ('podsTotal' in condition) {
    return (
      snapshot.containers.filter((c) => c.app === condition.podsTotal.app).length ===
      condition.podsTotal.count
    );
  }
  if ('podsOnShip' in condition) {
    const { ship, count, app } = condition.podsOnShip;
    return live.filter((c) => c.ship === ship && (!app || c.app === app)).length === count;
  }
  if ('shipStatus' in condition)
    return (
      snapshot.ships.find((s) => s.name === condition.shipStatus.ship)?.status ===
      condition.shipStatus.status
    );
  if ('nodeReady' in condition)
    return (
      snapshot.ships.find((s) => s.name === condition.nodeReady.ship)?.ready ===
      condition.nodeReady.status
    );
  if ('shipTainted' in condition) {
    return (
      snapshot.ships
        .find((s) => s.name === condition.shipTainted.ship)
        ?.taints.some((t) => t.key === condition.shipTainted.key) ?? false
    );
  }
  if ('ledger' in condition) return snapshot.ledger.writable === condition.ledger;
  if ('endpoints' in condition) {
    const service = snapshot.services.find((s) => s.name === condition.endpoints.service);
    return (service?.endpoints.filter((e) => e.ready).length ?? -1) === condition.endpoints.ready;
  }
  if ('restarts' in condition)
    return snapshot.containers.some(
      (c) => c.app === condition.restarts.app && c.restarts >= condition.restarts.atLeast,
    );
  return false;
}

/** A condition in words, for the step panel ("waiting for: 3 web container(s) Running and ready"). */
export function describeCondition(condition: Condition): string {
  if ('allOf' in condition) return condition.allOf.map(describeCondition).join(' and ');
  if ('anyOf' in condition) return condition.anyOf.map(describeCondition).join(' or ');
  if ('podsRunning' in condition)
    return `${condition.podsRunning.count} ${condition.podsRunning.app} container(s) Running${condition.podsRunning.ready === false ? '' : ' and ready'}`;
  if ('podsWithStatus' in condition)
    return `${condition.podsWithStatus.atLeast ?? 1} ${condition.podsWithStatus.app} container(s) ${condition.podsWithStatus.status}`;
  if ('podsScheduled' in condition)
    return `${condition.podsScheduled.count} ${condition.podsScheduled.app} container(s) placed on ships`;
  if ('podsTotal' in condition)
    return `${condition.podsTotal.count} ${condition.podsTotal.app} container(s) in the ledger, terminating ones included`;
  if ('podsOnShip' in condition)
    return `${condition.podsOnShip.count} container(s) on ${condition.podsOnShip.ship}`;
  if ('shipStatus' in condition)
    return `${condition.shipStatus.ship} ${condition.shipStatus.status}`;
  if ('nodeReady' in condition)
    return `the ledger says ${condition.nodeReady.ship} Ready=${condition.nodeReady.status}`;
  if ('shipTainted' in condition)
    return `${condition.shipTainted.ship} flagged ${condition.shipTainted.key}`;
  if ('ledger' in condition)
    return `the ledger ${condition.ledger === 'ok' ? 'writable' : condition.ledger}`;
  if ('endpoints' in condition)
    return `${condition.endpoints.ready} ready endpoint(s) for ${condition.endpoints.service}`;
  if ('restarts' in condition)
    return `a ${condition.restarts.app} container restarted ${condition.restarts.atLeast} time(s)`;
  const { type, subject, count } = condition.event;
  return `${count && count > 1 ? `${count} × ` : ''}${type.replace(/^k8s\./, '')}${subject ? ` on ${subject}` : ''}`;
}
