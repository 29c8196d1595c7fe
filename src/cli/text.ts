/** Small text helpers the commands' reports share. */

/** `1 row`, `1,234 rows`. */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export { firstLine } from '../util/first-line.ts';

/** Columns two spaces apart, padded to their widest cell, those in `right` aligned right; the last column unpadded, no trailing spaces. */
export function alignColumns(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Words wrapped to `width`: the first line starts with `first`, the others
 * with `indent` (a hanging indent). A word longer than a whole line is cut,
 * the only way it can fit.
 */
export function wrap(text: string, width: number, indent = '', first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (let word of text.split(/\s+/).filter(Boolean)) {
    for (;;) {
      const room = width - line.length - (empty ? 0 : 1);
      if (word.length <= room) {
        line += (empty ? '' : ' ') + word;
        empty = false;
        break;
      }
      if (!empty) {
        lines.push(line);
        line = indent;
        empty = true;
        continue;
      }
      // Alone on a line and still too long: cut it.
      lines.push(line + word.slice(0, Math.max(1, room)));
      word = word.slice(Math.max(1, room));
      line = indent;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines.map((l) => l.trimEnd());
}
