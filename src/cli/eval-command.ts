// `oars eval --gold <reference> <transcripts...>`: how far oars agrees with a human coding.

import { basename, extname } from "node:path";
import { analyzeBytes } from "../analyze.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { readReference } from "../eval/reference.js";
import { compareWithGold, type EvalInput } from "../eval/compare.js";
import { loadBytes } from "../read/load.js";
import { formatEvalText } from "../report/eval-text.js";
import { isLanguage } from "../languages.js";
import { checkLanguageChoice, packLoader } from "../packs/loader.js";
import { reportInputError, sayOnStderr, writeOutput } from "./output.js";
import { refuseOutputOverInput } from "./sink.js";
import type { EVAL_FORMATS } from "./choices.js";

export interface EvalCommandOptions {
  gold: string;
  format: (typeof EVAL_FORMATS)[number];
  output?: string;
  lang: string;
}


export function runEval(paths: string[], options: EvalCommandOptions, version: string): number {
  if (paths.length === 0) throw new UsageError("name the transcripts to compare with the reference");
  const gold = readReference(options.gold);
  if (!gold.namesTranscripts && paths.length > 1) {
    throw new UsageError(`${options.gold} has no "transcript" column, so it codes one transcript: compare it with one file, or add the column`);
  }
  checkLanguageChoice(options.lang);
  const packFor = packLoader([], []);
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
      inputs.push({ transcript, result: analyzeBytes(loadBytes(path), path, { pack, packFor }) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      reportInputError(err);
      failed++;
    }
  }
  const report = compareWithGold(inputs, gold);
  const text =
    options.format === "json"
      ? `${JSON.stringify({ schemaVersion: 1, tool: { name: "oars", version }, ...report }, null, 2)}\n`
      : formatEvalText(report);
  if (options.output !== undefined) refuseOutputOverInput(options.output, [...paths, options.gold]);
  writeOutput(text, options.output);
  return failed > 0 ? EXIT.usage : EXIT.ok;
}
