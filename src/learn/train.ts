// Training the learned layer: a multinomial logistic regression over the 13 counsellor codes
// with balanced class weights and an L2 pull toward the starting weights (zero, or a base
// file's), fitted by the deterministic optimiser. Labels may be partial: each example names
// the set of codes its reference allows (one code for a MITI line; for an AnnoMI turn, the
// codes its labels allow), and the loss is -log Σ_{c ∈ allowed} p(c). A new source of codes is
// just more examples.
//
// Then two small steps, from out-of-fold predictions (grouped folds) so they are not fitted
// to the codes the model has already seen: which utterance names its turn (a score per code
// and position), and the probability cut above which a code is `high` confidence.

import type { UtteranceEvidence } from "../features/index.js";
import type { Language } from "../languages.js";
import { COUNSELLOR_CODES, type Code } from "../types.js";
import { positionOf, softmax } from "./model.js";
import { exampleFolds, subset } from "./folds.js";
import { minimize } from "./optimize.js";
import { vocabularyOf } from "./vocabulary.js";
import { POSITIONS, WEIGHTS_FORMAT, WEIGHTS_VERSION, round, type Position, type TrainingOptions, type WeightsData } from "./weights.js";

const K = COUNSELLOR_CODES.length;
const CODE_INDEX = new Map<Code, number>(COUNSELLOR_CODES.map((c, i) => [c, i]));

/** How much the turns' "some utterance names the behaviour" terms weigh, all together, against the utterances'. */
const TURN_WEIGHT = 1;
/** A word n-gram of code-set lines is a feature when this many lines use it. */
const MIN_LINES = 4;
/** Balanced weights to this power: 1 is fully balanced, 0 unweighted. */
const BALANCE_POWER = 0.5;

export const DEFAULT_OPTIONS: TrainingOptions = { l2: 0.003, iterations: 150, minSessionShare: 0.5, lineWeight: 10 };

/** The share of `high` codes that must agree with the reference (README "Accuracy"). */
export const HIGH_CONFIDENCE_AGREEMENT = 0.9;

export interface Example {
  evidence: UtteranceEvidence;
  allowed: readonly Code[];
  /** The reference speaks to this utterance alone (a MITI line, a one-utterance turn): it calibrates the confidence cut. */
  alone: boolean;
  /** Sessions group folds (AnnoMI: the source video); lines of a code set are one group each file. */
  group: string;
  /** The transcript the utterance is from, or null for a code set's line (not a session). */
  session: string | null;
  /** How much the example counts (a code set's lines count `lineWeight`). */
  weight: number;
}

/** A reference turn with several utterances: which behaviour names it, for the primary step. */
export interface TurnExample {
  examples: number[];
  /** The behaviour group the turn's primary code must fall in. */
  accepts: (code: Code, text: string) => boolean;
  group: string;
}

export interface TrainingSet {
  examples: Example[];
  turns: TurnExample[];
}

export interface TrainRequest {
  language: Language;
  /** Rule ids (without language) of the pack the evidence was made with. */
  rules: string[];
  trainedOn: string[];
  base: { name: string; data: WeightsData } | null;
  options: TrainingOptions;
  /** Folds for the primary step and the confidence cut; below 2, both come from in-sample predictions. */
  folds: number;
}

export function train(set: TrainingSet, request: TrainRequest): WeightsData {
  const { options } = request;
  const vocabulary = vocabularyOf(set.examples, { share: options.minSessionShare, minSessions: 1, minLines: MIN_LINES }, request.language, request.base?.data ?? null);
  const fit = fitCodes(set, vocabulary, request);
  const predictions = request.folds >= 2 ? outOfFold(set, request, vocabulary) : set.examples.map((e) => predictWith(fit, e.evidence));
  return {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    language: request.language,
    codes: [...COUNSELLOR_CODES],
    rules: [...request.rules].sort(),
    trainedOn: request.trainedOn,
    base: request.base?.name ?? null,
    options,
    confidenceCut: confidenceCut(set.examples, predictions),
    vocabulary: [...vocabulary].sort(),
    primary: fitPrimary(set, predictions, request.base?.data.primary ?? null),
    features: featureRows(fit.names, fit.weights, K),
  };
}

