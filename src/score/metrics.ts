// The score stage: MITI summary scores from the utterance codes (../shared docs, MITI 4.2.1
// and 3.1). A ratio without a denominator is null, never NaN or Infinity.

import { clientMetrics } from "./client.js";
import { COUNSELLOR_CODES, type Code, type CodedTurn, type Metrics } from "../types.js";

/**
 * Codes a coder counts once per turn however many sentences they run to: a summary gathers
 * several things the client said, and "So let me summarize. You… And you…" is one summary.
 * Every other code is counted per utterance (one complete thought), as MITI 4.2.1 counts it.
 */
export const ONCE_PER_TURN: ReadonlySet<Code> = new Set(["summary"]);

/** The behaviour counts of one counsellor turn (see ONCE_PER_TURN). */
export function turnCounts(utterances: readonly { code: Code }[], into: Record<Code, number> = zeroCounts()): Record<Code, number> {
  const seen = new Set<Code>();
  for (const { code } of utterances) {
    if (ONCE_PER_TURN.has(code) && seen.has(code)) continue;
    seen.add(code);
    into[code]++;
  }
  return into;
}

export function scoreTurns(turns: readonly CodedTurn[]): Metrics {
  const counts = zeroCounts();
  const confidence: Confidence = { utterances: 0, lowConfidence: 0 };
  for (const turn of turns) {
    if (turn.role !== "counsellor") continue;
    turnCounts(turn.utterances, counts);
    confidence.utterances += turn.utterances.length;
    for (const u of turn.utterances) if (u.confidence === "low") confidence.lowConfidence++;
  }
  return { ...metricsFromCounts(counts, confidence), client: clientMetrics(turns) };
}

/** How many counsellor utterances were coded, and how many with low confidence. */
export type Confidence = Pick<Metrics, "utterances" | "lowConfidence">;

/** The summary scores of a set of code counts (one session's, or a batch's pooled). */
export function metricsFromCounts(counts: Record<Code, number>, confidence: Confidence = { utterances: 0, lowConfidence: 0 }): Metrics {
  const questions = counts["open-question"] + counts["closed-question"];
  const reflections = counts["simple-reflection"] + counts["complex-reflection"] + counts.summary;
  const miAdherent = counts["seek-collaboration"] + counts.affirm + counts["emphasize-autonomy"];
  const miNonAdherent = counts.persuade + counts.confront;
  return {
    counts: { ...counts },
    utterances: confidence.utterances,
    lowConfidence: confidence.lowConfidence,
    questions,
    reflections,
    reflectionToQuestion: ratio(reflections, questions),
    percentOpenQuestions: percent(counts["open-question"], questions),
    percentComplexReflections: percent(counts["complex-reflection"], counts["simple-reflection"] + counts["complex-reflection"]),
    miAdherent,
    miNonAdherent,
    percentMiAdherent: percent(miAdherent, miAdherent + miNonAdherent),
  };
}

export function zeroCounts(): Record<Code, number> {
  return Object.fromEntries(COUNSELLOR_CODES.map((code) => [code, 0])) as Record<Code, number>;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator, 2);
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : round((100 * part) / whole, 1);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
