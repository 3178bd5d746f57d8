// The classify stage: every counsellor utterance gets the code the learned layer gives it from
// its evidence (src/features: every rule that holds, and the general features), with its
// probability and the features behind it; the turn's primary code comes from the learned
// primary step. The utterance's `rule` is the strongest rule of its code that held, or
// `<lang>.<code>.learned` when none of that code did.

import { transcriptEvidence, type TranscriptEvidence, type UtteranceEvidence } from "../features/index.js";
import type { CodeModel } from "../learn/model.js";
import type { ClientModel } from "../learn/client-model.js";
import { codeClientTurns } from "./client.js";
import { rememberReading, type ReadingCache } from "../client/features.js";
import type { LanguagePack } from "../packs/pack.js";
import type { SegmentedTurn } from "../segment/index.js";
import type { Code, CodedTurn, Utterance } from "../types.js";

export { RECENT_CLIENT_TURNS } from "../features/index.js";

/** Rule id on client and other speakers' utterances, which are not coded yet. */
export const NOT_CODED = "not-coded";

/** The rule id an utterance names when no rule of its code held: the weights alone chose the code. */
export const LEARNED = (language: string, code: Code) => `${language}.${code}.learned`;

export function codeTurns(turns: SegmentedTurn[], pack: LanguagePack, model: CodeModel, clientModel: ClientModel | null = null): CodedTurn[] {
  // Client turns said as one utterance are read for client talk from the views the counsellor
  // pass makes of them (a client turn's view is ~a tenth of all views made).
  const readings: ReadingCache = new Map();
  const evidence = transcriptEvidence(turns, pack, clientModel ? (view, turn) => rememberReading(view, turn, pack, readings) : undefined);
  const coded = decodeTurns(turns, evidence, pack, model);
  // Client talk (src/client) reads the counsellor evidence for what the counsellor just did.
  return clientModel ? codeClientTurns(coded, turns, evidence, pack, clientModel, readings) : coded;
}

/** Code turns whose evidence is already known (training and cross-validation reuse it). */
export function decodeTurns(turns: readonly SegmentedTurn[], evidence: TranscriptEvidence, pack: LanguagePack, model: CodeModel): CodedTurn[] {
  return turns.map((turn, t) => {
    const found = evidence[t];
    if (turn.role === "counsellor" && found) {
      const utterances = found.map((e) => codeUtterance(e, pack, model));
      const primary = utterances[model.primaryIndex(utterances.map((u) => u.code))]?.code ?? "other";
      // Object.assign, not a spread: see withRoles (src/roles/assign.ts).
      return Object.assign({}, turn, { primary, utterances });
    }
    const utterances = turn.pieces.map((text): Utterance => ({ text, code: "other", rule: NOT_CODED, confidence: "high" }));
    return Object.assign({}, turn, { primary: "other" as const, utterances });
  });
}

export function codeUtterance(evidence: UtteranceEvidence, pack: LanguagePack, model: CodeModel): Utterance {
  const { code, probability, why } = model.predict(evidence);
  const rule = evidence.hits.find((r) => r.code === code)?.id ?? LEARNED(pack.language, code);
  return {
    text: evidence.text,
    code,
    rule,
    confidence: probability >= model.confidenceCut ? "high" : "low",
    probability: Math.round(probability * 1000) / 1000,
    why,
  };
}
