// `oars eval --gold <reference> <transcripts...>`: how far oars agrees with a human coding.

import { basename, extname } from "node:path";
import { analyzeBytes, prepareBytes } from "../analyze.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { bundledModel, weightsModels } from "../learn/bundled.js";
import { byModel, codeSetRows, formatCodeSetText, readCodeSet, rulesAlone, scoreCodeSet } from "../eval/code-set.js";
import type { Language } from "../languages.js";
import { checkBase, clientBaseWeights, crossValidate, noTranscriptCoded, trainingData, trainSettings } from "./train-command.js";
import { readReference } from "../eval/reference.js";
import { formatClientCodeSetText, readClientCodeSet, scoreClientCodeSet } from "../eval/client-lines.js";
import { bundledClientModel, clientWeightsModels } from "../learn/client-model.js";
import { chosenModels } from "../learn/user-weights.js";
import { compareWithGold, type EvalInput, type EvalReport } from "../eval/compare.js";
import { loadBytes } from "../read/load.js";
import { formatEvalText } from "../report/eval-text.js";
import { isLanguage } from "../languages.js";
import { checkLanguageChoice, packLoader } from "../packs/loader.js";
import { reportInputError, sayOnStderr, writeOutput } from "./output.js";
import { refuseOutputOverInput } from "./sink.js";
import type { EVAL_FORMATS } from "./choices.js";

export interface EvalCommandOptions {
  gold?: string;
  format: (typeof EVAL_FORMATS)[number];
  output?: string;
  lang: string;
  weights?: string;
  /** Client talk weights (oars train --client) to code with instead of the bundled ones. */
  clientWeights?: string;
  /** Cross-validate: K folds grouped by session source, each coded by weights trained on the others. */
  cv?: string;
  /** MITI code sets whose train part joins every fold's training (--cv only). */
  lines: string[];
  /** With --cv: every fold's training starts from these weights (as `oars train --base`). */
  base?: string;
  /** With --cv: every fold's client talk training starts from these client weights (as `oars train --client --base`). */
  clientBase?: string;
  /** With --lines: code by the rules alone (first match by priority), to compare with the weights. */
  rulesOnly?: boolean;
  /** Extra rule folders (as analyze and train take them), so weights trained with them can be scored and cross-validated. */
  rules: string[];
}

