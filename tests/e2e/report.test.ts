// A report people can read (issue 16): the table report fits 80 columns, flagged lines come
// first, counts only with --counts, one rounding, a verdict naming every score that fell
// short, low-confidence codes shown and marked, grammar, localised numbers and warnings, one
// language per batch, Markdown escaped only where needed, and the command line's habits
// (--quiet, --color/--no-color, examples in --help, one-line usage errors, `oars config`
// checking what `analyze` checks).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";

const SESSION = fixture("en", "session-alcohol.txt");
const tmp = mkdtempSync(join(tmpdir(), "oars-report-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const at80 = { env: { COLUMNS: "80" } };
// eslint-disable-next-line no-control-regex
const visible = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, "")].length;
const overlong = (text: string) => text.split("\n").filter((line) => visible(line) > 80);

// The figures come from the same run's JSON, so these hold whatever the weights code.
const metricsOf = (path: string) => (JSON.parse(oars(["analyze", "--no-config", "-f", "json", path]).stdout) as { files: { metrics: Record<string, number | null>; turns: { role: string; line: number; utterances: { text: string; code: string; rule: string; confidence: string }[] }[] }[] }).files[0]!;

/** A session whose only flagged line is coded by a low-confidence rule. */
function lowConfidenceSession(): string {
  const path = join(tmp, "low.txt");
  writeFileSync(path, "Counsellor: Could you maybe cut down a bit?\nClient: No.\nCounsellor: You could try a drink diary.\nClient: Maybe.\n");
  return path;
}

