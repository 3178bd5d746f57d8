// The features of client utterances, for the learned client model (src/learn/client-model.ts):
// which client rules hold (each one a feature keyed by its id without the language, so weights
// carry across languages), the utterance's form and place, what the counsellor just did (the
// counsellor rules' verdict on their last utterance: a question about change invites change
// talk, a reflection of sustain talk draws more of it), what the other utterances of the turn
// and the client's previous turn show, where in the session it stands, and the words.
//
// Cheap by design: client rules run over client turns only, and the counsellor's verdict is read
// from the counsellor evidence already made for counsellor coding.

import { allHits, Evidence, ruleKey, type TranscriptEvidence, type UtteranceEvidence } from "../features/index.js";
import { join } from "../features/names.js";
import { tokenOptions, viewOf, viewOfTokens, type TextView } from "../features/view.js";
import type { LanguagePack } from "../packs/pack.js";
import type { ClientRule } from "../packs/types.js";
import type { SegmentedTurn } from "../segment/index.js";
import type { ClientCode } from "../types.js";
import { clientHits, clientRuleMatches } from "./match.js";
import { tokenizeAgain } from "../pattern/tokens.js";

/** The evidence about one client utterance. */
export interface ClientEvidence {
  text: string;
  /** Every client rule that holds, highest priority first. */
  hits: ClientRule[];
  features: string[];
  /** The utterance's tokens, which its n-grams are made of (the model looks n-grams up by word). */
  tokens: readonly string[];
  /** Its unigrams and bigrams (ngramsOf), made when read. */
  readonly ngrams: string[];
}

/** Evidence for each turn: an array of utterances for a client turn, null for any other. */
export type ClientTranscriptEvidence = (ClientEvidence[] | null)[];

/** What the counsellor's last utterance before a client turn was, by the counsellor rules. */
export interface CounsellorCue {
  /** The highest-priority counsellor rule's code, or "none". */
  code: string;
  question: boolean;
  /** The talk the client rules find in the counsellor's words read as the client's own ("You're ready" → "I'm ready"), or "none". */
  mirrored: string;
}

const NO_COUNSELLOR: CounsellorCue = { code: "none", question: false, mirrored: "none" };

export function clientTranscriptEvidence(turns: readonly SegmentedTurn[], pack: LanguagePack, counsellor: TranscriptEvidence, readings: ReadingCache = new Map()): ClientTranscriptEvidence {
  let cue = NO_COUNSELLOR;
  let lastCounsellor: UtteranceEvidence | null = null;
  let previousTalk = "start";
  // The client's lean so far: change and sustain rule hits in the turns before (talk is sticky:
  // a client arguing for the status quo keeps doing so for a while).
  const lean = { change: 0, sustain: 0 };
  const last = Math.max(turns.length - 1, 1);
  return turns.map((turn, t) => {
    const found = counsellor[t];
    if (turn.role === "counsellor" && found && found.length > 0) {
      // Read lazily: only the counsellor's last line before a client turn is mirrored.
      lastCounsellor = found[found.length - 1]!;
      return null;
    }
    if (turn.role !== "client") return null;
    if (lastCounsellor) {
      cue = { code: lastCounsellor.hits[0]?.code ?? "none", question: lastCounsellor.features.includes("form:question-mark"), mirrored: mirroredTalk(lastCounsellor.tokens, pack) };
      lastCounsellor = null;
    }
    const third = t / last < 1 / 3 ? "1" : t / last < 2 / 3 ? "2" : "3";
    const leaning = lean.sustain > lean.change ? "sustain" : lean.change > lean.sustain ? "change" : "even";
    const evidence = clientTurnEvidence(turn.pieces, pack, cue, previousTalk, [`third:${third}`, `lean:${leaning}`], readings);
    previousTalk = strongestTalk(evidence);
    for (const e of evidence) for (const rule of e.hits) if (rule.code === "change-talk") lean.change++; else if (rule.code === "sustain-talk") lean.sustain++;
    cue = NO_COUNSELLOR;
    return evidence;
  });
}

/** The evidence for one coded client line with the counsellor's line before it (a MITI code set's client row). */
export function clientLineEvidence(before: string, text: string, pack: LanguagePack): ClientEvidence {
  return clientTurnEvidence([text], pack, counsellorCue(before, pack), "start", [])[0]!;
}

/** The counsellor rules' verdict on a counsellor line read alone. */
export function counsellorCue(text: string, pack: LanguagePack): CounsellorCue {
  const view = viewOf(text, pack);
  const hits = allHits(pack, view, { previousClient: null, recentClientStems: [], permission: false, index: 0, count: 1 });
  return { code: hits[0]?.code ?? "none", question: view.question, mirrored: mirroredTalk(view.tokens, pack) };
}

