// Which rules of a list may hold for an utterance, found from the word sets its tokens hit
// instead of asking every rule. A rule with patterns holds only when one of them matches, and a
// pattern matches only when each of its required word sets is hit; so each pattern is filed
// under one of its sets (the one with fewest words, the most telling), and an utterance wakes
// only the rules filed under a set it hits. Rules without patterns, or with a pattern that
// requires no word, are always woken. The rules woken are then matched in full, in the list's
// order, so what holds is exactly what trying every rule would find (tests/unit/rule-gate.test.ts).
// The gate also tells which of a woken rule's patterns are worth trying: those filed under a
// set the utterance hits, and those filed under none (wakeWithPatterns); the others cannot match.
//
// The sets are looked up through the utterance's words: each word of a set some rule is filed
// under leads to those rules. An utterance of ~15 tokens hits ~260 sets (common words stand in
// dozens of lists and alternatives), of which a few dozen file a rule: walking the sets hit
// cost more than matching the rules they woke.

import { mostTelling, type MatchInput, type Pattern, type PatternTable } from "../pattern/pattern.js";

/**
 * The rules woken for one utterance, in the list's order, and for each the patterns worth
 * trying (bit i: pattern i): those whose set the utterance hits, and those filed under none.
 * ALL_PATTERNS: every pattern (a rule with more than MASKED patterns, or an utterance not
 * marked in the gate's table).
 */
export interface Woken<R> {
  rules: R[];
  masks: number[];
}

/** A mask of every pattern of a rule (Woken.masks). */
export const ALL_PATTERNS = -1;

// Rules with more patterns than this are tried whole (a mask is a 31-bit number; the largest
// English rule has 26 patterns).
const MASKED = 31;

export class RuleGate<R extends { readonly patterns: readonly Pattern[] }> {
  // The rules filed under a set holding the word, by the word's number in the table (mark gives
  // each token's number: an array read instead of hashing the token into a map), as pairs of
  // (the rule's place in the list, the mask of its patterns filed under a set holding the word).
  private readonly byNumber: (number[] | undefined)[] = [];
  // Which rules the current utterance woke: marked with the utterance's stamp, so the marks
  // need no clearing between utterances, and with the mask of the patterns woken so far. A
  // plain array, not a typed one: small typed arrays are slow to make.
  private readonly woken: number[];
  private readonly masks: number[];
  // For each rule, the patterns every utterance wakes (those that require no word) as a mask,
  // ALL_PATTERNS for a rule without patterns: not 0 exactly when the rule always wakes.
  private readonly base: number[];
  private stamp = 0;

  constructor(
    private readonly rules: readonly R[],
    private readonly table: PatternTable,
  ) {
    this.woken = new Array<number>(rules.length).fill(0);
    this.masks = new Array<number>(rules.length).fill(0);
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
    return this.wakeWithPatterns(input).rules;
  }

  /** The same, and the patterns of each worth trying (see Woken). */
  wakeWithPatterns(input: Pick<MatchInput, "tokens" | "hits">): Woken<R> {
    if (!input.hits || input.hits.table !== this.table) return { rules: [...this.rules], masks: this.rules.map(() => ALL_PATTERNS) };
    const stamp = ++this.stamp;
    const { woken, masks, base } = this;
    const numbers = input.hits.numbers ?? this.table.numbersOf(input.tokens);
    for (const number of numbers) {
      const filed = this.byNumber[number];
      if (filed === undefined) continue;
      for (let i = 0; i < filed.length; i += 2) {
        const at = filed[i]!;
        if (woken[at] === stamp) masks[at]! |= filed[i + 1]!;
        else {
          woken[at] = stamp;
          masks[at] = base[at]! | filed[i + 1]!;
        }
      }
    }
    const rules: R[] = [];
    const out: number[] = [];
    for (let at = 0; at < this.rules.length; at++) {
      const mask = woken[at] === stamp ? masks[at]! : base[at]!;
      if (mask !== 0) {
        rules.push(this.rules[at]!);
        out.push(mask);
      }
    }
    return { rules, masks: out };
  }
}
