// What rules look at: an utterance's tokens and where `^` may stand, computed once per
// utterance and shared by every rule (tokenising per rule would multiply the work).

import { createRequire } from "node:module";
import type { MatchInput } from "../pattern/pattern.js";
import type { PatternTable } from "../pattern/table.js";
import { isPunctuation } from "../pattern/alphabet.js";
import { tokenize, type TokenOptions } from "../pattern/tokens.js";
import type { LanguagePack } from "../packs/pack.js";

export interface TextView extends MatchInput {
  text: string;
  words: number;
  /** Ends with a question mark. */
  question: boolean;
  /** Holds one of the pack's negation words (`voice-negation`): the polarity `when.contradicts` compares. */
  negated: boolean;
  /** Content-word stems, for measuring how much one text echoes another. */
  stems: ReadonlySet<string>;
  /** compromise's reading of the text, made on first use only (it is slow). */
  nlp(): { has(match: string): boolean };
}


export function viewOf(text: string, pack: LanguagePack): TextView {
  return viewOfTokens(text, tokenize(text, tokenOptions(pack)), pack);
}

/** The options every view of the pack's texts is tokenized with. */
export function tokenOptions(pack: LanguagePack): TokenOptions {
  return { disfluencies: pack.disfluencies, keep: pack.questionWords, spellings: pack.spellings };
}

