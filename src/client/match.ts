// Whether one client rule holds for one client utterance, and the check of client rules'
// examples (the test suite and `oars rules test` run them beside the counsellor rules').

import { anyMatches } from "../features/match.js";
import type { TextView } from "../features/view.js";
import { viewOf } from "../features/view.js";
import type { LanguagePack } from "../packs/pack.js";
import type { ClientRule } from "../packs/types.js";

export function clientRuleMatches(rule: ClientRule, view: TextView): boolean {
  const { when } = rule;
  if (when.question !== undefined && when.question !== view.question) return false;
  if (when.minWords !== undefined && view.words < when.minWords) return false;
  if (when.maxWords !== undefined && view.words > when.maxWords) return false;
  if (rule.patterns.length > 0 && !anyMatches(rule.patterns, view)) return false;
  return !anyMatches(rule.unless, view);
}

/** Every client rule that holds, highest priority first. */
export function clientHits(pack: LanguagePack, view: TextView): ClientRule[] {
  return pack.clientRulesFor(view).filter((rule) => clientRuleMatches(rule, view));
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
