// The learned client model: three codes (change-talk, sustain-talk, neutral) from the client
// evidence (src/client/features.ts), as a linear model whose weights are data:
// rules/<lang>/client-weights.json, one feature a line, produced by `npm run train` (see
// client-train.ts). An utterance's score for a code is the sum of its features' weights; the
// softmax of the scores is its probability; the features that weigh most toward the code
// chosen are its `why`. Kept apart from the counsellor model: other codes, other features.

import { join } from "node:path";
import type { ClientEvidence } from "../client/features.js";
import { SourceError } from "../errors.js";
import { ruleKey } from "../features/index.js";
import { isLanguage, type Language } from "../languages.js";
import { loadLanguagePack } from "../packs/load.js";
import type { LanguagePack } from "../packs/pack.js";
import { RULES_ROOT } from "../paths.js";
import { CLIENT_CODES, type ClientCode } from "../types.js";
import { softmax, someOf, WeightRows, withPriors, withRulePriors, type Reason } from "./model.js";
import { parseJsonFile, readWeightsText, round, type ModelFor } from "./weights.js";

export const CLIENT_WEIGHTS_FORMAT = "oars-client-weights";
export const CLIENT_WEIGHTS_VERSION = 1;
const K = CLIENT_CODES.length;

/** A client rule the weights do not know starts with this many logits toward its code at priority 100 (as counsellor rules). */
const PRIOR_AT_PRIORITY_100 = 3;

export interface ClientTrainingOptions {
  l2: number;
  iterations: number;
  /** A word n-gram is a feature when at least this share of the training sessions' clients use it. */
  minSessionShare: number;
  /** How much one client line of a MITI code set weighs against one utterance of a transcript. */
  lineWeight: number;
}

export interface ClientWeightsData {
  format: typeof CLIENT_WEIGHTS_FORMAT;
  version: typeof CLIENT_WEIGHTS_VERSION;
  language: Language;
  codes: ClientCode[];
  /** Client rule ids without their language that the weights were built against. */
  rules: string[];
  trainedOn: string[];
  base: string | null;
  options: ClientTrainingOptions;
  /** A code is `high` confidence when its probability is at least this. */
  confidenceCut: number;
  vocabulary: string[];
  /** Feature name → one weight per code, in the order of `codes`. */
  features: Record<string, number[]>;
}

export interface ClientPrediction {
  code: ClientCode;
  probability: number;
  probabilities: number[];
  why: Reason[];
}

export class ClientModel {
  readonly confidenceCut: number;
  private readonly rows: WeightRows;

  constructor(data: ClientWeightsData, pack: LanguagePack) {
    this.confidenceCut = data.confidenceCut;
    this.rows = new WeightRows(withPriors(data.features, data.rules, pack.clientRules, CLIENT_CODES, PRIOR_AT_PRIORITY_100), K);
  }

