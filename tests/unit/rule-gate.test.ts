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
import { ALL_PATTERNS, RuleGate } from "../../src/packs/rule-gate.js";
import { Pattern } from "../../src/pattern/pattern.js";
import { hitsSet, PatternTable } from "../../src/pattern/table.js";
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
          // Trying only the patterns the gate woke finds the same.
          const masks = pack.patternsWokenFor(view);
          expect(pack.byPriority.filter((_, i) => masks[i] !== 0)).toEqual(woken);
          expect(pack.byPriority.filter((rule, i) => masks[i] !== 0 && ruleMatches(rule, view, context, masks[i]))).toEqual(all);
          held += all.length;
        }
        const client = pack.clientRules.filter((rule) => clientRuleMatches(rule, view));
        expect(pack.clientRulesFor(view).filter((rule) => clientRuleMatches(rule, view))).toEqual(client);
        const clientMasks = pack.clientPatternsWokenFor(view);
        expect(pack.clientRules.filter((rule, i) => clientMasks[i] !== 0 && clientRuleMatches(rule, view, clientMasks[i]))).toEqual(client);
      }
      expect(held).toBeGreaterThan(texts.length);
    });
  }

  // The gate finds the sets hit through the utterance's words, and `mark` sets a word's bits
  // 32 at a time: both held here to the sets' definition, looked up set by set.
  for (const language of LANGUAGES) {
    it(`marks exactly the sets with a word among the tokens, and wakes exactly the rules filed under them (${language})`, () => {
      const pack = loadLanguagePack(language);
      const table = pack.table;
      // What the gate files a rule under, found without its index: each pattern's required set
      // whose commonest word stands in the fewest sets, then with the fewest words; a rule with
      // no pattern, or a pattern that requires none, always wakes.
      const holders = new Map<string, number>();
      for (let id = 0; id < table.size; id++) for (const word of table.wordsOf(id)) holders.set(word, (holders.get(word) ?? 0) + 1);
      const commonness = (id: number) => Math.max(...table.wordsOf(id).map((word) => holders.get(word)!));
      const before = (a: number, b: number) => commonness(a) < commonness(b) || (commonness(a) === commonness(b) && table.wordCount(a) < table.wordCount(b));
      const trigger = (pattern: Pattern) => (pattern.requiredSets.length === 0 ? -1 : pattern.requiredSets.reduce((a, b) => (before(b, a) ? b : a)));
      const wakes = (rule: { patterns: readonly Pattern[] }, tokens: readonly string[]) =>
        rule.patterns.length === 0 || rule.patterns.some((pattern) => trigger(pattern) === -1 || tokens.some((token) => table.get(trigger(pattern)).has(token)));
      let marked = 0;
      for (const text of textsOf(language, pack).slice(0, 200)) {
        const view = viewOf(text, pack);
        const tokens = new Set(view.tokens);
        const expected: number[] = [];
        const got: number[] = [];
        for (let id = 0; id < table.size; id++) {
          if (table.wordsOf(id).some((word) => tokens.has(word))) expected.push(id);
          if (hitsSet(view.hits!, id)) got.push(id);
        }
        expect(got, text).toEqual(expected);
        marked += got.length;
        expect(pack.rulesFor(view)).toEqual(pack.byPriority.filter((rule) => wakes(rule, view.tokens)));
        expect(pack.clientRulesFor(view)).toEqual(pack.clientRules.filter((rule) => wakes(rule, view.tokens)));
      }
      expect(marked).toBeGreaterThan(1000);
    });
  }

  it("wakes a rule only when a word of its pattern is there, and always a rule that needs no word", () => {
    const table = new PatternTable();
    const needsWord = { id: "needs", patterns: [Pattern.compile("(you|your) should", {}, table)] };
    const needsNone = { id: "none", patterns: [Pattern.compile("^ _ ?", {}, table)] };
    const noPatterns = { id: "empty", patterns: [] };
    const gate = new RuleGate([needsWord, needsNone, noPatterns], table);
    const woken = (tokens: string[]) => gate.wake({ tokens, hits: table.mark(tokens) }).map((rule) => rule.id);
    expect(woken(["you", "should", "stop"])).toEqual(["needs", "none", "empty"]);
    expect(woken(["should", "i", "stop"])).toEqual(["needs", "none", "empty"]);
    expect(woken(["i", "will", "stop"])).toEqual(["none", "empty"]);
    // Without marks from this table, every rule is woken.
    expect(gate.wake({ tokens: ["i"] }).map((rule) => rule.id)).toEqual(["needs", "none", "empty"]);
    expect(gate.wake({ tokens: ["you"], hits: new PatternTable().mark(["you"]) }).map((rule) => rule.id)).toEqual(["needs", "none", "empty"]);
  });

  it("gives each woken rule the patterns worth trying: those whose set is hit, and those that need no word", () => {
    const table = new PatternTable();
    const mixed = { id: "mixed", patterns: ["you should", "^ _ ?", "we could", "i will"].map((source) => Pattern.compile(source, {}, table)) };
    // More patterns than a mask holds: every pattern is tried.
    const many = { id: "many", patterns: Array.from({ length: 40 }, (_, i) => Pattern.compile(`word${i} here`, {}, table)) };
    const gate = new RuleGate([mixed, many], table);
    const masks = (tokens: string[]) => gate.masksFor({ tokens, hits: table.mark(tokens) });
    expect(masks(["you", "should", "stop"])).toEqual([0b11, 0]);
    expect(masks(["i", "will", "stop", "we"])).toEqual([0b1110, 0]);
    expect(masks(["word7", "here"])).toEqual([0b10, ALL_PATTERNS]);
    expect(gate.masksFor({ tokens: ["you"] })).toEqual([ALL_PATTERNS, ALL_PATTERNS]);
  });
});
