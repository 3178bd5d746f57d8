// End-to-end: `oars check` over folders and globs, thresholds, exit codes, configuration
// files and `oars config`, spawning the real bin/oars.js.
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";

const BATCH = fixture("batch");
const GOOD = join(BATCH, "[2024] group a", "good.txt");
const POOR = join(BATCH, "[2024] group a", "poor.txt");
const VTT = join(BATCH, "group b", "with space.vtt");
const DRAFT = join(BATCH, "drafts", "draft.txt");

interface Report {
  files: { path: string; check: { passed: boolean; checks: { id: string; status: string; message: string }[] } }[];
  errors: { path: string; message: string; line?: number }[];
  summary: { files: number; passed: number; failed: number; unreadable: number; limits: Record<string, number> };
}

const json = (args: string[], options?: Parameters<typeof oars>[1]) => {
  const run = oars(["check", "-f", "json", "--no-config", ...args], options);
  return { ...run, report: JSON.parse(run.stdout) as Report };
};

/** A copy of fixtures/batch in a temporary folder, for tests that add configuration. */
function batchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-check-"));
  cpSync(BATCH, dir, { recursive: true });
  return dir;
}

describe("oars check: inputs", () => {
  it("expands a folder to the transcripts inside, at any depth, sorted by path, skipping other files", () => {
    const { status, report } = json([BATCH]);
    expect(report.files.map((f) => f.path)).toEqual([GOOD, POOR, DRAFT, VTT]);
    expect(status).toBe(1);
  });

  it("reads folder names with brackets and spaces as typed, not as globs", () => {
    const { status, report } = json([join(BATCH, "[2024] group a"), join(BATCH, "group b")]);
    expect(report.files.map((f) => f.path)).toEqual([GOOD, POOR, VTT]);
    expect(status).toBe(1);
  });

  it("expands globs relative to the working directory and drops repeats", () => {
    const { report } = json(["group b/*.vtt", "**/*.txt", "[[]2024] group a/good.txt"], { cwd: BATCH });
    expect(report.files.map((f) => f.path)).toEqual(["[2024] group a/good.txt", "[2024] group a/poor.txt", "drafts/draft.txt", "group b/with space.vtt"]);
    expect(report.errors).toEqual([]);
  });

  it("reports a glob that matches nothing and a missing file, exits 2, and still checks the rest", () => {
    const { status, report, stderr } = json([GOOD, "nothing/**/*.vtt", join(BATCH, "gone.txt")]);
    expect(status).toBe(2);
    expect(report.files.map((f) => f.path)).toEqual([GOOD]);
    expect(stderr).toContain("oars: nothing/**/*.vtt: no files match this pattern\n");
    expect(stderr).toContain(`oars: ${join(BATCH, "gone.txt")}: no such file\n`);
    expect(report.summary.unreadable).toBe(2);
  });

  it("needs at least one path", () => {
    const run = oars(["check"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'paths'/);
  });
});

describe("oars check: thresholds and exit codes", () => {
  it("by default holds each file to the basic level: no persuading without permission, no confronting (issue 16)", () => {
    const { status, report } = json([GOOD, VTT, POOR]);
    expect(report.summary).toMatchObject({ files: 3, passed: 2, failed: 1, limits: { "max-persuade": 0, "max-confront": 0 } });
    expect(status).toBe(1);
  });

  it("exits 0 when every file meets the thresholds (MITI fair, asked for)", () => {
    const { status, report } = json(["--level", "fair", GOOD, VTT]);
    expect(status).toBe(0);
    expect(report.summary).toMatchObject({ files: 2, passed: 2, failed: 0, limits: { "min-rq": 1, "min-open": 50, "min-complex": 40, "min-adherent-share": 90 } });
  });

  it("exits 1 when a file falls short and says which threshold and by how much", () => {
    // Wide, so the long line is not wrapped to 80 columns (issue 16).
    const run = oars(["check", "--no-config", "--level", "fair", GOOD, POOR], { env: { COLUMNS: "250" } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("2 transcripts: 1 met the thresholds, 1 did not");
    expect(run.stdout).toMatch(/Total \(2 files\)/);
    expect(run.stdout).toContain(`${POOR}: R:Q 0.00, needs ≥ 1.00; % open questions 0%, needs ≥ 50%; % MI-adherent 0%, needs ≥ 90%`);
  });

  it("takes each limit on the command line, replacing the default level", () => {
    const loose = json(["--max-persuade", "2", POOR]);
    expect(loose.status).toBe(0);
    expect(loose.report.summary.limits).toEqual({ "max-persuade": 2 });
    const strict = json(["--max-persuade", "1", "--min-open", "0", POOR]);
    expect(strict.status).toBe(1);
    expect(strict.report.files[0]!.check.checks.find((c) => c.id === "max-persuade")).toMatchObject({ status: "fail", message: "persuading without permission 2, needs ≤ 1" });
  });

  it("--level good raises the four MITI scores; a named limit still overrides it", () => {
    const good = json(["--level", "good", GOOD]);
    expect(good.report.summary.limits).toEqual({ "min-rq": 2, "min-open": 70, "min-complex": 50, "min-adherent-share": 100 });
    // good.txt meets "fair" but not "good": R:Q 1.33 (four reflections, three questions) is under 2.
    expect(good.status).toBe(1);
    expect(good.report.files[0]!.check.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["min-rq"]);
    const overridden = json(["--level", "good", "--min-rq", "2.5", GOOD]);
    expect(overridden.report.summary.limits["min-rq"]).toBe(2.5);
    expect(overridden.status).toBe(1);
  });

  it("marks a figure that cannot be computed n/a without failing the file", () => {
    const { report, status } = json(["--min-complex", "40", "--max-confront", "0", POOR]);
    expect(report.files[0]!.check.checks.find((c) => c.id === "min-complex")).toMatchObject({ status: "n/a", message: "% complex reflections n/a (no reflections), limit ≥ 40%" });
    expect(status).toBe(0);
  });

  it("fails a transcript where no counsellor speech was found", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-check-"));
    const file = join(dir, "nobody.txt");
    // Both labels name a client, so no one is the counsellor. (A --counsellor name that matches
    // no speaker used to lead here too; since issue 16 it is an error, exit 2.)
    writeFileSync(file, "Client: I came because my GP said so.\nPatient: He did.\nClient: So here we are.\nPatient: Yes.\n");
    const { report, status } = json([file]);
    expect(report.files[0]!.check.checks[0]).toMatchObject({ id: "counsellor", status: "fail" });
    expect(status).toBe(1);
  });

  it.each([
    [["--min-open", "0.5"], "oars: --min-open takes a percentage from 0 to 100 (got 0.5; for 50% write 50)\n"],
    [["--min-rq", "lots"], 'oars: --min-rq takes a number (got "lots")\n'],
    [["--min-complex", "120"], "oars: --min-complex takes a percentage from 0 to 100 (got 120)\n"],
    [["--max-persuade", "1.5"], "oars: --max-persuade takes a whole number of utterances (got 1.5)\n"],
    [["--level", "great"], 'oars: --level must be one of basic, fair, good (got "great")\n'],
    [["--jobs", "0"], 'oars: --jobs takes a whole number of 1 or more (got "0")\n'],
  ])("refuses %j with a usage error (exit 2)", (args, message) => {
    const run = oars(["check", "--no-config", ...args, GOOD]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe("");
  });

  it("accepts a percentage written with %", () => {
    expect(json(["--min-open", "60%", GOOD]).report.summary.limits).toEqual({ "min-open": 60 });
  });

  it("an unreadable file wins over a failing one: exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-check-"));
    writeFileSync(join(dir, "empty.txt"), "");
    const { status, report } = json([POOR, join(dir, "empty.txt")]);
    expect(status).toBe(2);
    expect(report.summary).toMatchObject({ failed: 1, unreadable: 1 });
  });
});

