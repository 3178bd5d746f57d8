// The token alphabet every stage shares: which marks are tokens of their own, and how words are
// folded so that "you’re" and "you're" are one word. Defined once here; the tokenizer, the
// pattern language, the utterance view and language detection all read it.

/** Punctuation marks that are tokens of their own (and that patterns may name). */
export const PUNCTUATION_MARKS: ReadonlySet<string> = new Set(["?", ",", ".", "!", ";", ":"]);

/** The same marks as a regular-expression character class body. */
export const PUNCTUATION_CLASS = "?!,.;:";

export function isPunctuation(token: string): boolean {
  // PUNCTUATION_MARKS.has(token), without hashing the token: this runs on every token, in
  // every stage.
  if (token.length !== 1) return false;
  const c = token.charCodeAt(0);
  return c === 63 || c === 33 || c === 44 || c === 46 || c === 59 || c === 58; // ? ! , . ; :
}

/** Curly apostrophes straightened: the one spelling rules and word lists use. */
export function foldApostrophes(word: string): string {
  return word.includes("’") ? word.replace(/’/g, "'") : word;
}
