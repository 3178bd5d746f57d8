// Words as rules see them: lower case, straight apostrophes, punctuation marks as their own
// tokens, stutters ("you-you", "I, I") folded to one word, and pure disfluencies (um, uh)
// left out, so that patterns describe what was meant rather than how it was spoken.

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[?!,.;:]/gu;

export interface TokenOptions {
  disfluencies: ReadonlySet<string>;
}

export function tokenize(text: string, options: TokenOptions): string[] {
  const tokens: string[] = [];
  let lastWord = "";
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0].toLowerCase().replace(/’/g, "'");
    if (options.disfluencies.has(token)) continue;
    const isWord = /[\p{L}\p{N}]/u.test(token);
    if (isWord) {
      if (token === lastWord) {
        // "I, I think": drop the comma the stutter left behind along with the repeat.
        if (tokens[tokens.length - 1] === ",") tokens.pop();
        continue;
      }
      lastWord = token;
    }
    tokens.push(token);
  }
  return tokens;
}
