// Words as rules see them: lower case, straight apostrophes, punctuation marks as their own
// tokens, stutters ("you-you", "I, I") folded to one word, pure disfluencies (um, uh) and
// names said in address ("So, Chris, what…", "Thanks, Hailey.") left out, so that patterns
// describe what was meant rather than how it was spoken.

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[?!,.;:]/gu;
const WORD = /[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;
const CLAUSE_END = /^[,.?!;:]$/;

export interface TokenOptions {
  disfluencies: ReadonlySet<string>;
  /** Words that stay even when they look like a name in address (question words: "Why, …"). */
  keep?: ReadonlySet<string>;
}

export function tokenize(text: string, options: TokenOptions): string[] {
  const raw: { token: string; capitalised: boolean }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0].toLowerCase().replace(/’/g, "'");
    if (options.disfluencies.has(token)) continue;
    raw.push({ token, capitalised: CAPITALISED.test(m[0]) });
  }
  const tokens: string[] = [];
  let lastWord = "";
  raw.forEach(({ token, capitalised }, i) => {
    const isWord = WORD.test(token);
    if (isWord && capitalised && isAddress(raw, i, options.keep)) {
      if (tokens[tokens.length - 1] === ",") tokens.pop();
      return;
    }
    if (isWord) {
      if (token === lastWord) {
        // "I, I think": drop the comma the stutter left behind along with the repeat.
        if (tokens[tokens.length - 1] === ",") tokens.pop();
        return;
      }
      lastWord = token;
    }
    tokens.push(token);
  });
  return tokens;
}

// A capitalised word set off by commas within or at the end of a sentence is a name said in
// address ("So, Chris, I wanted…", "Thanks, Hailey."). A lone "I" and question words are
// never taken for names.
function isAddress(raw: readonly { token: string }[], i: number, keep: ReadonlySet<string> | undefined): boolean {
  const token = raw[i]!.token;
  if (token.length < 2 || keep?.has(token)) return false;
  const before = raw[i - 1]?.token;
  const after = raw[i + 1]?.token;
  // A first word set off by a comma may as well be "Well," or "Usually,": it stays, and `^`
  // may skip it instead (see startPositions in classify/view.ts).
  if (before !== ",") return false;
  return after === undefined || CLAUSE_END.test(after);
}
