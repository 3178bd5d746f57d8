// A human coding to compare oars with, whatever file it came from: turn by turn, with the
// labels AnnoMI uses (main behaviour, open/closed, simple/complex, advice), and the MITI codes
// themselves when the reference has them.

import type { Code } from "../types.js";

export type Behaviour = "question" | "reflection" | "therapist_input" | "other";

export interface GoldTurn {
  transcript: string;
  /** 0-based index of the turn in the transcript. */
  turn: number;
  role: "counsellor" | "client";
  text: string;
  behaviour?: Behaviour;
  question?: "open" | "closed" | null;
  reflection?: "simple" | "complex" | null;
  input?: "information" | "advice" | "negotiation" | "options" | null;
  /** The turn's primary MITI code, when the reference gives codes (a trainer's table). */
  primary?: Code;
  /** Every MITI code the reference gives the turn, when it gives codes (a trainer's table). */
  codes?: Code[];
  /** The codes row by row, when the reference codes each utterance on its own row (a trainer's table from `oars review`). */
  rows?: { text: string; codes: Code[] }[];
  /** Client turns: the talk the reference gives the turn (AnnoMI `talk`; a table's CT/ST/FN). */
  talk?: "change" | "neutral" | "sustain";
  /**
   * The talk comes from several coded rows (the more frequent of change and sustain, change on
   * a tie): oars' turn is then read from its utterances by the same rule, not by its likeliest utterance.
   */
  talkByRows?: boolean;
  /** Client turns of a table: each row's text and talk (none when the row is not coded), for `oars train --client`. */
  talkRows?: { text: string; talk?: "change" | "neutral" | "sustain" }[];
  /** Line in the reference file where the turn starts, for messages. */
  line?: number;
}

export interface GoldCorpus {
  turns: Map<string, GoldTurn[]>;
  quality: Map<string, "high" | "low">;
  /** The recording each transcript was cut from (AnnoMI `source`): cross-validation keeps one source in one fold. */
  sources: Map<string, string>;
  /**
   * False when the reference does not say which transcript it codes (a table without a
   * transcript column): it then stands for the one transcript compared with it.
   */
  namesTranscripts: boolean;
  /** What the reader went past without stopping, each as `file:line: message` (a trainer's table), for standard error. */
  warnings?: string[];
}