describe("configuration", () => {
  it("is found by walking up from the working directory and sets thresholds, ignores, counsellors and rules", () => {
    const dir = batchCopy();
    writeFileSync(
      join(dir, ".oarsrc.yaml"),
      ["thresholds:", "  level: fair", "  max-persuade: 0", "ignore:", "  - drafts/**", "rules:", "  en.persuade.you-should: off", ""].join("\n"),
    );
    const inner = join(dir, "group b");
    const run = oars(["check", "-f", "json", ".."], { cwd: inner });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(["../[2024] group a/good.txt", "../[2024] group a/poor.txt", "../group b/with space.vtt"]);
    expect(report.summary.limits).toMatchObject({ "min-rq": 1, "max-persuade": 0 });
    // en.persuade.you-should switched off: "You should quit now." and "You need to…" are no
    // longer persuading (without the file, poor.txt has 2)
    const poor = report.files[1]!.check.checks.find((c) => c.id === "max-persuade")!;
    expect(poor.message).toBe("persuading without permission 0 ≤ 0");
    expect(json(["--max-persuade", "0", POOR]).report.files[0]!.check.checks[1]!.message).toBe("persuading without permission 2, needs ≤ 0");
  });

  it("command-line limits override the file's; --config names another file; --no-config ignores it", () => {
    const dir = batchCopy();
    writeFileSync(join(dir, ".oarsrc.yaml"), "thresholds:\n  min-rq: 3\n");
    writeFileSync(join(dir, "strict.yaml"), "thresholds:\n  level: good\n");
    const base = (args: string[]) => JSON.parse(oars(["check", "-f", "json", ...args, "[2024] group a/good.txt"], { cwd: dir }).stdout) as Report;
    expect(base([]).summary.limits).toEqual({ "min-rq": 3 });
    expect(base(["--min-rq", "1"]).summary.limits).toEqual({ "min-rq": 1 });
    expect(base(["--config", "strict.yaml"]).summary.limits).toEqual({ "min-rq": 2, "min-open": 70, "min-complex": 50, "min-adherent-share": 100 });
    expect(base(["--no-config"]).summary.limits).toEqual({ "max-persuade": 0, "max-confront": 0 });
  });

  it('reads the "oars" key of package.json, and walks past a package.json without one', () => {
    const dir = batchCopy();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "training", oars: { counsellors: ["Counsellor"], thresholds: { "min-open": 10 } } }, null, 2));
    mkdirSync(join(dir, "app"));
    writeFileSync(join(dir, "app", "package.json"), JSON.stringify({ name: "app" }));
    const run = oars(["config", "-f", "json"], { cwd: join(dir, "app") });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      source: join(dir, "package.json"),
      settings: { language: "auto", locale: "auto", counsellors: ["Counsellor"], "rule-folders": [], rules: {}, thresholds: { "min-open": 10 }, ignore: [] },
    });
  });

  it('a hand-edited package.json whose "oars" key is plainly there is read, not walked past: its mistakes are reported', () => {
    const dir = batchCopy();
    // A trailing comma: not JSON, but the reader (JSON is YAML) takes it, so the thresholds hold.
    writeFileSync(join(dir, "package.json"), '{\n  "name": "training",\n  "oars": { "thresholds": { "level": "good" } },\n}\n');
    const run = oars(["config", "-f", "json"], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: join(dir, "package.json"), settings: { thresholds: { level: "good" } } });
    // A missing comma: one line naming the file and the place, exit 2, not the basic level.
    writeFileSync(join(dir, "package.json"), '{\n  "name": "training"\n  "oars": { "thresholds": { "level": "good" } }\n}\n');
    const broken = oars(["check", "[2024] group a/good.txt"], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^oars: ${join(dir, "package.json").replace(/[[\]\\/.]/g, "\\$&")}:3:3: .+\n$`));
  });

  it("oars config prints the resolved settings as YAML, with their source", () => {
    const dir = batchCopy();
    mkdirSync(join(dir, "house-rules"));
    // A rule folder must hold rule files (an empty one is refused): one rule of the house's own.
    writeFileSync(
      join(dir, "house-rules", "house.yaml"),
      'rules:\n  - id: en.emphasize-autonomy.house-choice\n    code: emphasize-autonomy\n    description: Leaves the choice with the client.\n    priority: 60\n    patterns: ["(it\'s|it is) your call"]\n    examples:\n      match: ["It\'s your call."]\n',
    );
    writeFileSync(
      join(dir, "oars.config.yaml"),
      "language: en\nlocale: nb\ncounsellors: [Ida]\nrule-folders: [house-rules]\nrules:\n  en.persuade.you-could: { priority: 5, confidence: low }\nthresholds:\n  level: good\nignore: ['drafts/**']\n",
    );
    const run = oars(["config"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `# from ${join(dir, "oars.config.yaml")}`,
        "language: en",
        "locale: nb",
        "counsellors:",
        "  - Ida",
        "rule-folders:",
        `  - ${join(dir, "house-rules")}`,
        "rules:",
        "  en.persuade.you-could:",
        "    priority: 5",
        "    confidence: low",
        "thresholds:",
        "  level: good",
        "  min-rq: 2",
        "  min-complex: 50",
        "  min-open: 70",
        "  min-adherent-share: 100",
        "ignore:",
        "  - drafts/**",
        "",
      ].join("\n"),
    );
  });

  it("without a file, oars config says so and shows the defaults", () => {
    const run = oars(["config", "--no-config"]);
    expect(run.stdout).toMatch(/^# no configuration file found: defaults\n# no thresholds set: the basic level applies \(no persuading without permission, no confronting\)\nlanguage: auto\n/);
  });

  it.each([
    ["thresholds:\n  min-rq: [1]\n", /\.oarsrc\.yaml:2:11: thresholds\.min-rq must be a number of at least 0\n$/],
    ["threshold:\n  min-rq: 1\n", /\.oarsrc\.yaml:1:1: configuration: unknown key "threshold" \(allowed: language, locale, counsellors/],
    ["thresholds:\n  min-open: 0.5\n", /\.oarsrc\.yaml:2:13: thresholds: min-open takes a percentage from 0 to 100/],
    ["rules:\n  en.no.such-rule: off\n", /\.oarsrc\.yaml:2: rules: no rule "en\.no\.such-rule" in the en rules \(see oars rules\)/],
    ["rules:\n  en.persuade.you-could: maybe\n", /\.oarsrc\.yaml:2:26: rules\.en\.persuade\.you-could: write "off" or a mapping/],
    ["language: xx\n", /^oars: \S*\.oarsrc\.yaml:1:11: language: "xx" is not one of auto, en, nb, da, sv\n$/],
    ["thresholds: {min-rq: 1\n", /\.oarsrc\.yaml:\d+:\d+: YAML: /],
  ])("refuses a bad configuration file, naming the file and line (%j)", (text, message) => {
    const dir = batchCopy();
    writeFileSync(join(dir, ".oarsrc.yaml"), text);
    const run = oars(["check", "[2024] group a/good.txt"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
  });

  it("a --config file that does not exist is a usage error", () => {
    const run = oars(["check", "--config", "no-such.yaml", GOOD]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: .*no-such\.yaml: configuration file cannot be read \(ENOENT\)\n$/);
  });
});
