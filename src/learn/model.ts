// The learned layer at run time: weights (data, see weights.ts) compiled against the pack in
// use. An utterance's score for a code is the sum of its features' weights for that code; the
// softmax of the scores is its probability. The features with the largest weights for the
// chosen code are its `why`.

import { SourceError } from "../errors.js";
import { ruleKey, type UtteranceEvidence } from "../features/index.js";
import { isPunctuation } from "../pattern/alphabet.js";
import type { LanguagePack } from "../packs/pack.js";
import { COUNSELLOR_CODES, type Code } from "../types.js";
import { POSITIONS, type Position, type WeightsData } from "./weights.js";

const K = COUNSELLOR_CODES.length;

/**
 * A rule the weights do not know (a user's own rule folder) starts with a prior: this many
 * logits toward its code at priority 100, in proportion to its priority (priority 50: 1.5).
 * Training on coded sessions replaces the prior with a learned weight.
 */
export const PRIOR_AT_PRIORITY_100 = 3;

/**
 * Codes that flag a line as MI non-adherent, and advice with permission: the weights may give
 * them only when a rule of the code held. A flag then always has a rule to name and explain
 * it, and the balanced weights (which lift rare codes) cannot flag a plain reflection on word
 * evidence alone. Advice with permission joined them when the Scandinavian weights were seen
 * giving it to double-sided reflections on the words of the code sets' advice lines ("en del",
 * "men"): requiring a rule raised advice precision in every cross-validation (AnnoMI 0.52 →
 * 0.54; the twelve translated sessions en 0.38 → 0.43, nb 0.38 → 0.50, da 0.50 → 0.60, sv 0.33
 * → 0.40) and left the code sets' figures as they were.
 */
export const NEEDS_A_RULE: ReadonlySet<Code> = new Set(["persuade", "confront", "persuade-with-permission"]);

export interface Reason {
  feature: string;
  weight: number;
}

export interface Prediction {
  code: Code;
  probability: number;
  probabilities: number[];
  /** The features that pushed most toward the code, strongest first. */
  why: Reason[];
}

export class CodeModel {
  readonly language: string;
  readonly confidenceCut: number;
  // Each feature's weights are a row of K numbers in one array, found by the feature's row
  // number: a map to a small array a feature cost a scattered object and its numbers to read
  // for each of the ~80 names an utterance looks up.
  private readonly rows: WeightRows;
  private readonly primaryScores: Record<Position, Float64Array>;

  constructor(data: WeightsData, pack: LanguagePack) {
    this.language = data.language;
    this.confidenceCut = data.confidenceCut;
    this.rows = new WeightRows(withPriors(data.features, data.rules, pack.rules, COUNSELLOR_CODES, PRIOR_AT_PRIORITY_100), K);
    this.primaryScores = Object.fromEntries(POSITIONS.map((p) => [p, Float64Array.from(data.primary[p])])) as Record<Position, Float64Array>;
  }

  // The hot path of coding: no arrays of names are built, and `why` keeps its few strongest
  // reasons as it goes instead of sorting every active feature.
  predict(evidence: UtteranceEvidence, reasons = 3): Prediction {
    const probabilities = softmax(this.rows.score(evidence.features, evidence.tokens));
    let best = COUNSELLOR_CODES.length - 1; // other: always eligible
    for (let c = 0; c < K; c++) if (probabilities[c]! > probabilities[best]! && this.eligible(c, evidence)) best = c;
    return { code: COUNSELLOR_CODES[best]!, probability: probabilities[best]!, probabilities, why: this.rows.why(best, reasons) };
  }

  private eligible(c: number, evidence: UtteranceEvidence): boolean {
    const code = COUNSELLOR_CODES[c]!;
    return !NEEDS_A_RULE.has(code) || evidence.hits.some((rule) => rule.code === code);
  }

  /** Which utterance names the turn: the highest score for its code at its position (ties: the later). */
  primaryIndex(codes: readonly Code[]): number {
    let best = -1;
    let bestScore = -Infinity;
    codes.forEach((code, index) => {
      const score = this.primaryScores[positionOf(index, codes.length)][COUNSELLOR_CODES.indexOf(code)]!;
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    });
    return best;
  }
}

/**
 * Weight rows of K numbers a feature, in one array; a feature's row starts at its number times K.
 * Shared by the counsellor and client models.
 */
export class WeightRows {
  readonly weights: Float64Array;
  private readonly start = new Map<string, number>();
  // The n-gram features (`w:you`, `w:you should`) also by their words, so that an utterance's
  // n-grams are looked up from its tokens without making their names (~40 strings an
  // utterance, most of them not in the vocabulary): one entry a word, with the unigram's feature
  // number and the bigrams it opens (by second word), so a token is looked up once and its entry
  // serves the next token's bigram. `names` gives a found feature's name back for `why`.
  private readonly words = new Map<string, WordGrams>();
  private readonly names: string[] = [];
  private readonly biasRow: number;
  // Which features an utterance's n-grams have already counted (an n-gram counts once however
  // often it is said): the feature's entry holds the number of the utterance that counted it.
  private readonly counted: Uint32Array;
  private utterance = 0;
  // Allocating a typed array costs more than clearing one: one array for every call's scores.
  private readonly scores: Float64Array;
  // The rows the last call found, in the order their weights are summed (bias included), and
  // how many: `why` reads them, so a call makes no arrays of names.
  private found = new Int32Array(256);
  private foundCount = 0;
  private readonly top: number[] = [];

