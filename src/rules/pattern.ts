// The pattern language rules are written in (README "Rule authoring"). A pattern is a
// sequence over word tokens:
//
//   you          the word "you" (any case)          drink*   a word starting with "drink"
//   *spørsmål    a word ending in "spørsmål"        *drikk*  a word containing "drikk"
//   @feelings    any entry of the word list         (a|b c)  one of the alternatives
//   [a|b c]      optionally one of them             _        any one word
//   _{1,3}       one to three words                 ...      any number of words
//   ? , . ! ; :  that punctuation mark              ^  $     start (after fillers) / end
//   #number      a number written in digits (12, 3.5)
//
// Patterns compile to a small program run by a Pike VM: every alternative advances in
// lock-step over the tokens, so matching time is linear in the utterance whatever the
// pattern, and no pattern can make oars hang (no backtracking).

export class PatternError extends Error {
  constructor(
    message: string,
    /** 0-based offset in the pattern text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

type Test = (token: string) => boolean;

type Node =
  | { kind: "test"; test: Test; literal?: string }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number }
  | { kind: "start" }
  | { kind: "end" };

type Instruction =
  | { op: "test"; test: Test }
  | { op: "split"; a: number; b: number }
  | { op: "jump"; to: number }
  | { op: "start" }
  | { op: "end" }
  | { op: "match" };

/** Word lists a pattern may name with @name; each entry is one or more words. */
export type WordLists = ReadonlyMap<string, readonly string[]>;

export interface MatchInput {
  tokens: readonly string[];
  /** Positions where `^` holds: 0 and every position reached by skipping leading fillers. */
  starts: ReadonlySet<number>;
}

export const MAX_REPEAT = 8;
const MAX_PATTERN_LENGTH = 2000;
const MAX_PROGRAM = 5000;

export class Pattern {
  private constructor(
    readonly source: string,
    private readonly program: Instruction[],
    /** Words every match must contain; lets a caller skip the VM when one is absent. */
    readonly requiredWords: readonly string[],
  ) {}

  static compile(source: string, lists: WordLists): Pattern {
    if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`, 0);
    const parser = new Parser(source, lists);
    const node = parser.parseAll();
    const program: Instruction[] = [];
    emit(node, program);
    program.push({ op: "match" });
    return new Pattern(source, program, requiredLiterals(node));
  }

  matches(input: MatchInput): boolean {
    const { tokens, starts } = input;
    const program = this.program;
    let current: number[] = [];
    const seen = new Int32Array(program.length).fill(-1);
    let generation = 0;

    // Adds pc and everything reachable from it without consuming a token.
    const add = (list: number[], pc: number, pos: number): boolean => {
      const stack = [pc];
      while (stack.length) {
        const at = stack.pop()!;
        if (seen[at] === generation) continue;
        seen[at] = generation;
        const ins = program[at]!;
        switch (ins.op) {
          case "match":
            return true;
          case "jump":
            stack.push(ins.to);
            break;
          case "split":
            stack.push(ins.b, ins.a);
            break;
          case "start":
            if (starts.has(pos)) stack.push(at + 1);
            break;
          case "end":
            if (isEnd(tokens, pos)) stack.push(at + 1);
            break;
          case "test":
            list.push(at);
        }
      }
      return false;
    };

    for (let pos = 0; pos <= tokens.length; pos++) {
      // Unanchored: a match may begin at any position.
      if (add(current, 0, pos)) return true;
      if (pos === tokens.length) break;
      const token = tokens[pos]!;
      const next: number[] = [];
      generation++;
      for (const pc of current) {
        const ins = program[pc] as { op: "test"; test: Test };
        if (ins.test(token) && add(next, pc + 1, pos + 1)) return true;
      }
      current = next;
    }
    return false;
  }
}

// `$` holds at the end, or before a final full stop or exclamation mark.
function isEnd(tokens: readonly string[], pos: number): boolean {
  if (pos === tokens.length) return true;
  return pos === tokens.length - 1 && (tokens[pos] === "." || tokens[pos] === "!");
}

function emit(node: Node, out: Instruction[]): void {
  if (out.length > MAX_PROGRAM) throw new PatternError("pattern is too large once its word lists and repeats are expanded", 0);
  switch (node.kind) {
    case "test":
      out.push({ op: "test", test: node.test });
      return;
    case "start":
      out.push({ op: "start" });
      return;
    case "end":
      out.push({ op: "end" });
      return;
    case "seq":
      for (const item of node.items) emit(item, out);
      return;
    case "alt": {
      const jumps: number[] = [];
      node.options.forEach((option, i) => {
        if (i < node.options.length - 1) {
          const split = out.length;
          out.push({ op: "split", a: split + 1, b: -1 });
          emit(option, out);
          jumps.push(out.length);
          out.push({ op: "jump", to: -1 });
          (out[split] as { b: number }).b = out.length;
        } else {
          emit(option, out);
        }
      });
      for (const at of jumps) (out[at] as { to: number }).to = out.length;
      return;
    }
    case "repeat": {
      for (let i = 0; i < node.min; i++) emit(node.node, out);
      if (node.max === Infinity) {
        const split = out.length;
        out.push({ op: "split", a: split + 1, b: -1 });
        emit(node.node, out);
        out.push({ op: "jump", to: split });
        (out[split] as { b: number }).b = out.length;
        return;
      }
      const splits: number[] = [];
      for (let i = node.min; i < node.max; i++) {
        splits.push(out.length);
        out.push({ op: "split", a: out.length + 1, b: -1 });
        emit(node.node, out);
      }
      for (const at of splits) (out[at] as { b: number }).b = out.length;
    }
  }
}

// Literal words that every match must contain (top-level sequence items only).
function requiredLiterals(node: Node): string[] {
  if (node.kind !== "seq") return node.kind === "test" && node.literal ? [node.literal] : [];
  return node.items.flatMap((item) => (item.kind === "test" && item.literal ? [item.literal] : []));
}

const WORD_CHAR = /[\p{L}\p{N}'’*\-]/u;
const PUNCTUATION = new Set(["?", ",", ".", "!", ";", ":"]);

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly lists: WordLists,
  ) {}

  parseAll(): Node {
    const node = this.parseSequence();
    this.skipSpace();
    if (this.pos < this.src.length) throw this.error(`unexpected "${this.src[this.pos]}"`);
    if (node.kind === "seq" && node.items.length === 0) throw new PatternError("empty pattern", 0);
    return node;
  }

  private parseSequence(): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === undefined || c === ")" || c === "]" || c === "|") break;
      items.push(this.parseItem());
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private parseAlternatives(close: string): Node {
    const open = this.pos - 1;
    const options: Node[] = [this.parseSequence()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      options.push(this.parseSequence());
    }
    if (this.src[this.pos] !== close) throw new PatternError(`"${this.src[open]}" at column ${open + 1} is not closed with "${close}"`, open);
    this.pos++;
    if (options.some((o) => o.kind === "seq" && o.items.length === 0)) {
      throw new PatternError("an alternative is empty (use [ … ] for an optional part)", open);
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  private parseItem(): Node {
    const at = this.pos;
    const c = this.src[at]!;
    let node: Node;
    if (c === "(") {
      this.pos++;
      node = this.parseAlternatives(")");
    } else if (c === "[") {
      this.pos++;
      node = { kind: "repeat", node: this.parseAlternatives("]"), min: 0, max: 1 };
    } else if (this.src.startsWith("...", at)) {
      this.pos += 3;
      return { kind: "repeat", node: { kind: "test", test: () => true }, min: 0, max: Infinity };
    } else if (c === "^") {
      this.pos++;
      return { kind: "start" };
    } else if (c === "$") {
      this.pos++;
      return { kind: "end" };
    } else if (PUNCTUATION.has(c)) {
      const before = this.src[at - 1];
      if (c === "?" && before !== undefined && !/[\s(\[|]/.test(before)) {
        throw this.error('"?" right after a word or group is the question mark, not "optional": write [word] for an optional part, or put a space before "?"');
      }
      this.pos++;
      node = { kind: "test", test: (t) => t === c };
    } else if (c === "_") {
      this.pos++;
      node = { kind: "test", test: (t) => !PUNCTUATION.has(t) };
    } else if (this.src.startsWith("#number", at)) {
      this.pos += "#number".length;
      node = { kind: "test", test: (t) => /^\d+(?:[.,]\d+)?$/.test(t) };
    } else if (c === "@") {
      this.pos++;
      node = this.parseList(at);
    } else if (WORD_CHAR.test(c)) {
      node = this.parseWord();
    } else {
      throw this.error(`unexpected "${c}"`);
    }
    return this.parseQuantifier(node);
  }

  private parseQuantifier(node: Node): Node {
    const m = /^\{(\d+),(\d+)\}/.exec(this.src.slice(this.pos));
    if (!m) return node;
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (min > max || max > MAX_REPEAT) throw this.error(`a repeat must be {m,n} with m ≤ n ≤ ${MAX_REPEAT}`);
    if (node.kind === "repeat") throw this.error("a repeat cannot be repeated");
    this.pos += m[0].length;
    return { kind: "repeat", node, min, max };
  }

  private parseList(at: number): Node {
    const m = /^[\w-]+/.exec(this.src.slice(this.pos));
    if (!m) throw this.error('"@" must be followed by a list name');
    this.pos += m[0].length;
    const entries = this.lists.get(m[0]);
    if (!entries) throw new PatternError(`no word list named "${m[0]}"`, at);
    const single = new Set(entries.filter((e) => !e.includes(" ")).map((e) => e.toLowerCase()));
    const multi = entries.filter((e) => e.includes(" "));
    const singleNode: Node = { kind: "test", test: (t) => single.has(t) };
    if (multi.length === 0) return singleNode;
    const options: Node[] = multi.map((entry) => ({
      kind: "seq",
      items: entry.toLowerCase().split(/\s+/).map((word) => wordTest(word)),
    }));
    if (single.size > 0) options.unshift(singleNode);
    return { kind: "alt", options };
  }

  private parseWord(): Node {
    const start = this.pos;
    while (this.pos < this.src.length && WORD_CHAR.test(this.src[this.pos]!)) this.pos++;
    const word = this.src.slice(start, this.pos).toLowerCase().replace(/’/g, "'");
    const core = word.replace(/^\*|\*$/g, "");
    if (!core || core.includes("*")) throw new PatternError(`"${word}": "*" may only start or end a word`, start);
    if (/^['’-]/.test(core)) throw new PatternError(`"${word}": a word cannot start with "${core[0]}" (write the whole word, e.g. you're)`, start);
    return wordTest(word);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  private error(message: string): PatternError {
    return new PatternError(message, this.pos);
  }
}

function wordTest(word: string): Node & { kind: "test" } {
  const prefix = word.endsWith("*");
  const suffix = word.startsWith("*");
  const core = word.replace(/^\*|\*$/g, "");
  if (prefix && suffix) return { kind: "test", test: (t) => t.includes(core) };
  if (prefix) return { kind: "test", test: (t) => t.startsWith(core) };
  if (suffix) return { kind: "test", test: (t) => t.endsWith(core) };
  return { kind: "test", test: (t) => t === core, literal: core };
}
