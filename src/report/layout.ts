// Fitting the terminal report into a given width (80 columns when not on a terminal): text is
// wrapped at spaces with a hanging indent, and a table that is too wide wraps its column
// titles (when asked), drops its least needed columns, stacks a column over another (when
// asked), then wraps its widest text column. Widths count what the eye sees: colour codes take
// no room.

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
  /** When the table is too wide, its column titles wrap first (at spaces, and after a hyphen) down to their column's widest cell: nothing is lost. */
  wrapHead?: boolean;
  /**
   * A column kept by drawing it inside the `wrap` column, its lines above that column's (a
   * date over its session's path), when the wrap column would otherwise wrap narrower than
   * MIN_WRAPPED.
   */
  stack?: number;
}

/** The narrowest a wrapped column gets before a `dropLast` column or a `stack` makes room for it. */
const MIN_WRAPPED = 16;

/** The width of a cell: its widest line. */
function cellWidth(cell: string): number {
  return cell.includes("\n") ? cell.split("\n").reduce((most, line) => Math.max(most, visibleLength(line)), 0) : visibleLength(cell);
}

/**
 * A column title in lines no wider than `width` where it can break (at a space, or after a
 * hyphen inside a word): "Komplekse %" → "Komplekse\n%", "MI-inkonsistent" → "MI-\ninkonsistent".
 * A part wider than `width` is kept whole, and the title's lines may be as wide as it: a column
 * grows to a word rather than cut it.
 */
export function wrapTitle(title: string, width: number): string {
  const words = title.split(/ +/).filter(Boolean).map((word) => word.split(/(?<=\p{L}-)(?=\p{L})/u));
  // As wide as its longest part: "Change talk %" over "Change" and "talk %", not three lines.
  const room = words.flat().reduce((most, part) => Math.max(most, visibleLength(part)), width);
  const lines: string[] = [];
  let line = "";
  for (const parts of words) {
    parts.forEach((part, k) => {
      const sep = line === "" || k > 0 ? "" : " ";
      if (line !== "" && visibleLength(line) + sep.length + visibleLength(part) > room) {
        lines.push(line);
        line = part;
      } else line += sep + part;
    });
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

/** A table no wider than `width`, wrapping titles, dropping, stacking and then wrapping columns as needed. */
export function fitTable(head: readonly string[], rows: readonly (readonly string[])[], width: number, options: FitOptions = {}): string {
  let keep = head.map((_, i) => i);
  let titles = [...head];
  // A loop, not Math.max(...rows): a batch of 135,000 files would overflow the stack.
  const cells = head.map((_, i) => rows.reduce((most, row) => Math.max(most, cellWidth(row[i] ?? "")), 0));
  let naturals = titles.map((title, i) => Math.max(cells[i]!, cellWidth(title)));
  const natural = (i: number) => naturals[i]!;
  const widthOf = (columns: number[]) => columns.reduce((sum, i) => sum + natural(i) + 3, 1);
  const room = Math.max(width, MIN_WIDTH);
  if (options.wrapHead && widthOf(keep) > room) {
    titles = titles.map((title, i) => wrapTitle(title, cells[i]!));
    naturals = titles.map((title, i) => Math.max(cells[i]!, cellWidth(title)));
  }
  for (const column of options.drop ?? []) {
    if (widthOf(keep) <= room) break;
    keep = keep.filter((i) => i !== column);
  }
  const wrapped = options.wrap !== undefined && keep.includes(options.wrap) ? options.wrap : undefined;
  const roomy = () => wrapped !== undefined && natural(wrapped) - (widthOf(keep) - room) >= MIN_WRAPPED;
  for (const column of options.dropLast ?? []) {
    if (widthOf(keep) <= room || roomy()) break;
    keep = keep.filter((i) => i !== column);
  }
  let at = (row: readonly string[], i: number) => row[i] ?? "";
  const stack = options.stack;
  if (stack !== undefined && wrapped !== undefined && keep.includes(stack) && widthOf(keep) > room && !roomy()) {
    // The stacked column's lines go above the wrap column's, in its cells and its title.
    at = (row, i) => (i === wrapped ? `${row[stack] ?? ""}\n${row[i] ?? ""}` : (row[i] ?? ""));
    naturals[wrapped] = Math.max(natural(stack), natural(wrapped));
    keep = keep.filter((i) => i !== stack);
  }
  const over = widthOf(keep) - room;
  let line = (row: readonly string[]) => keep.map((i) => at(row, i));
  if (over > 0 && wrapped !== undefined) {
    // Wrap that column's cells ourselves, a line of the cell a line of the table.
    const inner = Math.max(6, natural(wrapped) - over);
    const fit = (cell: string) => cell.split("\n").flatMap((l) => wrap(l, inner)).join("\n");
    line = (row) => keep.map((i) => (i === wrapped ? fit(at(row, i)) : at(row, i)));
  }
  // Drawn in linear time (plain-table.ts), however many rows.
  return plainTable(line(titles), rows.map(line));
}
