// Property-based tests (fast-check): whatever bytes or text come in, the readers and the
// classifier return a result or a clean InputError, quickly; and the turns a reader returns
// hold the input's words, in order, none lost and none added.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBytes } from "../../src/analyze.js";
import { codeUtterance } from "../../src/classify/index.js";
import { lineEvidence } from "../../src/features/index.js";
import { bundledModel } from "../../src/learn/bundled.js";
import { InputError } from "../../src/errors.js";
import { readTranscript } from "../../src/read/index.js";
import { PatternError } from "../../src/pattern/parse.js";
import { Pattern } from "../../src/pattern/pattern.js";
import { COUNSELLOR_CODES } from "../../src/types.js";
import { english } from "../helpers.js";

const TIME_BOUND_MS = 1000;
const encode = (text: string) => new TextEncoder().encode(text);
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Runs `action`; it must return or throw an InputError, within the time bound. */
function returnsOrFailsCleanly(action: () => unknown): void {
  const started = performance.now();
  try {
    action();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.describe()).toMatch(/^\S.*: \S/);
    expect(err.describe()).not.toMatch(/\n/);
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
}

// Transcript-shaped text, to get past the first checks into the deeper code paths.
const word = fc.stringMatching(/^[A-Za-zæøåÆØÅ'’-]{1,10}[,.?!]?$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(" "));
const speaker = fc.constantFrom("Counsellor", "Client", "T", "C", "SPEAKER_00", "SPEAKER_01");
const turnsArb = fc.array(fc.tuple(speaker, sentence), { minLength: 1, maxLength: 30 });
const timecode = fc.integer({ min: 0, max: 359_999_999 }).map((ms) => {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
});

describe("readers and the whole pipeline on any input", () => {
  it("any bytes: a result or a clean error, in bounded time", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom("x.txt", "x.vtt", "x.srt", "x.json"), (bytes, path) => {
        returnsOrFailsCleanly(() => analyzeBytes(bytes, path, { pack: english }));
      }),
      { numRuns: 300 },
    );
  });

  it("any text, including every Unicode plane and line ending: a result or a clean error", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 3000 });
    const shaped = fc.array(fc.oneof(text, turnsArb.map((t) => t.map(([s, x]) => `${s}: ${x}`).join("\r\n")), fc.constant("WEBVTT"), fc.constant("-->")), { maxLength: 6 }).map((parts) => parts.join("\n"));
    fc.assert(
      fc.property(fc.oneof(text, shaped), fc.constantFrom("x.txt", "x.vtt"), (input, path) => {
        returnsOrFailsCleanly(() => analyzeBytes(encode(input), path, { pack: english }));
      }),
      { numRuns: 300 },
    );
  });

  it("plain-text turns hold the input's words in order", () => {
    fc.assert(
      fc.property(turnsArb, (turns) => {
        const input = turns.map(([s, text]) => `${s}: ${text}`).join("\n");
        let transcript;
        try {
          transcript = readTranscript(encode(input), "x.txt", { isKnownLabel: () => true });
        } catch (err) {
          if (err instanceof InputError) return; // one speaker only, say: a clean refusal
          throw err;
        }
        expect(transcript.turns.flatMap((t) => words(t.text))).toEqual(turns.flatMap(([, text]) => words(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("WebVTT cues hold the input's words in order", () => {
    const cues = fc.array(fc.tuple(speaker, sentence, timecode, timecode), { minLength: 2, maxLength: 20 });
    fc.assert(
      fc.property(cues, (list) => {
        const input = ["WEBVTT", "", ...list.flatMap(([s, text, a, b], i) => [String(i + 1), `${a} --> ${b}`, `<v ${s}>${text}</v>`, ""])].join("\n");
        let transcript;
        try {
          transcript = readTranscript(encode(input), "x.vtt", { isKnownLabel: () => true });
        } catch (err) {
          if (err instanceof InputError) return;
          throw err;
        }
        expect(transcript.turns.flatMap((t) => words(t.text))).toEqual(list.flatMap(([, text]) => words(text)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the classifier on any utterance", () => {
  const model = bundledModel(english);
  it("gives one of the codes and a rule, in bounded time, for any text up to 20,000 characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 20_000 }), sentence), (text) => {
        const started = performance.now();
        const u = codeUtterance(lineEvidence("", text, false, english), english, model);
        expect(COUNSELLOR_CODES).toContain(u.code);
        expect(u.rule).toMatch(/^en\./);
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      }),
      { numRuns: 200 },
    );
  });

  it("compiles any pattern text or refuses it with a PatternError, and matches in bounded time", () => {
    const patternText = fc.array(fc.constantFrom("a", "b", "(", ")", "[", "]", "|", "_", "...", "{1,3}", "*", "?", "^", "$", "@x", " ", "#number", "{9,99}"), { maxLength: 40 }).map((p) => p.join(""));
    const tokens = fc.array(fc.constantFrom("a", "b", "c", "?", ","), { maxLength: 2000 });
    fc.assert(
      fc.property(patternText, tokens, (source, list) => {
        let pattern: Pattern;
        try {
          pattern = Pattern.compile(source, { lists: new Map([["x", ["a b", "c"]]]) });
        } catch (err) {
          expect(err).toBeInstanceOf(PatternError);
          return;
        }
        const started = performance.now();
        pattern.matches({ tokens: list, starts: new Set([0]) });
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      }),
      { numRuns: 500 },
    );
  });
});
