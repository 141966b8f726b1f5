/** One command the student ran, with what the tool printed. */
export type CommandEntry = {
  readonly kind: 'command';
  readonly id: number;
  /** Simulated time it ran at. */
  readonly at: number;
  readonly line: string;
  /** A remark shown after the line, e.g. where the stdin came from. */
  readonly note?: string;
  readonly ok: boolean;
  readonly output: string;
  /** Lines a long-running command (watch) printed after it started. */
  readonly streamLines?: readonly string[];
  readonly streaming?: boolean;
  /** Why the stream ended, when it was not the user who stopped it. */
  readonly streamEnd?: string;
  /** The input was dropped from the timeline by a later branch. */
  readonly dropped?: boolean;
  /** Whether this went to the engine as an input (blank lines and `clear` do not). */
  readonly input: boolean;
};

/** Something the console tells the student that no tool printed (a branch of the timeline). */
export type NoticeEntry = {
  readonly kind: 'notice';
  readonly id: number;
  readonly at: number;
  readonly text: string;
};

export type Entry = CommandEntry | NoticeEntry;

/** How many entries the console keeps on screen (older ones scroll away for good). */
export const MAX_ENTRIES = 300;
/** How many lines one watch keeps. */
export const MAX_STREAM_LINES = 2000;

/** Appends an entry, dropping the oldest beyond the limit. */
export function append(entries: readonly Entry[], entry: Entry, limit = MAX_ENTRIES): Entry[] {
  const next = [...entries, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Replaces the entry with `id` by `change(entry)` (entries are immutable, for React.memo). */
export function update(
  entries: readonly Entry[],
  id: number,
  change: (entry: CommandEntry) => CommandEntry,
): Entry[] {
  return entries.map((e) => (e.id === id && e.kind === 'command' ? change(e) : e));
}

/** Adds new stream lines to an entry, keeping the newest `limit`. */
export function withStreamLines(
  entry: CommandEntry,
  lines: readonly string[],
  limit = MAX_STREAM_LINES,
): CommandEntry {
  const all = [...(entry.streamLines ?? []), ...lines];
  return { ...entry, streamLines: all.length > limit ? all.slice(all.length - limit) : all };
}

/** After a branch, commands that ran later than `t` are no longer on the timeline. */
export function markDropped(entries: readonly Entry[], t: number): Entry[] {
  return entries.map((e) =>
    e.kind === 'command' && e.input && e.at > t && !e.dropped ? { ...e, dropped: true } : e,
  );
}
