// A compiled pattern (Pattern) and the VM that runs it. The pattern language is described
// with its parser, in parse.ts.
//
// Patterns compile to a small program run by a Pike VM: every alternative advances in
// lock-step over the tokens, so matching time is linear in the utterance whatever the
// pattern, and no pattern can make oars hang (no backtracking). A compiled program is plain
// data (PatternData), so packs are compiled once at build time and revived without parsing.
//
// The word sets and token tests a pack's patterns share live in a PatternTable (table.ts).

import { compilePattern, OP, type PatternData } from "./compile.js";
import type { PatternVocabulary } from "./parse.js";
import { NO_WORD, PatternTable, telling, type Test, type WordSetHits } from "./table.js";

export interface MatchInput {
  tokens: readonly string[];
  /** Positions where `^` holds: 0 and every position reached by skipping leading fillers. */
  starts: ReadonlySet<number>;
  /** The distinct tokens, when the caller has them (made from `tokens` otherwise). */
  present?: ReadonlySet<string>;
  /** The word sets the tokens hit, when the caller marked them (PatternTable.mark) in this table. */
  hits?: WordSetHits;
}

// Whether word number `number` is among `bits` (PatternTable.bitsOf).
const hasNumber = (bits: Int32Array, number: number) => ((bits[number >>> 5] ?? 0) & (1 << (number & 31))) !== 0;

const NOT_YET = -2;
const NO_TESTS: readonly (Test | null)[] = [];

export class Pattern {
  // The token tests of the program, one an instruction (null for the others), and the words a
  // match can begin with: made on the first run of the VM (most patterns are ruled out by
  // their required words on most utterances). The program itself is read from its data, four
  // numbers an instruction, and the VM's work lists are shared by every pattern (see WORK):
  // a pack revives ~700 patterns in every process, and six typed arrays each, made on first
  // use, cost a cold run ~15 ms and their garbage.
  private tests: readonly (Test | null)[] = NO_TESTS;
  // The commonest tests without a call, on the tokens' word numbers (PatternTable.index): a
  // whole word or mark (its number compared; -1 for other tests), a set of whole words (its
  // bits). A call through `tests` sees a dozen kinds of closure and is never inlined.
  private words: readonly number[] = [];
  private sets: readonly (Int32Array | null)[] = [];
  // The words a match can begin with, as bits at their numbers (see wordsThatBegin), or null.
  private firstWords: Int32Array | null = null;
  // For a pattern that opens with `^`, the tokens a match can begin with where `^` holds
  // (`^ (try|start|stop) …`), when wordsThatBegin can tell them from there; else null.
  private wordsAfterStart: Int32Array | null = null;

  // The program as numbers, read from the data's string when first needed.
  private decoded: number[] | null;

  // The first four required sets (the likeliest to be missing first: see telling), -1 for
  // none, held on the pattern itself: a rule the gate wakes has a dozen patterns or more, most
  // ruled out by their required words, and reading the sets from the pattern's data (its own
  // object, then its list) cost more than testing their bits. 92 % of patterns need at most
  // four. Set on the first call (NOT_YET before): a run calls only some of a pack's patterns,
  // and sorting every pattern's sets when the pack is made cost a cold run ~9 ms.
  private r0 = NOT_YET;
  private r1 = NOT_YET;
  private r2 = NOT_YET;
  private r3 = NOT_YET;
  // Every required set's place, for a pattern that needs more than four; else null.
  private more: readonly number[] | null = null;
  // The data's `options`, flattened into one list for the marked path (see optionCode), the
  // sets as their places.
  private optionCode: readonly number[] | null = null;

  private constructor(
    private readonly data: PatternData,
    private readonly table: PatternTable,
    program: number[] | null = null,
  ) {
    this.decoded = program;
  }

  private prepare(): void {
    const table = this.table;
    // The sets' places among a mark's bits (slotOf), not their numbers.
    const sets = [...this.data.required].sort((a, b) => telling(table, a, b)).map((id) => table.slotOf(id));
    this.r0 = sets[0] ?? -1;
    this.r1 = sets[1] ?? -1;
    this.r2 = sets[2] ?? -1;
    this.r3 = sets[3] ?? -1;
    this.more = sets.length > 4 ? sets : null;
    this.optionCode = this.data.options ? optionCode(this.data.options.map((group) => group.map((ids) => ids.map((id) => table.slotOf(id))))) : null;
  }

