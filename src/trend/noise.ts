// When is a change between two sessions more than coding noise? oars disagrees with expert
// coders on some utterances (README "Accuracy", English AnnoMI dev; tests/e2e/accuracy.test.ts
// holds those figures), so a score can move between sessions through coding alone. The rule:
//
// - a share (% open, % complex) moves by coding alone up to the share of items oars codes
//   differently from experts: 100 − open/closed accuracy (80 %) = 20 points for % open,
//   100 − simple/complex accuracy (63 %) = 37 points for % complex;
// - R:Q is a ratio of two counts each off by up to 1 − F1 (reflections 0.68, questions 0.89),
//   so it moves by coding alone up to 32 % + 11 % = 43 % of the larger of the two values;
// - a count of MI non-adherent utterances: advice-flag recall is 0.42, so up to 58 % of the
//   larger count (and at least 1) may be found in one session and missed in the other;
// - a share or R:Q from fewer than 5 items (questions; reflections) in either session is too few to tell;
// - % change talk has no agreement figure yet, so no change in it is judged.
//
// A change is "beyond coding noise" only when it is larger than that. The figures are for
// English; the Scandinavian packs have no independent measure (README), so the same rule is used.

import type { TrendScore } from "./series.js";

export interface NoiseBand {
  /** How far the score may move by coding alone, in the score's unit. */
  noise: number;
}

type NoiseRule =
  | { kind: "share"; points: number; source: string }
  | { kind: "relative" | "count"; share: number; source: string }
  | { kind: "none"; source: string };

export const NOISE_RULE: Record<TrendScore, NoiseRule> = {
  percentOpenQuestions: { kind: "share", points: 20, source: "open/closed accuracy 0.80" },
  percentComplexReflections: { kind: "share", points: 37, source: "simple/complex accuracy 0.63" },
  reflectionToQuestion: { kind: "relative", share: 0.43, source: "reflection F1 0.68, question F1 0.89" },
  miNonAdherent: { kind: "count", share: 0.58, source: "advice-flag recall 0.42" },
  percentChangeTalk: { kind: "none", source: "no agreement figure yet" },
};

/** The fewest items a share is judged on. */
export const MIN_ITEMS = 5;

export type Verdict = "beyond-noise" | "within-noise" | "too-few" | "n/a" | "not-judged";

export interface Change {
  score: TrendScore;
  from: number | null;
  to: number | null;
  delta: number | null;
  /** How far coding alone could move it (null when not judged). */
  noise: number | null;
  verdict: Verdict;
}

/** Judge the change of one score between two sessions; `items` are each session's denominators (for shares). */
export function judge(score: TrendScore, from: number | null, to: number | null, items: [number, number] | null): Change {
  const base = { score, from, to, delta: from !== null && to !== null ? to - from : null };
  if (from === null || to === null) return { ...base, noise: null, verdict: "n/a" };
  const rule = NOISE_RULE[score];
  if (rule.kind === "none") return { ...base, noise: null, verdict: "not-judged" };
  if (items && Math.min(...items) < MIN_ITEMS) return { ...base, noise: null, verdict: "too-few" };
  const noise = rule.kind === "share" ? rule.points : rule.kind === "relative" ? rule.share * Math.max(from, to) : Math.max(1, rule.share * Math.max(from, to));
  return { ...base, noise, verdict: Math.abs(to - from) > noise ? "beyond-noise" : "within-noise" };
}
