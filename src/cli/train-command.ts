// `oars train --gold REF transcripts… [--lines SET.tsv] -o weights.json`: learn weights from
// a coding (AnnoMI JSON lines, a trainer's CSV/TSV) and MITI code sets, on top of other weights
// (`--base`) or from nothing.

import { readReference } from "../eval/reference.js";
import type { GoldCorpus } from "../eval/types.js";
import { InputError, SourceError, UsageError } from "../errors.js";
import { ruleKey } from "../features/index.js";
import { someOf } from "../learn/model.js";
import type { LanguagePack } from "../packs/pack.js";
import { readCodeSetForTraining, readSessions } from "../train/data.js";
import { crossValidate, trainWeights, type TrainSettings, type TrainingData } from "../train/run.js";
import { DEFAULT_OPTIONS } from "../learn/train.js";
import { bundledWeights, bundledWeightsPath, formatWeights, readWeightsFile } from "../learn/weights.js";
import { isLanguage, LANGUAGES, type Language } from "../languages.js";
import { packLoader } from "../packs/loader.js";
import { sayOnStderr, writeOutput } from "./output.js";
import { clientWeightsPath, formatClientWeights, readClientWeightsFile } from "../learn/client-model.js";
import { CLIENT_DEFAULT_OPTIONS } from "../learn/client-train.js";
import { clientData, trainClientWeights, type ClientTrainSettings } from "../train/client.js";
import { refuseOutputOverInput } from "./sink.js";

export interface TrainCommandOptions {
  gold?: string;
  lines: string[];
  lang: string;
  base?: string;
  folds: string;
  l2?: string;
  iterations?: string;
  lineWeight?: string;
  output?: string;
  rules: string[];
  /** Learn the client talk weights (change / sustain / neutral) instead of the counsellor codes. */
  client?: boolean;
}

export function runTrain(paths: string[], options: TrainCommandOptions): number {
  if (!options.output) throw new UsageError("name the weights file to write with -o FILE");
  const data = trainingData(paths, options);
  if (options.client) return runTrainClient(data, options, paths);
  // Weights trained on nothing would be written as if they were a model: refuse instead.
  if (data.sessions.length === 0 && data.codeSets.every((s) => s.train.length === 0)) {
    if (options.lines.length === 0) throw noTranscriptCoded(options.gold!);
    throw new InputError(options.lines[0]!, 'no counsellor line of the train part (rows with part "train") to learn from');
  }
  const settings = trainSettings(options, data.pack.language);
  checkBase(options.base, settings.base?.data, data.pack, "rules");
  const weights = trainWeights(data, settings);
  refuseOutputOverInput(options.output, [...paths, ...(options.gold ? [options.gold] : []), ...options.lines, ...(options.base && options.base !== "bundled" ? [options.base] : [])]);
  writeOutput(formatWeights(weights), toFile(options.output));
  return 0;
}

// `oars train --client`: the client talk weights from the reference's client `talk` and the
// code sets' client lines; --base names client weights ("bundled": the language's own).
function runTrainClient(data: TrainingData, options: TrainCommandOptions, paths: string[]): number {
  const language = data.pack.language;
  const base = options.base === undefined ? null : clientBaseWeights(options.base, language);
  checkBase(options.base, base?.data, data.pack, "clientRules");
  const settings = trainSettings({ ...options, base: undefined }, language);
  const client = clientData(data);
  const clientOptions = {
    ...CLIENT_DEFAULT_OPTIONS,
    ...(options.l2 !== undefined ? { l2: settings.options.l2 } : {}),
    ...(options.iterations !== undefined ? { iterations: settings.options.iterations } : {}),
    ...(options.lineWeight !== undefined ? { lineWeight: settings.options.lineWeight } : {}),
  };
  const set = client.set(data.sessions, clientOptions.lineWeight);
  if (set.examples.length === 0) {
    if (options.gold && options.lines.length === 0 && data.sessions.length === 0) throw noTranscriptCoded(options.gold);
    throw new InputError(options.gold ?? options.lines[0]!, options.gold ? "codes no client talk to learn from" : 'no client line of the train part (rows with part "train") to learn from');
  }
  const weights = trainClientWeights(data.pack, set, { options: clientOptions, base, folds: settings.folds }, client.trainedOn(data.sessions));
  refuseOutputOverInput(options.output!, [...paths, ...(options.gold ? [options.gold] : []), ...options.lines, ...(options.base && options.base !== "bundled" ? [options.base] : [])]);
  writeOutput(formatClientWeights(weights), toFile(options.output!));
  return 0;
}

