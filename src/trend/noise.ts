// When is a change between two sessions more than coding noise? oars disagrees with expert
// coders on some utterances (README "Accuracy": English AnnoMI dev, 5-fold cross-validation
// grouped by source; tests/e2e/accuracy.test.ts holds those figures), so a score can move
// between sessions through coding alone. The rule, from the agreement figures in AGREEMENT:
//
// - a share (% open, % complex) moves by coding alone up to the share of items oars codes
//   differently from experts: 100 − open/closed accuracy for % open, 100 − simple/complex
//   accuracy for % complex, in percentage points;
// - R:Q is a ratio of two counts each off by up to 1 − F1 (reflections, questions), so it moves
//   by coding alone up to the sum of the two shares of the larger of the two values;
// - a count of MI non-adherent utterances: with advice-flag recall r, up to 1 − r of the larger
//   count (and at least 1) may be found in one session and missed in the other;
// - a share or R:Q from fewer than 5 items (questions; reflections) in either session is too few to tell;
// - % change talk is not judged: client talk agrees with the experts too little (change and
//   sustain talk F1 under 0.5) for any change between two sessions to stand out from it.
//
// A change is "beyond coding noise" only when it is larger than that. The figures are for
// English; the Scandinavian packs have no independent measure (README), so the same rule is used.
// The report's words name the figures (src/trend/report.ts fills them in), so they are stated once, here.

import type { TrendScore } from "./series.js";

export interface NoiseBand {
  /** How far the score may move by coding alone, in the score's unit. */
  noise: number;
}

/** oars' agreement with expert coders, cross-validated (README "Accuracy", the rows named). */
export const AGREEMENT = {
  openClosedAccuracy: 0.79,
  simpleComplexAccuracy: 0.56,
  reflectionF1: 0.69,
  questionF1: 0.89,
  adviceFlagRecall: 0.27,
  changeTalkF1: 0.46,
  sustainTalkF1: 0.35,
} as const;

type NoiseRule =
  | { kind: "share"; points: number; source: string }
  | { kind: "relative" | "count"; share: number; source: string }
  | { kind: "none"; source: string };

// Shares are rounded to whole percentage points (0.79 → 21 points), as the report states them.
const points = (agreement: number) => Math.round(100 * (1 - agreement));

export const NOISE_RULE: Record<TrendScore, NoiseRule> = {
  percentOpenQuestions: { kind: "share", points: points(AGREEMENT.openClosedAccuracy), source: `open/closed accuracy ${AGREEMENT.openClosedAccuracy}` },
  percentComplexReflections: { kind: "share", points: points(AGREEMENT.simpleComplexAccuracy), source: `simple/complex accuracy ${AGREEMENT.simpleComplexAccuracy}` },
  reflectionToQuestion: { kind: "relative", share: (points(AGREEMENT.reflectionF1) + points(AGREEMENT.questionF1)) / 100, source: `reflection F1 ${AGREEMENT.reflectionF1}, question F1 ${AGREEMENT.questionF1}` },
  miNonAdherent: { kind: "count", share: points(AGREEMENT.adviceFlagRecall) / 100, source: `advice-flag recall ${AGREEMENT.adviceFlagRecall}` },
  percentChangeTalk: { kind: "none", source: `change talk F1 ${AGREEMENT.changeTalkF1}, sustain talk F1 ${AGREEMENT.sustainTalkF1}` },
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