  constructor(
    rows: ReadonlyMap<string, readonly number[]>,
    private readonly k: number,
  ) {
    this.weights = new Float64Array(rows.size * k);
    this.counted = new Uint32Array(rows.size);
    this.scores = new Float64Array(k);
    let at = 0;
    for (const [name, row] of rows) {
      for (let c = 0; c < k; c++) this.weights[at + c] = row[c] ?? 0;
      this.start.set(name, at);
      this.indexGram(name, this.names.length);
      this.names.push(name);
      at += k;
    }
    this.biasRow = this.start.get("bias") ?? -1;
  }

  private wordEntry(word: string): WordGrams {
    let entry = this.words.get(word);
    if (entry === undefined) this.words.set(word, (entry = { unigram: -1, after: undefined }));
    return entry;
  }

  // A name as ngramsOf makes it: `w:` and a word, or `w:`, a word (or `<s>`), a space and a
  // word (words hold no spaces).
  private indexGram(name: string, feature: number): void {
    if (!name.startsWith("w:")) return;
    const space = name.indexOf(" ", 2);
    if (space < 0) {
      this.wordEntry(name.slice(2)).unigram = feature;
      return;
    }
    const second = name.slice(space + 1);
    if (second.includes(" ")) return; // no utterance makes it
    const entry = this.wordEntry(name.slice(2, space));
    (entry.after ??= new Map()).set(second, feature);
  }

  /**
   * The summed weights of the named features and then of the n-grams of `tokens` (ngramsOf's,
   * in its order: a sum of doubles depends on it). The scores are this object's own array, good
   * until its next call (an utterance's scores go straight to softmax, which makes its own);
   * `why` and `foundNames` read the features this call found.
   */
  score(features: readonly string[], tokens: readonly string[]): Float64Array {
    const { weights, k, counted, scores } = this;
    // At most one row a feature name and two a token (its unigram and the bigram it ends).
    if (this.found.length < features.length + 2 * tokens.length) this.found = new Int32Array(features.length + 2 * tokens.length);
    const found = this.found;
    let n = 0;
    for (const name of features) {
      const row = this.start.get(name);
      if (row !== undefined) found[n++] = row;
    }
    if (++this.utterance === 0xffffffff) {
      counted.fill(0);
      this.utterance = 1;
    }
    const utterance = this.utterance;
    let after = this.words.get("<s>")?.after;
    for (const word of tokens) {
      if (isPunctuation(word) && word !== "?") continue;
      const entry = this.words.get(word);
      if (entry !== undefined) {
        const unigram = entry.unigram;
        if (unigram >= 0 && counted[unigram]! !== utterance) {
          counted[unigram] = utterance;
          found[n++] = unigram * k;
        }
      }
      const bigram = after?.get(word);
      if (bigram !== undefined && counted[bigram]! !== utterance) {
        counted[bigram] = utterance;
        found[n++] = bigram * k;
      }
      after = entry?.after;
    }
    this.foundCount = n;
    // Code by code over the rows found, in their order: each code's sum adds the same numbers
    // in the same order as adding row after row (so the same doubles), but in local variables
    // instead of the array, four codes at a time (four sums that do not wait for each other).
    // Summing a pass's counsellor rows: 5.6-8.1 ms row by row, 4.1 a code at a time, 2.1 four.
    let c = 0;
    for (; c + 4 <= k; c += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const at = found[i]! + c;
        s0 += weights[at]!;
        s1 += weights[at + 1]!;
        s2 += weights[at + 2]!;
        s3 += weights[at + 3]!;
      }
      scores[c] = s0;
      scores[c + 1] = s1;
      scores[c + 2] = s2;
      scores[c + 3] = s3;
    }
    for (; c < k; c++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weights[found[i]! + c]!;
      scores[c] = sum;
    }
    return scores;
  }

  /**
   * The `count` features of the last call (other than `bias`) with the largest weight for code
   * `c`, strongest first (ties: by name).
   */
  why(c: number, count: number): Reason[] {
    const { weights, found, names, k, top } = this;
    // The top rows so far, strongest first, in a reused array: a reason object is made only for
    // the few given back, and a name is read only to break a tie.
    let size = 0;
    for (let i = 0; i < this.foundCount; i++) {
      const row = found[i]!;
      if (row === this.biasRow) continue;
      if (size === count && !this.before(row, top[count - 1]!, c)) continue;
      let at = size;
      while (at > 0 && this.before(row, top[at - 1]!, c)) at--;
      if (size < count) size++;
      for (let j = size - 1; j > at; j--) top[j] = top[j - 1]!;
      top[at] = row;
    }
    const reasons: Reason[] = [];
    for (let i = 0; i < size; i++) reasons.push({ feature: names[top[i]! / k]!, weight: Math.round(weights[top[i]! + c]! * 100) / 100 });
    return reasons;
  }

  /** Whether the feature at `row` goes before the one at `other` in `why` for code `c`: a larger weight, or the same and its name first. */
  private before(row: number, other: number, c: number): boolean {
    const weight = this.weights[row + c]!;
    const otherWeight = this.weights[other + c]!;
    return weight > otherWeight || (weight === otherWeight && this.names[row / this.k]! < this.names[other / this.k]!);
  }

  /** The names of the features the last call found other than `bias`, in order (for tests). */
  foundNames(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.foundCount; i++) if (this.found[i] !== this.biasRow) out.push(this.names[this.found[i]! / this.k]!);
    return out;
  }
}

