// The rule gate (src/packs/rule-gate.ts): waking only the rules filed under a word set an
// utterance hits must find exactly the rules that trying every rule finds, in every bundled
// language, for every line of the code sets and every rule example.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleMatches, type UtteranceContext } from "../../src/features/match.js";
import { viewOf } from "../../src/features/view.js";
import { clientRuleMatches } from "../../src/client/match.js";
import { LANGUAGES } from "../../src/languages.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { RuleGate } from "../../src/packs/rule-gate.js";
import { Pattern, PatternTable } from "../../src/pattern/pattern.js";
import { fixture } from "../helpers.js";

// Every text column of a code set (the line and the client's line before it) and every example.
function textsOf(language: string, pack: ReturnType<typeof loadLanguagePack>): string[] {
  const rows = readFileSync(fixture("miti", `${language}.tsv`), "utf8").trim().split("\n").slice(1);
  const lines = rows.flatMap((row) => {
    const cells = row.split("\t");
    return [cells[3]!, cells[7]!];
  });
  const examples = [...pack.rules, ...pack.clientRules].flatMap((rule) => [...rule.examples.match, ...rule.examples.noMatch].map((e) => e.text));
  return [...lines, ...examples].filter((text) => text.trim() !== "");
}

describe("the rule gate", () => {
  for (const language of LANGUAGES) {
    it(`wakes every rule that holds, and keeps priority order (${language})`, () => {
      const pack = loadLanguagePack(language);
      const texts = textsOf(language, pack);
      expect(texts.length).toBeGreaterThan(200);
      let held = 0;
      for (const text of texts) {
        const view = viewOf(text, pack);
        const woken = pack.rulesFor(view);
        expect(woken.length).toBeLessThanOrEqual(pack.byPriority.length);
        expect(woken).toEqual(pack.byPriority.filter((rule) => woken.includes(rule)));
        for (const permission of [false, true]) {
          const context: UtteranceContext = { previousClient: view, recentClientStems: [view.stems], permission, index: 0, count: 1 };
          const all = pack.byPriority.filter((rule) => ruleMatches(rule, view, context));
          expect(woken.filter((rule) => ruleMatches(rule, view, context))).toEqual(all);
          held += all.length;
        }
        const client = pack.clientRules.filter((rule) => clientRuleMatches(rule, view));
        expect(pack.clientRulesFor(view).filter((rule) => clientRuleMatches(rule, view))).toEqual(client);
      }
      expect(held).toBeGreaterThan(texts.length);
    });
  }

  it("wakes a rule only when a word of its pattern is there, and always a rule that needs no word", () => {
    const table = new PatternTable();
    const needsWord = { id: "needs", patterns: [Pattern.compile("(you|your) should", {}, table)] };
    const needsNone = { id: "none", patterns: [Pattern.compile("^ _ ?", {}, table)] };
    const noPatterns = { id: "empty", patterns: [] };
    const gate = new RuleGate([needsWord, needsNone, noPatterns], table);
    const woken = (tokens: string[]) => gate.wake(table.mark(tokens)).map((rule) => rule.id);
    expect(woken(["you", "should", "stop"])).toEqual(["needs", "none", "empty"]);
    expect(woken(["should", "i", "stop"])).toEqual(["needs", "none", "empty"]);
    expect(woken(["i", "will", "stop"])).toEqual(["none", "empty"]);
    // Without marks from this table, every rule is woken.
    expect(gate.wake(undefined).map((rule) => rule.id)).toEqual(["needs", "none", "empty"]);
    expect(gate.wake(new PatternTable().mark(["you"])).map((rule) => rule.id)).toEqual(["needs", "none", "empty"]);
  });
});
