// Inputs built to cost the square of their size (issue 15): every delimiter each reader knows,
// repeated to 100 kB inside a transcript of that format, must be coded in well under a few
// seconds, and doubling the size must roughly double the time, not quadruple it. The whole
// per-file path is timed (read, roles, segment, tokens, classify), since a quadratic step
// anywhere on it is the same hang. fast-check adds random pairs of delimiters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBytes } from "../../src/analyze.js";
import { InputError } from "../../src/errors.js";
import { packLoader } from "../../src/packs/loader.js";

const packFor = packLoader([], []);
const SMALL = 50_000;
const LARGE = 100_000;
// Generous: a quadratic reader takes 10 s or more at 100 kB. Times are this process's CPU time,
// not the clock's, so other work on a shared 2-core machine does not count against oars.
const LARGE_BOUND_MS = 3000;

/** CPU milliseconds (user + system) this process has used so far. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

type Shape = (filler: string) => string;
const text: Shape = (f) => `Counsellor: What brings you here?\n${f}\nClient: My drinking.\nCounsellor: You want to cut down.\n`;
const turn: Shape = (f) => `Counsellor: What brings you here ${f} today?\nClient: My drinking.\nCounsellor: You want to cut down.\n`;
const label: Shape = (f) => `Client${f}x\nCounsellor: What brings you here?\nClient: My drinking.\n`;
const vtt: Shape = (f) => `WEBVTT\n\n00:00.000 --> 00:01.000\n<v Counsellor>What ${f} brings you?\n\n00:01.000 --> 00:02.000\n<v Client>My drinking.\n`;
const srt: Shape = (f) => `1\n00:00:00,000 --> 00:00:01,000\n[SPEAKER_00]: What ${f} brings you?\n\n2\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_01]: My drinking.\n`;
const json: Shape = (f) => JSON.stringify({ segments: [{ start: 0, end: 1, speaker: "A", text: `What ${f}?` }, { start: 1, end: 2, speaker: "B", text: "My drinking." }] });
// Many segments, as Whisper writes a long session: each holds a piece of the filler.
const jsonMany: Shape = (f) =>
  JSON.stringify({ segments: Array.from({ length: Math.ceil(f.length / 20) }, (_, i) => ({ start: i, end: i + 1, speaker: i % 2 ? "A" : "B", text: `v\u00e5r ${f.slice(i * 20, i * 20 + 20)}` })) });

/** Every reader with the delimiters it knows (and the segmenter's and tokenizer's marks). */
const READERS: Record<string, { shape: Shape; delimiters: string[] }> = {
  "text lines": { shape: text, delimiters: ["\n", "\r", "\r\n", " ", "\t", ":", "T: ", "Client", "[", "]", "(", ")", "[00:01] ", "0:03", "SPEAKER_0", "Transcribed by "] },
  "label spaces": { shape: label, delimiters: [" ", "\t", ":", "\u00a0"] },
  "text turn": { shape: turn, delimiters: [".", "?", "!", "…", ".]", "\"", "’", " ", "-", " - ", "--", "—", "[", "]", "[a", "&", ",", "'"] },
  webvtt: { shape: vtt, delimiters: ["<", ">", "<v ", "<v", "</v>", "<v.a ", "&", "&#x", "&#", "&amp", "-->", " --> ", ":", "."] },
  srt: { shape: srt, delimiters: ["-->", " --> ", ",", "1\n", "00:00:00,000", "[", "[SPEAKER_0", ":"] },
  "whisper json": { shape: json, delimiters: ["\u00e5", "\\", "\"", "{", "[", "\"text\"", "\"segments\"", ",", "\n"] },
  "whisper json, many segments": { shape: jsonMany, delimiters: ["\u00e5", "a", "\"", "\\", "\"text\"", " "] },
};

/** Milliseconds to code `shape` with `delimiter` repeated to about `size` characters. */
function timeOf(shape: Shape, delimiter: string, size: number): number {
  const filler = delimiter.repeat(Math.ceil(size / delimiter.length));
  let input = shape(filler);
  // JSON.stringify wrote å as itself; a Whisper file may spell every one as \u00e5.
  if (shape === json || shape === jsonMany) input = input.replace(/\u00e5/g, "\\u00e5");
  const bytes = new TextEncoder().encode(input);
  const started = cpuMs();
  try {
    analyzeBytes(bytes, "adversarial", { packFor });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }
  return cpuMs() - started;
}

function expectLinear(shape: Shape, delimiter: string): void {
  timeOf(shape, delimiter, 1000); // warm up the code paths
  const small = timeOf(shape, delimiter, SMALL);
  const large = timeOf(shape, delimiter, LARGE);
  const what = `${JSON.stringify(delimiter)}: ${small.toFixed(0)} ms at 50 kB, ${large.toFixed(0)} ms at 100 kB`;
  expect(large, what).toBeLessThan(LARGE_BOUND_MS);
  // Quadratic growth quadruples; linear doubles. The constant absorbs timer noise.
  expect(large, what).toBeLessThan(3 * small + 300);
}

describe("every reader codes adversarial input in linear time", () => {
  for (const [reader, { shape, delimiters }] of Object.entries(READERS)) {
    it(`${reader}: each delimiter repeated to 100 kB`, () => {
      for (const delimiter of delimiters) expectLinear(shape, delimiter);
    }, 120_000);
  }

  it("random pairs of delimiters, in every reader", () => {
    const readers = Object.values(READERS);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: readers.length - 1 }).chain((i) =>
          fc.tuple(fc.constant(readers[i]!.shape), fc.constantFrom(...readers[i]!.delimiters), fc.constantFrom(...readers[i]!.delimiters)),
        ),
        ([shape, a, b]) => expectLinear(shape, a + b),
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
