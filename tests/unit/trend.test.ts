// The trend's parts: dates in file names, time order, and the coding-noise rule.
import { describe, expect, it } from "vitest";
import { buildTrend } from "../../src/trend/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AGREEMENT, judge } from "../../src/trend/noise.js";
import { ROOT } from "../helpers.js";
import { dateInName, type Session } from "../../src/trend/series.js";

const session = (path: string, date: string, scores: Partial<Session["scores"]>, questions = 10, reflections = 10): Session => ({
  path,
  date,
  dateFrom: "name",
  scores: { reflectionToQuestion: null, percentComplexReflections: null, percentOpenQuestions: null, miNonAdherent: 0, percentChangeTalk: null, ...scores },
  items: { questions, reflections, clientTalk: 0 },
});

describe("dates in file names", () => {
  it("finds a real YYYY-MM-DD anywhere in the name, not in the folder", () => {
    expect(dateInName("sessions/2026-03-14-anna.txt")).toBe("2026-03-14");
    expect(dateInName("anna_2025-12-01.vtt")).toBe("2025-12-01");
    expect(dateInName("2026-02-30-anna.txt")).toBeNull();
    expect(dateInName("2026-03-14/anna.txt")).toBeNull();
    expect(dateInName("12026-03-14.txt")).toBeNull();
    expect(dateInName("anna.txt")).toBeNull();
  });
});

describe("coding noise", () => {
  it("comes from the agreement figures README's accuracy table states (so neither goes stale alone)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const row = (label: string) => Number(new RegExp(`^\\| ${label} \\| ([0-9.]+) \\|`, "m").exec(readme)?.[1]);
    expect(AGREEMENT).toEqual({
      openClosedAccuracy: row("open/closed accuracy"),
      simpleComplexAccuracy: row("simple/complex accuracy"),
      reflectionF1: row("reflection detection F1"),
      questionF1: row("question detection F1"),
      adviceFlagRecall: row("advice flag recall"),
      changeTalkF1: row("change talk F1"),
      sustainTalkF1: row("sustain talk F1"),
    });
  });
  it("% open: within 21 points (100 − open/closed accuracy 0.79) is noise, beyond is not", () => {
    expect(judge("percentOpenQuestions", 40, 61, [10, 10]).verdict).toBe("within-noise");
    expect(judge("percentOpenQuestions", 40, 62, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("percentOpenQuestions", 40, 62, [10, 10]).noise).toBe(21);
  });
  it("% complex: 44 points (simple/complex accuracy 0.56)", () => {
    expect(judge("percentComplexReflections", 30, 74, [8, 8]).verdict).toBe("within-noise");
    expect(judge("percentComplexReflections", 30, 75, [8, 8]).verdict).toBe("beyond-noise");
  });
  it("R:Q: 42 % of the larger value (31 % + 11 %: reflection F1 0.69, question F1 0.89), either way", () => {
    expect(judge("reflectionToQuestion", 1, 1.4, [10, 10]).verdict).toBe("within-noise");
    expect(judge("reflectionToQuestion", 1, 1.8, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("reflectionToQuestion", 1.8, 1, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("reflectionToQuestion", 1.8, 1, [10, 10]).noise).toBeCloseTo(0.756, 3);
  });
  it("non-adherent: 73 % of the larger count (advice-flag recall 0.27), at least 1", () => {
    expect(judge("miNonAdherent", 1, 0, null).verdict).toBe("within-noise");
    expect(judge("miNonAdherent", 2, 0, null).verdict).toBe("beyond-noise");
    expect(judge("miNonAdherent", 10, 3, null).verdict).toBe("within-noise");
    expect(judge("miNonAdherent", 10, 2, null).verdict).toBe("beyond-noise");
  });
  it("too few items, a missing figure, and change talk are not judged as change", () => {
    expect(judge("percentOpenQuestions", 0, 100, [4, 10]).verdict).toBe("too-few");
    expect(judge("percentOpenQuestions", null, 100, [0, 10]).verdict).toBe("n/a");
    expect(judge("percentChangeTalk", 20, 80, [10, 10]).verdict).toBe("not-judged");
  });
});

describe("a trend", () => {
  it("orders sessions by date (path within a day) and compares the first with the last", () => {
    const trend = buildTrend(
      [session("c.txt", "2026-03-01", { percentOpenQuestions: 80 }), session("a.txt", "2026-01-01", { percentOpenQuestions: 30 }), session("b.txt", "2026-01-01", { percentOpenQuestions: 50 })],
      [],
    );
    expect(trend.sessions.map((s) => s.path)).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(trend.changes.find((c) => c.score === "percentOpenQuestions")).toMatchObject({ from: 30, to: 80, delta: 50, verdict: "beyond-noise" });
    expect(trend.scores).not.toContain("percentChangeTalk");
  });
  it("follows % change talk only once a session has it; one session has no change", () => {
    expect(buildTrend([session("a.txt", "2026-01-01", { percentChangeTalk: 40 })], []).scores).toContain("percentChangeTalk");
    expect(buildTrend([session("a.txt", "2026-01-01", {})], []).changes).toEqual([]);
  });
});
