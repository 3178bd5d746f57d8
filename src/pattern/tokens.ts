// Words as rules see them: lower case, straight apostrophes (and put back where the pack's
// `spellings` say a word was typed without one: "dont"), punctuation marks as their own
// tokens, stutters ("you-you", "I, I") folded to one word, pure disfluencies (um, uh) and
// names said in address ("So, Chris, what…", "Thanks, Hailey.") left out, so that patterns
// describe what was meant rather than how it was spoken. Stutters cut off by a hyphen ("W-what",
// "so-some") keep only the finished word, and bracketed transcriber notes ("[chuckles]",
// "[inaudible 00:02]") are not words at all.

import { replaceBracketed } from "../text/brackets.js";
import { foldApostrophes, isPunctuation, PUNCTUATION_CLASS } from "./alphabet.js";

// A word (letters and digits, with apostrophe parts: you're, you’re) or one punctuation mark.
const TOKEN = new RegExp(`[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|[${PUNCTUATION_CLASS}]`, "gu");
const CAPITALISED = /^\p{Lu}/u;

export interface TokenOptions {
  disfluencies: ReadonlySet<string>;
  /** Words that stay even when they look like a name in address (question words: "Why, …"). */
  keep?: ReadonlySet<string>;
  /** Words typed without their apostrophe, read as the rules spell them ("dont" → "don't"). */
  spellings?: ReadonlyMap<string, string>;
}

export function tokenize(text: string, options: TokenOptions): string[] {
  const spoken = text.includes("[") ? replaceBracketed(text, "[", "]", " ") : text;
  // Lower-cased once for the whole text rather than token by token, when that gives every
  // token the same letters: not when lower-casing changes the text's length (a dotted İ), nor
  // with a capital sigma (its lower case depends on what follows it).
  const lowered = spoken.toLowerCase();
  const whole = lowered.length === spoken.length && !spoken.includes("Σ");
  // Most texts have no curly apostrophe and no hyphen: their words need no folding and none is
  // cut off.
  const curly = spoken.includes("’");
  const hyphen = spoken.includes("-");
  // One pass, no list of raw tokens (this runs on every utterance): a capitalised word after a
  // comma is held until the next token shows whether it is a name in address.
  const tokens: string[] = [];
  let lastWord = "";
  let previous = "";
  let held: string | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(spoken); m !== null; m = TOKEN.exec(spoken)) {
    const original = m[0];
    const start = m.index;
    const end = start + original.length;
    let lower: string;
    let capital: boolean;
    if (!whole) {
      lower = original.toLowerCase();
      capital = lower !== original && CAPITALISED.test(original);
    } else {
      lower = lowered.slice(start, end);
      const first = spoken.charCodeAt(start);
      const lowerFirst = lowered.charCodeAt(start);
      // An ASCII first letter is a capital when lower-casing changes it (A–Z); any other when
      // it is an upper-case letter and lower-casing changes the word.
      capital = first < 0x80 ? first !== lowerFirst : (first !== lowerFirst || lower !== original) && CAPITALISED.test(original);
    }
    const folded = curly ? foldApostrophes(lower) : lower;
    const token = options.spellings?.get(folded) ?? folded;
    if (options.disfluencies.has(token) || (hyphen && isCutOff(spoken, end, token))) continue;
    const word = !isPunctuation(token);
    if (held !== null) {
      // A word after it: not a name. A mark (they all end a clause): a name, dropped with the
      // comma before it.
      if (word) lastWord = addWord(tokens, held, lastWord);
      else if (tokens[tokens.length - 1] === ",") tokens.pop();
      held = null;
    }
    if (word && capital && mayBeAddressed(token, previous, options.keep)) held = token;
    else if (word) lastWord = addWord(tokens, token, lastWord);
    else tokens.push(token);
    previous = token;
  }
  // A name at the very end ("Thanks, Hailey").
  if (held !== null && tokens[tokens.length - 1] === ",") tokens.pop();
  return tokens;
}

// A word said again ("I, I think") is dropped, with the comma the stutter left behind; gives
// the last word kept.
function addWord(tokens: string[], word: string, lastWord: string): string {
  if (word === lastWord) {
    if (tokens[tokens.length - 1] === ",") tokens.pop();
    return lastWord;
  }
  tokens.push(word);
  return word;
}

// A word as tokenize gives it back when it reads it again on its own: letters and digits with
// straight-apostrophe parts, and nothing lower-casing would change.
const PLAIN_WORD = /^[\p{L}\p{N}]+(?:'\p{L}+)*$/u;

/**
 * What `tokenize(tokens.join(" "), options)` gives, without making and reading the text again
 * (client talk reads the counsellor's tokens with "you" turned into "I"). Reading tokens again
 * drops disfluencies and folds repeats the list now holds ("I I" → "I", with a comma the repeat
 * left behind); a plain lower-case token is never cut off by a hyphen nor taken for a name.
 * A list holding any other token (a capital, a space, a mark that is not a token) is read as
 * text.
 */
export function tokenizeAgain(tokens: readonly string[], options: TokenOptions): string[] {
  const out: string[] = [];
  let lastWord = "";
  for (const token of tokens) {
    if (isPunctuation(token)) {
      out.push(token);
      continue;
    }
    if (!PLAIN_WORD.test(token) || token.toLowerCase() !== token) return tokenize(tokens.join(" "), options);
    if (options.disfluencies.has(token)) continue;
    if (token === lastWord) {
      if (out[out.length - 1] === ",") out.pop();
      continue;
    }
    lastWord = token;
    out.push(token);
  }
  return out;
}

// "W-what", "so-some", "I-I": a start broken off with a hyphen and said again in full.
function isCutOff(text: string, end: number, token: string): boolean {
  if (text.charCodeAt(end) !== 45) return false; // "-"
  // The word after the hyphen, curly apostrophes straightened as in `token`.
  const next = /^[\p{L}'’]+/u.exec(text.slice(end + 1, end + 1 + token.length + 20));
  return next !== null && foldApostrophes(next[0].toLowerCase()).startsWith(token);
}

// A capitalised word set off by commas within or at the end of a sentence is a name said in
// address ("So, Chris, I wanted…", "Thanks, Hailey."): one after a comma may be, and is when a
// mark that ends a clause, or nothing, follows it. A lone "I" and question words are never
// taken for names. A first word set off by a comma may as well be "Well," or "Usually,": it
// stays, and `^` may skip it instead (see startPositions in features/view.ts).
function mayBeAddressed(token: string, before: string, keep: ReadonlySet<string> | undefined): boolean {
  return before === "," && token.length >= 2 && !keep?.has(token);
}
