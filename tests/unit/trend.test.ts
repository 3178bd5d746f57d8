// The trend's parts: dates in file names, time order, and the coding-noise rule.
import { describe, expect, it } from "vitest";
import { buildTrend } from "../../src/trend/index.js";
import { judge } from "../../src/trend/noise.js";
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
  it("% open: within 20 points is noise, beyond is not", () => {
    expect(judge("percentOpenQuestions", 40, 60, [10, 10]).verdict).toBe("within-noise");
    expect(judge("percentOpenQuestions", 40, 61, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("percentOpenQuestions", 40, 61, [10, 10]).noise).toBe(20);
  });
  it("% complex: 37 points", () => {
    expect(judge("percentComplexReflections", 30, 67, [8, 8]).verdict).toBe("within-noise");
    expect(judge("percentComplexReflections", 30, 68, [8, 8]).verdict).toBe("beyond-noise");
  });
  it("R:Q: 43 % of the larger value, either way", () => {
    expect(judge("reflectionToQuestion", 1, 1.4, [10, 10]).verdict).toBe("within-noise");
    expect(judge("reflectionToQuestion", 1, 1.8, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("reflectionToQuestion", 1.8, 1, [10, 10]).verdict).toBe("beyond-noise");
    expect(judge("reflectionToQuestion", 1.8, 1, [10, 10]).noise).toBeCloseTo(0.774, 3);
  });
  it("non-adherent: 58 % of the larger count, at least 1", () => {
    expect(judge("miNonAdherent", 1, 0, null).verdict).toBe("within-noise");
    expect(judge("miNonAdherent", 2, 0, null).verdict).toBe("beyond-noise");
    expect(judge("miNonAdherent", 10, 5, null).verdict).toBe("within-noise");
    expect(judge("miNonAdherent", 10, 4, null).verdict).toBe("beyond-noise");
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
