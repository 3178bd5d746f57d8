// Which rules of a list may hold for an utterance, found from the word sets its tokens hit
// instead of asking every rule. A rule with patterns holds only when one of them matches, and a
// pattern matches only when each of its required word sets is hit; so each pattern is filed
// under one of its sets (the one with fewest words, the most telling), and an utterance wakes
// only the rules filed under a set it hits. Rules without patterns, or with a pattern that
// requires no word, are always woken. The rules woken are then matched in full, in the list's
// order, so what holds is exactly what trying every rule would find (tests/unit/rule-gate.test.ts).
//
// The sets are looked up through the utterance's words: each word of a set some rule is filed
// under leads to those rules. An utterance of ~15 tokens hits ~260 sets (common words stand in
// dozens of lists and alternatives), of which a few dozen file a rule: walking the sets hit
// cost more than matching the rules they woke.

import { mostTelling, type MatchInput, type Pattern, type PatternTable } from "../pattern/pattern.js";

// The mark of a rule every utterance wakes (stamps count up from 1).
const ALWAYS = -1;

export class RuleGate<R extends { readonly patterns: readonly Pattern[] }> {
  // The rules filed under a set holding the word, by the word's number in the table (mark gives
  // each token's number: an array read instead of hashing the token into a map).
  private readonly byNumber: (number[] | undefined)[] = [];
  // Which rules the current utterance woke: marked with the utterance's stamp, so the marks
  // need no clearing between utterances; the rules every utterance wakes are marked ALWAYS
  // once, not again for each utterance. A plain array, not a typed one: small typed arrays
  // are slow to make.
  private readonly woken: number[];
  private stamp = 0;

  constructor(
    private readonly rules: readonly R[],
    private readonly table: PatternTable,
  ) {
    this.woken = new Array<number>(rules.length).fill(0);
    rules.forEach((rule, at) => {
      const triggers = rule.patterns.map((pattern) => (pattern.wordSets === table ? mostTelling(pattern.requiredSets, table) : -1));
      if (triggers.length === 0 || triggers.includes(-1)) {
        this.woken[at] = ALWAYS;
        return;
      }
      for (const id of new Set(triggers)) {
        for (const word of table.wordsOf(id)) {
          const number = table.numberOf(word);
          const filed = this.byNumber[number];
          if (!filed) this.byNumber[number] = [at];
          else if (filed[filed.length - 1] !== at) filed.push(at);
        }
      }
    });
  }

  /** The rules that may hold for an utterance marked in this gate's table (every rule when it was not), in the list's order. */
  wake(input: Pick<MatchInput, "tokens" | "hits">): R[] {
    if (!input.hits || input.hits.table !== this.table) return [...this.rules];
    const stamp = ++this.stamp;
    const woken = this.woken;
    const numbers = input.hits.numbers ?? this.table.numbersOf(input.tokens);
    for (const number of numbers) {
      const filed = this.byNumber[number];
      if (filed !== undefined) for (const at of filed) woken[at] = stamp;
    }
    const out: R[] = [];
    for (let at = 0; at < this.rules.length; at++) if (woken[at] === stamp || woken[at] === ALWAYS) out.push(this.rules[at]!);
    return out;
  }
}
