// Whether one client rule holds for one client utterance, and the check of client rules'
// examples (the test suite and `oars rules test` run them beside the counsellor rules').

import { anyMatches, anyMatchesAt } from "../features/match.js";
import type { TextView } from "../features/view.js";
import { viewOf } from "../features/view.js";
import type { LanguagePack } from "../packs/pack.js";
import type { ClientRule } from "../packs/types.js";
import { ALL_PATTERNS } from "../packs/rule-gate.js";

/** Whether the rule holds; `patterns`: the mask of its patterns worth trying (RuleGate.masksFor), when the gate woke it. */
export function clientRuleMatches(rule: ClientRule, view: TextView, patterns: number = ALL_PATTERNS): boolean {
  const { when } = rule;
  if (when.question !== undefined && when.question !== view.question) return false;
  if (when.minWords !== undefined && view.words < when.minWords) return false;
  if (when.maxWords !== undefined && view.words > when.maxWords) return false;
  if (rule.patterns.length > 0 && !anyMatchesAt(rule.patterns, patterns, view)) return false;
  return !anyMatches(rule.unless, view);
}

/** Every client rule that holds, highest priority first. */
export function clientHits(pack: LanguagePack, view: TextView): ClientRule[] {
  // The client gate's masks: only the patterns whose most telling set the utterance hits.
  const rules = pack.clientRules;
  const masks = pack.clientPatternsWokenFor(view);
  const hits: ClientRule[] = [];
  for (let i = 0; i < rules.length; i++) if (masks[i] !== 0 && clientRuleMatches(rules[i]!, view, masks[i])) hits.push(rules[i]!);
  return hits;
}

export interface ClientExampleFailure {
  rule: ClientRule;
  example: { text: string };
  expected: "match" | "no-match";
}

export function checkClientExamples(pack: LanguagePack): ClientExampleFailure[] {
  const failures: ClientExampleFailure[] = [];
  for (const rule of pack.clientRules) {
    for (const example of rule.examples.match) if (!clientRuleMatches(rule, viewOf(example.text, pack))) failures.push({ rule, example, expected: "match" });
    for (const example of rule.examples.noMatch) if (clientRuleMatches(rule, viewOf(example.text, pack))) failures.push({ rule, example, expected: "no-match" });
  }
  return failures;
}