/** The view of `text` whose tokens are already known (`tokenize(text, tokenOptions(pack))`). */
export function viewOfTokens(text: string, tokens: string[], pack: LanguagePack): TextView {
  let doc: { has(match: string): boolean } | null = null;
  // Which of the pack's word sets the tokens hit, marked once: most patterns are then ruled
  // out by a few lookups instead of scanning their required words one by one (so the view
  // needs no set of its distinct tokens).
  const hits = pack.table.mark(tokens);
  const numbers = hits.numbers!;
  return {
    text,
    tokens,
    hits,
    starts: startPositions(tokens, pack.leadFillers),
    words: countWords(tokens),
    question: /\?["'”’)\]]*\s*$/.test(text),
    negated: holdsAny(tokens, numbers, numbered(negatedBy(pack), pack.table)),
    stems: contentStems(tokens, numbers, numbered(pack.stopwords, pack.table)),
    nlp: () => (doc ??= loadCompromise()(text)),
  };
}

const negations = new WeakMap<LanguagePack, ReadonlySet<string>>();

/** The pack's negation words (its `voice-negation` list; none when it has no such list), made once a pack. */
function negatedBy(pack: LanguagePack): ReadonlySet<string> {
  let set = negations.get(pack);
  if (!set) negations.set(pack, (set = new Set(pack.lists.get("voice-negation") ?? [])));
  return set;
}

/**
 * A set of words, told also by the tokens' word numbers in a table (PatternTable.mark): 94 % of
 * a pass's tokens are words of the table, so most tokens are looked up in a list by number
 * instead of hashed into the set (a view looks every token up in two such sets).
 */
export class NumberedWords {
  // By word number: IN, 0 (not one of the words), or ASK (a token of no set: looked up).
  private readonly kinds: Uint8Array;

  constructor(
    readonly words: ReadonlySet<string>,
    readonly table: PatternTable,
  ) {
    this.kinds = new Uint8Array(table.wordNumbers);
    this.kinds[0] = ASK;
    for (const word of words) {
      const number = table.numberOf(word);
      if (number !== 0) this.kinds[number] = IN;
    }
  }

  /** Whether the token, numbered `number` in the table, is one of the words. */
  has(token: string, number: number): boolean {
    const kind = number < this.kinds.length ? this.kinds[number]! : ASK;
    return kind === ASK ? this.words.has(token) : kind === IN;
  }
}

const IN = 1;
const ASK = 2;

const numberedSets = new WeakMap<ReadonlySet<string>, NumberedWords>();

/** The words as a NumberedWords of the table, made once a set (and again for another table). */
function numbered(words: ReadonlySet<string>, table: PatternTable): NumberedWords {
  let made = numberedSets.get(words);
  if (made === undefined || made.table !== table) numberedSets.set(words, (made = new NumberedWords(words, table)));
  return made;
}

function holdsAny(tokens: readonly string[], numbers: readonly number[], words: NumberedWords): boolean {
  for (let i = 0; i < tokens.length; i++) if (words.has(tokens[i]!, numbers[i]!)) return true;
  return false;
}

function countWords(tokens: readonly string[]): number {
  let words = 0;
  for (const token of tokens) if (!isPunctuation(token)) words++;
  return words;
}

/** Share of `view`'s content stems that also stand in any of `stems` (0 when it has none). */
export function echoShare(view: TextView, stems: readonly ReadonlySet<string>[]): number {
  if (stems.length === 0 || view.stems.size === 0) return 0;
  let shared = 0;
  for (const stem of view.stems) {
    // A loop, not `some` with a closure: this runs for every utterance.
    for (const set of stems) {
      if (set.has(stem)) {
        shared++;
        break;
      }
    }
  }
  return shared / view.stems.size;
}

/** The cut-points of every share feature (`echo:`, `v:echo:`, `talk:client-said:`): under a third, under two thirds, the rest. */
export function shareLevel(share: number): "low" | "mid" | "high" {
  return share < 0.34 ? "low" : share < 0.67 ? "mid" : "high";
}

/** The cut-points of every count of new words (`v:novel:`, `talk:new:`): none, a few, several, many. */
export function countLevel(count: number): "0" | "1-2" | "3-5" | "6+" {
  return count === 0 ? "0" : count <= 2 ? "1-2" : count <= 5 ? "3-5" : "6+";
}

// `^` may stand at 0, after any run of leading fillers and commas ("Okay, so, um, what…"), and
// after a first word set off by a comma, which is most often a name or a sentence adverb
// ("Jean, it's good to see you", "Honestly, you…").
function startPositions(tokens: readonly string[], fillers: readonly (readonly string[])[]): Set<number> {
  const starts = new Set<number>();
  starts.add(0);
  const queue = [0];
  if (tokens[1] === "," && !isPunctuation(tokens[0] ?? ",")) {
    starts.add(2);
    queue.push(2);
  }
  // Only the fillers that open with the token at a place can follow it: looked up by that word
  // rather than each filler tried in turn (in the pack's order, so `starts` is filled in the
  // same order).
  const byWord = byFirstWord(fillers);
  // Breadth first over the places reached (a plain index into the queue, no closures: this
  // runs on every utterance).
  for (let next = 0; next < queue.length; next++) {
    const pos = queue[next]!;
    const token = tokens[pos];
    if (token === undefined) continue;
    if (token === "," || token === "." || token === ";" || token === ":") reach(starts, queue, pos + 1);
    const opening = byWord.get(token);
    if (opening !== undefined) for (const filler of opening) if (startsWith(tokens, pos, filler)) reach(starts, queue, pos + filler.length);
  }
  return starts;
}

const fillersByWord = new WeakMap<readonly (readonly string[])[], ReadonlyMap<string, readonly (readonly string[])[]>>();

/** A pack's lead fillers by their first word, in the pack's order, made once a list. (An empty filler would only reach a place already reached.) */
function byFirstWord(fillers: readonly (readonly string[])[]): ReadonlyMap<string, readonly (readonly string[])[]> {
  let byWord = fillersByWord.get(fillers);
  if (byWord === undefined) {
    const made = new Map<string, (readonly string[])[]>();
    for (const filler of fillers) {
      if (filler.length === 0) continue;
      const list = made.get(filler[0]!);
      if (list) list.push(filler);
      else made.set(filler[0]!, [filler]);
    }
    fillersByWord.set(fillers, (byWord = made));
  }
  return byWord;
}

function reach(starts: Set<number>, queue: number[], pos: number): void {
  if (starts.has(pos)) return;
  starts.add(pos);
  queue.push(pos);
}

function startsWith(tokens: readonly string[], pos: number, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (tokens[pos + i] !== words[i]) return false;
  return true;
}

// A crude stem that serves every language here: the first five letters of a content word,
// enough to pair drink/drinking/drinks and drikke/drikker.
function contentStems(tokens: readonly string[], numbers: readonly number[], stopwords: NumberedWords): Set<string> {
  const stems = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.length < 3 || isPunctuation(token) || stopwords.has(token, numbers[i]!)) continue;
    stems.add(token.slice(0, 5));
  }
  return stems;
}

type Nlp = (text: string) => { has(match: string): boolean };
let compromise: Nlp | null = null;

// compromise costs ~150 ms to load and ~0.4 ms a sentence: loaded only when a rule with an
// `nlp` expression is reached.
function loadCompromise(): Nlp {
  if (!compromise) compromise = createRequire(import.meta.url)("compromise") as Nlp;
  return compromise;
}
