import { humanDuration, parseRfc3339, rfc3339 } from '../time/format';

/**
 * kubectl's `translateTimestampSince`: the AGE of a timestamp at simulated time `now`, or
 * `<unknown>` for a missing one.
 */
export function since(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  const at = parseRfc3339(timestamp);
  if (at === undefined) return '<unknown>';
  // duration.HumanDuration: more than a second in the future is "<invalid>" (a Terminating pod's
  // deletionTimestamp is its deadline, so describe says "Terminating (lasts <invalid>)").
  const seconds = Math.trunc((now - at) / 1000);
  if (seconds < -1) return '<invalid>';
  return humanDuration(now - at);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day of the week of a civil date (Sakamoto's method), 0 = Sunday. */
function weekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = m < 3 ? y - 1 : y;
  return (
    (year +
      Math.floor(year / 4) -
      Math.floor(year / 100) +
      Math.floor(year / 400) +
      t[m - 1]! +
      d) %
    7
  );
}

/**
 * Go's `time.RFC1123Z` layout, as `kubectl describe` prints times:
 * `Mon, 05 Jan 2026 09:00:00 +0000`. A missing time prints as Go's zero time.
 */
export function rfc1123z(timestamp: string | undefined | null): string {
  const match = timestamp
    ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(timestamp)
    : null;
  if (!match) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const [, y, mo, d, h, mi, s] = match;
  const day = DAYS[weekday(Number(y), Number(mo), Number(d))]!;
  return `${day}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} +0000`;
}

/** The simulated time `ms` as RFC 3339 (for objects the console writes). */
export function stamp(ms: number): string {
  return rfc3339(ms);
}
