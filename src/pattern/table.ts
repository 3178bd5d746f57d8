// The table of word sets and token tests a pack's patterns share (the pattern language is
// described in parse.ts, its matcher in pattern.ts).
//
// Whole words a pattern tests for live in a PatternTable table the pack shares: each distinct
// set once, so a caller can mark in one pass over an utterance's tokens which sets it hits,
// and a pattern whose required words are absent is ruled out by looking up a few marks.

import { isPunctuation, PUNCTUATION_MARKS } from "./alphabet.js";

/** One token test of a program, as data. */
export type TestSpec =
  | { k: "set"; set: number } // a whole word of a PatternTable entry
  | { k: "prefix" | "suffix" | "infix"; w: string }
  | { k: "ends"; forms: string[] } // a compound ending in one of the forms
  | { k: "word" } // any word, not punctuation
  | { k: "any" }
  | { k: "number" }
  | { k: "mark"; c: string };

export type Test = (token: string) => boolean;

/**
 * What a pack's patterns share, each stored once: the sets of whole words they test for, and
 * their token tests. A pattern refers to both by number; `mark` finds, in one pass over an
 * utterance's tokens, every word set the utterance has a word of.
 */
export class PatternTable {
  // Each set's words, sorted, and the set itself, made on first use: a revived pack has ~3,000
  // sets and ~1,000 tests, and a run needs the sets and test functions of only the patterns it
  // runs (made all at once, they cost every start ~10 ms).
  private words: (readonly string[])[] = [];
  private readonly entries: (ReadonlySet<string> | undefined)[] = [];
  // Made on the first intern after a revival: a revived table is rarely added to.
  private byKey: Map<string, number> | null = new Map();
  // Made on the first mark (see index).
  private byWord: Map<string, number[]> | null = null;
  // Each set's words as bits at the words' numbers (see index), made when a pattern's VM first
  // tests for the set.
  private readonly wordBits: (Int32Array | undefined)[] = [];
  // Each set's commonness (see commonness), made with the index.
  private commonnesses: number[] = [];
  // Each set's place among the bits of a mark (see index), given when the index is first made;
  // a set keeps its place when the index is made again.
  private readonly slots: number[] = [];
  private specs: TestSpec[] = [];
  private specIds: Map<string, number> | null = new Map();
  private readonly testFns: (Test | undefined)[] = [];

  static fromData(data: PatternTableData): PatternTable {
    const table = new PatternTable();
    table.byKey = null;
    table.specIds = null;
    // Copies of the lists (not of what they hold): interning into this table must not change the data.
    table.words = [...data.sets];
    table.specs = [...data.tests];
    return table;
  }

  /** The number of this token test, added if new. */
  internTest(spec: TestSpec): number {
    const key = JSON.stringify(spec);
    const specIds = (this.specIds ??= new Map(this.specs.map((known, id) => [JSON.stringify(known), id])));
    let id = specIds.get(key);
    if (id === undefined) {
      id = this.specs.length;
      this.specs.push(spec);
      specIds.set(key, id);
    }
    return id;
  }

  /** The token test numbered `id`, as data. */
  spec(id: number): TestSpec {
    const spec = this.specs[id];
    if (!spec) throw new Error(`pattern table has no test ${id}`);
    return spec;
  }

  testFn(id: number): Test {
    return (this.testFns[id] ??= testOf(this.spec(id), this));
  }

  get size(): number {
    return this.words.length;
  }

