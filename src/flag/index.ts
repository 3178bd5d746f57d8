// The flag stage: utterances a supervisor would want to talk about (persuading without
// permission, confronting). A flag names its rule and code; why it was flagged and what to say
// instead are rendered by the report in its locale (src/report/words.ts). A user's rule may
// bring its own words (`reason`, `suggestion`), carried along as they are.

import type { Rule } from "../packs/types.js";
import type { Code, CodedTurn, Flag } from "../types.js";

export const FLAGGED_CODES: ReadonlySet<Code> = new Set(["persuade", "confront"]);

export function flagTurns(turns: readonly CodedTurn[], rulesById: ReadonlyMap<string, Rule>): Flag[] {
  const flags: Flag[] = [];
  for (const turn of turns) {
    if (turn.role !== "counsellor") continue;
    for (const utterance of turn.utterances) {
      if (!FLAGGED_CODES.has(utterance.code)) continue;
      const rule = rulesById.get(utterance.rule);
      const ruleText = rule?.reason !== undefined || rule?.suggestion !== undefined ? { reason: rule.reason, suggestion: rule.suggestion } : undefined;
      flags.push({
        turn: turn.index,
        line: turn.line,
        start: turn.start,
        speaker: turn.speaker,
        code: utterance.code,
        rule: utterance.rule,
        confidence: utterance.confidence,
        text: utterance.text,
        ...(ruleText ? { ruleText } : {}),
      });
    }
  }
  return flags;
}
