// What a language pack holds: settings, word lists and compiled rules (the compiled whole,
// with its indexes, is LanguagePack in pack.ts).

import type { ClientCode, Code, TalkSubtype } from "../types.js";
import type { EndingClasses, PatternVocabulary, WordLists } from "../pattern/parse.js";
import type { Pattern } from "../pattern/pattern.js";
import type { PatternTable } from "../pattern/table.js";
import type { Language } from "../languages.js";

/** What a pack's patterns may name: word lists (@name), ending classes (stem~name), and whether commas are optional. */
export interface Vocabulary extends PatternVocabulary {
  lists: WordLists;
  endings: EndingClasses;
  optionalCommas: boolean;
  /** The table the pack's patterns number their word sets in. */
  table: PatternTable;
}

export interface Conditions {
  /** The utterance ends with a question mark (true) or does not (false). */
  question?: boolean;
  /** Word count bounds (punctuation not counted). */
  minWords?: number;
  maxWords?: number;
  /** The client has given permission for advice, and it still holds. */
  permission?: boolean;
  /** Share of the utterance's content words that echo the client's recent turns (RECENT_CLIENT_TURNS). */
  minEcho?: number;
  maxEcho?: number;
  /** Where the utterance stands in its turn. */
  position?: "first" | "last" | "only" | "not-first" | "not-last";
  /** The utterance just before it in the same turn was coded one of these ("Let me sum up. You…"). */
  after?: Code[];
  /** The previous client turn matches one of these patterns. */
  client?: Pattern[];
  /**
   * The utterance says the opposite of the client's turn just before it (true) or not (false):
   * one of the two is negated and the other is not, and they share a content word
   * (src/features/match.ts `contradicts`).
   */
  contradicts?: boolean;
}

/**
 * The conditions with every key present, undefined where not set, always in this order. A rule
 * names only the conditions it sets, so the English rules' conditions came in 13 shapes, and
 * `conditionsHold` (features/match.ts), run for every rule the gate wakes on every utterance,
 * read each key through V8's megamorphic lookup; in one shape each read is a plain load (warm
 * library 1.07-1.11x). JSON leaves the undefined keys out, so the prebuilt packs are unchanged.
 */
export function fullConditions(when: Conditions): Conditions {
  return {
    question: when.question,
    minWords: when.minWords,
    maxWords: when.maxWords,
    permission: when.permission,
    minEcho: when.minEcho,
    maxEcho: when.maxEcho,
    position: when.position,
    after: when.after,
    client: when.client,
    contradicts: when.contradicts,
  };
}

/** Whether any condition is set. */
export function setsAnyCondition(when: Conditions): boolean {
  return Object.values(when).some((value) => value !== undefined);
}

export interface RuleExample {
  text: string;
  /** The client's previous turn, for rules that look back. */
  client?: string;
  /** The code of the utterance before it in the same turn. */
  after?: Code;
  permission?: boolean;
}

export interface Rule {
  id: string;
  code: Code;
  description: string;
  priority: number;
  confidence: "high" | "low";
  when: Conditions;
  patterns: Pattern[];
  unless: Pattern[];
  /** compromise match expressions; any one must match (part-of-speech help). */
  nlp: string[];
  /** Matching this rule counts as asking the client's permission to advise. */
  asksPermission: boolean;
  /**
   * A low-confidence fallback may yield to its turn: when another utterance of the same turn
   * is the counsellor's input (information or advice), this one is coded with this code too,
   * as coders read a statement inside an explanation as part of it.
   */
  inInputTurn?: Code;
  /** Why a flagged utterance was flagged, for the report; defaults to the description. */
  reason?: string;
  /** An MI-consistent alternative, shown with flagged lines. */
  suggestion?: string;
  examples: { match: RuleExample[]; noMatch: RuleExample[] };
  file: string;
  line: number;
}

/** The settings and word lists of a pack's language.yaml, compiled. */
export interface PackSettings extends Vocabulary {
  language: Language;
  name: string;
  abbreviations: ReadonlySet<string>;
  disfluencies: ReadonlySet<string>;
  /** Words skipped before `^` ("okay, so, um, what…"); entries may be several words. */
  leadFillers: readonly (readonly string[])[];
  /** Words that carry no content, left out when measuring echo of the client. */
  stopwords: ReadonlySet<string>;
  /** Client replies that grant or refuse permission, or ask for advice. */
  consent: Pattern[];
  refusal: Pattern[];
  asksAdvice: Pattern[];
  /** How many counsellor turns permission lasts once granted. */
  permissionTurns: number;
  /** Words typed without their apostrophe, read as the rules spell them ("dont" → "don't"). */
  spellings: ReadonlyMap<string, string>;
  lists: WordLists;
  endings: EndingClasses;
  /** The whole words every pattern of the pack tests for, each set stored once. */
  table: PatternTable;
}

/** A pack being put together: its settings, and rules still to be added or adjusted. */
export interface PackDraft extends PackSettings {
  rules: Rule[];
  /** Rules for client talk (client.yaml), a set of their own. */
  clientRules: ClientRule[];
  /** Counsellor words for the client → the client's own (client.yaml `mirror`). */
  clientMirror: Map<string, string>;
}

/**
 * A client rule (rules/<lang>/client.yaml): words that show change talk, sustain talk or
 * neutral talk. Kept apart from the counsellor rules: counsellor coding never sees them, and
 * client coding never sees the counsellor's.
 */
export interface ClientRule {
  id: string;
  code: ClientCode;
  /** The DARN-CAT kind the words show, for change and sustain talk. */
  subtype: TalkSubtype | null;
  description: string;
  priority: number;
  when: Pick<Conditions, "question" | "minWords" | "maxWords">;
  patterns: Pattern[];
  unless: Pattern[];
  examples: { match: { text: string }[]; noMatch: { text: string }[] };
  file: string;
  line: number;
}
