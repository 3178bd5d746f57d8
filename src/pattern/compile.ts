// The compiler of the pattern language: a pattern's tree (parse.ts) to a program for the VM in
// pattern.ts, and the word sets a match needs, by which most patterns are ruled out before the
// VM runs.

import { Parser, PatternError, type Node, type PatternVocabulary } from "./parse.js";
import type { PatternTable, TestSpec } from "./table.js";

// The VM's instructions (run by addFrom and Pattern.matches in pattern.ts).
export const OP = { test: 0, split: 1, jump: 2, start: 3, end: 4, match: 5 } as const;


/**
 * A compiled pattern as plain data: its program, four numbers an instruction (opcode, two
 * operands, the number of its token test in the table or -1), and the word sets it needs.
 * The program is kept as one string of the numbers, comma-separated: a prebuilt pack holds
 * ~900 programs, which JSON.parse reads ~3× faster as strings than as arrays of numbers
 * (~30 ms of every start, measured under load), and most of them are never run in a process.
 */
export interface PatternData {
  source: string;
  code: string;
  required: number[];
  /**
   * Alternatives a match needs one option of, each option as the word sets it needs all of
   * (`(like you did|like you said)`: like, you and did, or like, you and said): a finer test
   * than `required`, whose union of one set an option ({like}) most utterances pass. Absent
   * when the pattern has no alternative that says more than `required`.
   */
  options?: number[][][];
}

const MAX_PATTERN_LENGTH = 2000;
const MAX_PROGRAM = 5000;

/** `source` compiled, its word sets and token tests numbered in `table`: its data, and its program as numbers (which the data holds as a string). */
export function compilePattern(source: string, vocabulary: PatternVocabulary, table: PatternTable): { data: PatternData; code: number[] } {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`, 0);
  const parser = new Parser(source, vocabulary, table);
  const node = parser.parseAll();
  const program: Program = { code: [], table };
  emit(node, program);
  push(program, OP.match);
  const data: PatternData = { source, code: program.code.join(","), required: requiredSets(node, table) };
  const options = alternativeSets(node, table);
  if (options.length > 0) data.options = options;
  return { data, code: program.code };
}

// A program being emitted: four numbers an instruction (see PatternData).
interface Program {
  code: number[];
  table: PatternTable;
}

const size = (out: Program) => out.code.length / 4;
const setA = (out: Program, pc: number, value: number) => (out.code[4 * pc + 1] = value);
const setB = (out: Program, pc: number, value: number) => (out.code[4 * pc + 2] = value);

function push(out: Program, op: number, a = 0, b = 0, test: TestSpec | null = null): number {
  if (size(out) > MAX_PROGRAM) throw new PatternError("pattern is too large once its word lists and repeats are expanded", 0);
  out.code.push(op, a, b, test ? out.table.internTest(test) : -1);
  return size(out) - 1;
}

function emit(node: Node, out: Program): void {
  switch (node.kind) {
    case "test":
      push(out, OP.test, 0, 0, node.spec);
      return;
    case "start":
      push(out, OP.start);
      return;
    case "end":
      push(out, OP.end);
      return;
    case "seq":
      for (const item of node.items) emit(item, out);
      return;
    case "alt": {
      const jumps: number[] = [];
      node.options.forEach((option, i) => {
        if (i < node.options.length - 1) {
          const split = push(out, OP.split, size(out) + 1, -1);
          emit(option, out);
          jumps.push(push(out, OP.jump, -1));
          setB(out, split, size(out));
        } else {
          emit(option, out);
        }
      });
      for (const at of jumps) setA(out, at, size(out));
      return;
    }
    case "repeat": {
      for (let i = 0; i < node.min; i++) emit(node.node, out);
      if (node.max === Infinity) {
        const split = push(out, OP.split, size(out) + 1, -1);
        emit(node.node, out);
        push(out, OP.jump, split);
        setB(out, split, size(out));
        return;
      }
      const splits: number[] = [];
      for (let i = node.min; i < node.max; i++) {
        splits.push(push(out, OP.split, size(out) + 1, -1));
        emit(node.node, out);
      }
      for (const at of splits) setB(out, at, size(out));
    }
  }
}

// Words a match cannot do without, as numbered sets of which one word must be present: a
// literal word gives {word}, a single-word list its entries, an alternative the union of one
// set from each option (when every option has one), a sequence all its items' sets. Tests on
// parts of words (drink*) and optional parts require nothing.
function requiredSets(node: Node, table: PatternTable): number[] {
  const sets = requiredWords(node, table);
  return [...new Set(sets.map((words) => table.intern(words)))];
}

// For each alternative a match cannot do without (in the pattern's sequence, or repeated at
// least once), the word sets each of its options needs (requiredWords of the option); only
// alternatives where every option needs some word and one needs more than one set, which
// `required` (one set an option, unioned) cannot tell apart.
function alternativeSets(node: Node, table: PatternTable): number[][][] {
  switch (node.kind) {
    case "seq":
      return node.items.flatMap((item) => alternativeSets(item, table));
    case "repeat":
      return node.min > 0 ? alternativeSets(node.node, table) : [];
    case "alt": {
      const options = node.options.map((option) => [...new Set(requiredWords(option, table).map((words) => table.intern(words)))]);
      if (options.some((sets) => sets.length === 0) || options.every((sets) => sets.length === 1)) return [];
      return [options];
    }
    default:
      return [];
  }
}

function requiredWords(node: Node, table: PatternTable): ReadonlySet<string>[] {
  switch (node.kind) {
    case "test":
      return node.spec.k === "set" ? [table.get(node.spec.set)] : [];
    case "seq":
      return node.items.flatMap((item) => requiredWords(item, table));
    case "repeat":
      return node.min > 0 ? requiredWords(node.node, table) : [];
    case "alt": {
      const union = new Set<string>();
      for (const option of node.options) {
        const sets = requiredWords(option, table);
        if (sets.length === 0) return [];
        const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
        for (const word of smallest) union.add(word);
      }
      return [union];
    }
    default:
      return [];
  }
}