describe("the table report at 80 columns", () => {
  it.each([
    ["analyze with --show turns and --counts", ["analyze", "--no-config", "--show", "turns", "--counts", SESSION]],
    ["analyze of a Norwegian session", ["analyze", "--no-config", "--show", "turns", fixture("nb", "session-alkohol.txt")]],
    ["check over every fixture", ["check", "--no-config", fixture()]],
    ["analyze of several files", ["analyze", "--no-config", SESSION, fixture("batch", "[2024] group a", "poor.txt")]],
  ])("%s: every line is at most 80 characters wide", (_, args) => {
    const run = oars(args, at80);
    expect(run.stdout.split("\n").length).toBeGreaterThan(10);
    expect(overlong(run.stdout)).toEqual([]);
  });

  it("colours take no room: with --color the visible width is the same", () => {
    const run = oars(["analyze", "--no-config", "--color", SESSION], at80);
    expect(run.stdout).toMatch(/\u001b\[/);
    expect(overlong(run.stdout)).toEqual([]);
  });

  it("the batch table keeps % change talk over an unwrapped path when --min-change-talk checks it, and drops it first otherwise", () => {
    const files = [SESSION, fixture("batch", "[2024] group a", "poor.txt")];
    const at100 = { env: { COLUMNS: "100" } };
    const checked = oars(["check", "--no-config", "--min-change-talk", "50", ...files], at100);
    expect(checked.stdout.split("\n").filter((line) => visible(line) > 100)).toEqual([]);
    expect(checked.stdout).toMatch(/│ Change talk % │/);
    expect(oars(["check", "--no-config", ...files], at100).stdout).not.toMatch(/Change talk %/);
    expect(oars(["check", "--no-config", ...files], { env: { COLUMNS: "200" } }).stdout).toMatch(/│ Change talk % │/);
  });

  it("a wider terminal gets the Source column back", () => {
    expect(oars(["analyze", "--no-config", SESSION], at80).stdout).not.toMatch(/MITI 3\.1/);
    expect(oars(["analyze", "--no-config", SESSION], { env: { COLUMNS: "120" } }).stdout).toMatch(/│ MITI 3\.1\s+│/);
  });
});

describe("what the file report says, in order", () => {
  const report = () => oars(["analyze", "--no-config", SESSION], at80).stdout;

  it("puts the flagged lines before the scores", () => {
    const text = report();
    expect(text.indexOf("Flagged lines (2)")).toBeGreaterThan(0);
    expect(text.indexOf("Flagged lines (2)")).toBeLessThan(text.indexOf("MITI summary scores"));
  });

  it("prints the 13-row count table only with --counts", () => {
    expect(report()).not.toMatch(/Behaviour counts|Persuade with permission/);
    const counted = oars(["analyze", "--no-config", "--counts", SESSION], at80).stdout;
    expect(counted).toMatch(/Behaviour counts/);
    expect(counted).toMatch(/│ Summary\s+│ SUM\s+│ 1\s+│/);
  });


  it("rounds a figure one way everywhere: the table and the verdict give the JSON's figure", () => {
    const text = report();
    const metrics = metricsOf(SESSION).metrics;
    // Every percentage of the score table, as JSON has it; a figure below fair is in the verdict too.
    const rows = [
      ["Complex reflections \\(% of reflections\\)", metrics.percentComplexReflections!],
      ["Open questions \\(% of questions\\)", metrics.percentOpenQuestions!],
    ] as const;
    const verdict = text.replace(/\n\s*/g, " ").slice(text.replace(/\n\s*/g, " ").indexOf("Below the MITI fair level:"));
    expect(rows.some(([, figure]) => figure % 1 !== 0), "a figure with a decimal, so a second rounding would show").toBe(true);
    for (const [label, figure] of rows) {
      const row = new RegExp(`│ ${label}\\s+│ ${figure}%\\s+│[^│]+│[^│]+│ (\\w+)`).exec(text);
      expect(row, label).not.toBeNull();
      if (row![1] === "below") expect(verdict).toMatch(new RegExp(`${label} ${figure}%`));
      if (figure % 1 !== 0) expect(text.replace(/\n\s*/g, " ")).not.toMatch(new RegExp(`${label}(\\s+│)? ${Math.round(figure)}%`));
    }
  });

  it("ends with a verdict naming every failed check and every score below MITI fair, MI non-adherent included", () => {
    const text = report().replace(/\n\s+/g, " ");
    expect(text).toMatch(/Thresholds: not met: persuading without permission 1, needs ≤ 0; confronting 1, needs ≤ 0/);
    const verdict = text.slice(text.indexOf("Below the MITI fair level:"));
    // Every row of the score table marked "below" is named in the verdict with its figure.
    const below = [...report().matchAll(/│ ([^│]+?)\s+│ ([^│]+?)\s+│[^│]+│[^│]+│ below ✗ │\n(?:│ ([^│]+?)\s+│\s+│)?/g)].map((m) => [`${m[1]}${m[3] ? ` ${m[3]}` : ""}`, m[2]!]);
    expect(below.map(([label]) => label)).toContain("MI non-adherent (persuade + confront; 0 is the aim)");
    for (const [label, figure] of below) expect(verdict).toContain(`${label} ${figure}`);
  });

  it("shows the share of low-confidence codes, and marks them in --show turns and flagged lines", () => {
    const path = lowConfidenceSession();
    const file = metricsOf(path);
    const utterances = file.turns.filter((t) => t.role === "counsellor").flatMap((t) => t.utterances);
    const low = utterances.filter((u) => u.confidence === "low");
    expect(low.length).toBeGreaterThan(0);
    const run = oars(["analyze", "--no-config", "--show", "turns", path], at80);
    const share = (100 * low.length) / utterances.length;
    expect(run.stdout).toMatch(new RegExp(`│ Low-confidence codes\\s+│ ${Number(share.toFixed(1))}%`));
    const shown = run.stdout.replace(/\n\s*/g, " ");
    for (const u of utterances) {
      const mark = u.confidence === "low" ? "\\? " : " ";
      expect(shown).toMatch(new RegExp(`${mark}${u.text.replace(/[.?]/g, "\\$&")} \\(${u.rule.replace(/\./g, "\\.")}, p [\\d.]+${u.confidence === "low" ? ", low confidence" : ""}\\)`));
    }
    const flagged = utterances.find((u) => u.code === "persuade");
    if (flagged) expect(shown).toMatch(new RegExp(`Persuade${flagged.confidence === "low" ? "\\? \\(low confidence\\)" : ""} \\[${flagged.rule.replace(/\./g, "\\.")}\\]`));
    expect(shown).toContain("coded with low confidence");
  });

  it("says to read low-confidence codes first only when there are some", () => {
    const path = join(tmp, "sure.txt");
    writeFileSync(path, "Counsellor: Hi Sam, thanks for coming in today.\nClient: Hi.\nCounsellor: What brings you in today?\nClient: My doctor sent me.\n");
    const counsellor = metricsOf(path).turns.filter((t) => t.role === "counsellor").flatMap((t) => t.utterances);
    expect(counsellor.every((u) => u.confidence === "high")).toBe(true);
    const run = oars(["analyze", "--no-config", path], at80);
    expect(run.stdout).toMatch(/│ Low-confidence codes\s+│ 0%/);
    expect(run.stdout.replace(/\n\s*/g, " ")).not.toContain("coded with low confidence");
  });
});

describe("words and numbers", () => {
  it.each([
    ["en", "1 counsellor utterance coded", "2 counsellor utterances coded"],
    ["nb", "1 ytring fra rådgiveren kodet", "2 ytringer fra rådgiveren kodet"],
    ["sv", "1 yttrande från samtalsledaren kodat", "2 yttranden från samtalsledaren kodade"],
  ])("counts counsellor utterances in the singular and the plural (%s)", (locale, one, two) => {
    const single = join(tmp, "one-utterance.txt");
    writeFileSync(single, "Counsellor: How do you feel about your drinking?\nClient: What do you think?\n");
    const pair = join(tmp, "two-utterances.txt");
    writeFileSync(pair, "Counsellor: How do you feel about your drinking?\nClient: Not sure.\nCounsellor: It is up to you.\nClient: Okay.\n");
    expect(oars(["analyze", "--no-config", "--locale", locale, single], { env: { COLUMNS: "300" } }).stdout).toContain(one);
    expect(oars(["analyze", "--no-config", "--locale", locale, pair], { env: { COLUMNS: "300" } }).stdout).toContain(two);
  });

  it('says "1 transcript" and "Total (1 file)"', () => {
    const run = oars(["check", "--no-config", SESSION], at80);
    expect(run.stdout).toMatch(/^1 transcript: 0 met the thresholds, 1 did not\n/);
    expect(run.stdout).toMatch(/│ Total \(1 file\)/);
    const two = oars(["check", "--no-config", SESSION, fixture("batch", "[2024] group a", "good.txt")], at80);
    expect(two.stdout).toMatch(/^2 transcripts: /);
    expect(two.stdout).toMatch(/│ Total \(2 files\)/);
  });

  it("writes numbers with a decimal comma in Norwegian, Danish and Swedish reports", () => {
    const nb = oars(["analyze", "--no-config", fixture("nb", "session-medisiner.txt")], at80).stdout;
    const rq = metricsOf(fixture("nb", "session-medisiner.txt")).metrics.reflectionToQuestion!.toFixed(2);
    expect(nb).toMatch(new RegExp(`│ ${rq.replace(".", ",")} `));
    expect(nb).not.toMatch(/\d\.\d/);
    const sv = oars(["check", "--no-config", "--level", "fair", fixture("sv", "session-blodtryck.txt")], at80).stdout;
    expect(sv).toMatch(/│ \d+,\d\d /);
    expect(sv).not.toMatch(/\d\.\d/);
    expect(oars(["analyze", "--no-config", "--locale", "en", fixture("nb", "session-medisiner.txt")], at80).stdout).toMatch(new RegExp(`│ ${rq.replace(".", "\\.")} `));
  });

  it.each([
    ["nb", fixture("nb", "session-medisiner.txt")],
    ["da", fixture("da", "session-rygning.txt")],
    ["sv", fixture("sv", "session-blodtryck.txt")],
  ])("--show turns writes probabilities and weights with the decimal comma too (%s)", (_lang, file) => {
    const run = oars(["analyze", "--no-config", "--show", "turns", file], at80);
    expect(run.status, run.stderr).toBe(0);
    const shown = run.stdout.replace(/\n\s*/g, " ");
    expect(shown).toMatch(/, p [01],\d\d[,)]/);
    expect(shown).toMatch(/← \S+ [+-]\d+,\d\d/);
    expect(shown).not.toMatch(/\d\.\d/);
  });

  it("speaks one language in a batch: the one most files share, or --locale", () => {
    const files = [fixture("nb", "session-alkohol.txt"), fixture("nb", "session-medisiner.txt"), fixture("da", "session-rygning.txt"), fixture("sv", "session-cannabis.txt")];
    const run = oars(["check", "--no-config", "--level", "fair", ...files], { env: { COLUMNS: "200" } });
    expect(run.stdout).toMatch(/^4 transkripsjoner: /);
    const notMet = run.stdout.slice(run.stdout.indexOf("Terskler som ikke er nådd"));
    // Every file's reasons in Norwegian, the Danish and Swedish files' too.
    expect(notMet).toMatch(/session-rygning\.txt: .*krav ≥/);
    expect(notMet).toMatch(/session-cannabis\.txt: .*krav ≥/);
    expect(notMet).not.toMatch(/kræver|behöver|needs/);
    expect(oars(["check", "--no-config", "--locale", "sv", ...files], at80).stdout).toMatch(/^4 transkriptioner: /);
  });
});