/** A word's n-gram features by number: its unigram's (-1: none) and the bigrams it opens, by second word. */
interface WordGrams {
  unigram: number;
  after: Map<string, number> | undefined;
}

/**
 * The weights' feature rows, and a row for each rule the weights do not know (a user's own
 * rule folder): `prior` logits toward its code at priority 100, in proportion to its priority.
 */
export function withPriors<C extends string>(
  features: Readonly<Record<string, readonly number[]>>,
  knownRules: readonly string[],
  rules: readonly { id: string; code: C; priority: number }[],
  codes: readonly C[],
  prior: number,
): Map<string, readonly number[]> {
  const rows = new Map<string, readonly number[]>(Object.entries(features));
  const known = new Set(knownRules);
  for (const rule of rules) {
    const key = ruleKey(rule.id);
    if (known.has(key)) continue;
    const row = new Array<number>(codes.length).fill(0);
    row[codes.indexOf(rule.code)] = (prior * rule.priority) / 100;
    rows.set(`rule:${key}`, row);
  }
  return rows;
}

/**
 * Weights as training on top of them starts from them: for the same language, the model they
 * code with, so a rule they do not know (a trainer's own) starts at its prior, not at 0, and
 * stays near it unless the coded data says otherwise. English weights under nb, da or sv carry
 * the rules both packs share and nothing else: a rule only that language has starts at 0, as it
 * did (starting those at their priors lowered the translated sessions' figures: Danish macro-F1
 * 0.68 → 0.66, R:Q Spearman 0.48 → 0.39; docs/development.md, session 18).
 */
export function asBase(data: WeightsData, pack: LanguagePack): WeightsData {
  return withRulePriors(data, pack.language, pack.rules, COUNSELLOR_CODES, PRIOR_AT_PRIORITY_100);
}

/** asBase for either model: its weights with a prior row for each rule of `rules` they do not know, for the same language only. */
export function withRulePriors<W extends { language: string; rules: string[]; features: Record<string, number[]> }, C extends string>(
  data: W,
  language: string,
  rules: readonly { id: string; code: C; priority: number }[],
  codes: readonly C[],
  prior: number,
): W {
  if (data.language !== language) return data;
  return { ...data, features: Object.fromEntries(withPriors(data.features, data.rules, rules, codes, prior)) as Record<string, number[]> };
}

export function positionOf(index: number, count: number): Position {
  return count === 1 ? "only" : index === 0 ? "first" : index === count - 1 ? "last" : "middle";
}

// A plain array, not a Float64Array: V8 makes a small typed array through the runtime, ~0.6 µs
// each (a pass's 11 k predictions: softmax's self time 5.6 -> 1.2-1.6 ms a pass, a micro-benchmark
// 9.1 -> 2.3 ms); the doubles held are the same.
export function softmax(scores: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  const out = new Array<number>(scores.length);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += out[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) out[c]! /= sum;
  return out;
}

/** Rule ids a weights file names but the pack lacks, for a one-line message: the first three and how many more. */
export function someOf(ids: readonly string[]): string {
  return `${ids.slice(0, 3).join(", ")}${ids.length > 3 ? ` and ${ids.length - 3} more` : ""}`;
}

/**
 * Weights checked against the pack they are used with: the same language, and every rule
 * they name present in the pack (or one of `known`, the bundled rules a configuration switched
 * off). A pack rule they do not name gets a prior (PRIOR_AT_PRIORITY_100).
 */
export function compileModel(data: WeightsData, pack: LanguagePack, source: string, known: ReadonlySet<string> = new Set()): CodeModel {
  if (data.language !== pack.language) {
    throw new SourceError(source, `weights for ${data.language}, not for ${pack.language}: train weights for ${pack.language} (oars train --lang ${pack.language})`);
  }
  const ids = new Set([...pack.rules.map((r) => ruleKey(r.id)), ...known]);
  const missing = data.rules.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new SourceError(source, `built against other rule ids: ${someOf(missing)} not in the ${pack.language} rules loaded: load the rule folders they were trained with (--rules DIR, rule-folders:), or retrain with oars train`);
  }
  return new CodeModel(data, pack);
}
