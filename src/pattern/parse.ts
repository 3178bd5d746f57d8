// The pattern language rules are written in (README "Rule authoring"), and its parser: the
// parser turns a pattern into a tree (Node), compile.ts turns the tree into a program, and
// pattern.ts runs the program. A pattern is a sequence over word tokens:
//
//   you          the word "you" (any case)          drink*   a word starting with "drink"
//   *spørsmål    a word ending in "spørsmål"        *drikk*  a word containing "drikk"
//   drikk~verb   "drikk" alone or with one of the pack's verb endings (drikke, drikker…);
//                *spørsmål~noun also takes compounds (helsespørsmålet)
//   @feelings    any entry of the word list         (a|b c)  one of the alternatives
//   [a|b c]      optionally one of them             _        any one word
//   _{1,3}       one to three words                 ...      any number of words
//   ? , . ! ; :  that punctuation mark              ^  $     start (after fillers) / end
//   #number      a number written in digits (12, 3.5)

import { PUNCTUATION_MARKS, foldApostrophes } from "./alphabet.js";
import type { PatternTable, TestSpec } from "./table.js";

export class PatternError extends Error {
  constructor(
    message: string,
    /** 0-based offset in the pattern text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

export type Node =
  | { kind: "test"; spec: TestSpec }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number }
  | { kind: "start" }
  | { kind: "end" };

/** Word lists a pattern may name with @name; each entry is one or more words. */
export type WordLists = ReadonlyMap<string, readonly string[]>;
/**
 * Ending classes a pattern may name with stem~name: the inflection endings a stem takes
 * (Scandinavian nouns and verbs inflect by suffix: spørsmål, spørsmålet, spørsmålene).
 */
export type EndingClasses = ReadonlyMap<string, readonly string[]>;

/** What a pattern may name, and how the pack's language writes. */
export interface PatternVocabulary {
  lists?: WordLists;
  endings?: EndingClasses;
  /**
   * A comma may stand between any two items without being written in the pattern. Danish
   * (and many Scandinavian transcripts) put a comma before every subordinate clause ("Jeg
   * synes, at du…"), which carries nothing a coder looks at.
   */
  optionalCommas?: boolean;
}

export const MAX_REPEAT = 8;

// Words, lists and groups may follow an unwritten comma; punctuation, anchors and gaps may not
// (a gap already takes one).
function takesComma(node: Node): boolean {
  if (node.kind === "start" || node.kind === "end") return false;
  if (node.kind === "repeat" && node.max === Infinity) return false;
  return true;
}

const WORD_CHAR = /[\p{L}\p{N}'’*\-]/u;

const OPTIONAL_COMMA: Node = { kind: "repeat", node: { kind: "test", spec: { k: "mark", c: "," } }, min: 0, max: 1 };

export class Parser {
  private pos = 0;
  private readonly lists: WordLists;
  private readonly endings: EndingClasses;
  private readonly optionalCommas: boolean;
  constructor(
    private readonly src: string,
    vocabulary: PatternVocabulary,
    private readonly table: PatternTable,
  ) {
    this.lists = vocabulary.lists ?? new Map();
    this.endings = vocabulary.endings ?? new Map();
    this.optionalCommas = vocabulary.optionalCommas ?? false;
  }

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
      const item = this.parseItem();
      if (this.optionalCommas && items.length > 0 && takesComma(item)) items.push(OPTIONAL_COMMA);
      items.push(item);
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
      return { kind: "repeat", node: { kind: "test", spec: { k: "any" } }, min: 0, max: Infinity };
    } else if (c === "^") {
      this.pos++;
      return { kind: "start" };
    } else if (c === "$") {
      this.pos++;
      return { kind: "end" };
    } else if (PUNCTUATION_MARKS.has(c)) {
      const before = this.src[at - 1];
      if (c === "?" && before !== undefined && !/[\s(\[|]/.test(before)) {
        throw this.error('"?" right after a word or group is the question mark, not "optional": write [word] for an optional part, or put a space before "?"');
      }
      this.pos++;
      node = { kind: "test", spec: { k: "mark", c } };
    } else if (c === "_") {
      this.pos++;
      node = { kind: "test", spec: { k: "word" } };
    } else if (this.src.startsWith("#number", at)) {
      this.pos += "#number".length;
      node = { kind: "test", spec: { k: "number" } };
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
    const m = /^\{(\d+),(\d+)\}/.exec(this.src.slice(this.pos, this.pos + 12));
    if (!m) return node;
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (min > max || max > MAX_REPEAT) throw this.error(`a repeat must be {m,n} with m ≤ n ≤ ${MAX_REPEAT}`);
    if (node.kind === "repeat") throw this.error("a repeat cannot be repeated");
    this.pos += m[0].length;
    return { kind: "repeat", node, min, max };
  }

  private parseList(at: number): Node {
    const m = /^[\w-]+/.exec(this.src.slice(this.pos, this.pos + 100));
    if (!m) throw this.error('"@" must be followed by a list name');
    this.pos += m[0].length;
    const entries = this.lists.get(m[0]);
    if (!entries) throw new PatternError(`no word list named "${m[0]}"`, at);
    const single = entries.filter((e) => !e.includes(" ")).map((e) => e.toLowerCase());
    const multi = entries.filter((e) => e.includes(" "));
    const singleNode: Node = { kind: "test", spec: { k: "set", set: this.table.intern(single) } };
    if (multi.length === 0) return singleNode;
    const options: Node[] = multi.map((entry) => ({
      kind: "seq",
      items: entry.toLowerCase().split(/\s+/).map((word) => this.wordTest(word)),
    }));
    if (single.length > 0) options.unshift(singleNode);
    return { kind: "alt", options };
  }

  private parseWord(): Node {
    const start = this.pos;
    while (this.pos < this.src.length && WORD_CHAR.test(this.src[this.pos]!)) this.pos++;
    const word = foldApostrophes(this.src.slice(start, this.pos).toLowerCase());
    const core = word.replace(/^\*|\*$/g, "");
    if (!core || core.includes("*")) throw new PatternError(`"${word}": "*" may only start or end a word`, start);
    if (/^['-]/.test(core)) throw new PatternError(`"${word}": a word cannot start with "${core[0]}" (write the whole word, e.g. you're)`, start);
    if (this.src[this.pos] !== "~") return this.wordTest(word);
    if (word.endsWith("*")) throw new PatternError(`"${word}~": a stem with endings cannot also end in "*"`, start);
    this.pos++;
    const name = /^[\w-]+/.exec(this.src.slice(this.pos, this.pos + 100))?.[0];
    if (!name) throw this.error('"~" must be followed by the name of an ending class (drikk~verb)');
    const endings = this.endings.get(name);
    if (!endings) throw new PatternError(`no ending class named "${name}"${this.endings.size > 0 ? ` (the pack has ${[...this.endings.keys()].join(", ")})` : ""}`, this.pos);
    this.pos += name.length;
    return this.stemTest(core, endings, word.startsWith("*"));
  }

  // The stem alone or followed by one of the endings; with a leading "*", also at the end of a
  // compound. Without it the forms are a fixed set of words, so the prefilter can use them.
  private stemTest(stem: string, endings: readonly string[], compound: boolean): Node {
    const forms = [stem, ...endings.map((ending) => stem + ending)];
    if (!compound) return { kind: "test", spec: { k: "set", set: this.table.intern(forms) } };
    return { kind: "test", spec: { k: "ends", forms: [...new Set(forms)] } };
  }

  private wordTest(word: string): Node {
    const prefix = word.endsWith("*");
    const suffix = word.startsWith("*");
    const core = word.replace(/^\*|\*$/g, "");
    if (prefix && suffix) return { kind: "test", spec: { k: "infix", w: core } };
    if (prefix) return { kind: "test", spec: { k: "prefix", w: core } };
    if (suffix) return { kind: "test", spec: { k: "suffix", w: core } };
    return { kind: "test", spec: { k: "set", set: this.table.intern([core]) } };
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  private error(message: string): PatternError {
    return new PatternError(message, this.pos);
  }
}
