import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/expand.js";
import { checkResult } from "../../src/check/index.js";
import { levelLimits, limitProblem } from "../../src/score/miti.js";
import { SummaryCollector } from "../../src/check/summary.js";
import { Progress } from "../../src/cli/progress.js";
import { defaultSettings, limitsInForce, mergeSettings } from "../../src/config/settings.js";
import { metricsFromCounts, zeroCounts } from "../../src/score/metrics.js";
import { wordsOf } from "../../src/report/words.js";
import type { Code, FileResult } from "../../src/types.js";

function resultWith(counts: Partial<Record<Code, number>>, path = "s.txt"): FileResult {
  return { path, format: "text", encoding: "utf-8", language: "en", locale: "en", speakers: [], turns: [], flags: [], warnings: [], metrics: metricsFromCounts({ ...zeroCounts(), ...counts }) };
}


describe("limits", () => {
  it("levels come from the MITI thresholds table", () => {
    expect(levelLimits("fair")).toEqual({ "min-rq": 1, "min-complex": 40, "min-open": 50, "min-adherent-share": 90 });
    expect(levelLimits("good")).toEqual({ "min-rq": 2, "min-complex": 50, "min-open": 70, "min-adherent-share": 100 });
  });

  it("refuses values that cannot be meant", () => {
    expect(limitProblem("min-open", 0.7)).toMatch(/for 70% write 70/);
    expect(limitProblem("min-open", 0)).toBeNull();
    expect(limitProblem("min-open", 100)).toBeNull();
    expect(limitProblem("min-rq", 0.5)).toBeNull();
    expect(limitProblem("min-rq", -1)).toMatch(/0 or more/);
    expect(limitProblem("max-confront", 2.5)).toMatch(/whole number/);
  });
});

describe("checkResult", () => {
  it("passes at the bound and fails below it", () => {
    const at = checkResult(resultWith({ "open-question": 2, "simple-reflection": 2 }), { "min-rq": 1 });
    expect(at.passed).toBe(true);
    const below = checkResult(resultWith({ "open-question": 2, "simple-reflection": 1 }), { "min-rq": 1 });
    expect(below).toMatchObject({ passed: false, checks: [{ id: "counsellor", status: "pass" }, { id: "min-rq", status: "fail", value: 0.5 }] });
    // Words come at report time, in the report's locale.
    expect(wordsOf("en").check(below.checks[1]!).message).toBe("R:Q 0.50, needs ≥ 1.00");
  });

  it("an at-most limit fails above it", () => {
    expect(checkResult(resultWith({ persuade: 1, other: 3 }), { "max-persuade": 0 }).passed).toBe(false);
    expect(checkResult(resultWith({ persuade: 1, other: 3 }), { "max-persuade": 1 }).passed).toBe(true);
  });

  it("a missing figure is n/a and does not fail; no counsellor speech does", () => {
    const none = checkResult(resultWith({ "simple-reflection": 3 }), { "min-rq": 1, "min-open": 50 });
    expect(none.checks.map((c) => c.status)).toEqual(["pass", "n/a", "n/a"]);
    expect(none.passed).toBe(true);
    expect(checkResult(resultWith({}), {}).passed).toBe(false);
  });
});

describe("settings", () => {
  it("a level sets four limits, named limits override, later layers win", () => {
    let s = mergeSettings(defaultSettings(), { level: "good", limits: { "min-rq": 1.5 } });
    expect(s.limits).toEqual({ "min-rq": 1.5, "min-complex": 50, "min-open": 70, "min-adherent-share": 100 });
    s = mergeSettings(s, { limits: { "min-rq": 3 }, counsellors: ["Ida"] });
    expect(s.limits["min-rq"]).toBe(3);
    expect(s.counsellors).toEqual(["Ida"]);
  });

  it("with no limit set anywhere, the basic level applies (issue 16: fair failed most good sessions)", () => {
    expect(limitsInForce(defaultSettings())).toEqual(levelLimits("basic"));
    expect(levelLimits("basic")).toEqual({ "max-persuade": 0, "max-confront": 0 });
    expect(limitsInForce(mergeSettings(defaultSettings(), { limits: { "max-confront": 0 } }))).toEqual({ "max-confront": 0 });
  });
});

describe("summary", () => {
  it("pools counts over files for the total", () => {
    const collector = new SummaryCollector();
    const a = resultWith({ "open-question": 1, "simple-reflection": 3 }, "a");
    const b = resultWith({ "open-question": 3, "simple-reflection": 1 }, "b");
    for (const r of [a, b]) collector.addFile({ path: r.path, locale: "en", turns: 0, metrics: r.metrics, flags: 0, check: checkResult(r, { "min-rq": 1 }) });
    const summary = collector.summary();
    expect(summary).toMatchObject({ passed: 1, failed: 1 });
    expect(summary.total.reflectionToQuestion).toBe(1);
  });
});

describe("expandInputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "oars-expand-"));
  for (const p of ["b.txt", "a.vtt", "sub/c.srt", "sub/d.json", "drafts/x.txt", "notes.md", ".hidden/e.txt"]) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), "x");
  }

  it("a folder gives its transcripts at any depth, sorted, skipping other and hidden files", () => {
    expect(expandInputs([dir], [], dir).files).toEqual(["a.vtt", "b.txt", "drafts/x.txt", "sub/c.srt", "sub/d.json"].map((p) => join(dir, p)));
  });

  it("ignore patterns are relative to their base folder; a file named outright is still read", () => {
    const ignore = [{ pattern: "drafts/**", base: dir }];
    expect(expandInputs([dir], ignore, dir).files).not.toContain(join(dir, "drafts", "x.txt"));
    expect(expandInputs(["drafts/x.txt"], ignore, dir).files).toEqual(["drafts/x.txt"]);
    expect(expandInputs(["**/*.txt"], ignore, dir).files).toEqual(["b.txt"]);
    // the same pattern written for another folder does not reach this one
    expect(expandInputs([dir], [{ pattern: "drafts/**", base: join(dir, "sub") }], dir).files).toContain(join(dir, "drafts", "x.txt"));
  });
});

describe("progress bar", () => {
  const fakeTerminal = () => {
    const written: string[] = [];
    return { written, stream: { isTTY: true, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
  };

  it("draws on a terminal and clears itself", () => {
    const { written, stream } = fakeTerminal();
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const progress = new Progress(2, stream);
      progress.tick("a.txt");
      progress.tick("b.txt");
      progress.clear();
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
    expect(written.join("")).toMatch(/\] 2\/2 b\.txt/);
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("stays silent when not a terminal, or in CI", () => {
    const { written, stream } = fakeTerminal();
    const saved = process.env.CI;
    process.env.CI = "true";
    try {
      const progress = new Progress(5, stream);
      progress.tick("a.txt");
      progress.clear();
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
    expect(written).toEqual([]);
    const pipe = { isTTY: false, write: () => expect.unreachable() } as unknown as NodeJS.WriteStream;
    new Progress(5, pipe).tick("a.txt");
  });
});