// ---- the code model -----------------------------------------------------------------------

/** Fitted weights as the weights file holds them: feature name → its `k` weights, rounded. */
export function featureRows(names: readonly string[], weights: Float64Array, k: number): Record<string, number[]> {
  return Object.fromEntries(names.map((name, f) => [name, Array.from(weights.subarray(f * k, (f + 1) * k), round)]));
}

/** Each example's probabilities under weights `w` (`k` a feature), from its active feature indexes. */
export function rowProbabilities(rows: readonly number[][], w: Float64Array, k: number): number[][] {
  return rows.map((row) => {
    const scores = new Float64Array(k);
    for (const f of row) for (let c = 0; c < k; c++) scores[c]! += w[f * k + c]!;
    return softmax(scores);
  });
}

/**
 * The features a model is fitted over, in name order, and their starting weights (`k` a
 * feature): the training examples' features and the vocabulary's words, and the base weights'
 * features but a rule this pack does not have and another language's words. Shared by the
 * counsellor and the client trainers.
 */
export function featureTable(evidence: readonly { features: readonly string[] }[], vocabulary: ReadonlySet<string>, rules: readonly string[], base: Record<string, number[]> | null, k: number): { sorted: string[]; index: Map<string, number>; start: Float64Array } {
  const ruleNames = new Set(rules.map((id) => `rule:${id}`));
  const names = new Set<string>();
  const baseRows = new Map<string, number[]>();
  for (const [name, row] of Object.entries(base ?? {})) {
    if (name.startsWith("rule:") && !ruleNames.has(name)) continue;
    if (name.startsWith("w:") && !vocabulary.has(name)) continue;
    baseRows.set(name, row);
    names.add(name);
  }
  for (const e of evidence) for (const name of e.features) names.add(name);
  for (const gram of vocabulary) names.add(gram);
  const sorted = [...names].sort();
  const index = new Map(sorted.map((name, i) => [name, i]));
  const start = new Float64Array(sorted.length * k);
  sorted.forEach((name, f) => baseRows.get(name)?.forEach((w, c) => (start[f * k + c] = w)));
  return { sorted, index, start };
}

interface Fit {
  names: string[];
  vocabulary: ReadonlySet<string>;
  index: Map<string, number>;
  weights: Float64Array;
}

