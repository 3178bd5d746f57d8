// Whether one rule holds for one utterance in its context. Shared by the classifier and by
// `oars rules test`, so an example passes exactly when the rule would code it.

import type { Conditions, Rule } from "../packs/types.js";
import { ALL_PATTERNS } from "../packs/rule-gate.js";
import type { Pattern } from "../pattern/pattern.js";
import type { Code } from "../types.js";
import { echoShare, type TextView } from "./view.js";

export interface UtteranceContext {
  /** The client's turn just before this counsellor turn, if any. */
  previousClient: TextView | null;
  /** Content stems of each of the client's last few turns: what a reflection may give back (see RECENT_CLIENT_TURNS). */
  recentClientStems: readonly ReadonlySet<string>[];
  /** The client has agreed to hear advice, or asked for it, and it still holds. */
  permission: boolean;
  /** 0-based place of the utterance in its turn, and the turn's utterance count. */
  index: number;
  count: number;
  /** The code of the utterance just before it in the same turn, if any. */
  previousCode?: Code;
}

/**
 * Whether the rule holds; `patterns`, when the rule gate woke the rule, is the mask of its
 * patterns worth trying (RuleGate.masksFor): the others cannot match the utterance.
 */
export function ruleMatches(rule: Rule, view: TextView, context: UtteranceContext, patterns: number = ALL_PATTERNS): boolean {
  if (!conditionsHold(rule.when, view, context)) return false;
  if (rule.patterns.length > 0 && !anyMatchesAt(rule.patterns, patterns, view)) return false;
  if (rule.nlp.length > 0 && !rule.nlp.some((expr) => view.nlp().has(expr))) return false;
  return !anyMatches(rule.unless, view);
}

/** Whether any of the patterns matches the view (a loop rather than `some` with a closure: this runs for every rule the gate wakes, on every utterance). */
export function anyMatches(patterns: readonly Pattern[], view: TextView): boolean {
  for (const pattern of patterns) if (pattern.matches(view)) return true;
  return false;
}

/**
 * Whether any of the patterns at the mask's bits matches the view (bit i: pattern i; every
 * pattern for ALL_PATTERNS), tried in the list's order. The gate leaves out the patterns whose
 * most telling set the utterance misses: 62 % of the pattern calls a pass over the dev sessions
 * (1.66 M of 2.66 M) ended at that set, each a call reading the pattern's own object.
 */
export function anyMatchesAt(patterns: readonly Pattern[], mask: number, view: TextView): boolean {
  if (mask === ALL_PATTERNS) return anyMatches(patterns, view);
  for (let rest = mask; rest !== 0; rest &= rest - 1) if (patterns[31 - Math.clz32(rest & -rest)]!.matches(view)) return true;
  return false;
}

function conditionsHold(when: Conditions, view: TextView, context: UtteranceContext): boolean {
  if (when.question !== undefined && when.question !== view.question) return false;
  if (when.permission !== undefined && when.permission !== context.permission) return false;
  if (when.minWords !== undefined && view.words < when.minWords) return false;
  if (when.maxWords !== undefined && view.words > when.maxWords) return false;
  if (when.position && !positionHolds(when.position, context)) return false;
  if (when.after && (context.previousCode === undefined || !when.after.includes(context.previousCode))) return false;
  if (when.minEcho !== undefined || when.maxEcho !== undefined) {
    const echo = echoShare(view, context.recentClientStems);
    if (when.minEcho !== undefined && echo < when.minEcho) return false;
    if (when.maxEcho !== undefined && echo > when.maxEcho) return false;
  }
  if (when.client) {
    const client = context.previousClient;
    if (!client || !anyMatches(when.client, client)) return false;
  }
  if (when.contradicts !== undefined && contradicts(view, context.previousClient) !== when.contradicts) return false;
  return true;
}

/**
 * Whether the utterance says the opposite of the client's turn before it: exactly one of the
 * two is negated (the pack's `voice-negation` words) and they share a content stem ("My sugars
 * were a bit high." / "Twenty-two isn't a bit high, it's dangerous."; "I'm fine." / "So no, it's
 * not fine."). A contradiction picks up the client's own words and turns their polarity; a
 * reflection that reuses them mostly keeps it ("I don't need them." / "You don't see the need.").
 */
export function contradicts(view: TextView, client: TextView | null): boolean {
  if (!client || view.negated === client.negated) return false;
  // Four letters, not the echo's five: "help" and "helping", "fine" and "fined" are one word
  // here, where a missed pair costs a contradiction and a spurious one costs little (the
  // rules that use this also need a marker of correction).
  const clientWords = new Set<string>();
  for (const stem of client.stems) clientWords.add(stem.slice(0, 4));
  for (const stem of view.stems) if (clientWords.has(stem.slice(0, 4))) return true;
  return false;
}

function positionHolds(position: NonNullable<Conditions["position"]>, { index, count }: UtteranceContext): boolean {
  switch (position) {
    case "first":
      return index === 0;
    case "last":
      return index === count - 1;
    case "only":
      return count === 1;
    case "not-first":
      return index > 0;
    case "not-last":
      return index < count - 1;
  }
}