  private get code(): number[] {
    if (this.decoded === null) {
      // JSON.parse reads the numbers natively: split and Number, run once per pattern while
      // the process is still cold, cost a long session's run ~15 ms.
      const code = JSON.parse(`[${this.data.code}]`) as number[];
      if (code.length % 4 !== 0) throw new Error("malformed pattern program");
      this.decoded = code;
    }
    return this.decoded;
  }

  /** The number of instructions: what matching costs per token, and what the pack caps. */
  get size(): number {
    if (this.decoded !== null) return this.decoded.length / 4;
    // Counted from the string (a pack's size is checked when rule folders are added to it):
    // the program is decoded only when it runs.
    let numbers = 1;
    for (let at = this.data.code.indexOf(","); at !== -1; at = this.data.code.indexOf(",", at + 1)) numbers++;
    return numbers / 4;
  }

  get source(): string {
    return this.data.source;
  }

  /**
   * Words a match needs: for each set, at least one of its words must be among the tokens.
   * Most rules name a word or two that most utterances lack, so most calls end here.
   */
  get requiredWords(): ReadonlySet<string>[] {
    return this.data.required.map((id) => this.table.get(id));
  }

  /** The same, as the numbers of the sets in the pattern's table. */
  get requiredSets(): readonly number[] {
    return this.data.required;
  }

  /** The table the pattern's word sets are numbered in. */
  get wordSets(): PatternTable {
    return this.table;
  }

  static compile(source: string, vocabulary: PatternVocabulary = {}, table: PatternTable = new PatternTable()): Pattern {
    const { data, code } = compilePattern(source, vocabulary, table);
    return new Pattern(data, table, code);
  }

  /** A pattern again from its data, its word sets numbered in `table`. */
  static fromData(data: PatternData, table: PatternTable): Pattern {
    return new Pattern(data, table);
  }

  toData(): PatternData {
    return this.data;
  }