function fitCodes(set: TrainingSet, vocabulary: ReadonlySet<string>, request: TrainRequest): Fit {
  const { examples } = set;
  const { sorted, index, start } = featureTable(examples.map((e) => e.evidence), vocabulary, request.rules, request.base?.data.features ?? null, K);

  const rows = examples.map((e) => activeIndexes(e.evidence, index, vocabulary));
  const allowed = examples.map((e) => e.allowed.map((code) => CODE_INDEX.get(code)!));
  const weights = exampleWeights(examples);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const { l2 } = request.options;
  // Per turn of several utterances: which codes of each utterance fall in the turn's behaviour.
  const turns = set.turns.map((turn) => ({
    examples: turn.examples,
    inside: turn.examples.map((i) => COUNSELLOR_CODES.map((code) => turn.accepts(code, examples[i]!.evidence.text))),
  }));
  const turnScale = TURN_WEIGHT / Math.max(turns.length, 1);

  const objective = (w: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    const probabilities = rowProbabilities(rows, w, K);
    const dz = rows.map(() => new Float64Array(K));
    for (let i = 0; i < rows.length; i++) {
      const p = probabilities[i]!;
      let inside = 0;
      for (const c of allowed[i]!) inside += p[c]!;
      inside = Math.max(inside, 1e-300);
      const s = weights[i]! / total;
      loss -= s * Math.log(inside);
      // d(-log Σ_A p)/dz_c = p_c - [c ∈ A]·p_c / Σ_A p
      for (let c = 0; c < K; c++) dz[i]![c]! += s * p[c]!;
      for (const c of allowed[i]!) dz[i]![c]! -= (s * p[c]!) / inside;
    }
    // A turn's behaviour must be named by at least one of its utterances:
    // -log(1 - Π_i (1 - q_i)), q_i the probability that utterance i is of that behaviour.
    for (const turn of turns) {
      const q = turn.examples.map((i, at) => {
        let sum = 0;
        for (let c = 0; c < K; c++) if (turn.inside[at]![c]) sum += probabilities[i]![c]!;
        return Math.min(sum, 1 - 1e-12);
      });
      const none = q.reduce((prod, x) => prod * (1 - x), 1);
      const some = Math.max(1 - none, 1e-300);
      loss -= turnScale * Math.log(some);
      turn.examples.forEach((i, at) => {
        const others = none / (1 - q[at]!);
        const p = probabilities[i]!;
        for (let c = 0; c < K; c++) dz[i]![c]! -= ((turnScale * others) / some) * p[c]! * ((turn.inside[at]![c] ? 1 : 0) - q[at]!);
      });
    }
    for (let i = 0; i < rows.length; i++) {
      const d = dz[i]!;
      for (const f of rows[i]!) for (let c = 0; c < K; c++) gradient[f * K + c]! += d[c]!;
    }
    for (let j = 0; j < w.length; j++) {
      const d = w[j]! - start[j]!;
      loss += 0.5 * l2 * d * d;
      gradient[j]! += l2 * d;
    }
    return loss;
  };
  return { names: sorted, vocabulary, index, weights: minimize(objective, start, request.options.iterations) };
}

/** The indexes of an utterance's features and in-vocabulary n-grams (also the client model's evidence). */
export function activeIndexes(evidence: Pick<UtteranceEvidence, "features" | "ngrams">, index: ReadonlyMap<string, number>, vocabulary: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const name of evidence.features) {
    const f = index.get(name);
    if (f !== undefined) out.push(f);
  }
  for (const gram of evidence.ngrams) {
    if (!vocabulary.has(gram)) continue;
    const f = index.get(gram);
    if (f !== undefined) out.push(f);
  }
  return out;
}

/**
 * Balanced class weights over partial labels: each example spreads its weight over the codes
 * it allows, so each code has a mass; an example weighs N / (K · the mass of its allowed set)
 * (at most 20), which is the usual balanced weight for an exact label. Rare codes (advice,
 * confront) then count as much as the common ones, and a loose set that allows a common code
 * counts little.
 */
function exampleWeights(examples: readonly Example[]): number[] {
  const mass = new Float64Array(K);
  let total = 0;
  for (const e of examples) {
    for (const code of e.allowed) mass[CODE_INDEX.get(code)!]! += e.weight / e.allowed.length;
    total += e.weight;
  }
  const present = [...mass].filter((m) => m > 0).length || 1;
  return examples.map((e) => {
    const setMass = e.allowed.reduce((sum, code) => sum + mass[CODE_INDEX.get(code)!]!, 0);
    return e.weight * Math.min(total / (present * setMass), 20) ** BALANCE_POWER;
  });
}

interface Predicted {
  code: Code;
  probability: number;
}

function predictWith(fit: Fit, evidence: UtteranceEvidence): Predicted {
  const scores = new Float64Array(K);
  for (const f of activeIndexes(evidence, fit.index, fit.vocabulary)) {
    for (let c = 0; c < K; c++) scores[c]! += fit.weights[f * K + c]!;
  }
  const p = softmax(scores);
  let best = 0;
  for (let c = 1; c < K; c++) if (p[c]! > p[best]!) best = c;
  return { code: COUNSELLOR_CODES[best]!, probability: p[best]! };
}

