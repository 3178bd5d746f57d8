// Client talk per session (CLAMI counts) and how the counsellor answers it, with MITI 4.2.1's
// two technical global ratings estimated from those figures. The estimates are labelled as
// such in every format: MITI's globals are rated by a listener over the whole session, and
// these only read the codes (README "Client talk").
//
// The formula (documented in the README; a test pins it):
//   cultivating share = client turns with change talk that the counsellor's next turn answers
//                       with a reflection or a question, ÷ client turns with change talk
//   softening share   = client turns with sustain talk that the counsellor's next turn answers
//                       with a reflection and neither persuade nor confront, ÷ those turns
//   (a client turn no counsellor turn follows, as at the end of a session, is left out of both:
//   the counsellor had no chance to answer it)
//   Cultivating Change Talk ≈ 1 + 4 × cultivating share, rounded to a whole score (1–5)
//   Softening Sustain Talk  ≈ 1 + 4 × softening share, rounded likewise
//   technical global ≈ their mean (MITI 4.2.1: fair 3, good 4), or the one there is
// A score is null when the session gives it nothing to read (no change, or no sustain talk,
// that the counsellor could answer).

import { ESTIMATE_NOTE, type Answered, type ClientCode, type ClientMetrics, type Code, type CodedTurn, type TalkCounts } from "../types.js";

export { ESTIMATE_NOTE };

const REFLECTIONS: ReadonlySet<Code> = new Set(["simple-reflection", "complex-reflection", "summary"]);
const QUESTIONS: ReadonlySet<Code> = new Set(["open-question", "closed-question"]);
const PUSHING: ReadonlySet<Code> = new Set(["persuade", "confront"]);

export function clientMetrics(turns: readonly CodedTurn[]): ClientMetrics {
  const all = { change: 0, sustain: 0, neutral: 0 };
  const thirds = [0, 1, 2].map(() => ({ change: 0, sustain: 0 }));
  const cultivating = { turns: 0, answered: 0 };
  const softening = { turns: 0, answered: 0 };
  const lastCounsellor = turns.map((turn) => turn.role).lastIndexOf("counsellor");
  turns.forEach((turn, t) => {
    if (turn.role !== "client" || !turn.talk) return;
    const third = thirds[Math.min(2, Math.floor((3 * t) / turns.length))]!;
    const has = { change: false, sustain: false };
    for (const u of turn.talk) {
      const side = sideOf(u.code);
      all[side]++;
      if (side !== "neutral") {
        third[side]++;
        has[side] = true;
      }
    }
    // No counsellor turn after it (the session ends on the client): nothing could answer it.
    if ((!has.change && !has.sustain) || t > lastCounsellor) return;
    const answer = nextCounsellorCodes(turns, t);
    if (has.change) {
      cultivating.turns++;
      if (answer.some((c) => REFLECTIONS.has(c) || QUESTIONS.has(c))) cultivating.answered++;
    }
    if (has.sustain) {
      softening.turns++;
      if (answer.some((c) => REFLECTIONS.has(c)) && !answer.some((c) => PUSHING.has(c))) softening.answered++;
    }
  });
  const cultivate = answered(cultivating);
  const soften = answered(softening);
  const cct = globalEstimate(cultivate.share);
  const sst = globalEstimate(soften.share);
  const present = [cct, sst].filter((x): x is number => x !== null);
  return {
    ...talkCounts(all.change, all.sustain),
    utterances: all.change + all.sustain + all.neutral,
    neutral: all.neutral,
    thirds: thirds.map((x) => talkCounts(x.change, x.sustain)) as ClientMetrics["thirds"],
    cultivating: cultivate,
    softening: soften,
    estimated: {
      cultivatingChangeTalk: cct,
      softeningSustainTalk: sst,
      technical: present.length === 0 ? null : Math.round((10 * present.reduce((a, b) => a + b, 0)) / present.length) / 10,
      note: ESTIMATE_NOTE,
    },
    relational: { partnership: null, empathy: null, note: "not estimated" },
  };
}

/** A technical global (1–5) from the share of talk answered well: 1 + 4 × share, rounded. */
export function globalEstimate(share: number | null): number | null {
  return share === null ? null : Math.round(1 + 4 * share);
}

function sideOf(code: ClientCode): "change" | "sustain" | "neutral" {
  return code === "change-talk" ? "change" : code === "sustain-talk" ? "sustain" : "neutral";
}

// The codes of the counsellor's first turn after client turn t (other speakers skipped).
function nextCounsellorCodes(turns: readonly CodedTurn[], t: number): Code[] {
  for (let i = t + 1; i < turns.length; i++) {
    const turn = turns[i]!;
    if (turn.role === "counsellor") return turn.utterances.map((u) => u.code);
    if (turn.role === "client") return [];
  }
  return [];
}

/** Change and sustain talk counts with their % change talk (also the pooled figure of a batch). */
export function talkCounts(change: number, sustain: number): TalkCounts {
  return { changeTalk: change, sustainTalk: sustain, percentChangeTalk: change + sustain === 0 ? null : Math.round((1000 * change) / (change + sustain)) / 10 };
}

function answered(x: { turns: number; answered: number }): Answered {
  return { ...x, share: x.turns === 0 ? null : Math.round((100 * x.answered) / x.turns) / 100 };
}
