/**
 * One entry of client-go's `flowcontrol.Backoff` as the kubelet keys it (per container for crash
 * restarts, per pod and image for pulls): the current delay and when it last grew.
 */
export type BackoffEntry = { delay: number; lastUpdate: number };

/** Delays between `initial` and `max`; an entry untouched for `reset` starts over. */
export type BackoffPolicy = { initial: number; max: number; reset: number };

function expired(entry: BackoffEntry, eventTime: number, policy: BackoffPolicy): boolean {
  // flowcontrol.hasExpired: eventTime - lastUpdate > 2 × maxDuration (= backoffReset, 10 min).
  return eventTime - entry.lastUpdate > policy.reset;
}

/**
 * `Backoff.Next`: the first call (or one after the entry expired) sets the initial delay, each
 * later one doubles it up to the maximum. `lastUpdate` is now, as in client-go.
 */
export function nextBackoff(
  entry: BackoffEntry | undefined,
  eventTime: number,
  now: number,
  policy: BackoffPolicy,
): BackoffEntry {
  if (!entry || expired(entry, eventTime, policy))
    return { delay: policy.initial, lastUpdate: now };
  return { delay: Math.min(entry.delay * 2, policy.max), lastUpdate: now };
}

/** `Backoff.IsInBackOffSince`: still waiting `delay` after `eventTime` (the container's exit). */
export function inBackoffSince(
  entry: BackoffEntry | undefined,
  eventTime: number,
  now: number,
  policy: BackoffPolicy,
): boolean {
  if (!entry || expired(entry, eventTime, policy)) return false;
  return now - eventTime < entry.delay;
}

/** `Backoff.IsInBackOffSinceUpdate`: still waiting `delay` after the entry last grew (image pulls). */
export function inBackoffSinceUpdate(
  entry: BackoffEntry | undefined,
  now: number,
  policy: BackoffPolicy,
): boolean {
  if (!entry || expired(entry, now, policy)) return false;
  return now - entry.lastUpdate < entry.delay;
}

/** A duration as Go's `time.Duration.String()` prints it: 10s, 1m20s, 5m0s, 1.551s, 400ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  const s = `${seconds}s`;
  if (hours > 0) return `${hours}h${minutes}m${s}`;
  if (minutes > 0) return `${minutes}m${s}`;
  return s;
}
