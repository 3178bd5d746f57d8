// `oars review <transcript> -o coded.csv`: code one transcript and write it as a table a
// supervisor corrects and `oars eval --gold` / `oars train --gold` read back (src/review).

import { chosenModels } from "../learn/user-weights.js";
import { analyzeBytes } from "../analyze.js";
import { renderDiagnostic } from "../diagnostics.js";
import { EXIT, InputError } from "../errors.js";
import { isLanguage } from "../languages.js";
import { packLoader } from "../packs/loader.js";
import { DEFAULT_MAX_BYTES, loadBytes } from "../read/load.js";
import { reviewCsv } from "../review/csv.js";
import { settingsFromOptions } from "./batch-command.js";
import { reportInputError, sayOnStderr, writeOutput } from "./output.js";
import { refuseOutputOverInput } from "./sink.js";

export interface ReviewCommandOptions {
  output?: string;
  counsellor: string[];
  lang?: string;
  rules: string[];
  weights?: string;
  clientWeights?: string;
  config?: string | false;
}

export function runReview(path: string, options: ReviewCommandOptions): number {
  // The same settings as `analyze` (configuration file, then options), so the codes are the ones its reports show.
  const settings = settingsFromOptions({ format: "table", counsellor: options.counsellor, lang: options.lang, rules: options.rules, weights: options.weights, clientWeights: options.clientWeights, ignore: [], maxSize: String(DEFAULT_MAX_BYTES / 1024 / 1024), config: options.config });
  const packFor = packLoader(settings.ruleFolders, settings.rules);
  const pack = isLanguage(settings.language) ? packFor(settings.language) : undefined;
  const { modelFor, clientModelFor } = chosenModels(settings, packFor);
  if (options.output !== undefined) refuseOutputOverInput(options.output, [path]);
  try {
    const result = analyzeBytes(loadBytes(path, DEFAULT_MAX_BYTES), path, { pack, packFor, modelFor, clientModelFor, counsellorNames: settings.counsellors });
    for (const warning of result.warnings) sayOnStderr(`${path}: ${renderDiagnostic(warning)}`);
    // A file opens in a spreadsheet: with a UTF-8 byte-order mark, or Excel reads it as Windows-1252
    // ("RÃ¥dgiver"). Standard output stays plain for pipes. eval and train skip the mark.
    const toFile = Boolean(options.output);
    writeOutput((toFile ? "\uFEFF" : "") + reviewCsv(result), options.output);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    reportInputError(err);
    return EXIT.usage;
  }
}