/**
 * A base for the language being trained that knows rules this run does not load (a rule folder
 * left out) is refused, as --weights would refuse it: their learned weights would otherwise be
 * dropped without a word. A base of another language (English weights under nb) keeps the
 * rules both packs share, by design.
 */
export function checkBase(path: string | undefined, base: { language: string; rules: readonly string[] } | undefined, pack: LanguagePack, set: "rules" | "clientRules"): void {
  if (path === undefined || path === "bundled" || !base || base.language !== pack.language) return;
  const ids = new Set(pack[set].map((rule) => ruleKey(rule.id)));
  const missing = base.rules.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new SourceError(path, `built against other ${set === "clientRules" ? "client " : ""}rule ids: ${someOf(missing)} not in the ${pack.language} rules loaded: add the rule folders they were trained with (--rules DIR)`);
  }
}

// Every transcript named was skipped (each said so on standard error): nothing to learn from
// (train) or to compare (eval).
export function noTranscriptCoded(gold: string, nothingTo = "learn from"): InputError {
  return new InputError(gold, `codes none of the transcripts given (matched by file name without extension), so there is nothing to ${nothingTo}`);
}

// `-o -` writes the weights to standard output (train requires -o, so "-" stays a value until here).
function toFile(output: string): string | undefined {
  return output === "-" ? undefined : output;
}

/** Client weights to start from: a file, or "bundled" for the language's own. */
export function clientBaseWeights(option: string, language: Language): NonNullable<ClientTrainSettings["base"]> {
  return option === "bundled"
    ? { name: `bundled ${language} client weights (rules/${language}/client-weights.json)`, data: readClientWeightsFile(clientWeightsPath(language)) }
    : { name: option, data: readClientWeightsFile(option) };
}

/** The data `oars train` and `oars eval --cv` learn from. */
export function trainingData(paths: string[], options: Pick<TrainCommandOptions, "gold" | "lines" | "lang" | "rules">): TrainingData {
  if (!isLanguage(options.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")} (training is for one language)`);
  if (!options.gold && options.lines.length === 0) throw new UsageError("give coded data: --gold REF with its transcripts, or --lines with a MITI code set");
  if (options.gold && paths.length === 0) throw new UsageError("name the transcripts the reference codes");
  const packFor = packLoader(options.rules, []);
  const pack = packFor(options.lang);
  let gold: GoldCorpus | null = null;
  if (options.gold) {
    gold = readReference(options.gold);
    for (const warning of gold.warnings ?? []) sayOnStderr(warning);
    if (!gold.namesTranscripts && paths.length > 1) {
      throw new UsageError(`${options.gold} has no "transcript" column, so it codes one transcript: train with one file, or add the column`);
    }
  }
  const sessions = gold && options.gold ? readSessions(paths, gold, pack, options.gold, packFor) : [];
  const codeSets = options.lines.map((path) => readCodeSetForTraining(path, pack));
  return { pack, gold, goldPath: options.gold ?? null, sessions, codeSets };
}

export function trainSettings(options: Pick<TrainCommandOptions, "base" | "folds" | "l2" | "iterations" | "lineWeight">, language: Language): TrainSettings {
  const number = (value: string | undefined, name: string, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} must be a number of at least ${min} (got "${value}")`);
    return n;
  };
  const base =
    options.base === undefined
      ? null
      : options.base === "bundled"
        ? { name: `bundled ${language} weights (${bundledWeightsPath(language).replace(/.*\/rules\//, "rules/")})`, data: bundledWeights(language) }
        : { name: options.base, data: readWeightsFile(options.base) };
  return {
    options: {
      ...DEFAULT_OPTIONS,
      l2: number(options.l2, "--l2", DEFAULT_OPTIONS.l2, 0),
      iterations: Math.round(number(options.iterations, "--iterations", DEFAULT_OPTIONS.iterations, 1)),
      lineWeight: number(options.lineWeight, "--line-weight", DEFAULT_OPTIONS.lineWeight, 0),
    },
    base,
    folds: Math.round(number(options.folds, "--folds", 5, 0)),
  };
}

export { crossValidate };
