// `oars review <transcript> -o coded.csv`: code one transcript and write it as a table a
// supervisor corrects and `oars eval --gold` / `oars train --gold` read back (src/review).

import { extname } from "node:path";
import { chosenModels } from "../learn/user-weights.js";
import { analyzeBytes } from "../analyze.js";
import { renderDiagnostic } from "../diagnostics.js";
import { EXIT, InputError } from "../errors.js";
import { isLanguage, type Language } from "../languages.js";
import { packLoader } from "../packs/loader.js";
import { DEFAULT_MAX_BYTES, loadBytes } from "../read/load.js";
import { reviewCsv, type Delimiter } from "../review/csv.js";
import { settingsFromOptions } from "./batch-command.js";
import type { REVIEW_DELIMITERS } from "./choices.js";
import { reportInputError, sayOnStderr, writeOutput } from "./output.js";
import { refuseOutputOverInput } from "./sink.js";

export interface ReviewCommandOptions {
  output?: string;
  counsellor: string[];
  lang?: string;
  locale?: string;
  /** Checked by commander against REVIEW_DELIMITERS. */
  delimiter?: (typeof REVIEW_DELIMITERS)[number];
  rules: string[];
  weights?: string;
  clientWeights?: string;
  config?: string | false;
}

const DELIMITERS: Record<(typeof REVIEW_DELIMITERS)[number], Delimiter> = { comma: ",", semicolon: ";", tab: "\t" };

/** Excel's list separator in the report's language: a semicolon in Norwegian, Danish and Swedish, where the comma is the decimal sign. */
const EXCEL_DELIMITER: Record<Language, Delimiter> = { en: ",", nb: ";", da: ";", sv: ";" };

export function runReview(path: string, options: ReviewCommandOptions): number {
  // The same settings as `analyze` (configuration file, then options), so the codes are the ones its reports show.
  const settings = settingsFromOptions({ format: "table", counsellor: options.counsellor, lang: options.lang, locale: options.locale, rules: options.rules, weights: options.weights, clientWeights: options.clientWeights, ignore: [], maxSize: String(DEFAULT_MAX_BYTES / 1024 / 1024), config: options.config });
  const packFor = packLoader(settings.ruleFolders, settings.rules);
  const pack = isLanguage(settings.language) ? packFor(settings.language) : undefined;
  const { modelFor, clientModelFor } = chosenModels(settings, packFor);
  if (options.output !== undefined) refuseOutputOverInput(options.output, [path]);
  try {
    const result = analyzeBytes(loadBytes(path, DEFAULT_MAX_BYTES), path, {
      pack,
      packFor,
      modelFor,
      clientModelFor,
      ...(isLanguage(settings.locale) ? { locale: settings.locale } : {}),
      // As analyze: --counsellor names the speaker, the configuration's `counsellors:` adds label words.
      counsellorNames: options.counsellor,
      counsellorWords: settings.counsellors,
    });
    for (const warning of result.warnings) sayOnStderr(`${path}: ${renderDiagnostic(warning)}`);
    // The delimiter Excel splits on where the table is opened: --delimiter; else tab for a .tsv
    // file; else the report language's list separator (--locale or the configuration's, else
    // the transcript's language). No "sep=" line: Excel then ignores the byte-order mark.
    const delimiter = options.delimiter !== undefined ? DELIMITERS[options.delimiter] : options.output !== undefined && extname(options.output).toLowerCase() === ".tsv" ? "\t" : EXCEL_DELIMITER[result.locale];
    // Probabilities as numbers where the table opens: a decimal comma in a Scandinavian table (not in a comma-separated one).
    const decimalComma = delimiter !== "," && EXCEL_DELIMITER[result.locale] === ";";
    // A file opens in a spreadsheet: with a UTF-8 byte-order mark, or Excel reads it as Windows-1252
    // ("RÃ¥dgiver"). Standard output stays plain for pipes. eval and train skip the mark.
    const toFile = Boolean(options.output);
    writeOutput((toFile ? "\uFEFF" : "") + reviewCsv(result, { delimiter, decimalComma }), options.output);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    reportInputError(err);
    return EXIT.usage;
  }
}