describe("markdown", () => {
  it("escapes only what Markdown needs", () => {
    const run = oars(["analyze", "--no-config", "-f", "markdown", SESSION]);
    expect(run.stdout).toContain("## " + SESSION.replace(/_/g, "\\_"));
    // Headings never skip a level: each is at most one deeper than the one before.
    const depths = run.stdout.split("\n").filter((line) => /^#+ /.test(line)).map((line) => line.indexOf(" "));
    expect(depths[0]).toBe(2);
    depths.forEach((depth, i) => expect(depth - (depths[i - 1] ?? 1)).toBeLessThanOrEqual(1));
    expect(run.stdout).toContain("session-alcohol.txt");
    expect(run.stdout).not.toMatch(/\\-|\\\(|\\\)|\\\./);
    expect(run.stdout).toContain("Reflection-to-question ratio (R:Q)");
  });
});

describe("command-line habits", () => {
  it("--quiet prints errors only: no warnings on standard error or in the report", () => {
    const named = join(tmp, "named.txt");
    writeFileSync(named, "Ann: What brings you here?\nBo: My wife.\nAnn: She is worried about you.\nBo: Yes.\n");
    const loud = oars(["analyze", "--no-config", named, join(tmp, "missing.txt")]);
    expect(loud.stderr).toMatch(/took "Ann" as the counsellor/);
    const quiet = oars(["analyze", "--no-config", "--quiet", named, join(tmp, "missing.txt")]);
    expect(quiet.stderr).toBe(`oars: ${join(tmp, "missing.txt")}: no such file\n`);
    expect(quiet.stdout).not.toMatch(/warning/);
    expect(quiet.status).toBe(2);
  });

  it("--color and --no-color win over the environment", () => {
    expect(oars(["analyze", "--no-config", "--color", SESSION], { env: { NO_COLOR: "1" } }).stdout).toMatch(/\u001b\[/);
    expect(oars(["analyze", "--no-config", "--no-color", SESSION], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
  });

  it("--help shows examples, and the top-level help lists `rules test`", () => {
    const top = oars(["--help"]);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/Examples:\n {2}oars analyze session\.txt/);
    expect(top.stdout).toMatch(/oars rules test/);
    expect(oars(["analyze", "--help"]).stdout).toMatch(/Examples:\n {2}oars analyze session\.txt/);
    expect(oars(["check", "--help"]).stdout).toMatch(/Examples:\n {2}oars check sessions\//);
  });

  it.each([
    [["analyze", "--frobnicate", "x"], "oars: unknown option '--frobnicate' (run oars --help for usage)\n"],
    [["check"], "oars: missing required argument 'paths' (run oars --help for usage)\n"],
    [["analyze", "-f", "yaml", "x"], /^oars: option '-f, --format <format>' argument 'yaml' is invalid\. Allowed choices are table, json, .* \(run oars --help for usage\)\n$/],
    [["frobnicate"], /^oars: unknown command 'frobnicate'.* \(run oars --help for usage\)\n$/],
  ])("commander's own error for %j is one oars line, exit 2", (args, message) => {
    const run = oars(args as string[]);
    expect(run.status).toBe(2);
    if (typeof message === "string") expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
  });

  it("`oars config` refuses a misspelt rule id as analyze does (exit 2)", () => {
    const dir = mkdtempSync(join(tmp, "config-"));
    writeFileSync(join(dir, ".oarsrc.yaml"), "rules:\n  en.persuade.you-shuold: off\n");
    const config = oars(["config"], { cwd: dir });
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/\.oarsrc\.yaml:2: .*en\.persuade\.you-shuold/);
    expect(config.stdout).toBe("");
    const analyze = oars(["analyze", SESSION], { cwd: dir });
    expect(analyze.status).toBe(2);
    expect(analyze.stderr).toBe(config.stderr);
  });
});
