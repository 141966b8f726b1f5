/**
 * Command history as a shell keeps it: ↑ walks back through earlier lines, ↓ walks forward, and
 * the line being typed before the walk (the draft) comes back at the bottom.
 */
export type History = {
  readonly items: readonly string[];
  /** Position in `items`; `items.length` means "the draft". */
  readonly index: number;
  readonly draft: string;
};

/** How many lines the console remembers. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { items: [], index: 0, draft: '' };

/** Adds a line that was run (not blank, not a repeat of the last one) and goes back to the draft. */
export function remember(history: History, line: string, limit = HISTORY_LIMIT): History {
  const trimmed = line.trim();
  let items = history.items;
  if (trimmed !== '' && items[items.length - 1] !== trimmed) {
    items = [...items, trimmed].slice(-limit);
  }
  return { items, index: items.length, draft: '' };
}

/** ↑: the previous line, or undefined at the oldest. `current` is what the input holds now. */
export function older(
  history: History,
  current: string,
): { history: History; line: string } | undefined {
  if (history.index <= 0) return undefined;
  const draft = history.index === history.items.length ? current : history.draft;
  const index = history.index - 1;
  return { history: { ...history, index, draft }, line: history.items[index]! };
}

/** ↓: the next line, the draft after the newest, or undefined when already at the draft. */
export function newer(history: History): { history: History; line: string } | undefined {
  if (history.index >= history.items.length) return undefined;
  const index = history.index + 1;
  const line = index === history.items.length ? history.draft : history.items[index]!;
  return { history: { ...history, index }, line };
}