function outOfFold(set: TrainingSet, request: TrainRequest, vocabulary: ReadonlySet<string>): Predicted[] {
  const { k, foldOf } = exampleFolds(set.examples, request.folds);
  const predictions = new Array<Predicted>(set.examples.length);
  for (let f = 0; f < k; f++) {
    const fit = fitCodes(subset(set, (i) => foldOf[i] !== f), vocabulary, request);
    set.examples.forEach((e, i) => {
      if (foldOf[i] === f) predictions[i] = predictWith(fit, e.evidence);
    });
  }
  return predictions;
}

// ---- the confidence cut ---------------------------------------------------------------------

/**
 * The lowest probability cut (in steps of 0.01) at which the examples whose reference names
 * one code agree with it at least HIGH_CONFIDENCE_AGREEMENT of the time; 0.99 when none does.
 */
function confidenceCut(examples: readonly Example[], predictions: readonly Predicted[]): number {
  const alone = examples.map((e, i) => ({ e, p: predictions[i]! })).filter(({ e }) => e.alone);
  for (let cut = 0.3; cut < 0.995; cut += 0.01) {
    const above = alone.filter(({ p }) => p.probability >= cut);
    if (above.length < 20) break;
    const agree = above.filter(({ e, p }) => e.allowed.includes(p.code)).length;
    if (agree / above.length >= HIGH_CONFIDENCE_AGREEMENT) return Math.round(cut * 100) / 100;
  }
  return 0.99;
}

// ---- the primary step -----------------------------------------------------------------------

/**
 * MITI's rank of moves, as the starting scores of the primary step: MI-inconsistent moves
 * first, then questions, reflections, input, the MI-adherent statements, other; the last
 * utterance of a turn a little ahead (turns end on what they lead to).
 */
export function rankPrior(): Record<Position, number[]> {
  const rank: Record<Code, number> = {
    confront: 6, persuade: 6, "open-question": 5, "closed-question": 5, summary: 4, "complex-reflection": 4, "simple-reflection": 4,
    "giving-information": 3, "persuade-with-permission": 3, affirm: 2, "emphasize-autonomy": 2, "seek-collaboration": 2, other: 1,
  };
  const bonus: Record<Position, number> = { only: 0, first: 0, middle: 0, last: 0.5 };
  return Object.fromEntries(POSITIONS.map((p) => [p, COUNSELLOR_CODES.map((c) => rank[c] + bonus[p])])) as Record<Position, number[]>;
}

function fitPrimary(set: TrainingSet, predictions: readonly Predicted[], base: Record<Position, number[]> | null): Record<Position, number[]> {
  const start = base ?? rankPrior();
  const x0 = Float64Array.from(POSITIONS.flatMap((p) => start[p]));
  const cases = set.turns
    .map((turn) => {
      const cells = turn.examples.map((i, at) => POSITIONS.indexOf(positionOf(at, turn.examples.length)) * K + CODE_INDEX.get(predictions[i]!.code)!);
      const good = turn.examples.map((i) => turn.accepts(predictions[i]!.code, set.examples[i]!.evidence.text));
      return { cells, good };
    })
    .filter((c) => c.good.some(Boolean) && !c.good.every(Boolean));
  const l2 = 0.05;
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    const n = cases.length || 1;
    for (const { cells, good } of cases) {
      const p = softmax(Float64Array.from(cells.map((cell) => x[cell]!)));
      let inside = 0;
      p.forEach((q, j) => (inside += good[j] ? q : 0));
      loss -= Math.log(Math.max(inside, 1e-300)) / n;
      p.forEach((q, j) => (gradient[cells[j]!]! += (q - (good[j] ? q / inside : 0)) / n));
    }
    for (let j = 0; j < x.length; j++) {
      loss += 0.5 * l2 * (x[j]! - x0[j]!) ** 2;
      gradient[j]! += l2 * (x[j]! - x0[j]!);
    }
    return loss;
  };
  const x = minimize(objective, x0, 100);
  return Object.fromEntries(POSITIONS.map((p, i) => [p, Array.from(x.subarray(i * K, (i + 1) * K), round)])) as Record<Position, number[]>;
}
