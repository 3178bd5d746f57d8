// The batch summary table, drawn here rather than by cli-table3: cli-table3 lays out every row
// against every other (2,000 rows took 4 s, 8,000 took 29 s, 135,000 would take hours), while
// a summary row per file must cost the same for the 100,000th file as for the first. It looks
// like TABLE_STYLE's cli-table3 tables: a box, a header row, no rule between rows, cells padded
// by one space and left-aligned.

/** A table of the given rows, each cell already formatted (colour codes allowed). */
export function plainTable(head: readonly string[], rows: Iterable<readonly string[]>): string {
  const all = [head, ...rows];
  // A cell may hold several lines (a wrapped path): each is measured and drawn on its own.
  const widths = head.map((_, i) => all.reduce((most, row) => (row[i] ?? "").split("\n").reduce((m, l) => Math.max(m, displayWidth(l)), most), 0));
  const line = (left: string, mid: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
  const out = [line("┌", "┬", "┐")];
  for (const row of all) {
    const cells = widths.map((_, i) => (row[i] ?? "").split("\n"));
    const height = cells.reduce((most, c) => Math.max(most, c.length), 1);
    for (let k = 0; k < height; k++) out.push(`│${widths.map((w, i) => ` ${cells[i]![k] ?? ""}${" ".repeat(w - displayWidth(cells[i]![k] ?? ""))} `).join("│")}│`);
  }
  out.push(line("└", "┴", "┘"));
  return out.join("\n");
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const COMBINING = /\p{Mark}|\u200b|\u200c|\u200d|\ufe0f/u;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

/** Columns a text takes in a terminal: East Asian wide characters and emoji count two, marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, "")) width += COMBINING.test(ch) ? 0 : WIDE.test(ch) && ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return width;
}
