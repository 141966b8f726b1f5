import { humanDuration, type SimEvent } from '../../../engine';

/** One line of the event log. */
export type EventRow = {
  readonly seq: number;
  readonly lastSeen: string;
  readonly namespace: string;
  /** `pod/web-…`, `node/ship-1`, as kubectl prints OBJECT. */
  readonly object: string;
  readonly reason: string;
  readonly message: string;
  readonly source: string;
};

/** How many rows the log shows (the newest). */
export const MAX_ROWS = 300;

/** `pod/default/web-1` → namespace `default`, object `pod/web-1`; `node/ship-1` has no namespace. */
function splitSubject(subject: string | undefined): { namespace: string; object: string } {
  if (!subject) return { namespace: '', object: '' };
  const parts = subject.split('/');
  if (parts.length >= 3)
    return { namespace: parts[1]!, object: `${parts[0]}/${parts.slice(2).join('/')}` };
  return { namespace: '', object: subject };
}

/**
 * Rows from the engine's log: its Kubernetes Events (`k8s.<Reason>`), or every entry when
 * `everything` is set (signals, kubelet, runtime…, with the log's own type as the reason).
 */
export function logRows(
  events: readonly SimEvent[],
  now: number,
  everything: boolean,
  limit = MAX_ROWS,
): EventRow[] {
  const rows: EventRow[] = [];
  for (let i = events.length - 1; i >= 0 && rows.length < limit; i -= 1) {
    const e = events[i]!;
    const k8s = e.type.startsWith('k8s.');
    if (!k8s && !everything) continue;
    const reason = k8s ? e.type.slice(4) : e.type;
    const marker = `: ${reason}: `;
    const at = k8s ? e.text.indexOf(marker) : -1;
    const { namespace, object } = splitSubject(e.subject);
    rows.push({
      seq: e.seq,
      lastSeen: humanDuration(now - e.t),
      // Events about cluster-wide objects (nodes) are stored in `default`, as kubectl shows them.
      namespace: k8s && namespace === '' ? 'default' : namespace,
      object,
      reason,
      message: at >= 0 ? e.text.slice(at + marker.length) : e.text,
      source: e.source,
    });
  }
  return rows.reverse();
}

/** Words typed in the filter box: every one must appear (case does not matter). */
export function matcher(filter: string): (text: string) => boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (text) => {
    const lower = text.toLowerCase();
    return words.every((w) => lower.includes(w));
  };
}

/** Filters rows on every column. */
export function filterRows(rows: readonly EventRow[], filter: string): readonly EventRow[] {
  const match = matcher(filter);
  return rows.filter((r) =>
    match(`${r.namespace} ${r.object} ${r.reason} ${r.message} ${r.source}`),
  );
}

/**
 * Filters a table printed by kubectl line by line, keeping the header and the column alignment
 * (kubectl pads every column to its widest cell, so the kept lines still line up).
 */
export function filterTable(output: string, filter: string): string {
  const lines = output.replace(/\n$/, '').split('\n');
  if (lines.length < 2 || !/^[A-Z][A-Z ]+\s{2,}[A-Z]/.test(lines[0]!)) return output;
  const match = matcher(filter);
  const kept = lines.slice(1).filter(match);
  return [lines[0]!, ...kept].join('\n');
}
