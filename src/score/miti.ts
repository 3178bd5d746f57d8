// The MITI summary scores in one table: what each score reads from the metrics, which way is
// better, its unit, the source that gives its fair/good thresholds (expert opinion, not
// validated cut-offs: reports say so), and the `oars check` limit that bounds it. The score
// table of a report, the MITI levels (`--level fair|good`) and the check's limits all come
// from here, so they cannot disagree. Words for each score are locale messages (src/locale).

import type { Metrics } from "../types.js";

export const LIMIT_IDS = ["min-rq", "min-open", "min-complex", "max-persuade", "max-confront", "min-adherent-share", "min-change-talk", "min-technical"] as const;
export type LimitId = (typeof LIMIT_IDS)[number];
export type Limits = Partial<Record<LimitId, number>>;

/** The limit ids as camelCase keys ("minRq"), for option objects. */
export type CamelLimit = CamelCase<LimitId>;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export function camelLimit(id: LimitId): CamelLimit {
  return id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as CamelLimit;
}

export const LEVELS = ["fair", "good"] as const;
export type LevelName = (typeof LEVELS)[number];
/** Where a figure stands against a score's thresholds. */
export type Level = LevelName | "below" | "n/a";

export type Direction = "at-least" | "at-most";
/** `score`: a MITI global rating, 1 to 5 (here estimated from codes: src/score/client.ts). */
export type Unit = "ratio" | "percent" | "count" | "score";
/** Why a figure can be missing (a key of the locale's `missing` messages). */
export type Missing = "no-questions" | "no-reflections" | "no-adherent" | "no-client-talk";

export type ScoreId =
  | "reflectionToQuestion" | "percentComplexReflections" | "percentOpenQuestions" | "percentMiAdherent" | "miNonAdherent" | "persuade" | "confront"
  | "percentChangeTalk" | "technicalGlobal";

export interface MitiScore {
  id: ScoreId;
  value: (metrics: Metrics) => number | null;
  direction: Direction;
  unit: Unit;
  source: string;
  /** The manual's thresholds, for scores it gives them for. */
  levels: Record<LevelName, number> | null;
  /** The `oars check` option that bounds this score, if any. */
  limit: LimitId | null;
  missing: Missing | null;
}

export const MITI_SCORES: readonly MitiScore[] = [
  { id: "reflectionToQuestion", value: (m) => m.reflectionToQuestion, direction: "at-least", unit: "ratio", source: "MITI 4.2.1", levels: { fair: 1, good: 2 }, limit: "min-rq", missing: "no-questions" },
  { id: "percentComplexReflections", value: (m) => m.percentComplexReflections, direction: "at-least", unit: "percent", source: "MITI 4.2.1", levels: { fair: 40, good: 50 }, limit: "min-complex", missing: "no-reflections" },
  { id: "percentOpenQuestions", value: (m) => m.percentOpenQuestions, direction: "at-least", unit: "percent", source: "MITI 3.1", levels: { fair: 50, good: 70 }, limit: "min-open", missing: "no-questions" },
  { id: "percentMiAdherent", value: (m) => m.percentMiAdherent, direction: "at-least", unit: "percent", source: "MITI 3.1", levels: { fair: 90, good: 100 }, limit: "min-adherent-share", missing: "no-adherent" },
  { id: "miNonAdherent", value: (m) => m.miNonAdherent, direction: "at-most", unit: "count", source: "MITI 4.2.1", levels: { fair: 0, good: 0 }, limit: null, missing: null },
  { id: "persuade", value: (m) => m.counts.persuade, direction: "at-most", unit: "count", source: "MITI 4.2.1", levels: null, limit: "max-persuade", missing: null },
  { id: "confront", value: (m) => m.counts.confront, direction: "at-most", unit: "count", source: "MITI 4.2.1", levels: null, limit: "max-confront", missing: null },
  // Client talk (issue 18). No fair/good levels here: % change talk has none in the manuals, and
  // the technical global (MITI 4.2.1: fair 3, good 4) is only estimated from codes, so `--level`
  // does not impose it; `oars check --min-technical` does when asked.
  { id: "percentChangeTalk", value: (m) => m.client?.percentChangeTalk ?? null, direction: "at-least", unit: "percent", source: "CLAMI", levels: null, limit: "min-change-talk", missing: "no-client-talk" },
  { id: "technicalGlobal", value: (m) => m.client?.estimated.technical ?? null, direction: "at-least", unit: "score", source: "MITI 4.2.1 (estimated)", levels: null, limit: "min-technical", missing: "no-client-talk" },
];

/** The scores the manuals give fair/good thresholds for, in report order. */
export type ThresholdScore = MitiScore & { levels: Record<LevelName, number> };
export const THRESHOLDS: readonly ThresholdScore[] = MITI_SCORES.filter((s): s is ThresholdScore => s.levels !== null);
export type ThresholdId = ThresholdScore["id"];

/** The score each `oars check` limit bounds. */
export const LIMITS: Readonly<Record<LimitId, MitiScore & { limit: LimitId }>> = Object.fromEntries(
  MITI_SCORES.filter((s) => s.limit !== null).map((s) => [s.limit, s]),
) as Record<LimitId, MitiScore & { limit: LimitId }>;

/** Whether `value` meets `bound` in the score's direction. */
export function meets(score: Pick<MitiScore, "direction">, value: number, bound: number): boolean {
  return score.direction === "at-least" ? value >= bound : value <= bound;
}

export function levelOf(score: ThresholdScore, metrics: Metrics): Level {
  const value = score.value(metrics);
  if (value === null) return "n/a";
  return meets(score, value, score.levels.good) ? "good" : meets(score, value, score.levels.fair) ? "fair" : "below";
}

/**
 * The levels `oars check --level` takes. `basic`: no MI non-adherent utterance (persuading
 * without permission, confronting), the one MITI aim that most high-quality AnnoMI sessions
 * meet and most low-quality ones miss (README "What a level means"), so it is the default.
 * `fair` and `good` are MITI's thresholds for the four summary scores.
 */
export const CHECK_LEVELS = ["basic", ...LEVELS] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The limits a level sets: for MITI's, the scores that have both a threshold and a check option. */
export function levelLimits(level: CheckLevel): Limits {
  if (level === "basic") return { "max-persuade": 0, "max-confront": 0 };
  const limits: Limits = {};
  for (const score of THRESHOLDS) if (score.limit) limits[score.limit] = score.levels[level];
  return limits;
}

/** Check a value given on the command line or in a config file; returns a problem or null. */
export function limitProblem(id: LimitId, value: number): string | null {
  const score = LIMITS[id];
  if (!Number.isFinite(value) || value < 0) return `${id} takes a number of 0 or more (got ${value})`;
  if (score.unit === "percent") {
    if (value > 100) return `${id} takes a percentage from 0 to 100 (got ${value})`;
    // 0.5 almost always means 50%, and a 0.5% bar is never meant: refuse rather than guess.
    if (value > 0 && value < 1) return `${id} takes a percentage from 0 to 100 (got ${value}; for ${value * 100}% write ${value * 100})`;
  }
  if (score.unit === "count" && !Number.isInteger(value)) return `${id} takes a whole number of utterances (got ${value})`;
  if (score.unit === "score" && (value < 1 || value > 5)) return `${id} takes a score from 1 to 5 (got ${value})`;
  return null;
}
