// WeightRows looks an utterance's n-grams up by word (unigrams by word, bigrams by first then
// second word) instead of by the names ngramsOf makes. Held here to the plain way: every name of
// the features and of ngramsOf(tokens), looked up by name and summed in that order.
import { describe, expect, it } from "vitest";
import { ngramsOf } from "../../src/features/index.js";
import { WeightRows } from "../../src/learn/model.js";

// Three codes as the client model has, thirteen as the counsellor model, and six (scores are
// summed four codes at a time, then one by one).
const SIZES = [3, 6, 13];
const K = 3;

// A small deterministic generator, so a failure can be run again.
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function reference(rows: ReadonlyMap<string, readonly number[]>, features: readonly string[], tokens: readonly string[], K: number) {
  const scores = new Float64Array(K);
  const names: string[] = [];
  for (const name of [...features, ...ngramsOf(tokens)]) {
    const row = rows.get(name);
    if (row === undefined) continue;
    for (let c = 0; c < K; c++) scores[c]! += row[c]!;
    if (name !== "bias") names.push(name);
  }
  return { scores: [...scores], names };
}

describe("WeightRows.score", () => {
  const words = ["you", "i", "should", "feel", "?", ",", ".", "drink", "it's", "you'd"];
  it.each(SIZES)("sums the same n-grams, once each and in ngramsOf's order, as looking their names up (%i codes)", (K) => {
    const random = generator(7);
    const pick = () => words[Math.floor(random() * words.length)]!;
    const rows = new Map<string, number[]>();
    const weight = () => Array.from({ length: K }, () => Math.round((random() * 4 - 2) * 1000) / 1000);
    rows.set("bias", weight());
    rows.set("form:statement", weight());
    // Some of the possible n-grams have weights, some not; and names no utterance makes.
    for (const a of ["<s>", ...words]) {
      if (random() < 0.5) rows.set(`w:${a}`, weight());
      for (const b of words) if (random() < 0.3) rows.set(`w:${a} ${b}`, weight());
    }
    rows.set("w:you should feel", weight());
    rows.set("w:", weight());
    const model = new WeightRows(rows, K);
    for (let trial = 0; trial < 300; trial++) {
      const tokens = Array.from({ length: Math.floor(random() * 12) }, pick);
      const features = random() < 0.5 ? ["bias", "form:statement"] : ["bias"];
      const got = model.score(features, tokens);
      const want = reference(rows, features, tokens, K);
      expect([...got]).toEqual(want.scores);
      expect(model.foundNames()).toEqual(want.names);
    }
  });

  it("counts a repeated n-gram once", () => {
    const model = new WeightRows(new Map([["w:yes", [1, 0, 0]], ["w:yes yes", [0, 1, 0]]]), K);
    expect([...model.score([], ["yes", ",", "yes", "yes"])]).toEqual([1, 1, 0]);
  });
});
