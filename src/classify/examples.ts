// Running every rule's examples: each `match` example must be coded by that rule's pattern and
// conditions, and no `no-match` example may be. Used by the test suite and `oars rules test`.

import { ruleMatches } from "../features/match.js";
import { viewOf } from "../features/view.js";
import type { LanguagePack } from "../packs/pack.js";
import type { Rule, RuleExample } from "../packs/types.js";

export interface ExampleFailure {
  rule: Rule;
  example: RuleExample;
  expected: "match" | "no-match";
}

export function checkRuleExamples(pack: LanguagePack, rule: Rule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const run = (example: RuleExample) => {
    const client = example.client !== undefined ? viewOf(example.client, pack) : null;
    return ruleMatches(rule, viewOf(example.text, pack), {
      previousClient: client,
      recentClientStems: client ? [client.stems] : [],
      permission: example.permission ?? false,
      index: example.after !== undefined ? 1 : 0,
      count: example.after !== undefined ? 2 : 1,
      previousCode: example.after,
    });
  };
  for (const example of rule.examples.match) if (!run(example)) failures.push({ rule, example, expected: "match" });
  for (const example of rule.examples.noMatch) if (run(example)) failures.push({ rule, example, expected: "no-match" });
  return failures;
}

export function checkPackExamples(pack: LanguagePack): ExampleFailure[] {
  return pack.rules.flatMap((rule) => checkRuleExamples(pack, rule));
}
