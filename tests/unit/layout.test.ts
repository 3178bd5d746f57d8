import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/locale/numbers.js";
import { fitTable, visibleLength, wrap, wrapTitle } from "../../src/report/layout.js";

describe("wrap", () => {
  it("breaks at spaces with a hanging indent, never past the width", () => {
    const lines = wrap("Advice without permission. Clients tend to argue back (the righting reflex), and MITI counts it.", 40, "  ", "    ");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(40);
    expect(lines[0]!.startsWith("  Advice")).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("    "))).toBe(true);
    expect(lines.join(" ").replace(/\s+/g, " ").trim()).toBe("Advice without permission. Clients tend to argue back (the righting reflex), and MITI counts it.");
  });

  it("cuts a word longer than a line, and does not count colour codes", () => {
    expect(wrap("a/very/long/path/without/any/space/in/it.txt", 12)).toEqual(["a/very/long/", "path/without", "/any/space/i", "n/it.txt"]);
    expect(visibleLength("\u001b[31mred\u001b[39m")).toBe(3);
  });
});

describe("fitTable", () => {
  const head = ["File", "Turns", "R:Q", "Thresholds"];
  const rows = [["fixtures/batch/[2024] group a/good.txt", "12", "2.00", "met ✓"]];
  it("keeps every column when it fits", () => {
    expect(fitTable(head, rows, 120)).toContain("Turns");
  });
  it("drops the columns named first, then wraps the wrap column, to fit", () => {
    const table = fitTable(head, rows, 40, { drop: [1], wrap: 0 });
    expect(table).not.toContain("Turns");
    expect(table).toContain("good.txt");
    for (const line of table.split("\n")) expect(visibleLength(line)).toBeLessThanOrEqual(40);
  });
  it("wraps column titles at spaces and after a hyphen, never cutting a word", () => {
    expect(wrapTitle("Komplekse %", 5)).toBe("Komplekse\n%");
    expect(wrapTitle("MI-inkonsistent", 1)).toBe("MI-\ninkonsistent");
    expect(wrapTitle("Change talk %", 5)).toBe("Change\ntalk %");
    expect(wrapTitle("R:Q", 4)).toBe("R:Q");
  });
  it("wrapHead and stack: titles wrap, then a column goes above the wrap column's text; every cell is kept", () => {
    const head = ["Date", "Session", "R:Q", "Complex %", "Non-adherent"];
    const rows = [["2026-01-10 (date from the name)", "sessions/anna/2026-01-10-anna.txt", "0.00", "37.5%", "2"]];
    const roomy = fitTable(head, rows, 120, { wrapHead: true, stack: 0, wrap: 1 });
    expect(roomy.split("\n")).toHaveLength(4); // fits whole: one line of titles, one row
    const narrow = fitTable(head, rows, 48, { wrapHead: true, stack: 0, wrap: 1 });
    const lines = narrow.split("\n");
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(48);
    expect(lines[1]).toMatch(/^│ Date +│ R:Q +│ Complex +│ Non- +│$/);
    expect(lines[2]).toMatch(/^│ Session +│ +│ % +│ adherent +│$/);
    expect(lines[3]).toMatch(/^│ 2026-01-10 \(date +│ 0\.00 │ 37\.5% +│ 2 +│$/);
    const first = lines.slice(3, -1).map((l) => l.split("│")[1]!.trim());
    expect(first.join(" ")).toContain("(date from the name)");
    expect(first.slice(first.findIndex((l) => l.startsWith("sessions"))).join("")).toBe("sessions/anna/2026-01-10-anna.txt");
  });
});

describe("formatNumber", () => {
  it("writes a decimal point in English and a decimal comma in nb, da and sv", () => {
    expect(formatNumber(66.66, "en", 0, 1)).toBe("66.7");
    for (const locale of ["nb", "da", "sv"] as const) expect(formatNumber(1.5, locale, 2, 2)).toBe("1,50");
    expect(formatNumber(1234.5, "nb", 0, 1)).toBe("1234,5");
  });
});
