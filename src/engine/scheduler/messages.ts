/**
 * A reason histogram in FitError's words (k/k pkg/scheduler/framework/types.go):
 * `0/N nodes are available: <count> <reason>, ….` — each entry is "count reason", and the entries
 * are sorted as strings (Go's sort.Strings), so "1 …" comes before "3 …" and "10 …" before "2 …".
 */
export function fitErrorMessage(numAllNodes: number, reasons: ReadonlyMap<string, number>): string {
  const entries: string[] = [];
  for (const [reason, count] of reasons) entries.push(`${count} ${reason}`);
  entries.sort(byteOrder);
  let message = `0/${numAllNodes} nodes are available:`;
  if (entries.length > 0) message += ` ${entries.join(', ')}.`;
  return message;
}

/** Go compares strings byte by byte; JavaScript's < compares UTF-16 code units (same for ASCII). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds one node's reasons to a histogram. */
export function countReasons(
  histogram: Map<string, number>,
  reasons: readonly string[],
  times = 1,
): void {
  for (const reason of reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + times);
}

/**
 * The whole FailedScheduling text: the filter histogram, then the PostFilter (preemption) message
 * appended after a space (FitError.Error: `reasonMsg += " " + postFilterMsg`).
 */
export function failedSchedulingMessage(filterMessage: string, postFilterMessage: string): string {
  return postFilterMessage === '' ? filterMessage : `${filterMessage} ${postFilterMessage}`;
}
