// The flag stage: utterances a supervisor would want to talk about (persuading without
// permission, confronting), each with why it was flagged and what to say instead, in the
// report's locale (src/locale); a user's rule may bring its own words (`reason`, `suggestion`).

import { flagText, type Messages } from "../locale/messages.js";
import type { Rule } from "../packs/types.js";
import type { Code, CodedTurn, Flag } from "../types.js";

export const FLAGGED_CODES: ReadonlySet<Code> = new Set(["persuade", "confront"]);

export function flagTurns(turns: readonly CodedTurn[], rulesById: ReadonlyMap<string, Rule>, messages: Messages): Flag[] {
  const flags: Flag[] = [];
  for (const turn of turns) {
    if (turn.role !== "counsellor") continue;
    for (const utterance of turn.utterances) {
      if (!FLAGGED_CODES.has(utterance.code)) continue;
      const rule = rulesById.get(utterance.rule);
      const { reason, suggestion } = flagText(messages, utterance.rule, utterance.code, rule);
      flags.push({
        turn: turn.index,
        line: turn.line,
        start: turn.start,
        speaker: turn.speaker,
        code: utterance.code,
        rule: utterance.rule,
        text: utterance.text,
        reason,
        suggestion,
      });
    }
  }
  return flags;
}
