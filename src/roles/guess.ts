// Guessing the counsellor when no speaker label names a role (real exports label speakers by
// name). The guess reads what counsellors do, not who talks most:
//   - they address the other person: "you" words outweigh "I" words in what they say, while a
//     client talks about themselves (the strongest sign in the AnnoMI sessions);
//   - they ask and reflect: the share of their turns the rules code as a question, a
//     reflection or a summary when read as the counsellor's (reflection rules measure how much
//     an utterance echoes the other's recent words, so echoing counts here);
//   - they usually open the session.
// Who speaks less was measured too and left out: in the AnnoMI development sessions the
// counsellor says more words a turn than the client in 54 of 90, so it points the wrong way
// more often than the right one. Every score is relative to the other speakers in the same session.

import type { LanguagePack } from "../packs/pack.js";
import { tokenize } from "../pattern/tokens.js";
import type { Code, RawTurn } from "../types.js";

/**
 * The codes the rules would give `text` if its speaker were the counsellor, just after the
 * other speaker said `previous`. Given by the caller (the classify stage sits above roles).
 */
export type CounsellorReading = (text: string, previous: string | null) => readonly Code[];

export interface SpeakerEvidence {
  label: string;
  /** ("you" words − "I" words) per word spoken. */
  addressing: number;
  /** Turns with a question, plus turns with a reflection or summary, per turn of the speaker (0–2). */
  asksOrReflects: number;
  speaksFirst: boolean;
  /** The weighted sum of the above: the higher, the more counsellor-like. */
  score: number;
}

export interface CounsellorGuess {
  counsellor: string;
  /** How sure the guess is, 0.5 (a coin toss) to 1. */
  sureness: number;
  /** True when the runner-up is close enough that the guess may well be wrong. */
  close: boolean;
  evidence: SpeakerEvidence[];
}

// Scales that make one unit of each feature about equally telling (from the AnnoMI dev
// sessions: counsellors' addressing is typically +0.05 and clients' −0.10; asking or
// reflecting turns 0.6 against 0.3).
const ADDRESSING_SCALE = 0.03;
const ASKING_SCALE = 0.3;
const FIRST_SPEAKER_BONUS = 0.5;
/** A margin under this is "close": the guess is stated as uncertain. */
const CLOSE_MARGIN = 1.5;

const QUESTION_CODES: ReadonlySet<Code> = new Set(["open-question", "closed-question"]);
const REFLECTION_CODES: ReadonlySet<Code> = new Set(["simple-reflection", "complex-reflection", "summary"]);

/** The candidate who behaves most like a counsellor, and how clear that is. */
export function guessCounsellor(turns: readonly RawTurn[], candidates: readonly string[], pack?: LanguagePack, read?: CounsellorReading): CounsellorGuess {
  const evidence = candidates.map((label) => measure(label, turns, pack, read));
  const ranked = [...evidence].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const margin = ranked.length > 1 ? best.score - ranked[1]!.score : Infinity;
  const sureness = margin === Infinity ? 1 : 1 / (1 + Math.exp(-margin));
  return { counsellor: best.label, sureness, close: margin < CLOSE_MARGIN, evidence };
}

function measure(label: string, turns: readonly RawTurn[], pack: LanguagePack | undefined, read: CounsellorReading | undefined): SpeakerEvidence {
  const you = new Set(singleWords(pack?.lists.get("second-person")));
  const me = new Set(singleWords(pack?.lists.get("first-person")));
  let words = 0;
  let addressing = 0;
  let ownTurns = 0;
  let asking = 0;
  let previous: string | null = null;
  for (const turn of turns) {
    if (turn.speaker !== label) {
      previous = turn.text;
      continue;
    }
    ownTurns++;
    if (pack) {
      for (const token of tokenize(turn.text, { disfluencies: pack.disfluencies, keep: pack.questionWords, spellings: pack.spellings })) {
        if (!/[\p{L}\p{N}]/u.test(token)) continue;
        words++;
        if (you.has(token)) addressing++;
        else if (me.has(token)) addressing--;
      }
    }
    if (!read) {
      if (turn.text.includes("?")) asking++;
      continue;
    }
    const codes = read(turn.text, previous);
    // A turn that asks and reflects counts twice: doing both is what counsellors do.
    if (codes.some((code) => QUESTION_CODES.has(code))) asking++;
    if (codes.some((code) => REFLECTION_CODES.has(code))) asking++;
  }
  const perWord = words > 0 ? addressing / words : 0;
  const share = ownTurns > 0 ? asking / ownTurns : 0;
  const speaksFirst = turns[0]?.speaker === label;
  const score = perWord / ADDRESSING_SCALE + share / ASKING_SCALE + (speaksFirst ? FIRST_SPEAKER_BONUS : 0);
  return { label, addressing: perWord, asksOrReflects: share, speaksFirst, score };
}

function singleWords(list: readonly string[] | undefined): string[] {
  return (list ?? []).filter((word) => !word.includes(" "));
}
