// MITI thresholds. They are expert opinion, not validated cut-offs: reports say so and name
// each one's source.

import type { Metrics } from "../types.js";

export type ThresholdId = "reflectionToQuestion" | "percentComplexReflections" | "percentOpenQuestions" | "percentMiAdherent" | "miNonAdherent";

// Each threshold's name in reports is a locale message (src/locale: `scores`).
export interface Threshold {
  id: ThresholdId;
  fair: number;
  good: number;
  /** "at-least": higher is better; "at-most": lower is better. */
  direction: "at-least" | "at-most";
  source: string;
  unit: "ratio" | "percent" | "count";
}

export const THRESHOLDS: readonly Threshold[] = [
  { id: "reflectionToQuestion", fair: 1, good: 2, direction: "at-least", source: "MITI 4.2.1", unit: "ratio" },
  { id: "percentComplexReflections", fair: 40, good: 50, direction: "at-least", source: "MITI 4.2.1", unit: "percent" },
  { id: "percentOpenQuestions", fair: 50, good: 70, direction: "at-least", source: "MITI 3.1", unit: "percent" },
  { id: "percentMiAdherent", fair: 90, good: 100, direction: "at-least", source: "MITI 3.1", unit: "percent" },
  { id: "miNonAdherent", fair: 0, good: 0, direction: "at-most", source: "MITI 4.2.1", unit: "count" },
];

export type Level = "good" | "fair" | "below" | "n/a";

export function levelOf(threshold: Threshold, metrics: Metrics): Level {
  const value = metrics[threshold.id];
  if (value === null) return "n/a";
  if (threshold.direction === "at-least") return value >= threshold.good ? "good" : value >= threshold.fair ? "fair" : "below";
  return value <= threshold.good ? "good" : value <= threshold.fair ? "fair" : "below";
}
