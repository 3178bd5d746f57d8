// Transcripts are health data: oars opens no connection, writes only the output it was asked
// for, never changes its input, and --redact leaves no transcript word in any report.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, fixture, oars } from "../helpers.js";

const NO_NETWORK = join(ROOT, "tests", "support", "no-network.cjs");

function guarded(args: string[], cwd = ROOT) {
  const run = spawnSync(process.execPath, ["--require", NO_NETWORK, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("no network", () => {
  it("the guard really stops network access", () => {
    const run = spawnSync(process.execPath, ["--require", NO_NETWORK, "-e", 'require("node:net").connect(80, "127.0.0.1")'], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/network access attempted: net\.connect/);
  });

  it("every command works with networking made to throw", () => {
    const session = fixture("en", "session-alcohol.txt");
    for (const args of [
      ["analyze", session],
      ["analyze", "-f", "json", "--show", "turns", session, fixture("formats", "teams.vtt"), fixture("formats", "whisperx.json")],
      ["eval", "--gold", fixture("reference", "session-alcohol.csv"), session],
      ["check", "--no-config", "--jobs", "2", "-f", "sarif", "--max-persuade", "9", "--max-confront", "9", "--min-open", "0", "--min-rq", "0", "--min-adherent-share", "0", fixture("batch")],
      ["analyze", "-f", "html", "--redact", session, fixture("formats", "teams.vtt")],
      ["check", "--no-config", "-f", "html", "--max-persuade", "9", "--max-confront", "9", "--min-open", "0", "--min-rq", "0", "--min-adherent-share", "0", fixture("batch", "group b")],
      ["review", session],
      ["trend", "--no-config", "-f", "html", session, fixture("formats", "teams.vtt")],
      ["config"],
      ["rules"],
      ["rules", "test"],
      ["--version"],
    ]) {
      const run = guarded(args);
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      expect(run.stderr).not.toMatch(/network access attempted/);
    }
  });

  it("no source file imports a network module or calls fetch", () => {
    const sources = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(join(ROOT, "src", file), "utf8");
      expect(text, file).not.toMatch(/from "node:(net|tls|dns|dgram|http|https|http2)"|\bfetch\(|WebSocket/);
    }
  });
});

describe("no writes but the output, input never changed", () => {
  const snapshot = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .sort()
      .map((f) => {
        const path = join(dir, f);
        const stat = statSync(path);
        return stat.isDirectory() ? `${f}/` : `${f} ${stat.mtimeMs} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`;
      });

  it("leaves the working folder and the inputs as they were, save the -o file", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-writes-"));
    for (const name of ["session-alcohol.txt"]) copyFileSync(fixture("en", name), join(dir, name));
    writeFileSync(join(dir, "broken.vtt"), "WEBVTT\n\n00:00:xx --> 00:00:01.000\n<v A>Hi.\n");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x54, 0x3a, 0x00, 0x01]));
    const before = snapshot(dir);

    const runs = [
      guarded(["analyze", "session-alcohol.txt", "broken.vtt", "binary.txt", "missing.txt"], dir),
      guarded(["analyze", "-f", "json", "--redact", "session-alcohol.txt"], dir),
      guarded(["eval", "--gold", fixture("reference", "session-alcohol.csv"), "session-alcohol.txt"], dir),
      guarded(["analyze", "-f", "html", "session-alcohol.txt"], dir),
      guarded(["review", "session-alcohol.txt"], dir),
      guarded(["trend", "-f", "html", "."], dir),
    ];
    expect(runs.map((r) => r.status)).toEqual([2, 0, 0, 0, 0, 2]);
    expect(snapshot(dir)).toEqual(before);

    expect(guarded(["analyze", "-o", "report.json", "-f", "json", "session-alcohol.txt"], dir).status).toBe(0);
    const after = snapshot(dir);
    expect(after.filter((line) => !before.includes(line)).map((line) => line.split(" ")[0])).toEqual(["report.json"]);
    // Seven runs of the CLI one after another: on a loaded two-core machine they take over 30 s.
  }, 120_000);
});

describe("--redact", () => {
  const session = fixture("en", "session-alcohol.txt");
  // Words only the transcript holds: names, places, what was said.
  const transcriptWords = ["Sam", "beer", "wife", "Mondays", "sofa", "reliable", "Come on", "cut down"];

  it("keeps no transcript word and no speaker name in the table, the coded turns or JSON", () => {
    const table = oars(["analyze", "--redact", "--show", "turns", session]);
    const asJson = oars(["analyze", "--redact", "-f", "json", session]);
    for (const run of [table, asJson]) {
      expect(run.status).toBe(0);
      for (const word of transcriptWords) expect(run.stdout).not.toContain(word);
    }
    // What the report is for stays: codes, scores, flags with their reasons and suggestions.
    expect(table.stdout).toMatch(/Reflection-to-question ratio \(R:Q\)\s+│ \d\.\d\d/);
    expect(table.stdout).toMatch(/line 21 Counsellor: "\[PER\]"/);
    expect(table.stdout.replace(/\s+/g, " ")).toMatch(/Advice without permission/);
    const report = JSON.parse(asJson.stdout) as { files: { turns: { text: string; utterances: { code: string; text: string }[] }[]; flags: { text: string; reason: string }[] }[] };
    const file = report.files[0]!;
    expect(file.turns[2]!.utterances[0]).toMatchObject({ code: "simple-reflection", text: "[SR]" });
    expect(file.turns[1]!.text).toBe("[client]");
    expect(file.flags.map((f) => f.text)).toEqual(["[PER]", "[CON]"]);
    expect(file.flags.every((f) => f.reason.length > 20)).toBe(true);
  });

  it("replaces speaker names with roles and quoted words in messages", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-redact-"));
    const named = join(dir, "named.txt");
    writeFileSync(named, "Anna Berg: How are you feeling about it?\nOle Hansen: Not great.\nAnna Berg: What worries you most?\nOle Hansen: The drinking.\n");
    const monologue = join(dir, "monologue.txt");
    writeFileSync(monologue, "Ole Hansen: I drink too much.\nOle Hansen: Every night.\n");
    const run = oars(["analyze", "--redact", "-f", "json", named, monologue]);
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(/Anna|Ole|Hansen|Berg|drink/);
    const report = JSON.parse(run.stdout) as { files: { speakers: { label: string }[] }[]; errors: { message: string }[] };
    expect(report.files[0]!.speakers.map((s) => s.label).sort()).toEqual(["Client", "Counsellor"]);
    expect(report.errors[0]!.message).toMatch(/only one speaker \("…"\) found/);
  });
});
