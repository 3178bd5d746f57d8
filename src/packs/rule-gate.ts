// Which rules of a list may hold for an utterance, found from the word sets its tokens hit
// instead of asking every rule. A rule with patterns holds only when one of them matches, and a
// pattern matches only when each of its required word sets is hit; so each pattern is filed
// under one of its sets (the one with fewest words, the most telling), and an utterance wakes
// only the rules filed under a set it hits. Rules without patterns, or with a pattern that
// requires no word, are always woken. The rules woken are then matched in full, in the list's
// order, so what holds is exactly what trying every rule would find (tests/unit/rule-gate.test.ts).

import type { Pattern, PatternTable, WordSetHits } from "../pattern/pattern.js";

export class RuleGate<R extends { readonly patterns: readonly Pattern[] }> {
  // Plain arrays, not typed ones: small typed arrays are slow to make. The rules filed under
  // a set are found by the set's number (an array lookup, not a map's: an utterance hits
  // dozens of sets, and this runs for every utterance).
  private readonly always: number[] = [];
  private readonly bySet: (number[] | undefined)[] = [];
  // Which rules the current utterance woke: marked with the utterance's stamp, so the marks
  // need no clearing between utterances.
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
        this.always.push(at);
        return;
      }
      for (const id of new Set(triggers)) (this.bySet[id] ??= []).push(at);
    });
  }

  /** The rules that may hold for tokens with these hits, in the list's order. */
  wake(hits: WordSetHits | undefined): R[] {
    if (!hits || hits.table !== this.table) return [...this.rules];
    const stamp = ++this.stamp;
    const woken = this.woken;
    for (const at of this.always) woken[at] = stamp;
    for (const id of hits.ids) {
      const filed = this.bySet[id];
      if (filed) for (const at of filed) woken[at] = stamp;
    }
    const out: R[] = [];
    for (let at = 0; at < this.rules.length; at++) if (woken[at] === stamp) out.push(this.rules[at]!);
    return out;
  }
}

// The required set with the fewest words, or -1 when the pattern requires none.
function mostTelling(sets: readonly number[], table: PatternTable): number {
  let best = -1;
  for (const id of sets) if (best === -1 || table.wordCount(id) < table.wordCount(best)) best = id;
  return best;
}