// The side of the strongest change or sustain rule that holds for the counsellor's words read
// through the pack's mirror: what a client's "Yeah." to it agrees with. Read from the tokens of
// the counsellor's view, mirrored word by word: the mirrored line is viewed from its tokens as
// tokenize would read them joined, not by making and tokenizing that text.
function mirroredTalk(tokens: readonly string[], pack: LanguagePack): string {
  if (pack.clientMirror.size === 0) return "none";
  let changed = false;
  const mirrored = tokens.map((t) => {
    const to = pack.clientMirror.get(t);
    if (to === undefined) return t;
    changed = true;
    return to;
  });
  if (!changed) return "none";
  const view = viewOfTokens(mirrored.join(" "), tokenizeAgain(mirrored, tokenOptions(pack)), pack);
  // The first change or sustain rule that holds, in clientHits' order: the neutral rules (the
  // backchannel one among the costliest to try) are not tried.
  for (const rule of pack.clientRulesFor(view)) if (rule.code !== "neutral" && clientRuleMatches(rule, view)) return rule.code;
  return "none";
}

/** What the words of one client utterance show, whatever its place: read once per distinct text. */
interface Reading {
  text: string;
  hits: ClientRule[];
  question: boolean;
  words: number;
  /** rule:, hit: and top: features. */
  ruleFeatures: string[];
  tokens: readonly string[];
}

/** Readings by text, for one transcript: "Yeah." and "Mm-hmm." are read once, however often said. */
export type ReadingCache = Map<string, Reading>;

function readingOf(text: string, pack: LanguagePack, cache: ReadingCache): Reading {
  let reading = cache.get(text);
  if (!reading) cache.set(text, (reading = readingFrom(viewOf(text, pack), pack)));
  return reading;
}

function readingFrom(view: TextView, pack: LanguagePack): Reading {
  const hits = clientHits(pack, view);
  const ruleFeatures = [...hits.map((rule) => `rule:${ruleKey(rule.id)}`), ...new Set(hits.map((rule) => `hit:${rule.code}`)), `top:${hits[0]?.code ?? "none"}`];
  return { text: view.text, hits, question: view.question, words: view.words, ruleFeatures, tokens: view.tokens };
}

/**
 * Keeps the reading of a client turn said as one utterance (most are: "Yeah.", one sentence)
 * from the view the counsellor pass made of the turn (transcriptEvidence's ClientViewHook):
 * the same text makes the same view, so it is not made again for client talk.
 */
export function rememberReading(view: TextView, turn: SegmentedTurn, pack: LanguagePack, cache: ReadingCache): void {
  if (turn.pieces.length !== 1 || turn.pieces[0] !== view.text || cache.has(view.text)) return;
  cache.set(view.text, readingFrom(view, pack));
}

function clientTurnEvidence(pieces: readonly string[], pack: LanguagePack, cue: CounsellorCue, previousTalk: string, extra: readonly string[], cache: ReadingCache = new Map()): ClientEvidence[] {
  const views = pieces.map((text) => readingOf(text, pack, cache));
  const hits = views.map((view) => view.hits);
  const sides = hits.map((h) => ({ change: h.some((r) => r.code === "change-talk"), sustain: h.some((r) => r.code === "sustain-talk") }));
  // Counted once, so "elsewhere in the turn" stays linear in a turn of thousands of utterances.
  const total = { change: sides.filter((x) => x.change).length, sustain: sides.filter((x) => x.sustain).length };
  const count = views.length;
  return views.map((view, index): ClientEvidence => {
    const own = hits[index]!;
    const elsewhere = (side: "change" | "sustain") => total[side] - (sides[index]![side] ? 1 : 0) > 0;
    // Names joined once each (features/names.ts): the model looks every one up.
    const length = lengthBucket(view.words);
    const after = join("after:", cue.code);
    const mirror = join("mirror:", cue.mirrored);
    const features = [
      "bias",
      ...view.ruleFeatures,
      view.question ? "form:question-mark" : "form:statement",
      join("len:", length),
      count === 1 ? "pos:only" : index === 0 ? "pos:first" : index === count - 1 ? "pos:last" : "pos:middle",
      ...(elsewhere("change") ? ["turn:change-elsewhere"] : []),
      ...(elsewhere("sustain") ? ["turn:sustain-elsewhere"] : []),
      after,
      ...(cue.question ? ["after:question-mark"] : []),
      mirror,
      join(join(mirror, "|len:"), length),
      join(join(after, "|len:"), length),
      join("prev-talk:", previousTalk),
      ...extra,
    ];
    return new Evidence(view.text, own, features, view.tokens);
  });
}

// The client's previous turn as its rules read it: the side of its strongest rule, if any.
function strongestTalk(evidence: readonly ClientEvidence[]): string {
  let best: ClientRule | null = null;
  for (const e of evidence) for (const rule of e.hits) if (rule.code !== "neutral" && (!best || rule.priority > best.priority)) best = rule;
  return (best?.code as ClientCode | undefined) ?? "neutral";
}

function lengthBucket(words: number): string {
  return words <= 2 ? "1-2" : words <= 5 ? "3-5" : words <= 10 ? "6-10" : words <= 20 ? "11-20" : "21+";
}