  matches(input: MatchInput): boolean {
    if (this.r0 === NOT_YET) this.prepare();
    const hits = input.hits;
    if (hits !== undefined && hits.table === this.table) {
      const bits = hits.bits;
      const { r0, r1, r2, r3 } = this;
      if (r0 >= 0) {
        if (((bits[r0 >>> 5] ?? 0) & (1 << (r0 & 31))) === 0) return false;
        if (r1 >= 0 && ((bits[r1 >>> 5] ?? 0) & (1 << (r1 & 31))) === 0) return false;
        if (r2 >= 0 && ((bits[r2 >>> 5] ?? 0) & (1 << (r2 & 31))) === 0) return false;
        if (r3 >= 0 && ((bits[r3 >>> 5] ?? 0) & (1 << (r3 & 31))) === 0) return false;
        if (this.more !== null) for (const slot of this.more) if (((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) === 0) return false;
      }
    } else if (this.data.required.length > 0) {
      const present = input.present ?? new Set(input.tokens);
      for (const id of this.data.required) if (!hasAny(present, this.table.get(id))) return false;
    }
    const options = this.optionCode;
    if (options !== null) {
      if (hits !== undefined && hits.table === this.table) {
        if (!everyGroupHit(options, hits.bits)) return false;
      } else {
        const has = presentIn(input, this.table);
        for (const group of this.data.options!) if (!group.some((sets) => sets.every(has))) return false;
      }
    }
    const { tokens, starts } = input;
    if (this.tests === NO_TESTS) this.allocate();
    // The tokens' word numbers: from the marks, when the caller made them in this table.
    const numbers = hits !== undefined && hits.table === this.table && hits.numbers !== undefined ? hits.numbers : this.table.numbersOf(tokens);
    const code = this.decoded!;
    const size = code.length >>> 2;
    if (WORK.seen.length < size) growWork(size);
    const { tests, words, sets } = this;
    // A pattern that opens with `^` can begin only where `^` holds: no thread is started
    // anywhere else, and once none is alive past the last such place it cannot match.
    const anchored = code[0] === OP.start;
    let lastStart = 0;
    if (anchored) {
      // No thread can live past a place where `^` holds unless the token there may begin a
      // match: when none may, the VM would find nothing (most anchored runs end so).
      const opening = this.wordsAfterStart;
      let opens = opening === null;
      for (const start of starts) {
        if (start > lastStart) lastStart = start;
        if (!opens && hasNumber(opening!, numbers[start] ?? NO_WORD)) opens = true;
      }
      if (!opens) return false;
    }
    const first = this.firstWords;
    const seen = WORK.seen;
    let current = WORK.current;
    let next = WORK.next;
    nextGeneration();
    let count = first === null || hasNumber(first, numbers[0]!) ? addFrom(code, 0, 0, tokens, starts, current, 0) : 0;
    for (let pos = 0; pos < tokens.length && count >= 0; pos++) {
      if (anchored && count === 0 && pos >= lastStart) return false;
      const token = tokens[pos]!;
      const number = numbers[pos]!;
      let nextCount = 0;
      nextGeneration();
      for (let i = 0; i < count && nextCount >= 0; i++) {
        const pc = current[i]!;
        const word = words[pc];
        const set = sets[pc];
        if (!(word! >= 0 ? word === number : set !== null ? hasNumber(set!, number) : tests[pc]!(token))) continue;
        // Most often the next instruction is another test (a sequence of words): added here
        // without walking the program, as addFrom would add it.
        const then = pc + 1;
        if (code[4 * then] === OP.test) {
          if (seen[then] !== WORK.generation) {
            seen[then] = WORK.generation;
            next[nextCount++] = then;
          }
        } else {
          nextCount = addFrom(code, then, pos + 1, tokens, starts, next, nextCount);
        }
      }
      // A match may also begin at the next position (when anchored, only up to the last place
      // `^` holds: no set lookup past it).
      if (nextCount >= 0 && (!anchored || (pos < lastStart && starts.has(pos + 1))) && (first === null || hasNumber(first, numbers[pos + 1]!))) {
        nextCount = addFrom(code, 0, pos + 1, tokens, starts, next, nextCount);
      }
      const swap = current;
      current = next;
      next = swap;
      count = nextCount;
    }
    return count < 0;
  }

  // The token tests are looked up on the first run of the VM, not when the pattern is made:
  // most patterns of a pack are ruled out by their required words in most processes.
  private allocate(): void {
    const code = this.code;
    const size = code.length / 4;
    const tests = new Array<Test | null>(size);
    const words = new Array<number>(size);
    const sets = new Array<Int32Array | null>(size);
    const table = this.table;
    for (let pc = 0; pc < size; pc++) {
      const test = code[4 * pc + 3]!;
      tests[pc] = test >= 0 ? table.testFn(test) : null;
      const spec = test >= 0 ? table.spec(test) : null;
      const setId = spec?.k === "set" ? spec.set : -1;
      const set = setId >= 0 ? table.wordsOf(setId) : null;
      words[pc] = spec?.k === "mark" ? table.numberOf(spec.c) : set?.length === 1 ? table.numberOf(set[0]!) : -1;
      sets[pc] = set !== null && set.length !== 1 ? table.bitsOfSet(setId) : null;
    }
    this.tests = tests;
    this.words = words;
    this.sets = sets;
    const first = this.wordsThatBegin();
    this.firstWords = first && table.bitsOf(first);
    const afterStart = code[0] === OP.start ? this.wordsThatBegin(1) : null;
    this.wordsAfterStart = afterStart && table.bitsOf(afterStart);
  }

  // The tokens a match can begin with, when every test reachable from the start without
  // consuming a token is a whole word or a mark (`(you|your) should`): a thread is then started
  // only at such a token, not at every position. Null when the start reaches an anchor, a gap,
  // a part-of-word test or the end, where any token may begin a match.
  private wordsThatBegin(from = 0): Set<string> | null {
    const words = new Set<string>();
    const stack = [from];
    const seen = new Set<number>();
    const code = this.code;
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      switch (code[4 * at]) {
        case OP.jump:
          stack.push(code[4 * at + 1]!);
          break;
        case OP.split:
          stack.push(code[4 * at + 1]!, code[4 * at + 2]!);
          break;
        case OP.test: {
          const spec = this.table.spec(code[4 * at + 3]!);
          if (spec.k === "set") for (const word of this.table.get(spec.set)) words.add(word);
          else if (spec.k === "mark") words.add(spec.c);
          else return null;
          break;
        }
        default:
          return null;
      }
    }
    return words;
  }
}

