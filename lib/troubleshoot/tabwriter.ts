/**
 * Go's text/tabwriter, the part kubectl uses: cells are tab-terminated, a column block is a run of consecutive
 * lines that have a cell in that column, and each cell of a block is padded to the block's widest cell plus
 * `padding` (at least `minwidth`), with spaces. The last cell of a line is not in any column and is printed as is.
 * Source: go/src/text/tabwriter/tabwriter.go (Writer.format, Writer.writeLines); kubectl's settings are
 *   kubectl get:      cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' '
 *   kubectl describe: kubectl/pkg/describe/describe.go tabbedString: minwidth 0, tabwidth 8, padding 2, ' '
 * (tabwidth only matters when padding with tabs; RememberWidths only across flushes, which kubectl get resets
 * between kinds with SetRememberedWidths(nil).)
 */
export interface TabSettings {
  minwidth: number;
  padding: number;
}

export const GET_TABS: TabSettings = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabSettings = { minwidth: 0, padding: 2 };

/** Text width as tabwriter counts it: runes (UTF-8 code points). */
function runes(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Formats `text` (lines separated by '\n', cells by '\t') as one flush of a tabwriter. */
export function tabwrite(text: string, settings: TabSettings): string {
  if (text === '') return '';
  const raw = text.split('\n');
  const endsWithNewline = raw[raw.length - 1] === '';
  if (endsWithNewline) raw.pop();
  const lines = raw.map((l) => l.split('\t'));
  const sizes = lines.map((cells) => cells.map(runes));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        s += cells[j]!;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - sizes[i]![j]!));
      }
      out.push(i + 1 === lines.length && !endsWithNewline ? s : `${s}\n`);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      // A cell in this column: a column block starts here.
      writeLines(line0, i);
      line0 = i;
      let width = settings.minwidth;
      for (; i < line1; i++) {
        if (column >= lines[i]!.length - 1) break;
        width = Math.max(width, sizes[i]![column]! + settings.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
