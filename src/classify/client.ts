// Client coding (the classify stage for client turns): every client utterance gets change-talk, sustain-talk or neutral from the
// learned client model, with the strongest client rule of that code that held (or
// `<lang>.<code>.learned`), the rule's DARN-CAT subtype when a rule of the code named one, the
// probability and the features behind it. A client turn's talk as a whole: the likelier of its
// change and sustain utterances, else neutral (how AnnoMI labels a turn).

import type { TranscriptEvidence } from "../features/index.js";
import type { ClientModel } from "../learn/client-model.js";
import type { LanguagePack } from "../packs/pack.js";
import type { SegmentedTurn } from "../segment/index.js";
import type { ClientCode, ClientUtterance, CodedTurn } from "../types.js";
import { clientTranscriptEvidence, type ClientEvidence, type ClientTranscriptEvidence, type ReadingCache } from "../client/features.js";

/** Add client talk to coded turns (a new array; the turns given are not changed). */
export function codeClientTurns(coded: readonly CodedTurn[], segmented: readonly SegmentedTurn[], counsellor: TranscriptEvidence, pack: LanguagePack, model: ClientModel, readings?: ReadingCache): CodedTurn[] {
  return withClientTalk(coded, clientTranscriptEvidence(segmented, pack, counsellor, readings), pack, model);
}

export function withClientTalk(coded: readonly CodedTurn[], evidence: ClientTranscriptEvidence, pack: LanguagePack, model: ClientModel): CodedTurn[] {
  return coded.map((turn, t) => {
    const found = evidence[t];
    if (turn.role !== "client" || !found) return turn;
    const talk = found.map((e) => codeClientUtterance(e, pack, model));
    // Object.assign, not a spread: see withRoles (src/roles/assign.ts).
    return Object.assign({}, turn, { talk, turnTalk: turnTalkOf(talk) });
  });
}

export function codeClientUtterance(evidence: ClientEvidence, pack: LanguagePack, model: ClientModel): ClientUtterance {
  const { code, probability, why } = model.predict(evidence);
  const rule = evidence.hits.find((r) => r.code === code);
  const id = rule?.id ?? `${pack.language}.${code}.learned`;
  const confidence = probability >= model.confidenceCut ? "high" : "low";
  const rounded = Math.round(probability * 1000) / 1000;
  // Two literals rather than a spread of an optional subtype (the keys in the same order).
  return rule?.subtype
    ? { text: evidence.text, code, subtype: rule.subtype, rule: id, confidence, probability: rounded, why }
    : { text: evidence.text, code, rule: id, confidence, probability: rounded, why };
}

/** A turn's talk: its likeliest change or sustain utterance's code, else neutral. */
export function turnTalkOf(talk: readonly Pick<ClientUtterance, "code" | "probability">[]): ClientCode {
  let best: ClientCode = "neutral";
  let bestP = -1;
  for (const u of talk) {
    if (u.code !== "neutral" && (u.probability ?? 0) > bestP) {
      best = u.code;
      bestP = u.probability ?? 0;
    }
  }
  return best;
}