// The VM's work lists, shared by every pattern (a match never starts another) and grown to the
// largest program run so far: `seen` marks the instructions added at the current position with
// the generation's number, so it needs no clearing between positions or patterns.
const WORK = { seen: new Int32Array(0), stack: new Int32Array(0), current: new Int32Array(0), next: new Int32Array(0), generation: 0 };

function growWork(size: number): void {
  const capacity = Math.max(size, 2 * WORK.seen.length, 64);
  WORK.seen = new Int32Array(capacity);
  WORK.stack = new Int32Array(2 * capacity + 2);
  WORK.current = new Int32Array(capacity);
  WORK.next = new Int32Array(capacity);
  WORK.generation = 0;
}

function nextGeneration(): void {
  // Far from overflowing int32: start again from a cleared list.
  if (++WORK.generation === 0x3fffffff) {
    WORK.seen.fill(0);
    WORK.generation = 1;
  }
}

// Adds pc and every test reachable from it without consuming a token to `list` (from
// `count`); returns the list's new length, or -1 when `match` is reached. Called once per
// generation for the threads started at a position (nextGeneration before the first).
function addFrom(code: readonly number[], pc: number, pos: number, tokens: readonly string[], starts: ReadonlySet<number>, list: Int32Array, count: number): number {
  const { seen, stack, generation } = WORK;
  let top = 0;
  stack[top++] = pc;
  while (top > 0) {
    const at = stack[--top]!;
    if (seen[at] === generation) continue;
    seen[at] = generation;
    switch (code[4 * at]) {
      case OP.match:
        return -1;
      case OP.jump:
        stack[top++] = code[4 * at + 1]!;
        break;
      case OP.split:
        stack[top++] = code[4 * at + 2]!;
        stack[top++] = code[4 * at + 1]!;
        break;
      case OP.start:
        if (starts.has(pos)) stack[top++] = at + 1;
        break;
      case OP.end:
        if (isEnd(tokens, pos)) stack[top++] = at + 1;
        break;
      default:
        list[count++] = at;
    }
  }
  return count;
}

function hasAny(present: ReadonlySet<string>, anyOf: ReadonlySet<string>): boolean {
  if (anyOf.size <= present.size) {
    for (const word of anyOf) if (present.has(word)) return true;
  } else {
    for (const word of present) if (anyOf.has(word)) return true;
  }
  return false;
}

// `$` holds at the end, or before a final full stop or exclamation mark.
function isEnd(tokens: readonly string[], pos: number): boolean {
  if (pos === tokens.length) return true;
  return pos === tokens.length - 1 && (tokens[pos] === "." || tokens[pos] === "!");
}

// A pattern's options (PatternData.options) as one list of numbers: for each alternative, the
// index just past it, then for each option the index just past it and its sets. Read for every
// call that passes the required words (~200 k a pass over the dev sessions): one list instead
// of an array an alternative and an array an option, each its own object to fetch. The ends
// let everyGroupHit leave an alternative at its first option hit in one jump, where counts of
// options and of sets had it step over every option left.
function optionCode(options: readonly (readonly (readonly number[])[])[]): number[] {
  const code: number[] = [];
  for (const group of options) {
    const groupAt = code.length;
    code.push(0);
    for (const sets of group) code.push(code.length + 1 + sets.length, ...sets);
    code[groupAt] = code.length;
  }
  return code;
}

// Whether, in every alternative of an optionCode, every set of one of its options is hit.
function everyGroupHit(code: readonly number[], bits: readonly number[]): boolean {
  for (let at = 0; at < code.length; ) {
    const groupEnd = code[at++]!;
    let hit = false;
    while (!hit && at < groupEnd) {
      const end = code[at++]!;
      hit = true;
      for (; at < end; at++) {
        const id = code[at]!;
        if (((bits[id >>> 5] ?? 0) & (1 << (id & 31))) === 0) {
          hit = false;
          break;
        }
      }
      at = end;
    }
    if (!hit) return false;
    at = groupEnd;
  }
  return true;
}

// A word-set test for a caller that did not mark its tokens in the pattern's table.
function presentIn(input: MatchInput, table: PatternTable): (id: number) => boolean {
  const present = input.present ?? new Set(input.tokens);
  return (id) => hasAny(present, table.get(id));
}