  predict(evidence: ClientEvidence, reasons = 3): ClientPrediction {
    const probabilities = softmax(this.rows.score(evidence.features, evidence.tokens));
    let best = 0;
    for (let c = 1; c < K; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    return { code: CLIENT_CODES[best]!, probability: probabilities[best]!, probabilities, why: this.rows.why(best, reasons) };
  }
}

/** Client weights as training on top of them starts from them (see asBase in model.ts: the same language only). */
export function asClientBase(data: ClientWeightsData, pack: LanguagePack): ClientWeightsData {
  return withRulePriors(data, pack.language, pack.clientRules, CLIENT_CODES, PRIOR_AT_PRIORITY_100);
}

export function clientWeightsPath(language: Language): string {
  return join(RULES_ROOT, language, "client-weights.json");
}

export function readClientWeightsFile(path: string): ClientWeightsData {
  const data = parseJsonFile(path, readWeightsText(path, "client weights"));
  const problem = clientWeightsProblem(data);
  if (problem) throw new SourceError(path, `not an oars client weights file: ${problem}`);
  return data as ClientWeightsData;
}

function clientWeightsProblem(data: unknown): string | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "expected a JSON object";
  const d = data as Record<string, unknown>;
  if (d.format === "oars-weights") return "these are counsellor weights (oars train without --client): give them with --weights";
  if (d.format !== CLIENT_WEIGHTS_FORMAT) return `"format" must be "${CLIENT_WEIGHTS_FORMAT}"`;
  if (d.version !== CLIENT_WEIGHTS_VERSION) return `"version" must be ${CLIENT_WEIGHTS_VERSION}`;
  if (typeof d.language !== "string" || !isLanguage(d.language)) return '"language" must be en, nb, da or sv';
  if (!Array.isArray(d.codes) || d.codes.join() !== CLIENT_CODES.join()) return `"codes" must be ${CLIENT_CODES.join(", ")}`;
  if (typeof d.confidenceCut !== "number") return '"confidenceCut" must be a number';
  if (!Array.isArray(d.rules) || !Array.isArray(d.vocabulary)) return '"rules" and "vocabulary" must be lists';
  if (typeof d.features !== "object" || d.features === null) return '"features" must be an object';
  for (const [name, row] of Object.entries(d.features)) {
    if (!Array.isArray(row) || row.length !== K || !row.every((x) => typeof x === "number" && Number.isFinite(x))) return `feature "${name}" must have ${K} finite numbers`;
  }
  return null;
}

/** The weights as JSON: one feature a line, so a retrained file diffs line by line. */
export function formatClientWeights(data: ClientWeightsData): string {
  const { vocabulary, features, ...head } = data;
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  lines.push(`  "vocabulary": [\n${vocabulary.map((w) => `    ${JSON.stringify(w)}`).join(",\n")}\n  ]`);
  lines.push(`  "features": {\n${Object.entries(features).map(([name, row]) => `    ${JSON.stringify(name)}: [${row.map(round).join(", ")}]`).join(",\n")}\n  }`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

const bundled = new WeakMap<LanguagePack, ClientModel>();
const bundledData = new Map<Language, ClientWeightsData>();

/** The bundled client model of a pack's language, read once per process. */
export function bundledClientModel(pack: LanguagePack): ClientModel {
  let model = bundled.get(pack);
  if (!model) {
    let data = bundledData.get(pack.language);
    if (!data) bundledData.set(pack.language, (data = readClientWeightsFile(clientWeightsPath(pack.language))));
    bundled.set(pack, (model = new ClientModel(data, pack)));
  }
  return model;
}

/**
 * A user's client weights file (--client-weights, configuration `client-weights:`), read and
 * checked against its language's pack before any transcript is coded, so a bad file is refused
 * whole. Transcripts in other languages keep their bundled client weights.
 */
export function clientWeightsModels(path: string, language: string, packFor: (language: Language) => LanguagePack): ModelFor<ClientModel> {
  const data = readClientWeightsFile(path);
  if (isLanguage(language) && language !== data.language) throw new SourceError(path, `client weights for ${data.language}, not for ${language} (--lang ${language})`);
  // The bundled client rules count as known even when a configuration switched some off.
  const ids = new Set([packFor(data.language), loadLanguagePack(data.language)].flatMap((pack) => pack.clientRules.map((rule) => ruleKey(rule.id))));
  const missing = data.rules.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new SourceError(path, `built against other client rule ids: ${someOf(missing)} not in the ${data.language} rules loaded: load the rule folders they were trained with (--rules DIR, rule-folders:), or retrain with oars train --client`);
  }
  const models = new WeakMap<LanguagePack, ClientModel>();
  const modelFor = (pack: LanguagePack): ClientModel => {
    if (pack.language !== data.language) return bundledClientModel(pack);
    let model = models.get(pack);
    if (!model) models.set(pack, (model = new ClientModel(data, pack)));
    return model;
  };
  return Object.assign(modelFor, { file: { path, language: data.language } });
}
