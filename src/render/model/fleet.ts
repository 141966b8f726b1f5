import type { ShipView } from '../../engine';
import { SINK_MS } from './anim';

/**
 * When each sunk ship sank. The snapshot says *that* a ship sank, not when, so the renderer notes
 * the last moment it saw the ship afloat (time only moves forward while playing, however fast).
 * On first sight, or after going back in time, a sunk ship counts as long sunk, so a reload or a
 * rewind never replays a sinking that already happened. An engine field (`sunkAt`) wins when present.
 */
export class SinkClock {
  private readonly at = new Map<string, number>();
  private lastNow: number | undefined;

  observe(ships: readonly ShipView[], now: number): void {
    const fresh = this.lastNow === undefined || now < this.lastNow;
    for (const ship of ships) {
      const given = (ship as ShipView & { sunkAt?: number }).sunkAt;
      if (!ship.sunk) {
        this.at.delete(ship.name);
        continue;
      }
      if (given !== undefined) {
        this.at.set(ship.name, given);
        continue;
      }
      const known = this.at.get(ship.name);
      if (known !== undefined && known <= now) continue;
      this.at.set(ship.name, fresh ? now - SINK_MS - 1 : this.lastNow!);
    }
    this.lastNow = now;
  }

  sunkAt(name: string): number | undefined {
    return this.at.get(name);
  }
}

/**
 * The order cargo ships are laid out in: the snapshot's order, except that wrecks whose sinking has
 * finished move to the end, so the ships afloat close ranks (the layout is re-laid when one sinks).
 */
export function cargoOrder(
  ships: readonly ShipView[],
  now: number,
  sunkAt: (name: string) => number | undefined,
): string[] {
  const afloat: string[] = [];
  const wrecks: string[] = [];
  for (const ship of ships) {
    if (ship.role !== 'cargo') continue;
    const at = ship.sunk ? sunkAt(ship.name) : undefined;
    if (ship.sunk && (at === undefined || now >= at + SINK_MS)) wrecks.push(ship.name);
    else afloat.push(ship.name);
  }
  return afloat.concat(wrecks);
}
