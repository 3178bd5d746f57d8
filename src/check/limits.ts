// The thresholds a trainer can hold a session to (`oars check --min-rq 1 …`, or the MITI level
// names). Each limit reads one figure of the score stage and says which way is better.

import { THRESHOLDS } from "../score/thresholds.js";
import type { Metrics } from "../types.js";

export const LIMIT_IDS = ["min-rq", "min-open", "min-complex", "max-persuade", "max-confront", "min-adherent-share"] as const;
export type LimitId = (typeof LIMIT_IDS)[number];
export type Limits = Partial<Record<LimitId, number>>;

/**
 * `basic`: no MI non-adherent utterance (persuading without permission, confronting): the one
 * MITI aim that most high-quality AnnoMI sessions meet and most low-quality ones miss (README
 * "What a level means"), so it is the default. `fair` and `good` are MITI's thresholds for the
 * four summary scores.
 */
export const LEVELS = ["basic", "fair", "good"] as const;
export type LevelName = (typeof LEVELS)[number];

// What each limit is called in a report, and why its figure can be missing, are locale
// messages (src/locale: `limits`, `missing`).
export interface LimitSpec {
  id: LimitId;
  direction: "at-least" | "at-most";
  unit: "ratio" | "percent" | "count";
  value: (metrics: Metrics) => number | null;
  /** Why the figure can be missing (a key of the locale's `missing` messages). */
  missing: "no-questions" | "no-reflections" | "no-adherent" | null;
}

export const LIMITS: Readonly<Record<LimitId, LimitSpec>> = {
  "min-rq": { id: "min-rq", direction: "at-least", unit: "ratio", value: (m) => m.reflectionToQuestion, missing: "no-questions" },
  "min-open": { id: "min-open", direction: "at-least", unit: "percent", value: (m) => m.percentOpenQuestions, missing: "no-questions" },
  "min-complex": { id: "min-complex", direction: "at-least", unit: "percent", value: (m) => m.percentComplexReflections, missing: "no-reflections" },
  "max-persuade": { id: "max-persuade", direction: "at-most", unit: "count", value: (m) => m.counts.persuade, missing: null },
  "max-confront": { id: "max-confront", direction: "at-most", unit: "count", value: (m) => m.counts.confront, missing: null },
  "min-adherent-share": { id: "min-adherent-share", direction: "at-least", unit: "percent", value: (m) => m.percentMiAdherent, missing: "no-adherent" },
};

// The MITI levels set the four summary scores the manuals give thresholds for; the numbers
// come from the score stage's table so the report and the check never disagree.
const LEVEL_SOURCES: Partial<Record<LimitId, (typeof THRESHOLDS)[number]["id"]>> = {
  "min-rq": "reflectionToQuestion",
  "min-complex": "percentComplexReflections",
  "min-open": "percentOpenQuestions",
  "min-adherent-share": "percentMiAdherent",
};

export function levelLimits(level: LevelName): Limits {
  if (level === "basic") return { "max-persuade": 0, "max-confront": 0 };
  const limits: Limits = {};
  for (const [id, thresholdId] of Object.entries(LEVEL_SOURCES) as [LimitId, string][]) {
    const threshold = THRESHOLDS.find((t) => t.id === thresholdId)!;
    limits[id] = threshold[level];
  }
  return limits;
}

/** "≥ 1", "≥ 50%", "≤ 0": the bound as reports print it. */
export function describeBound(spec: LimitSpec, limit: number): string {
  return `${spec.direction === "at-least" ? "≥" : "≤"} ${formatFigure(spec, limit)}`;
}

export function formatFigure(spec: Pick<LimitSpec, "unit">, value: number): string {
  if (spec.unit === "percent") return `${Number(value.toFixed(1))}%`;
  if (spec.unit === "ratio") return value.toFixed(2);
  return String(value);
}

/** Check a value given on the command line or in a config file; returns a problem or null. */
export function limitProblem(id: LimitId, value: number): string | null {
  const spec = LIMITS[id];
  if (!Number.isFinite(value) || value < 0) return `${id} takes a number of 0 or more (got ${value})`;
  if (spec.unit === "percent") {
    if (value > 100) return `${id} takes a percentage from 0 to 100 (got ${value})`;
    // 0.5 almost always means 50%, and a 0.5% bar is never meant: refuse rather than guess.
    if (value > 0 && value < 1) return `${id} takes a percentage from 0 to 100 (got ${value}; for ${value * 100}% write ${value * 100})`;
  }
  if (spec.unit === "count" && !Number.isInteger(value)) return `${id} takes a whole number of utterances (got ${value})`;
  return null;
}
