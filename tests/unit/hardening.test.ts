// Issue 15's pieces one at a time: the batch table for very many files, the linear bracket
// scanner, structured diagnostics under --redact, control characters, links and mentions in
// Markdown, the glob bounds and stray bytes in UTF-8.
import Table from "cli-table3";
import fc from "fast-check";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { globProblem } from "../../src/batch/expand.js";
import { SummaryCollector } from "../../src/check/summary.js";
import { diagnostic, redactDiagnostic, renderDiagnostic, said } from "../../src/diagnostics.js";
import { decode } from "../../src/read/decode.js";
import { escapeMarkdown } from "../../src/report/markdown.js";
import { displayWidth, plainTable } from "../../src/report/plain-table.js";
import { TABLE_STYLE } from "../../src/report/table-style.js";
import { tableFormatter } from "../../src/report/text.js";
import { metricsFromCounts, zeroCounts } from "../../src/score/metrics.js";
import { bracketed, replaceBracketed } from "../../src/text/brackets.js";
import { escapeControls } from "../../src/text/controls.js";
import { Chalk } from "chalk";
import type { Diagnostic } from "../../src/diagnostics.js";

describe("the batch table for very many files", () => {
  it("draws 150,000 rows (spreading them into one call overflowed the stack), fitted to the width", () => {
    const collector = new SummaryCollector();
    const metrics = metricsFromCounts({ ...zeroCounts(), "open-question": 1, "simple-reflection": 1 });
    for (let i = 0; i < 150_000; i++) collector.addFile({ path: `t/${i}.txt`, locale: "en", turns: 4, metrics, flags: 0, check: { passed: true, checks: [] } });
    const out = tableFormatter({ command: "check", toolVersion: "0", limits: {} }, { color: new Chalk({ level: 0 }), showTurns: false, showCounts: false, width: 80 }).end(collector.summary());
    expect(out).toContain("│ t/149999.txt ");
    expect(out.split("\n").filter((line) => line.startsWith("│ t/"))).toHaveLength(150_000);
    // issue 16: the batch table fits the width (the default 80 columns).
    expect(out.split("\n").every((line) => displayWidth(line) <= 80)).toBe(true);
  });

  it("looks exactly like the cli-table3 tables beside it, wide characters and colour included", () => {
    const bold = new Chalk({ level: 1 }).bold;
    const head = ["File", "Turns", "Thresholds"];
    const rows = [["a/b.txt", "44", "not met ✗"], ["日本語/ファイル.txt", "3", "met ✓"], ["emoji 😀 é", "1", "met"], [bold("Total"), bold("47"), bold("1 met")]];
    const table = new Table({ head, ...TABLE_STYLE });
    for (const row of rows) table.push(row);
    expect(plainTable(head, rows)).toBe(table.toString());
  });
});

describe("bracketed spans in one pass", () => {
  it("finds what /<[^>]*>/g and /\\[[^\\]]*\\]/g find", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "[", "]", "a", " ", "v") }), (text) => {
        expect(replaceBracketed(text, "<", ">", "#")).toBe(text.replace(/<[^>]*>/g, "#"));
        expect(replaceBracketed(text, "[", "]", " ")).toBe(text.replace(/\[[^\]]*\]/g, " "));
        expect([...bracketed(text, "<", ">")].map((s) => s.inner)).toEqual([...text.matchAll(/<([^>]*)>/g)].map((m) => m[1]));
      }),
    );
  });
});

describe("diagnostics", () => {
  const guessed: Diagnostic = diagnostic("roles.guessed", "took {speaker} as the counsellor ({count} questions); speakers: {all}", {
    speaker: said('Ze"lo"phe\nhad'),
    count: 3,
    all: [said("Ze\u001b[31mlo"), said("Miriam")],
  });

  it("shows transcript fields quoted, with control characters escaped", () => {
    expect(renderDiagnostic(guessed)).toBe('took "Ze"lo"phe\\nhad" as the counsellor (3 questions); speakers: Ze\\x1b[31mlo, Miriam');
  });

  it("redacts exactly the transcript fields, whatever quotes they hold", () => {
    expect(renderDiagnostic(redactDiagnostic(guessed))).toBe('took "…" as the counsellor (3 questions); speakers: …, …');
  });
});

describe("text made safe to show", () => {
  it("escapes every C0 and C1 control character and keeps printable text", () => {
    expect(escapeControls("a\u001b]0;x\u0007b\u009bc\nd\te\u007f æ 日本 😀")).toBe("a\\x1b]0;x\\x07b\\x9bc\\nd\\te\\x7f æ 日本 😀");
  });

  it("Markdown: no link, autolink or mention survives, and the words stay readable", () => {
    const markdown = escapeMarkdown("see https://evil.example/x, http://a.b, www.evil.example and <https://c.d>, ask @octocat or a@b.com");
    const html = marked.parse(markdown, { gfm: true, async: false }) as string;
    expect(html).not.toMatch(/<a\s/);
    expect(html.replace(/\u200b/g, "")).toContain("evil.example/x");
  });
});

describe("globs whose matching could take minutes are refused", () => {
  it("allows the usual shapes and refuses many stars, many globstars and long patterns", () => {
    for (const ok of ["drafts/**", "**/*.txt", "**/*draft*", "a/**/b/**/*.vtt"]) expect(globProblem(ok), ok).toBeNull();
    expect(globProblem("**/*a*a*a*a*a*b")).toMatch(/more than 2 "\*" in one name/);
    expect(globProblem("**/a/**/b/**/c")).toMatch(/more than 2 "\*\*"/);
    expect(globProblem(`${"a".repeat(300)}*`)).toMatch(/longer than 256/);
  });
});

describe("a stray byte in UTF-8", () => {
  it("is read as UTF-8 with a warning naming the line; mostly-Latin-1 text is still Windows-1252", () => {
    const warnings: Diagnostic[] = [];
    const bytes = Buffer.concat([Buffer.from("T: Välkommen\nC: Jag "), Buffer.from([0xe4]), Buffer.from("r trött\n")]);
    const { text, encoding } = decode(bytes, "s.txt", warnings);
    expect(encoding).toBe("utf-8");
    expect(text).toBe("T: Välkommen\nC: Jag \ufffdr trött\n");
    expect(renderDiagnostic(warnings[0]!)).toMatch(/^line 2: 1 byte\(s\) that are not UTF-8 \(the first is 0xe4\)/);
    expect(decode(Buffer.from("T: caf\xe9 cr\xe8me\n", "latin1"), "l.txt").encoding).toBe("windows-1252");
  });

  it("counts an encoded surrogate (ED A0 80) or overlong form as stray, as the strict decoder does, instead of crashing", () => {
    for (const stray of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const warnings: Diagnostic[] = [];
      const bytes = Buffer.concat([Buffer.from("T: Välkommen hit i dag, så trött och så glad, många år\nC: Tack "), Buffer.from(stray), Buffer.from(" så mycket\n")]);
      const { encoding } = decode(bytes, "s.txt", warnings);
      expect(encoding).toBe("utf-8");
      expect(renderDiagnostic(warnings[0]!)).toMatch(/^line 2: \d byte\(s\) that are not UTF-8/);
    }
  });
});
