// The box tables etcdctl prints with `-w table` (olekukonko/tablewriter as etcdctl configures it:
// upper-case headers centred, cells right-aligned, one space of padding).

/** tablewriter's Pad: centre, with the odd space on the right. */
function center(text: string, width: number): string {
  const gap = width - text.length;
  if (gap <= 0) return text;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + text + ' '.repeat(gap - left);
}

/**
 * An etcdctl table.
 *
 * @example
 * boxTable(['ID', 'Status'], [['8e9e05c52164694d', 'started']]);
 * // +------------------+---------+
 * // |        ID        | STATUS  |
 * // +------------------+---------+
 * // | 8e9e05c52164694d | started |
 * // +------------------+---------+
 */
export function boxTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const titles = headers.map((h) => h.toUpperCase());
  const widths = titles.map((t, i) => Math.max(t.length, ...rows.map((r) => (r[i] ?? '').length)));
  const border = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const out = [border, `|${titles.map((t, i) => ` ${center(t, widths[i]!)} `).join('|')}|`, border];
  for (const row of rows) {
    out.push(`|${widths.map((w, i) => ` ${(row[i] ?? '').padStart(w)} `).join('|')}|`);
  }
  out.push(border);
  return out.join('\n');
}