  /** The number of this set of words, added if new. */
  intern(words: Iterable<string>): number {
    const sorted = [...new Set(words)].sort();
    const key = keyOf(sorted);
    const byKey = (this.byKey ??= new Map(this.words.map((known, id) => [keyOf([...known].sort()), id])));
    let id = byKey.get(key);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(sorted);
      byKey.set(key, id);
      this.byWord = null;
    }
    return id;
  }

  get(id: number): ReadonlySet<string> {
    const set = this.entries[id];
    if (set) return set;
    const words = this.words[id];
    if (!words) throw new Error(`pattern table has no word set ${id}`);
    return (this.entries[id] = new Set(words));
  }

  /** The words of set number `id`, sorted. */
  wordsOf(id: number): readonly string[] {
    const words = this.words[id];
    if (!words) throw new Error(`pattern table has no word set ${id}`);
    return words;
  }

  /** How many words set number `id` holds. */
  wordCount(id: number): number {
    const words = this.words[id];
    if (!words) throw new Error(`pattern table has no word set ${id}`);
    return words.length;
  }

  /**
   * How many of the table's sets hold the set's commonest word: a word many sets hold is a
   * common word ("you", "that" stand in hundreds; "ashamed" in a few), so a set of low
   * commonness is the likeliest to be missing from an utterance (see telling).
   */
  commonness(id: number): number {
    this.byWord ??= this.index();
    const commonness = this.commonnesses[id];
    if (commonness === undefined) throw new Error(`pattern table has no word set ${id}`);
    return commonness;
  }

  /** The place of set number `id` among the bits of a mark (see index). */
  slotOf(id: number): number {
    this.byWord ??= this.index();
    const slot = this.slots[id];
    if (slot === undefined) throw new Error(`pattern table has no word set ${id}`);
    return slot;
  }

  /** The sets that `tokens` have a word of, as bits at their places (slotOf), and each token's word number. */
  mark(tokens: readonly string[]): WordSetHits {
    const byWord = (this.byWord ??= this.index());
    // A plain array of 32-bit words, not a typed array: a typed array of this size lives off
    // V8's heap and costs ~30 µs to make, which every utterance paid.
    const bits = new Array<number>((this.words.length >>> 5) + 1).fill(0);
    const numbers: number[] = [];
    for (const token of tokens) {
      const found = byWord.get(token);
      if (found) {
        numbers.push(found[0]!);
        for (let i = 1; i < found.length; i += 2) bits[found[i]!]! |= found[i + 1]!;
      } else {
        numbers.push(NO_WORD);
      }
    }
    numbers.push(NO_WORD);
    return { table: this, bits, numbers };
  }

  /** Each token's word number (see index), and NO_WORD after the last. */
  numbersOf(tokens: readonly string[]): number[] {
    const byWord = (this.byWord ??= this.index());
    const numbers = tokens.map((token) => byWord.get(token)?.[0] ?? NO_WORD);
    numbers.push(NO_WORD);
    return numbers;
  }

  /** One more than the highest word number (see index): how long a list by word number is. */
  get wordNumbers(): number {
    return (this.byWord ??= this.index()).size + 1;
  }

  /** The number of a word of some set or a punctuation mark (see index), or NO_WORD. */
  numberOf(word: string): number {
    return (this.byWord ??= this.index()).get(word)?.[0] ?? NO_WORD;
  }

  /** The words of set number `id` as bits at their numbers (see index). */
  bitsOfSet(id: number): Int32Array {
    return (this.wordBits[id] ??= this.bitsOf(this.wordsOf(id)));
  }

  /** Words of sets, or punctuation marks, as bits at their numbers. */
  bitsOf(words: Iterable<string>): Int32Array {
    const byWord = (this.byWord ??= this.index());
    const bits = new Int32Array((byWord.size >>> 5) + 2);
    for (const word of words) {
      const number = this.numberOf(word);
      if (number !== NO_WORD) bits[number >>> 5]! |= 1 << (number & 31);
    }
    return bits;
  }

  toData(): PatternTableData {
    return { sets: this.words.map((words) => [...words]), tests: this.specs };
  }

  // For each word, its number, then the bits of the sets holding it, as pairs of (place in the
  // bit array, bits at that place): a common word stands in a hundred sets ("you", "that"), and
  // a token then sets whole 32-bit words instead of one bit at a time.
  //
  // The numbers let the VM test a token by a bit instead of hashing it into a set of strings:
  // the punctuation marks first, then every set's words in the order of the sets, from 1 (0 is
  // NO_WORD, a token of no set). Sets are only ever added, so an index made again after an
  // intern numbers the words it had the same way, and numbers taken before stay true.
  //
  // A set's bit is at its place (slotOf), not at its number: the sets are placed commonest first
  // (see commonness), so the many sets holding a common word share few 32-bit words. Over a
  // pass of the dev sessions a token then sets 7.2 words instead of 19.7 (mark over a pass's
  // token lists 18.7 -> 14.4 ms). Sets added after the first index are placed after those, in
  // order, so every set keeps its place. Each set's commonness is made here too, in one pass
  // over the sets' words as numbers (this runs in every process, cold; the sets' words looked
  // up again for each set a pattern needs cost a cold run ~7 ms).
  private index(): Map<string, number[]> {
    const byWord = new Map<string, number[]>();
    // Each word's entry and how many sets hold it, by its number (0: NO_WORD).
    const entries: number[][] = [[]];
    const holders: number[] = [0];
    for (const mark of PUNCTUATION_MARKS) {
      const entry = [entries.length];
      byWord.set(mark, entry);
      entries.push(entry);
      holders.push(0);
    }
    // Every set's words as their numbers, one list for all sets (set id's end at ends[id]).
    const sets = this.words;
    const n = sets.length;
    const numbers: number[] = [];
    const ends: number[] = [];
    for (const words of sets) {
      for (const word of words) {
        let entry = byWord.get(word);
        if (entry === undefined) {
          entry = [entries.length];
          byWord.set(word, entry);
          entries.push(entry);
          holders.push(0);
        }
        holders[entry[0]!]!++;
        numbers.push(entry[0]!);
      }
      ends.push(numbers.length);
    }
    const commonnesses: number[] = [];
    for (let id = 0, k = 0; id < n; id++) {
      let most = 0;
      for (; k < ends[id]!; k++) most = Math.max(most, holders[numbers[k]!]!);
      commonnesses.push(most);
    }
    this.commonnesses = commonnesses;
    const slots = this.slots;
    if (slots.length === 0) {
      // Commonest first, then by number: sorted as numbers that hold both (a typed array sorts
      // natively; a comparator cost a cold start ~8 ms).
      const keys = new Float64Array(n);
      for (let id = 0; id < n; id++) keys[id] = (n - commonnesses[id]!) * n + id;
      keys.sort();
      const placed = new Int32Array(n);
      for (let place = 0; place < n; place++) placed[keys[place]! % n] = place;
      for (let id = 0; id < n; id++) slots.push(placed[id]!);
    } else {
      for (let id = slots.length; id < n; id++) slots.push(id);
    }
    // The sets in the order of their places, so a word's pairs come in order of place: only the last can share it.
    const byPlace = new Int32Array(n);
    for (let id = 0; id < n; id++) byPlace[slots[id]!] = id;
    for (let place = 0; place < n; place++) {
      const id = byPlace[place]!;
      const at = place >>> 5;
      const bit = 1 << (place & 31);
      for (let k = id === 0 ? 0 : ends[id - 1]!; k < ends[id]!; k++) {
        const pairs = entries[numbers[k]!]!;
        if (pairs.length > 1 && pairs[pairs.length - 2] === at) pairs[pairs.length - 1]! |= bit;
        else pairs.push(at, bit);
      }
    }
    return byWord;
  }
}

