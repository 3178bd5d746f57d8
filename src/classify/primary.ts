// A turn's primary code: the behaviour a coder would name for the whole turn.
//
// Coders name a turn by what it does to the conversation, not by its first sentence. So the
// turn's codes are ranked and the highest present wins:
//   1. confront, persuade: MI-inconsistent moves are what a coder notes first;
//   2. a question (seek-collaboration asking permission counts here), as a turn that asks
//      hands the floor to the client ("So you feel stuck. What would help?" is a question);
//   3. a reflection or summary; 4. giving information or advice with permission;
//   5. affirm, emphasise autonomy, seek collaboration as statements; 6. other.
// Within one rank the last utterance wins: turns end on what they lead to.

import type { Code, Utterance } from "../types.js";

const RANK: Record<Code, number> = {
  confront: 1,
  persuade: 1,
  "open-question": 2,
  "closed-question": 2,
  summary: 3,
  "complex-reflection": 3,
  "simple-reflection": 3,
  "giving-information": 4,
  "persuade-with-permission": 4,
  affirm: 5,
  "emphasize-autonomy": 5,
  "seek-collaboration": 5,
  other: 6,
};

export function primaryCode(utterances: readonly Utterance[]): Code {
  let best: Utterance | null = null;
  for (const utterance of utterances) {
    if (!best || rank(utterance) <= rank(best)) best = utterance;
  }
  return best?.code ?? "other";
}

function rank(utterance: Utterance): number {
  // Seeking collaboration by asking ("Would it be okay if…?") behaves as a question in a turn.
  if (utterance.code === "seek-collaboration" && /\?\s*$/.test(utterance.text)) return 2;
  return RANK[utterance.code];
}
