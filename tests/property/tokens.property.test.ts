// tokenize reads a text in one pass, holding a capitalised word after a comma until the next
// token shows whether it is a name in address; it must give what the plain two passes give
// (every raw token first, then names and repeats dropped), kept here as the reference.
//
// tokenizeAgain (client talk's mirrored counsellor line) must give exactly what tokenize gives
// for the tokens joined with spaces: repeats the list now holds folded (with the comma a repeat
// left behind), disfluencies dropped, and anything that is not a plain lower-case token (a
// capital, a hyphen, a bracket, a space, a dotted İ's combining mark) read as text.
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPack } from "../../src/packs/loader.js";
import { foldApostrophes, isPunctuation } from "../../src/pattern/alphabet.js";
import { tokenize, tokenizeAgain, type TokenOptions } from "../../src/pattern/tokens.js";
import { replaceBracketed } from "../../src/text/brackets.js";

/** The two-pass tokenizer tokenize was before it read in one pass. */
function referenceTokenize(text: string, options: TokenOptions): string[] {
  const raw: string[] = [];
  const capitalised: boolean[] = [];
  const spoken = text.includes("[") ? replaceBracketed(text, "[", "]", " ") : text;
  for (const m of spoken.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[?!,.;:]/gu)) {
    const original = m[0];
    const token = foldApostrophes(original.toLowerCase());
    const end = m.index + original.length;
    const next = spoken[end] === "-" ? /^[\p{L}'’]+/u.exec(spoken.slice(end + 1, end + 1 + token.length + 20)) : null;
    if (options.disfluencies.has(token) || (next !== null && foldApostrophes(next[0].toLowerCase()).startsWith(token))) continue;
    raw.push(token);
    capitalised.push(original.toLowerCase() !== original && /^\p{Lu}/u.test(original));
  }
  const tokens: string[] = [];
  let lastWord = "";
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const isWord = !isPunctuation(token);
    const address = isWord && capitalised[i] && token.length >= 2 && !options.keep?.has(token) && raw[i - 1] === "," && (raw[i + 1] === undefined || isPunctuation(raw[i + 1]!));
    if (address || (isWord && token === lastWord)) {
      if (tokens[tokens.length - 1] === ",") tokens.pop();
      continue;
    }
    if (isWord) lastWord = token;
    tokens.push(token);
  }
  return tokens;
}

const disfluencies = new Set(["um", "uh", "erm"]);
const options = { disfluencies, keep: new Set(["why", "what"]) };

const PIECES = [
  "i", "I", "you", "you're", "you’re", "i'm", "my", "your", "um", "uh", "so", "So", "Chris", "think", "thinking", "drink",
  ",", ".", "?", "!", ";", ":", "-", "W-what", "so-some", "[laughs]", "[", "]", "du", "jeg", "dig", "mig", "får", "Får",
  "İstanbul", "i̇stanbul", "Σσ", "ǅ", "ϒ", "a b", "", " ", "’", "'", "don't", "rock'n'roll", "x'", "2", "²", "ⅻ", "Why", "why",
];

const token = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.stringMatching(/^[a-zæøå']{1,6}$/));

describe("tokenize", () => {
  it("equals the two-pass reading for any text", () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES, ", ", " ", "I-I", "Hailey", "Okay", "σ"), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join(pieces.length % 2 ? "" : " ");
        expect(tokenize(text, options)).toEqual(referenceTokenize(text, options));
      }),
      { numRuns: 20000 },
    );
  });
});

describe("tokenizeAgain", () => {
  it("equals tokenize(tokens.join(' ')) for any token list", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        expect(tokenizeAgain(tokens, options)).toEqual(tokenize(tokens.join(" "), options));
      }),
      { numRuns: 5000 },
    );
  });

  it("equals it for tokenized lines with stutters, mirrored by each pack", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("I", "you", "you,", "I,", "um", "your", "Chris,", "you're", "du", "dig", "din", "jeg", "think", "so", ",", "?", "."), { maxLength: 16 }), (words) => {
        const tokens = tokenize(words.join(" "), options);
        expect(tokenizeAgain(tokens, options)).toEqual(tokenize(tokens.join(" "), options));
      }),
      { numRuns: 3000 },
    );
  });

  it("equals it for every mirrored dev-corpus utterance in each language", () => {
    const dir = "fixtures";
    const texts: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${d}/${e.name}`);
        else if (/\.(txt|vtt|srt|tsv)$/.test(e.name)) texts.push(...readFileSync(`${d}/${e.name}`, "utf8").split(/(?<=[.?!])\s+|\n/));
      }
    };
    walk(dir);
    let mirroredLines = 0;
    for (const language of ["en", "nb", "da", "sv"]) {
      const pack = loadPack(language);
      const packOptions = { disfluencies: pack.disfluencies, keep: pack.questionWords };
      for (const text of texts) {
        const tokens = tokenize(text, packOptions);
        const mirrored = tokens.map((t) => pack.clientMirror.get(t) ?? t);
        if (mirrored.some((t, i) => t !== tokens[i])) mirroredLines++;
        expect(tokenizeAgain(tokens, packOptions)).toEqual(tokens);
        expect(tokenizeAgain(mirrored, packOptions)).toEqual(tokenize(mirrored.join(" "), packOptions));
      }
    }
    expect(mirroredLines).toBeGreaterThan(100);
  });
});
