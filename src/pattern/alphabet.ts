// The token alphabet every stage shares: which marks are tokens of their own, and how words are
// folded so that "you’re" and "you're" are one word. Defined once here; the tokenizer, the
// pattern language, the utterance view and language detection all read it.

/** Punctuation marks that are tokens of their own (and that patterns may name). */
export const PUNCTUATION_MARKS: ReadonlySet<string> = new Set(["?", ",", ".", "!", ";", ":"]);

/** The same marks as a regular-expression character class body. */
export const PUNCTUATION_CLASS = "?!,.;:";

export function isPunctuation(token: string): boolean {
  return PUNCTUATION_MARKS.has(token);
}

/** Curly apostrophes straightened: the one spelling rules and word lists use. */
export function foldApostrophes(word: string): string {
  return word.includes("’") ? word.replace(/’/g, "'") : word;
}
