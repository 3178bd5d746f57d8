// The score stage: MITI summary scores from the utterance codes (../shared docs, MITI 4.2.1
// and 3.1). A ratio without a denominator is null, never NaN or Infinity.

import { COUNSELLOR_CODES, type Code, type CodedTurn, type Metrics } from "../types.js";

export function scoreTurns(turns: readonly CodedTurn[]): Metrics {
  const counts = zeroCounts();
  for (const turn of turns) {
    if (turn.role !== "counsellor") continue;
    for (const utterance of turn.utterances) counts[utterance.code]++;
  }
  return metricsFromCounts(counts);
}

/** The summary scores of a set of code counts (one session's, or a batch's pooled). */
export function metricsFromCounts(counts: Record<Code, number>): Metrics {
  const questions = counts["open-question"] + counts["closed-question"];
  const reflections = counts["simple-reflection"] + counts["complex-reflection"] + counts.summary;
  const miAdherent = counts["seek-collaboration"] + counts.affirm + counts["emphasize-autonomy"];
  const miNonAdherent = counts.persuade + counts.confront;
  return {
    counts: { ...counts },
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
