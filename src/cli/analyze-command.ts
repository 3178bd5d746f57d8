// `oars analyze <file...>`: code each transcript and print the report. One bad file is
// reported and skipped; the rest are still analysed.

import { analyzeBytes } from "../analyze.js";
import { InputError, EXIT, UsageError } from "../errors.js";
import { loadBytes } from "../read/load.js";
import { buildJsonReport, formatJson } from "../report/json.js";
import { formatText } from "../report/text.js";
import type { FileError, FileResult } from "../types.js";
import { redactError, redactResult } from "../redact/index.js";
import { loadPack } from "./pack.js";
import { chooseColor, reportInputError, warn, writeOutput } from "./output.js";

export interface AnalyzeCommandOptions {
  format: string;
  output?: string;
  show?: string;
  counsellor: string[];
  lang: string;
  rules: string[];
  maxSize: string;
  redact?: boolean;
}

export const ANALYZE_FORMATS = ["table", "json"] as const;

export function runAnalyze(paths: string[], options: AnalyzeCommandOptions, version: string): number {
  if (!(ANALYZE_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${ANALYZE_FORMATS.join(", ")} (got "${options.format}")`);
  }
  if (options.show !== undefined && options.show !== "turns") throw new UsageError(`--show takes "turns" (got "${options.show}")`);
  const maxMb = Number(options.maxSize);
  if (!(maxMb > 0)) throw new UsageError(`--max-size takes a size in MB greater than 0 (got "${options.maxSize}")`);

  const pack = loadPack(options.lang, options.rules);

  const results: FileResult[] = [];
  const errors: FileError[] = [];
  for (const path of paths) {
    try {
      const result = analyzeBytes(loadBytes(path, maxMb * 1024 * 1024), path, { pack, counsellorNames: options.counsellor });
      for (const warning of result.warnings) warn(`${path}: ${warning}`);
      results.push(result);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      reportInputError(err);
      errors.push({ path: err.path, message: err.message, ...(err.line !== undefined ? { line: err.line } : {}) });
    }
  }

  const shown = options.redact ? results.map(redactResult) : results;
  const shownErrors = options.redact ? errors.map(redactError) : errors;
  const text =
    options.format === "json"
      ? formatJson(buildJsonReport(shown, shownErrors, version))
      : formatText(shown, shownErrors, { color: chooseColor(options.output !== undefined), showTurns: options.show === "turns" });
  writeOutput(text, options.output);
  return errors.length > 0 ? EXIT.usage : EXIT.ok;
}
