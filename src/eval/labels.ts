// What a reference says about each utterance, as the set of codes it allows (partial labels).
//
// AnnoMI labels a turn, not its utterances, and with four behaviours and some subtypes, so an
// utterance may be any code its turn's labels allow (the mapping of
// ../shared/corpus/annomi/README.md read backwards):
//   question open → open-question; closed → closed-question (AnnoMI also counts seek-
//     collaboration and emphasize-autonomy asked as a question, but allowing them here lets the
//     rare codes soak up plain questions; the code sets teach them);
//   reflection simple → simple-reflection; complex → complex-reflection (summary too in a
//     turn of several utterances, where summaries stand);
//   input information → giving-information; advice → persuade, persuade-with-permission;
//     negotiation, options → giving-information, persuade-with-permission, persuade,
//     seek-collaboration; therapist input without a subtype → those and confront;
//   other → affirm, seek-collaboration, emphasize-autonomy, other.
// A one-utterance turn takes the set of its main behaviour; in a longer turn an utterance may
// carry any of the turn's labels, or be one of the 'other' group (an "Okay." before a question).
// A reference that names MITI codes per turn (a trainer's table) allows those codes; when its
// rows are the turn's utterances (as `oars review` writes them), each utterance its row's.

import type { GoldTurn } from "./types.js";
import type { Code } from "../types.js";

const OTHER_GROUP: readonly Code[] = ["affirm", "seek-collaboration", "emphasize-autonomy", "other"];

export interface AllowedCodes {
  allowed: Code[];
  /**
   * The reference speaks to this utterance alone: a one-utterance turn, or a table row that is
   * the utterance. Only such labels calibrate the confidence cut; in a longer turn an utterance
   * may be almost any code, so agreeing with the turn's labels says little.
   */
  alone: boolean;
}

export function allowedCodes(gold: GoldTurn, pieces: readonly string[]): AllowedCodes[] {
  // A table that codes each utterance on its own row, its rows the turn's utterances: each
  // utterance takes its own row's codes, not the whole turn's.
  const rows = gold.rows;
  if (rows && rows.length === pieces.length && rows.every((row, i) => sameText(row.text, pieces[i]!))) {
    return rows.map((row) => ({ allowed: [...new Set(row.codes)], alone: true }));
  }
  if (gold.codes && gold.codes.length > 0) {
    const allowed = [...new Set(gold.codes)];
    return pieces.map(() => ({ allowed, alone: pieces.length === 1 }));
  }
  const single = pieces.length === 1;
  return pieces.map(() => {
    if (single) {
      const allowed = behaviourCodes(gold, false);
      return { allowed, alone: true };
    }
    const union = new Set<Code>([...behaviourCodes(gold, true), ...OTHER_GROUP]);
    if (gold.question) union.add(gold.question === "open" ? "open-question" : "closed-question");
    if (gold.reflection) for (const c of reflectionCodes(gold.reflection, true)) union.add(c);
    if (gold.input) for (const c of inputCodes(gold.input)) union.add(c);
    return { allowed: [...union], alone: false };
  });
}

export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
}

function behaviourCodes(gold: GoldTurn, several: boolean): Code[] {
  switch (gold.behaviour) {
    case "question":
      return gold.question ? [gold.question === "open" ? "open-question" : "closed-question"] : ["open-question", "closed-question"];
    case "reflection":
      return gold.reflection ? reflectionCodes(gold.reflection, several) : ["simple-reflection", "complex-reflection", "summary"];
    case "therapist_input":
      return gold.input ? inputCodes(gold.input) : ["giving-information", "persuade-with-permission", "persuade", "confront"];
    default:
      return [...OTHER_GROUP];
  }
}

function reflectionCodes(kind: "simple" | "complex", several: boolean): Code[] {
  // "complex" marks a turn with any complex reflection, so in a longer turn a simple one may stand beside it.
  if (kind === "simple") return several ? ["simple-reflection", "summary"] : ["simple-reflection"];
  return several ? ["complex-reflection", "simple-reflection", "summary"] : ["complex-reflection"];
}

function inputCodes(kind: NonNullable<GoldTurn["input"]>): Code[] {
  switch (kind) {
    case "information":
      return ["giving-information"];
    case "advice":
      return ["persuade", "persuade-with-permission"];
    default:
      return ["giving-information", "persuade-with-permission", "persuade", "seek-collaboration"];
  }
}
