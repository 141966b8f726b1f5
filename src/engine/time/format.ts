/** Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm), without `Date`. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Simulated time 0 is 2026-01-05T09:00:00Z, so timestamps in objects look like real ones while
 * staying the same on every run.
 */
export const EPOCH_MS = daysFromCivil(2026, 1, 5) * 86400000 + 9 * 3600000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 → civil date (Howard Hinnant's algorithm), without `Date`. */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

/**
 * RFC 3339 timestamp (as in `creationTimestamp`) for a simulated time.
 *
 * @example
 * rfc3339(61_000); // '2026-01-05T09:01:01Z'
 */
export function rfc3339(simMs: number): string {
  const ms = EPOCH_MS + simMs;
  const days = Math.floor(ms / 86400000);
  const rest = ms - days * 86400000;
  const [y, m, d] = civil(days);
  const h = Math.floor(rest / 3600000);
  const min = Math.floor((rest % 3600000) / 60000);
  const s = Math.floor((rest % 60000) / 1000);
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:${pad(s)}Z`;
}

/** Parses an RFC 3339 timestamp written by `rfc3339` back to simulated ms. */
export function parseRfc3339(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return daysFromCivil(y!, mo!, d!) * 86400000 + h! * 3600000 + mi! * 60000 + s! * 1000 - EPOCH_MS;
}

/**
 * A duration the way kubectl prints AGE (`duration.HumanDuration`): 45s, 3m20s, 2h5m, 4d, 2y.
 *
 * @example
 * humanDuration(185_000); // '3m5s'
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/**
 * A simulated clock reading for people.
 *
 * @example
 * clockText(83_400); // '00:01:23.4'
 */
export function clockText(simMs: number): string {
  const tenths = Math.floor(simMs / 100) % 10;
  const s = Math.floor(simMs / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${tenths}`;
}

/**
 * The wall-clock calendar fields (UTC) of a simulated time, without `Date`.
 *
 * @example
 * calendar(0); // { year: 2026, month: 1, day: 5, weekday: 1 (Monday), hour: 9, minute: 0, second: 0, ms: 0 }
 */
export function calendar(simMs: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
} {
  const ms = EPOCH_MS + simMs;
  const days = Math.floor(ms / 86400000);
  const rest = ms - days * 86400000;
  const [year, month, day] = civil(days);
  return {
    year,
    month,
    day,
    // 1970-01-01 was a Thursday (4); 0 is Sunday.
    weekday: (((days + 4) % 7) + 7) % 7,
    hour: Math.floor(rest / 3600000),
    minute: Math.floor(rest / 60000) % 60,
    second: Math.floor(rest / 1000) % 60,
    ms: rest % 1000,
  };
}
