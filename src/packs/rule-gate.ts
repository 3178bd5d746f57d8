// Which rules of a list may hold for an utterance, found from the word sets its tokens hit
// instead of asking every rule. A rule with patterns holds only when one of them matches, and a
// pattern matches only when each of its required word sets is hit; so each pattern is filed
// under one of its sets (the one with fewest words, the most telling), and an utterance wakes
// only the rules filed under a set it hits. Rules without patterns, or with a pattern that
// requires no word, are always woken. The rules woken are then matched in full, in the list's
// order, so what holds is exactly what trying every rule would find (tests/unit/rule-gate.test.ts).
// The gate also tells which of a woken rule's patterns are worth trying: those filed under a
// set the utterance hits, and those filed under none (masksFor); the others cannot match.
//
// The sets are looked up through the utterance's words: each word of a set some rule is filed
// under leads to those rules. An utterance of ~15 tokens hits ~260 sets (common words stand in
// dozens of lists and alternatives), of which a few dozen file a rule: walking the sets hit
// cost more than matching the rules they woke.

import type { MatchInput, Pattern } from "../pattern/pattern.js";
import { mostTelling, type PatternTable } from "../pattern/table.js";

/**
 * A mask of a rule's patterns (bit i: pattern i): for each rule of the gate's list, the patterns
 * worth trying on an utterance (RuleGate.masksFor): those filed under a set the utterance hits,
 * and those filed under none. 0: the rule is not woken. ALL_PATTERNS: every pattern (a rule with
 * more than MASKED patterns, or an utterance not marked in the gate's table).
 */
export const ALL_PATTERNS = -1;

// Rules with more patterns than this are tried whole: a mask of 30 bits stays a small integer
// in V8 (an array of them stays an array of small integers); the largest English rule has 26.
const MASKED = 30;

export class RuleGate<R extends { readonly patterns: readonly Pattern[] }> {
  // The rules filed under a set holding the word, by the word's number in the table (mark gives
  // each token's number: an array read instead of hashing the token into a map), as pairs of
  // (the rule's place in the list, the mask of its patterns filed under a set holding the word).
  private readonly byNumber: (number[] | undefined)[] = [];
  // For each rule, the patterns every utterance wakes (those that require no word) as a mask,
  // ALL_PATTERNS for a rule without patterns: not 0 exactly when the rule always wakes. An
  // utterance's masks start as a copy of it (a plain array: small typed arrays are slow to make).
  private readonly base: number[];

  constructor(
    private readonly rules: readonly R[],
    private readonly table: PatternTable,
  ) {
    this.base = new Array<number>(rules.length).fill(0);
    rules.forEach((rule, at) => {
      const triggers = rule.patterns.map((pattern) => (pattern.wordSets === table ? mostTelling(pattern.requiredSets, table) : -1));
      if (triggers.length === 0) {
        this.base[at] = ALL_PATTERNS;
        return;
      }
      // The mask of the patterns filed under each set, and of those filed under none.
      const bySet = new Map<number, number>();
      triggers.forEach((id, i) => {
        const bit = triggers.length > MASKED ? ALL_PATTERNS : 1 << i;
        if (id === -1) this.base[at] |= bit;
        else bySet.set(id, (bySet.get(id) ?? 0) | bit);
      });
      for (const [id, mask] of bySet) {
        for (const word of table.wordsOf(id)) {
          const number = table.numberOf(word);
          const filed = this.byNumber[number];
          if (!filed) this.byNumber[number] = [at, mask];
          else if (filed[filed.length - 2] === at) filed[filed.length - 1]! |= mask;
          else filed.push(at, mask);
        }
      }
    });
  }

  /** The rules that may hold for an utterance marked in this gate's table (every rule when it was not), in the list's order. */
  wake(input: Pick<MatchInput, "tokens" | "hits">): R[] {
    const masks = this.masksFor(input);
    return this.rules.filter((_, at) => masks[at] !== 0);
  }

  /** For each rule of the list, the mask of its patterns worth trying on the utterance (see ALL_PATTERNS). */
  masksFor(input: Pick<MatchInput, "tokens" | "hits">): number[] {
    if (!input.hits || input.hits.table !== this.table) return this.rules.map(() => ALL_PATTERNS);
    const masks = this.base.slice();
    const numbers = input.hits.numbers ?? this.table.numbersOf(input.tokens);
    for (const number of numbers) {
      const filed = this.byNumber[number];
      if (filed !== undefined) for (let i = 0; i < filed.length; i += 2) masks[filed[i]!]! |= filed[i + 1]!;
    }
    return masks;
  }
}
