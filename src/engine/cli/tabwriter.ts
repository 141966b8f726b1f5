// A port of Go's text/tabwriter alignment (the part kubectl uses: left-aligned cells padded with
// spaces), so tables and `kubectl describe` line up exactly as the real tools print them.
//
// Text is cut into lines at '\n' and into cells at '\t'. A cell is tab-terminated; the text after
// the last tab of a line is not part of any column. A column block is a run of consecutive lines
// that all have a cell in that column; its width is the widest cell plus padding (at least
// minwidth). kubectl get: minwidth 6, padding 3 (cli-runtime printers/tabwriter.go);
// kubectl describe: minwidth 0, padding 2 (kubectl describe.go tabbedString).

type Cell = { text: string; width: number };

/** Options of Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, ' ', flags)`. */
export type TabwriterOptions = {
  minwidth: number;
  padding: number;
  /**
   * Column widths kept from earlier output and never shrunk (liggitt/tabwriter RememberWidths,
   * which kubectl uses so `get -w` rows line up with the table printed before them).
   */
  remembered?: number[];
};

/** Display width of a string (code points; the console is monospaced and ASCII in practice). */
function displayWidth(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Aligns tab-separated text as Go's tabwriter does.
 *
 * @example
 * tabwrite('NAME\tAGE\nweb\t5s\n', { minwidth: 6, padding: 3 }); // 'NAME   AGE\nweb    5s\n'
 */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines: Cell[][] = text
    .split('\n')
    .map((line) => line.split('\t').map((cell) => ({ text: cell, width: displayWidth(cell) })));
  const widths: number[] = [];
  const out: string[] = [];
  const remembered = options.remembered;

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i += 1) {
      const line = lines[i]!;
      let s = '';
      for (let j = 0; j < line.length; j += 1) {
        const cell = line[j]!;
        s += cell.text;
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(widths[j]! - cell.width);
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current += 1) {
      const line = lines[current]!;
      if (column >= line.length - 1) continue;
      // A cell exists in this column: print the lines before it, then size the column block.
      writeLines(line0, current);
      line0 = current;
      let width = options.minwidth;
      if (remembered && remembered[column] !== undefined)
        width = Math.max(width, remembered[column]!);
      for (; current < line1; current += 1) {
        const l = lines[current]!;
        if (column >= l.length - 1) break;
        width = Math.max(width, l[column]!.width + options.padding);
      }
      if (remembered) remembered[column] = width;
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
      current -= 1;
    }
    writeLines(line0, line1);
  };

  // The final empty line after a trailing '\n' is not a line of its own.
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** kubectl get's tabwriter: minwidth 6, padding 3. */
export function kubectlTable(rows: readonly (readonly string[])[], remembered?: number[]): string {
  const text = rows.map((row) => row.join('\t')).join('\n');
  return tabwrite(text, { minwidth: 6, padding: 3, ...(remembered ? { remembered } : {}) });
}