const keyOf = (sortedWords: readonly string[]) => sortedWords.join("\u0000");

/** The word number (PatternTable.index) of a token that is no set's word nor a punctuation mark. */
export const NO_WORD = 0;

/** Which of a table's word sets an utterance's tokens hit (PatternTable.mark). */
export interface WordSetHits {
  table: PatternTable;
  /** A bit set: the set at place p (PatternTable.slotOf) is bit p % 32 of word p / 32 (see hitsSet). */
  bits: readonly number[];
  /** Each token's word number in the table (PatternTable.index), and NO_WORD after the last. */
  numbers?: readonly number[];
}

/** Whether the tokens hit set number `id`. */
export function hitsSet(hits: WordSetHits, id: number): boolean {
  const slot = hits.table.slotOf(id);
  return ((hits.bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
}

/**
 * Of sets a match needs a word of each, the one likeliest to be missing (see telling), or -1
 * when there is none.
 */
export function mostTelling(sets: readonly number[], table: PatternTable): number {
  let best = -1;
  for (const id of sets) if (best === -1 || telling(table, id, best) < 0) best = id;
  return best;
}

/**
 * Negative when set `a` is likelier to be missing from an utterance than set `b`: of lower
 * commonness (its commonest word stands in fewer of the table's sets), then of fewer words.
 * Which required set is tested first, or files a rule in the gate, changes no answer, only how
 * soon a pattern is ruled out: over a pass of the dev sessions, the counsellor patterns whose
 * first set an utterance hits fell from 1.24 M to 0.61 M with commonness first (fewest words
 * alone before), against 0.49 M for the sets found rarest in those very utterances.
 */
export function telling(table: PatternTable, a: number, b: number): number {
  return table.commonness(a) - table.commonness(b) || table.wordCount(a) - table.wordCount(b);
}

/** A pattern table as plain data. */
export interface PatternTableData {
  sets: string[][];
  tests: TestSpec[];
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;

function testOf(spec: TestSpec, table: PatternTable): Test {
  switch (spec.k) {
    case "set": {
      const words = table.get(spec.set);
      if (words.size === 1) {
        const [word] = words;
        return (t) => t === word;
      }
      return (t) => words.has(t);
    }
    case "prefix":
      return (t) => t.startsWith(spec.w);
    case "suffix":
      return (t) => t.endsWith(spec.w);
    case "infix":
      return (t) => t.includes(spec.w);
    case "ends":
      return (t) => spec.forms.some((form) => t.endsWith(form));
    case "word":
      return (t) => !isPunctuation(t);
    case "any":
      return () => true;
    case "number":
      return (t) => NUMBER.test(t);
    case "mark":
      return (t) => t === spec.c;
  }
}
