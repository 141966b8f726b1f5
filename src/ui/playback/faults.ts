import type { Fault } from '../../engine';

/** A fault in a few words, for the timeline's marks: "sink ship ship-2". */
export function faultLabel(fault: Fault): string {
  const what = fault.kind.replace(/-/g, ' ');
  if ('ship' in fault)
    return `${what} ${typeof fault.ship === 'string' ? fault.ship : fault.ship.name}`;
  if ('pod' in fault) return `${what} ${fault.pod}`;
  if ('deployment' in fault) return `${what} ${fault.deployment}`;
  if ('member' in fault) return `${what} ${fault.member}`;
  return what;
}
