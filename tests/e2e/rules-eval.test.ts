// End-to-end: `oars rules`, `oars rules test`, and `oars eval` with a trainer's table.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, english, fixture, oars } from "../helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "oars-e2e-"));

describe("oars rules", () => {
  it("lists every rule with its code and description, highest priority first", () => {
    const run = oars(["rules", "--lang", "en", "-f", "json"]);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as { languages: string[]; rules: { language: string; id: string; code: string; priority: number; description: string }[] };
    expect(list.languages).toEqual(["en"]);
    expect(list.rules.map((r) => r.id).sort()).toEqual(english.rules.map((r) => r.id).sort());
    expect(list.rules.every((r) => r.description.length > 10 && r.language === "en")).toBe(true);
    const priorities = list.rules.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const table = oars(["rules"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/en\.persuade\.you-should\s+│ persuade/);
    // Without --lang, every language's rules, each pack by itself.
    for (const language of ["nb", "da", "sv"]) expect(table.stdout).toMatch(new RegExp(`${language}\\.persuade\\.you-should\\s+│ persuade`));
    const all = JSON.parse(oars(["rules", "-f", "json"]).stdout) as { languages: string[] };
    expect(all.languages).toEqual(["en", "nb", "da", "sv"]);
  });

  it("rules test passes on the bundled rules and names the file, line and example that fail in a user's folder", () => {
    const ok = oars(["rules", "test"]);
    expect(ok.status).toBe(0);
    for (const language of ["en", "nb", "da", "sv"]) expect(ok.stdout).toMatch(new RegExp(`✓ \\d+ examples of \\d+ rules \\(${language}\\) pass`));

    const dir = tmp();
    writeFileSync(
      join(dir, "mine.yaml"),
      [
        "rules:",
        "  - id: en.persuade.must",
        "    code: persuade",
        "    description: You must.",
        '    patterns: ["you must"]',
        '    examples: { match: ["You must stop."], no-match: ["You must be tired.", "You should stop."] }',
        "",
      ].join("\n"),
    );
    const run = oars(["rules", "test", "--rules", dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/mine\.yaml:2 en\.persuade\.must: "You must be tired\." should not match but does/);
    expect(run.stdout).toMatch(/1 of \d+ examples fail in 1 rule \(en\)\./);
    expect(run.stderr).toBe("");
  });

  it("refuses an unknown language with exit 2", () => {
    const run = oars(["rules", "--lang", "xx"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('oars: --lang must be one of en, nb, da, sv (got "xx")\n');
  });
});

describe("oars eval with a trainer's CSV or TSV", () => {
  const transcript = fixture("en", "session-alcohol.txt");
  const csv = fixture("reference", "session-alcohol.csv");

  it("compares per MITI code and per behaviour, with session scores side by side", () => {
    const run = oars(["eval", "--gold", csv, transcript, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      alignment: { roleMismatches: number; textMismatches: number; missingTurns: number };
      counsellorTurns: number;
      codes: { labels: string[]; accuracy: number; kappa: number; confusion: number[][]; n: number };
      sessions: { gold: { reflectionToQuestion: number }; oars: { reflectionToQuestion: number } }[];
    };
    expect(report.alignment).toMatchObject({ roleMismatches: 0, textMismatches: 0, missingTurns: 0 });
    expect(report.counsellorTurns).toBe(22);
    expect(report.codes.n).toBe(22);
    // Turn by turn: the open questions agree, and where oars codes otherwise the matrix shows it.
    const oq = report.codes.labels.indexOf("open-question");
    expect(report.codes.confusion[oq]![oq]).toBeGreaterThan(3);
    expect(report.codes.accuracy).toBeGreaterThan(0.7);
    expect(report.codes.accuracy).toBeLessThan(1);
    expect(report.sessions).toHaveLength(1);

    const table = oars(["eval", "--gold", csv, transcript]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/MITI codes \(turn's primary code, n=22\)/);
    expect(table.stdout).toMatch(/│ session-alcohol │/);
    // One transcript is counted in the singular.
    expect(table.stdout).toMatch(/^Compared 1 transcript, \d+ reference turns \(\d+ counsellor turns coded\)\./);
  });

  it("reads a TSV with the columns in another order and several codes in one cell", () => {
    const dir = tmp();
    const tsv = join(dir, "coded.tsv");
    writeFileSync(tsv, "code\tspeaker\ttext\nOQ\tT\tWhat brings you in?\n\tC\tMy drinking.\nSR+OQ\tT\tYour drinking. What about it?\n\tC\tIt's too much.\n");
    const session = join(dir, "session.txt");
    writeFileSync(session, "T: What brings you in?\nC: My drinking.\nT: Your drinking. What about it?\nC: It's too much.\n");
    const run = oars(["eval", "--gold", tsv, session, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { counsellorTurns: number; reflection: { recall: number } };
    expect(report.counsellorTurns).toBe(2);
    // The SR in "SR+OQ" was read: the reference has a reflecting turn, so recall is defined.
    expect(report.reflection.recall).not.toBeNull();
  });

  it("names the file and line of an unknown code, and of a table without the columns it needs", () => {
    const dir = tmp();
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "speaker,text,code\nT,Hello.,OQ\nT,Hmm.,XYZ\n");
    const run = oars(["eval", "--gold", bad, transcript]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: .*bad\.csv:3: unknown code "xyz": use MITI abbreviations/);
    expect(run.stderr).not.toMatch(/at .*\.js/);
    // A client row's unknown code: the message names the client codes too.
    writeFileSync(bad, "speaker,text,code\nT,Hello.,OQ\nC,Hi.,CTT\n");
    const client = oars(["eval", "--gold", bad, transcript]);
    expect(client.status).toBe(2);
    expect(client.stderr).toMatch(/^oars: .*bad\.csv:3: unknown code "ctt": .*\bCT, ST or FN on client rows \(or codes with a valence: R\+, TS-\)\n$/);

    const noHeader = join(dir, "plain.csv");
    writeFileSync(noHeader, "T,Hello.,OQ\n");
    const run2 = oars(["eval", "--gold", noHeader, transcript]);
    expect(run2.status).toBe(2);
    expect(run2.stderr).toMatch(/plain\.csv:1: expected a header row naming the columns "speaker", "text" and "code"/);
  });

  it("asks for a transcript column before comparing one table with several transcripts", () => {
    const run = oars(["eval", "--gold", csv, transcript, transcript]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/has no "transcript" column/);
  });
});

describe("bundled rules edited in place", () => {
  it("take effect without a rebuild: the prebuilt JSON is passed over when the YAML has changed", () => {
    const copy = mkdtempSync(join(tmpdir(), "oars-copy-"));
    for (const part of ["bin", "dist", "rules", "package.json"]) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    writeFileSync(
      join(copy, "rules", "en", "zz-local.yaml"),
      'rules:\n  - id: en.confront.local-test\n    code: confront\n    description: a house rule\n    priority: 999\n    patterns: ["xyzzy"]\n    examples: { match: ["Xyzzy, really."] }\n',
    );
    const transcript = join(copy, "t.txt");
    writeFileSync(transcript, "Counsellor: Xyzzy, really.\nClient: What?\n");
    const run = spawnSync(process.execPath, [join(copy, "bin", "oars.js"), "analyze", "--no-config", "-f", "json", transcript], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[0].flags[0].rule).toBe("en.confront.local-test");
  });
});
