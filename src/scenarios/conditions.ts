import type { SimEvent, Snapshot } from '../engine';
import type { Condition } from './types';

/** Whether `condition` holds for the snapshot, given the engine events since the step began. */
export function holds(
  condition: Condition,
  snapshot: Snapshot,
  events: readonly SimEvent[],
): boolean {
  if ('allOf' in condition) return condition.allOf.every((c) => holds(c, snapshot, events));
  if ('anyOf' in condition) return condition.anyOf.some((c) => holds(c, snapshot, events));
  if ('podsRunning' in condition) {
    const { app, count, ready = true } = condition.podsRunning;
    const n = snapshot.containers.filter(
      (c) => c.app === app && c.status === 'Running' && !c.terminating && (!ready || c.ready),
    ).length;
    return n === count;
  }
  if ('podsWithStatus' in condition) {
    const { app, status, atLeast = 1 } = condition.podsWithStatus;
    return (
      snapshot.containers.filter((c) => c.app === app && c.status === status).length >= atLeast
    );
  }
  if ('podsScheduled' in condition) {
    const { app, count } = condition.podsScheduled;
    return (
      snapshot.containers.filter((c) => c.app === app && c.ship !== undefined && !c.terminating)
        .length === count
    );
  }
  if ('podsOnShip' in condition) {
    const { ship, count, app } = condition.podsOnShip;
    return (
      snapshot.containers.filter(
        (c) => c.ship === ship && !c.terminating && (!app || c.app === app),
      ).length === count
    );
  }
  if ('shipStatus' in condition) {
    return (
      snapshot.ships.find((s) => s.name === condition.shipStatus.ship)?.status ===
      condition.shipStatus.status
    );
  }
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
  if ('restarts' in condition) {
    return snapshot.containers.some(
      (c) => c.app === condition.restarts.app && c.restarts >= condition.restarts.atLeast,
    );
  }
  const { type, subject } = condition.event;
  return events.some(
    (e) => e.type === type && (subject === undefined || (e.subject ?? '').includes(subject)),
  );
}

/** A condition in words, for the step panel ("waiting for: 3 web containers Running"). */
export function describeCondition(condition: Condition): string {
  if ('allOf' in condition) return condition.allOf.map(describeCondition).join(' and ');
  if ('anyOf' in condition) return condition.anyOf.map(describeCondition).join(' or ');
  if ('podsRunning' in condition)
    return `${condition.podsRunning.count} ${condition.podsRunning.app} container(s) Running${condition.podsRunning.ready === false ? '' : ' and ready'}`;
  if ('podsWithStatus' in condition)
    return `${condition.podsWithStatus.atLeast ?? 1} ${condition.podsWithStatus.app} container(s) ${condition.podsWithStatus.status}`;
  if ('podsScheduled' in condition)
    return `${condition.podsScheduled.count} ${condition.podsScheduled.app} container(s) placed on ships`;
  if ('podsOnShip' in condition)
    return `${condition.podsOnShip.count} container(s) on ${condition.podsOnShip.ship}`;
  if ('shipStatus' in condition)
    return `${condition.shipStatus.ship} ${condition.shipStatus.status}`;
  if ('shipTainted' in condition)
    return `${condition.shipTainted.ship} flagged ${condition.shipTainted.key}`;
  if ('ledger' in condition)
    return `the ledger ${condition.ledger === 'ok' ? 'writable' : condition.ledger}`;
  if ('endpoints' in condition)
    return `${condition.endpoints.ready} ready endpoint(s) for ${condition.endpoints.service}`;
  if ('restarts' in condition)
    return `a ${condition.restarts.app} container restarted ${condition.restarts.atLeast} time(s)`;
  return `event ${condition.event.type}${condition.event.subject ? ` on ${condition.event.subject}` : ''}`;
}
