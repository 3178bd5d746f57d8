// End-to-end: spawn the real bin/oars.js and check exit code, stdout and stderr.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, HAS_CORPUS, fixture, oars } from "../helpers.js";

const json = (stdout: string) => JSON.parse(stdout) as {
  schemaVersion: number;
  tool: { name: string; version: string };
  files: {
    path: string; format: string; encoding: string; language: string;
    speakers: { label: string; role: string }[];
    turns: { index: number; line: number; start: number | null; speaker: string; role: string; text: string; primary: string; utterances: { text: string; code: string; rule: string; confidence: string }[] }[];
    flags: { turn: number; line: number; code: string; rule: string; text: string; reason: string; suggestion: string }[];
    metrics: Record<string, unknown> & { counts: Record<string, number> };
  }[];
  errors: { path: string; message: string }[];
};

describe("oars --help and --version", () => {
  it("lists the commands and exits 0", () => {
    const run = oars(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/analyze/);
    expect(run.stdout).toMatch(/eval/);
  });
  it("prints the version from package.json", () => {
    const run = oars(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
  it("exits 2 on an unknown option or command", () => {
    expect(oars(["analyze", "--frobnicate", fixture("en", "session-alcohol.txt")]).status).toBe(2);
    const bad = oars(["analyze", "--format", "xml", fixture("en", "session-alcohol.txt")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/format/);
  });
});

describe("oars analyze (table)", () => {
  it("prints the MITI summary with thresholds and sources, counts and flagged lines with suggestions", () => {
    // Wide enough for the Source column, which an 80-column report leaves out (issue 16).
    const run = oars(["analyze", fixture("en", "session-alcohol.txt")], { env: { COLUMNS: "120" } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/Reflection-to-question ratio \(R:Q\)/);
    expect(run.stdout).toMatch(/MITI 4\.2\.1/);
    expect(run.stdout).toMatch(/MITI 3\.1/);
    expect(run.stdout).toMatch(/expert opinion/);
    expect(run.stdout).toMatch(/Flagged lines \([1-9]/);
    expect(run.stdout).toMatch(/line 21 Counsellor: "You really need to cut down\."/);
    expect(run.stdout).toMatch(/instead: Ask permission first/);
    expect(run.stdout).toMatch(/line 23 Counsellor: "Come on, be honest with yourself\."/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("prints the coded transcript with --show turns", () => {
    const run = oars(["analyze", "--show", "turns", fixture("en", "session-alcohol.txt")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Coded transcript/);
    expect(run.stdout).toMatch(/OQ\??\s+What would you like to talk about\?|SEEK\??\s+What would you like to talk about\?/);
    expect(run.stdout).toMatch(/\(en\.persuade\.you-should, p \d\.\d\d/);
  });
});

describe("oars analyze --format json", () => {
  it("follows the JSON contract", () => {
    const run = oars(["analyze", "--format", "json", fixture("en", "session-alcohol.txt")]);
    expect(run.status).toBe(0);
    const report = json(run.stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.tool.name).toBe("oars");
    expect(report.errors).toEqual([]);
    const file = report.files[0]!;
    expect(file).toMatchObject({ format: "text", language: "en" });
    expect(file.speakers).toEqual([
      { label: "Counsellor", role: "counsellor" },
      { label: "Client", role: "client" },
    ]);
    expect(file.turns[0]).toMatchObject({ index: 0, line: 1, start: null, speaker: "Counsellor", role: "counsellor" });
    // Client turns carry client talk (issue 18), never a counsellor code.
    expect(file.turns[1]!.utterances.every((u) => ["change-talk", "sustain-talk", "neutral"].includes(u.code))).toBe(true);
    for (const turn of file.turns) for (const u of turn.utterances) expect(u.rule).toBeTruthy();
    const flag = file.flags.find((f) => f.code === "persuade")!;
    expect(flag).toMatchObject({ line: 21, rule: "en.persuade.you-should", text: "You really need to cut down." });
    expect(flag.reason).not.toBe("");
    expect(flag.suggestion).not.toBe("");
    for (const key of ["questions", "reflections", "reflectionToQuestion", "percentOpenQuestions", "percentComplexReflections", "miAdherent", "miNonAdherent"]) {
      expect(file.metrics, key).toHaveProperty(key);
    }
    expect(Object.keys(file.metrics.counts)).toHaveLength(13);
  });

  const formats: [string, string, string, string[]][] = [
    ["teams.vtt", "vtt", "utf-8", ["Kari Nordmann", "Alex Berg"]],
    ["zoom.vtt", "vtt", "utf-8", ["Dr. Lund", "Patient"]],
    ["whisper.srt", "srt", "utf-8", ["SPEAKER_00", "SPEAKER_01"]],
    ["whisperx.json", "json", "utf-8", ["SPEAKER_00", "SPEAKER_01"]],
    ["otter.txt", "text", "utf-8", ["Jamie Reed", "Pat Olsen"]],
    ["windows-1252.txt", "text", "windows-1252", ["Rådgiver", "Klient"]],
    ["utf16.txt", "text", "utf-16le", ["Therapist", "Client"]],
  ];
  for (const [name, format, encoding, speakers] of formats) {
    it(`reads ${name}`, () => {
      const run = oars(["analyze", "-f", "json", fixture("formats", name)]);
      expect(run.status).toBe(0);
      const file = json(run.stdout).files[0]!;
      expect(file.format).toBe(format);
      expect(file.encoding).toBe(encoding);
      expect(file.speakers.map((s) => s.label)).toEqual(speakers);
      expect(file.speakers[0]!.role).toBe("counsellor");
      expect(file.speakers[1]!.role).toBe("client");
      // Turns alternate: consecutive cues of one speaker were joined.
      file.turns.forEach((t, i) => i > 0 && expect(t.speaker).not.toBe(file.turns[i - 1]!.speaker));
    });
  }

  it("keeps Teams text exact: cues joined with one space, entities decoded, markup removed", () => {
    const file = json(oars(["analyze", "-f", "json", fixture("formats", "teams.vtt")]).stdout).files[0]!;
    expect(file.turns[1]!.text).toBe("Well, my doctor thinks I smoke too much & that it's affecting my breathing.");
    expect(file.turns[1]!.start).toBe(6.5);
  });

  it("decodes Windows-1252 letters", () => {
    const file = json(oars(["analyze", "-f", "json", fixture("formats", "windows-1252.txt")]).stdout).files[0]!;
    expect(file.turns[3]!.text).toBe("Ja. Det er jo bare øl i helgene.");
  });

  it("warns on stderr when it guesses the counsellor, and --counsellor overrides", () => {
    const guessed = oars(["analyze", "-f", "json", fixture("formats", "whisper.srt")]);
    expect(guessed.stderr).toMatch(/took "SPEAKER_00" as the counsellor/);
    const told = oars(["analyze", "-f", "json", "--counsellor", "SPEAKER_01", fixture("formats", "whisper.srt")]);
    expect(told.stderr).toBe("");
    expect(json(told.stdout).files[0]!.speakers).toEqual([
      { label: "SPEAKER_00", role: "client" },
      { label: "SPEAKER_01", role: "counsellor" },
    ]);
  });

  it("reads standard input with -", () => {
    const run = oars(["analyze", "-f", "json", "-"], { input: "T: How are you?\nC: Fine.\n" });
    expect(run.status).toBe(0);
    expect(json(run.stdout).files[0]!.turns[0]!.utterances[0]!.code).toBe("open-question");
  });

  it("writes to a file with -o and leaves stdout empty", () => {
    const out = join(mkdtempSync(join(tmpdir(), "oars-")), "report.json");
    const run = oars(["analyze", "-f", "json", "-o", out, fixture("en", "session-alcohol.txt")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(json(readFileSync(out, "utf8")).files).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("reports a missing file on stderr and in errors, exits 2, and still analyses the others", () => {
    const run = oars(["analyze", "-f", "json", "nope.txt", fixture("en", "session-alcohol.txt")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("oars: nope.txt: no such file\n");
    const report = json(run.stdout);
    expect(report.files).toHaveLength(1);
    expect(report.errors).toEqual([{ path: "nope.txt", message: "no such file" }]);
  });

  it("names the file and line of a bad cue, with no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-"));
    const bad = join(dir, "bad.vtt");
    writeFileSync(bad, "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\n<v A>hi</v>\n");
    const run = oars(["analyze", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: bad cue timing`));
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("refuses a folder without transcripts, an empty file and an unreadable one, each with one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-"));
    const bare = join(dir, "notes");
    mkdirSync(bare);
    writeFileSync(join(bare, "readme.md"), "# not a transcript\n");
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    const locked = join(dir, "locked.txt");
    writeFileSync(locked, "T: hi\nC: hi\n");
    chmodSync(locked, 0o000);
    const run = oars(["analyze", bare, empty]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`oars: ${bare}: folder holds no transcripts (.txt, .vtt, .srt, .json)\n`);
    expect(run.stderr).toMatch(/empty\.txt: the file is empty/);
    if (process.getuid?.() !== 0) expect(oars(["analyze", locked]).stderr).toMatch(/permission denied/);
  });

  it("reports a bad rule folder with file, line and column and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-rules-"));
    writeFileSync(join(dir, "mine.yaml"), "rules:\n  - id: en.persuade.mine\n    code: persuade\n    description: d\n    patterns: [\"you (must\"]\n    examples: { match: [x] }\n");
    const run = oars(["analyze", "--rules", dir, fixture("en", "session-alcohol.txt")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/mine\.yaml:5:\d+: rule en\.persuade\.mine: patterns: .*not closed/);
    expect(run.stdout).toBe("");
  });
});

describe.skipIf(!HAS_CORPUS)("AnnoMI development corpus", () => {
  const gold = HAS_CORPUS
    ? readFileSync(join(CORPUS, "gold.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { transcript: string; turn: number; role: string; text: string })
    : [];
  for (const kind of ["txt", "vtt"]) {
    it(`gives every turn of the ${kind} files its reference role and text`, () => {
      const files = readdirSync(join(CORPUS, kind)).map((f) => join(CORPUS, kind, f));
      const run = oars(["analyze", "-f", "json", ...files]);
      expect(run.status).toBe(0);
      const byName = new Map(json(run.stdout).files.map((f) => [f.path.replace(/^.*\/|\.\w+$/g, ""), f]));
      let textMismatches = 0;
      for (const g of gold) {
        const turn = byName.get(g.transcript)!.turns[g.turn]!;
        expect(turn.role, `${g.transcript} turn ${g.turn}`).toBe(g.role);
        // The reference keeps one line break inside a turn, which a line-based file cannot hold.
        if (turn.text !== g.text) {
          textMismatches++;
          expect(turn.text).toBe(g.text.replace(/\s*\n\s*/g, " "));
        }
      }
      expect(textMismatches).toBeLessThanOrEqual(1);
      for (const [name, file] of byName) {
        expect(file.turns.length, name).toBe(gold.filter((g) => g.transcript === name).length);
      }
    });
  }
});
