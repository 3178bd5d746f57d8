// Fitting the terminal report into a given width (80 columns when not on a terminal): text is
// wrapped at spaces with a hanging indent, and a table that is too wide drops its least
// needed columns, then wraps its widest text column. Widths count what the eye sees: colour
// codes take no room.

import { displayWidth, plainTable } from "./plain-table.js";

/** The width used when standard output is not a terminal (a file, a pipe, CI logs). */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, nothing fits sensibly; lines may then run over. */
const MIN_WIDTH = 40;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return displayWidth(text);
}

/**
 * `text` in lines of at most `width` visible characters: the first line starts with `first`,
 * the others with `rest` (a hanging indent). A word longer than a line is cut.
 */
export function wrap(text: string, width: number, first = "", rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = Math.max(width, 6);
  for (const word of text.split(/ +/)) {
    if (word === "") continue;
    const sep = empty ? "" : " ";
    if (visibleLength(line) + sep.length + visibleLength(word) <= room) {
      line += sep + word;
      empty = false;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
    }
    let piece = word;
    // Cut a word that fits on no line (a long path) into line-sized pieces.
    while (visibleLength(line) + visibleLength(piece) > room && piece.replace(ANSI, "") === piece) {
      const take = room - visibleLength(line);
      if (take < 1) break;
      lines.push(line + piece.slice(0, take));
      line = rest;
      piece = piece.slice(take);
    }
    line += piece;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export interface FitOptions {
  /** Columns that may be left out, least needed first. */
  drop?: number[];
  /** The column to wrap when dropping is not enough (its cells are text or paths). */
  wrap?: number;
  /** Columns kept over an unwrapped `wrap` column: left out (in order) only when it would wrap narrower than MIN_WRAPPED. */
  dropLast?: number[];
}

/** The narrowest a wrapped column gets before a `dropLast` column makes room for it. */
const MIN_WRAPPED = 16;

/** A table no wider than `width`, dropping and then wrapping columns as needed. */
export function fitTable(head: readonly string[], rows: readonly (readonly string[])[], width: number, options: FitOptions = {}): string {
  let keep = head.map((_, i) => i);
  const widthOf = (columns: number[]) => columns.reduce((sum, i) => sum + natural(i) + 3, 1);
  // A loop, not Math.max(...rows): a batch of 135,000 files would overflow the stack.
  const naturals = head.map((cell, i) => rows.reduce((most, row) => Math.max(most, visibleLength(row[i] ?? "")), visibleLength(cell)));
  const natural = (i: number) => naturals[i]!;
  const room = Math.max(width, MIN_WIDTH);
  for (const column of options.drop ?? []) {
    if (widthOf(keep) <= room) break;
    keep = keep.filter((i) => i !== column);
  }
  for (const column of options.dropLast ?? []) {
    const over = widthOf(keep) - room;
    if (over <= 0 || (options.wrap !== undefined && keep.includes(options.wrap) && natural(options.wrap) - over >= MIN_WRAPPED)) break;
    keep = keep.filter((i) => i !== column);
  }
  const over = widthOf(keep) - room;
  let cells = (row: readonly string[]) => keep.map((i) => row[i] ?? "");
  if (over > 0 && options.wrap !== undefined && keep.includes(options.wrap)) {
    // Wrap that column's cells ourselves, a line of the cell a line of the table.
    const column = options.wrap;
    const inner = Math.max(6, natural(column) - over);
    cells = (row) => keep.map((i) => (i === column ? wrap(row[i] ?? "", inner).join("\n") : (row[i] ?? "")));
  }
  // Drawn in linear time (plain-table.ts), however many rows.
  return plainTable(cells(head), rows.map(cells));
}
