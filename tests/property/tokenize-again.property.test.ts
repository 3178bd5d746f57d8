// tokenizeAgain (client talk's mirrored counsellor line) must give exactly what tokenize gives
// for the tokens joined with spaces: repeats the list now holds folded (with the comma a repeat
// left behind), disfluencies dropped, and anything that is not a plain lower-case token (a
// capital, a hyphen, a bracket, a space, a dotted İ's combining mark) read as text.
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPack } from "../../src/packs/loader.js";
import { tokenize, tokenizeAgain } from "../../src/pattern/tokens.js";

const disfluencies = new Set(["um", "uh", "erm"]);
const options = { disfluencies, keep: new Set(["why", "what"]) };

const PIECES = [
  "i", "I", "you", "you're", "you’re", "i'm", "my", "your", "um", "uh", "so", "So", "Chris", "think", "thinking", "drink",
  ",", ".", "?", "!", ";", ":", "-", "W-what", "so-some", "[laughs]", "[", "]", "du", "jeg", "dig", "mig", "får", "Får",
  "İstanbul", "i̇stanbul", "Σσ", "ǅ", "ϒ", "a b", "", " ", "’", "'", "don't", "rock'n'roll", "x'", "2", "²", "ⅻ", "Why", "why",
];

const token = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.stringMatching(/^[a-zæøå']{1,6}$/));

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
