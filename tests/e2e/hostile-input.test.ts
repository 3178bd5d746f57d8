// Every kind of bad input from issue 6 in one batch: each gets one line on stderr naming the
// file (and line), the batch exits 2, no stack trace, and the good file is still analysed.
import { chmodSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";

describe("hostile input", () => {
  const dir = mkdtempSync(join(tmpdir(), "oars-hostile-"));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const cases: [string, string, RegExp][] = [
    ["empty", file("empty.txt", ""), /: the file is empty$/],
    ["only a header", file("header.vtt", "WEBVTT\n\n"), /: no speech found in this vtt file$/],
    ["no speaker labels", file("plain.txt", "We talked about drinking.\nIt was fine.\n"), /: no speaker labels found; /],
    ["one speaker", file("mono.txt", "Therapist: Hello.\nTherapist: Anyone there?\n"), /: only one speaker \("Therapist"\) found; /],
    ["binary", file("nul.txt", Buffer.from([0x43, 0x3a, 0x20, 0x00, 0xff, 0x10])), /: binary data \(a NUL byte at offset 3\), not a transcript$/],
    ["a folder without transcripts", (() => { mkdirSync(join(dir, "folder.txt")); return join(dir, "folder.txt"); })(), /: folder holds no transcripts \(\.txt, \.vtt, \.srt, \.json\)$/],
    ["missing", join(dir, "missing.txt"), /: no such file$/],
    ["neither UTF-8 nor Windows-1252", file("bad-bytes.txt", Buffer.from("T: caf\x81\nC: ok\n", "latin1")), /:1: not valid UTF-8, UTF-16 or Windows-1252 text \(byte 0x81 at offset 6\)/],
    ["a bad VTT timestamp", file("bad-time.vtt", "WEBVTT\n\n00:00:aa.000 --> 00:00:02.000\n<v A>Hi.\n"), /:3: bad cue timing "00:00:aa\.000 --> 00:00:02\.000"/],
    ["an SRT block without timing", file("no-timing.srt", "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Hi.\n\n2\nhello there\n"), /:5: expected a cue timing line/],
    ["JSON that is not Whisper", file("other.json", '{"name": "x", "items": [1, 2]}'), /: JSON that is not a Whisper transcript: /],
    ["broken JSON", file("broken.json", '{"segments": [ {"text": '), /: not valid JSON/],
  ];

  it("reports each bad file on one line, exits 2, and still analyses the good one", () => {
    const good = fixture("en", "session-alcohol.txt");
    const run = oars(["analyze", "-f", "json", good, ...cases.map(([, path]) => path)]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; errors: { path: string; message: string }[] };
    expect(report.files.map((f) => f.path)).toEqual([good]);
    expect(report.errors).toHaveLength(cases.length);
    const lines = run.stderr.trim().split("\n");
    for (const [what, path, message] of cases) {
      const line = lines.find((l) => l.startsWith(`oars: ${path}:`));
      expect(line, what).toBeDefined();
      expect(line, what).toMatch(message);
    }
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it("refuses a 200 MB file by its size, without reading it, and --max-size raises the limit", () => {
    const big = join(dir, "big.txt");
    writeFileSync(big, "");
    truncateSync(big, 200 * 1024 * 1024); // sparse: no disk used
    const started = Date.now();
    const run = oars(["analyze", big]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${big}: is 200.0 MB, larger than the 5.0 MB limit (raise it with --max-size)\n`);
    expect(Date.now() - started).toBeLessThan(5000);
    const raised = oars(["analyze", "--max-size", "300", big]);
    expect(raised.status).toBe(2);
    expect(raised.stderr).toMatch(/binary data \(a NUL byte at offset 0\)/);
  });

  it("codes a transcript with 1 MB lines", () => {
    const sentence = "So you drink to relax after work, and your wife has noticed it. ";
    const long = file("long-lines.txt", `Counsellor: ${sentence.repeat(Math.ceil(2 ** 20 / sentence.length))}\nClient: ${"I know. ".repeat(2 ** 17)}\nCounsellor: What would help?\n`);
    const run = oars(["analyze", "-f", "json", long]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: { turns: { utterances: unknown[] }[] }[] };
    expect(report.files[0]!.turns).toHaveLength(3);
    expect(report.files[0]!.turns[0]!.utterances.length).toBeGreaterThan(10_000);
  });

  it("reads overlapping and backwards cues in file order, with a warning naming the line", () => {
    const srt = file("overlap.srt", "1\n00:00:01,000 --> 00:00:04,000\n[SPEAKER_00]: How are you?\n\n2\n00:00:02,000 --> 00:00:01,500\n[SPEAKER_01]: Fine.\n\n3\n00:00:00,500 --> 00:00:03,000\n[SPEAKER_00]: Good to hear.\n");
    const run = oars(["analyze", "--counsellor", "SPEAKER_00", srt]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/overlap\.srt: line 6: a cue ends before it starts/);
    expect(run.stderr).toMatch(/overlap\.srt: line 10: cues go back in time from here/);
  });

  it("reports an unreadable file as permission denied", () => {
    const locked = file("locked.txt", "T: Hi?\nC: Hello.\n");
    chmodSync(locked, 0o000);
    const run = oars(["analyze", locked]);
    // root reads anything, so this is only checked where permissions hold.
    if (process.getuid?.() === 0) return;
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${locked}: permission denied\n`);
  });
});

describe("hostile rules", () => {
  const rulesDir = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), "oars-hostile-rules-"));
    writeFileSync(join(dir, "evil.yaml"), yaml);
    return dir;
  };
  const rule = (pattern: string) =>
    `rules:\n  - id: en.persuade.evil\n    code: persuade\n    description: d\n    patterns: [${JSON.stringify(pattern)}]\n    examples: { match: ["a b"] }\n`;

  it("matches a pattern with nested gaps and repeats in linear time over a huge utterance", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-hostile-"));
    const transcript = join(dir, "a.txt");
    writeFileSync(transcript, `Counsellor: ${"a ".repeat(200_000)}\nClient: a\n`);
    const started = Date.now();
    const run = oars(["analyze", "--rules", rulesDir(rule("(a|a a|_)... ... (a|_){0,8} ... (a|_ _)... b")), transcript]);
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("refuses a huge alternation and a YAML alias bomb at load, naming the file and line", () => {
    const huge = oars(["rules", "--rules", rulesDir(rule(`(${Array.from({ length: 3000 }, (_, i) => `w${i}`).join("|")})`))]);
    expect(huge.status).toBe(2);
    expect(huge.stderr).toMatch(/^oars: .*evil\.yaml:5:\d+: rule en\.persuade\.evil: patterns: pattern is longer than 2000 characters in "\(w0\|w1.{60,80}"$/m);
    expect(huge.stderr.length).toBeLessThan(300);

    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const run = oars(["rules", "--rules", rulesDir(bomb.join("\n"))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: .*evil\.yaml(:\d+:\d+)?: .*(alias|YAML)/i);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
