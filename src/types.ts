// The data that flows through the pipeline, stage by stage:
// bytes → RawTranscript (read) → Transcript with roles (roles) → utterances (segment)
// → CodedTranscript (classify) → Metrics (score) → FileResult (analyze) → text (report).

import type { Diagnostic } from "./diagnostics.js";
import type { Language } from "./languages.js";

export type Format = "text" | "vtt" | "srt" | "json";
export type Role = "counsellor" | "client" | "other";

export const COUNSELLOR_CODES = [
  "open-question",
  "closed-question",
  "simple-reflection",
  "complex-reflection",
  "summary",
  "affirm",
  "seek-collaboration",
  "emphasize-autonomy",
  "giving-information",
  "persuade-with-permission",
  "persuade",
  "confront",
  "other",
] as const;
export type Code = (typeof COUNSELLOR_CODES)[number];

/** The usual MITI abbreviations, as coders write them. */
export const CODE_ABBREVIATIONS: Record<Code, string> = {
  "open-question": "OQ",
  "closed-question": "CQ",
  "simple-reflection": "SR",
  "complex-reflection": "CR",
  summary: "SUM",
  affirm: "AF",
  "seek-collaboration": "SEEK",
  "emphasize-autonomy": "EMP",
  "giving-information": "GI",
  "persuade-with-permission": "PWP",
  persuade: "PER",
  confront: "CON",
  other: "—",
};

/** The counsellor's own input: information and advice. */
export const INPUT_CODES = ["giving-information", "persuade-with-permission", "persuade"] as const satisfies readonly Code[];

/** Client talk (CLAMI): toward change, toward keeping things as they are, or neither. */
export const CLIENT_CODES = ["change-talk", "sustain-talk", "neutral"] as const;
export type ClientCode = (typeof CLIENT_CODES)[number];

/** What the talk is about (DARN-CAT), for change and sustain talk alike. */
export const TALK_SUBTYPES = ["desire", "ability", "reason", "need", "commitment", "activation", "taking-steps"] as const;
export type TalkSubtype = (typeof TALK_SUBTYPES)[number];

/** How coders abbreviate client talk (CLAMI): change talk, sustain talk, neutral (follow/neutral). */
export const CLIENT_CODE_ABBREVIATIONS: Record<ClientCode, string> = { "change-talk": "CT", "sustain-talk": "ST", neutral: "N" };

export function isClientCode(value: unknown): value is ClientCode {
  return typeof value === "string" && (CLIENT_CODES as readonly string[]).includes(value);
}

export function isCode(value: unknown): value is Code {
  return typeof value === "string" && (COUNSELLOR_CODES as readonly string[]).includes(value);
}

/** One stretch of speech by one speaker, as the reader found it. */
export interface RawTurn {
  speaker: string;
  text: string;
  /** 1-based line in the input where the turn starts. */
  line: number;
  /** Seconds from the start of the recording, when the format has timestamps. */
  start: number | null;
  end: number | null;
}

export interface RawTranscript {
  path: string;
  format: Format;
  encoding: string;
  turns: RawTurn[];
}

export interface Speaker {
  label: string;
  role: Role;
}

export interface Turn extends RawTurn {
  index: number;
  role: Role;
}

export interface Utterance {
  text: string;
  code: Code;
  /** The strongest rule of the code that held, or `<lang>.<code>.learned` (`not-coded` on other speakers' turns). */
  rule: string;
  /** `high` when the probability is at least the weights' calibrated cut. */
  confidence: "high" | "low";
  /** The learned layer's probability for the code (absent on uncoded client turns). */
  probability?: number;
  /** The features that pushed most toward the code, with their weights for it. */
  why?: { feature: string; weight: number }[];
}

/** A client utterance: its talk, and its DARN-CAT subtype when the rule that named it says one. */
export interface ClientUtterance extends Omit<Utterance, "code"> {
  code: ClientCode;
  subtype?: TalkSubtype;
}

export interface CodedTurn extends Turn {
  primary: Code;
  utterances: Utterance[];
  /** Client turns: each utterance's talk (counsellor turns keep theirs in `utterances`). */
  talk?: ClientUtterance[];
  /** Client turns: the turn's talk as a whole (change or sustain when an utterance is; the likelier when both). */
  turnTalk?: ClientCode;
}

export interface Flag {
  turn: number;
  line: number;
  start: number | null;
  speaker: string;
  code: Code;
  rule: string;
  /** The coded utterance's confidence: "low" when its probability is under the weights' confidence cut. */
  confidence: "high" | "low";
  text: string;
  /** A user's rule may bring its own words for why and what instead; bundled rules leave them to the locale. */
  ruleText?: { reason?: string; suggestion?: string };
}

export interface Metrics {
  counts: Record<Code, number>;
  /** Counsellor utterances coded, and how many of them with low confidence. */
  utterances: number;
  lowConfidence: number;
  questions: number;
  reflections: number;
  reflectionToQuestion: number | null;
  percentOpenQuestions: number | null;
  percentComplexReflections: number | null;
  miAdherent: number;
  miNonAdherent: number;
  percentMiAdherent: number | null;
  /** Client talk and the counsellor's answers to it, for one session (absent from pooled batch figures). */
  client?: ClientMetrics;
}

export interface FileResult {
  path: string;
  format: Format;
  encoding: string;
  /** The language the transcript was coded in (detected, or given with --lang). */
  language: Language;
  /** The language of the report's texts: flag reasons, check messages, headings (--locale). */
  locale: Language;
  speakers: Speaker[];
  turns: CodedTurn[];
  flags: Flag[];
  metrics: Metrics;
  /** Rendered at report time (renderDiagnostic), so --redact can act on their fields. */
  warnings: Diagnostic[];
}

export interface FileError {
  path: string;
  message: string;
  line?: number;
}

/** How every format labels the technical globals oars estimates (src/score/client.ts). */
export const ESTIMATE_NOTE = "estimated from codes, not rated by a listener";

/** Client talk of a session or a part of it. */
export interface TalkCounts {
  changeTalk: number;
  sustainTalk: number;
  /** CT / (CT + ST) in %, one decimal; null without change or sustain talk. */
  percentChangeTalk: number | null;
}

export interface Answered {
  /** Client turns with this talk. */
  turns: number;
  /** Of them, answered as the share counts. */
  answered: number;
  share: number | null;
}

export interface ClientMetrics extends TalkCounts {
  /** Client utterances coded (change, sustain, neutral). */
  utterances: number;
  neutral: number;
  /** The session cut in three by turn: first, middle, last third. */
  thirds: [TalkCounts, TalkCounts, TalkCounts];
  /** Change talk followed by a counsellor reflection or question. */
  cultivating: Answered;
  /** Sustain talk followed by a reflection rather than persuade or confront. */
  softening: Answered;
  /** MITI 4.2.1 technical globals, estimated from the codes (see ESTIMATE_NOTE). */
  estimated: {
    cultivatingChangeTalk: number | null;
    softeningSustainTalk: number | null;
    technical: number | null;
    note: typeof ESTIMATE_NOTE;
  };
  /** MITI's relational globals (partnership, empathy) need a listener: oars does not estimate them. */
  relational: { partnership: null; empathy: null; note: "not estimated" };
}
