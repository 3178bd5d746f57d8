import { describe, expect, it } from "vitest";
import { scoreTurns } from "../../src/score/metrics.js";
import { levelOf, THRESHOLDS } from "../../src/score/miti.js";
import type { Code, CodedTurn } from "../../src/types.js";

function turn(codes: Code[], role: CodedTurn["role"] = "counsellor"): CodedTurn {
  return {
    index: 0, line: 1, start: null, end: null, speaker: "T", role, text: "", primary: codes[0] ?? "other",
    utterances: codes.map((code) => ({ text: "", code, rule: "r", confidence: "high" })),
  };
}

describe("scoreTurns", () => {
  it("computes MITI summary scores from utterance codes", () => {
    const m = scoreTurns([
      turn(["open-question", "closed-question", "simple-reflection"]),
      turn(["complex-reflection", "summary", "affirm", "persuade"]),
      turn(["open-question"], "client"),
    ]);
    expect(m.questions).toBe(2);
    expect(m.reflections).toBe(3);
    expect(m.reflectionToQuestion).toBe(1.5);
    expect(m.percentOpenQuestions).toBe(50);
    expect(m.percentComplexReflections).toBe(50);
    expect(m.miAdherent).toBe(1);
    expect(m.miNonAdherent).toBe(1);
    expect(m.percentMiAdherent).toBe(50);
    expect(m.counts["open-question"]).toBe(1);
  });

  it("counts a summary spread over several utterances of a turn once", () => {
    const m = scoreTurns([turn(["summary", "summary", "summary"]), turn(["open-question"])]);
    expect(m.counts.summary).toBe(1);
    expect(m.reflections).toBe(1);
    expect(m.reflectionToQuestion).toBe(1);
  });

  it("gives null, never NaN, for a ratio without a denominator", () => {
    const m = scoreTurns([turn(["other"])]);
    expect(m.reflectionToQuestion).toBeNull();
    expect(m.percentOpenQuestions).toBeNull();
    expect(m.percentComplexReflections).toBeNull();
    expect(m.percentMiAdherent).toBeNull();
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });

  it("judges thresholds: good, fair, below, n/a", () => {
    const rq = THRESHOLDS.find((t) => t.id === "reflectionToQuestion")!;
    const level = (codes: Code[]) => levelOf(rq, scoreTurns([turn(codes)]));
    expect(level(["open-question", "simple-reflection", "simple-reflection"])).toBe("good");
    expect(level(["open-question", "simple-reflection"])).toBe("fair");
    expect(level(["open-question"])).toBe("below");
    expect(level(["other"])).toBe("n/a");
  });
});