export function runEval(paths: string[], options: EvalCommandOptions, version: string): number {
  // Checked first, so no path (a code set scored without --gold included) ignores them silently.
  if (options.cv === undefined && options.base !== undefined) throw new UsageError("--base goes with --cv");
  if (options.cv === undefined && options.clientBase !== undefined) throw new UsageError("--client-base goes with --cv");
  checkLanguageChoice(options.lang, "--lang");
  if (!options.gold) {
    if (options.lines.length === 0) throw new UsageError("give the reference with --gold FILE (or a MITI code set to score with --lines)");
    return runCodeSets(paths, options, version);
  }
  if (paths.length === 0) throw new UsageError("name the transcripts to compare with the reference");
  const gold = readReference(options.gold);
  if (!gold.namesTranscripts && paths.length > 1) {
    throw new UsageError(`${options.gold} has no "transcript" column, so it codes one transcript: compare it with one file, or add the column`);
  }
  if (options.cv !== undefined) return runCrossValidation(paths, { ...options, gold: options.gold }, version);
  // (--cv reads the reference again for its training data, and says it there.)
  for (const warning of gold.warnings ?? []) sayOnStderr(warning);
  const packFor = packLoader(options.rules, []);
  const { modelFor, clientModelFor } = chosenModels({ language: options.lang, weights: options.weights ?? null, clientWeights: options.clientWeights ?? null }, packFor);
  const pack = isLanguage(options.lang) ? packFor(options.lang) : undefined;
  const inputs: EvalInput[] = [];
  let failed = 0;
  for (const path of paths) {
    const transcript = gold.namesTranscripts ? basename(path, extname(path)) : "";
    if (!gold.turns.has(transcript)) {
      sayOnStderr(`${path}: no reference coding for "${transcript}" in ${options.gold}; skipped`);
      continue;
    }
    try {
      inputs.push({ transcript, result: analyzeBytes(loadBytes(path), path, { pack, packFor, modelFor, clientModelFor }) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      reportInputError(err);
      failed++;
    }
  }
  // A report of nothing would read as a run that compared something.
  if (inputs.length === 0 && failed === 0 && paths.length > 0) throw noTranscriptCoded(options.gold!, "compare");
  writeReport(compareWithGold(inputs, gold), options, version, paths);
  return failed > 0 ? EXIT.usage : EXIT.ok;
}

function writeReport(report: EvalReport, options: EvalCommandOptions, version: string, paths: readonly string[]): void {
  const text =
    options.format === "json"
      ? `${JSON.stringify({ schemaVersion: 1, tool: { name: "oars", version }, ...report }, null, 2)}\n`
      : formatEvalText(report);
  const weightFiles = [options.weights, options.clientWeights, options.base, options.clientBase].filter((f): f is string => f !== undefined && f !== "bundled");
  if (options.output !== undefined) refuseOutputOverInput(options.output, [...paths, ...(options.gold ? [options.gold] : []), ...options.lines, ...weightFiles]);
  writeOutput(text, options.output);
}

// Every fold is coded by weights trained on the other folds only: the figures are what a
// trainer may expect on sessions the weights never saw.
function runCrossValidation(paths: string[], options: EvalCommandOptions & { gold: string }, version: string): number {
  const k = Number(options.cv);
  if (!Number.isInteger(k) || k < 2) throw new UsageError(`--cv must be a whole number of folds, at least 2 (got "${options.cv}")`);
  if (options.weights) throw new UsageError("--cv trains its own weights in each fold; leave out --weights (--base starts them from a file)");
  if (options.clientWeights) throw new UsageError("--cv trains its own client weights in each fold; leave out --client-weights (--client-base starts them from a file)");
  const lang = isLanguage(options.lang) ? options.lang : languageOf(paths[0]!);
  const data = trainingData(paths, { gold: options.gold, lines: options.lines, lang, rules: options.rules });
  const groups = new Set(data.sessions.map((s) => s.group)).size;
  if (groups < k) throw new UsageError(`--cv ${k} needs at least ${k} sessions from different sources; the reference codes ${groups}`);
  const clientBase = options.clientBase === undefined ? null : clientBaseWeights(options.clientBase, lang);
  const settings = trainSettings({ folds: "0", base: options.base }, lang);
  checkBase(options.base, settings.base?.data, data.pack, "rules");
  checkBase(options.clientBase, clientBase?.data, data.pack, "clientRules");
  const results = crossValidate(data, settings, k, clientBase);
  const inputs: EvalInput[] = data.sessions.map((s, i) => ({ transcript: s.transcript, result: results[i]! }));
  writeReport({ ...compareWithGold(inputs, data.gold!), crossValidation: { folds: k } }, options, version, paths);
  return EXIT.ok;
}

// `oars eval --lines SET.tsv`: the test part of each code set, coded with the weights in use.
function runCodeSets(paths: string[], options: EvalCommandOptions, version: string): number {
  if (paths.length > 0) throw new UsageError("--lines without --gold scores code sets only: leave out the transcripts");
  if (options.cv !== undefined) throw new UsageError("--cv needs --gold and the transcripts it codes");
  const packFor = packLoader(options.rules, []);
  const reports = options.lines.map((file) => {
    const lines = readCodeSet(file);
    if (lines.length === 0 && options.rulesOnly) throw new InputError(file, "the code set holds only client lines, which --rules-only leaves uncoded");
    const language = isLanguage(options.lang) ? options.lang : codeSetLanguage(file);
    const pack = packFor(language);
    // The code set's client lines, when it has any, coded by the client model (--rules-only: not coded).
    const clientLines = readClientCodeSet(file);
    // A user's file is read and checked for every set; the bundled weights only when there are lines to code.
    const clientModelFor = options.clientWeights ? clientWeightsModels(options.clientWeights, language, packFor) : bundledClientModel;
    const client = clientLines.length > 0 && !options.rulesOnly ? scoreClientCodeSet(file, clientLines, pack, clientModelFor(pack)) : null;
    if (options.rulesOnly) return { ...scoreCodeSet(file, lines, pack, rulesAlone), client };
    const model = (options.weights ? weightsModels(options.weights, language, packFor) : bundledModel)(pack);
    return { ...scoreCodeSet(file, lines, pack, byModel(model)), client };
  });
  const text =
    options.format === "json"
      ? `${JSON.stringify({ schemaVersion: 1, tool: { name: "oars", version }, codeSets: reports }, null, 2)}\n`
      : reports.map((r) => formatCodeSetText(r) + (r.client ? formatClientCodeSetText(r.client) : "")).join("\n");
  if (options.output !== undefined) refuseOutputOverInput(options.output, options.lines);
  writeOutput(text, options.output);
  return EXIT.ok;
}

// A code set's language: from its ids (`nb-c001`, `nb-k001`), else English.
function codeSetLanguage(file: string): Language {
  const prefix = /^([a-z]{2})-/.exec(codeSetRows(file)[0]!.cells[0])?.[1];
  return prefix && isLanguage(prefix) ? prefix : "en";
}

// The language of a cross-validation: the first transcript's, as detected.
function languageOf(path: string): Language {
  const packFor = packLoader([], []);
  return prepareBytes(loadBytes(path), path, { packFor }).pack.language;
}
