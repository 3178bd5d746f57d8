// The classify stage: every counsellor utterance gets exactly one code from the highest-priority
// rule that holds (ties: the rule loaded first), or `other` when none does. The stage also
// tracks the context rules may ask for: the client's last turn and whether the client has
// agreed to hear advice.

import type { LanguagePack } from "../packs/pack.js";
import type { Rule } from "../packs/types.js";
import type { SegmentedTurn } from "../segment/index.js";
import { INPUT_CODES, type Code, type CodedTurn, type Utterance } from "../types.js";
import { ruleMatches, type UtteranceContext } from "./match.js";
import { primaryCode } from "./primary.js";
import { viewOf, type TextView } from "./view.js";

/** Rule id given when no rule holds. */
export const NO_RULE = (language: string) => `${language}.other.no-rule`;
/** Rule id on client and other speakers' utterances, which are not coded yet. */
export const NOT_CODED = "not-coded";

/**
 * How many of the client's last turns a reflection is measured against (`when.echo`). Clients
 * often answer a reflection with only "Mm-hmm", and counsellors give back what was said a
 * few turns before, so the last turn alone would miss most echoes.
 */
export const RECENT_CLIENT_TURNS = 3;

export function codeTurns(turns: SegmentedTurn[], pack: LanguagePack): CodedTurn[] {
  const rules = pack.byPriority;
  const permission = new PermissionTracker(pack);
  let previousClient: TextView | null = null;
  // The stems of the client's last RECENT_CLIENT_TURNS turns, each turn's set as it was made.
  let recentClientStems: ReadonlySet<string>[] = [];

  return turns.map((turn) => {
    if (turn.role === "counsellor") {
      const granted = permission.beforeCounsellorTurn();
      const coded: Utterance[] = [];
      turn.pieces.forEach((text, index) => {
        const previousCode = coded[index - 1]?.code;
        coded.push(codeUtterance(text, rules, pack, { previousClient, recentClientStems, permission: granted, index, count: turn.pieces.length, previousCode }));
      });
      const utterances = yieldToInput(coded, pack);
      permission.afterCounsellorTurn(utterances);
      return { ...turn, primary: primaryCode(utterances), utterances };
    }
    if (turn.role === "client") {
      previousClient = viewOf(turn.text, pack);
      recentClientStems = [...recentClientStems.slice(1 - RECENT_CLIENT_TURNS), previousClient.stems];
      permission.afterClientTurn(previousClient);
    }
    const utterances = turn.pieces.map((text): Utterance => ({ text, code: "other", rule: NOT_CODED, confidence: "high" }));
    return { ...turn, primary: "other", utterances };
  });
}

export function codeUtterance(text: string, rules: readonly Rule[], pack: LanguagePack, context: UtteranceContext): Utterance {
  const view = viewOf(text, pack);
  for (const rule of rules) {
    if (ruleMatches(rule, view, context)) return { text, code: rule.code, rule: rule.id, confidence: rule.confidence };
  }
  return { text, code: "other", rule: NO_RULE(pack.language), confidence: "low" };
}

// Confronting is the counsellor's own input too: a plain statement beside it argues the point.
const INPUT: ReadonlySet<Code> = new Set([...INPUT_CODES, "confront"]);

// A statement coded by a fallback that yields to its turn (`in-input-turn`) takes the input
// code when the counsellor gives information or advice elsewhere in the same turn: in a
// stretch of explanation, a plain statement is more of the explanation, not a reflection.
// It then names the pack's `<language>.<code>.in-input-turn` rule, so a code always names a
// rule of that code; when that rule is switched off, the statement keeps its own code.
function yieldToInput(utterances: Utterance[], pack: LanguagePack): Utterance[] {
  if (!utterances.some((u) => INPUT.has(u.code))) return utterances;
  return utterances.map((u) => {
    const target = pack.yielding.get(u.rule);
    return target ? { ...u, code: target.code, rule: target.id, confidence: target.confidence } : u;
  });
}

// Permission lasts: once the client says yes to "May I share some ideas?" (or asks for advice),
// advice in the next few counsellor turns is given with permission.
class PermissionTracker {
  private asked = false;
  private turnsLeft = 0;
  constructor(private readonly pack: LanguagePack) {}

  beforeCounsellorTurn(): boolean {
    return this.turnsLeft > 0;
  }

  afterCounsellorTurn(utterances: Utterance[]): void {
    if (this.turnsLeft > 0) this.turnsLeft--;
    this.asked = utterances.some((u) => this.pack.askingPermission.has(u.rule));
  }

  afterClientTurn(client: TextView): void {
    if (this.pack.asksAdvice.some((p) => p.matches(client))) {
      this.turnsLeft = this.pack.permissionTurns;
    } else if (this.asked) {
      if (this.pack.refusal.some((p) => p.matches(client))) this.turnsLeft = 0;
      else if (this.pack.consent.some((p) => p.matches(client))) this.turnsLeft = this.pack.permissionTurns;
    }
    this.asked = false;
  }
}
