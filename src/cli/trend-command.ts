// `oars trend <files, folders or globs>`: code each session, date it, and show the scores over
// time with whether the change is more than coding noise (src/trend). One bad file is reported
// and never stops the others (exit 2 at the end, like analyze).

import { statSync } from "node:fs";
import { expandInputs } from "../batch/expand.js";
import { chosenModels } from "../learn/user-weights.js";
import { analyzeBytes } from "../analyze.js";
import { renderDiagnostic } from "../diagnostics.js";
import { EXIT, InputError } from "../errors.js";
import { isLanguage, type Language } from "../languages.js";
import { packLoader } from "../packs/loader.js";
import { DEFAULT_MAX_BYTES, loadBytes } from "../read/load.js";
import { wordsOf } from "../report/words.js";
import { buildTrend, clientTalk, sessionOf } from "../trend/index.js";
import { trendHtml, trendJson, trendTable } from "../trend/report.js";
import type { Session } from "../trend/series.js";
import type { FileError } from "../types.js";
import { settingsFromOptions } from "./batch-command.js";
import type { TREND_FORMATS } from "./choices.js";
import { reportWidth, sayOnStderr, writeOutput } from "./output.js";
import { refuseOutputOverInput } from "./sink.js";

export interface TrendCommandOptions {
  format: (typeof TREND_FORMATS)[number];
  output?: string;
  counsellor: string[];
  lang?: string;
  locale?: string;
  rules: string[];
  ignore: string[];
  config?: string | false;
}

export function runTrend(args: string[], options: TrendCommandOptions, version: string): number {
  const settings = settingsFromOptions({ ...options, format: "table", maxSize: String(DEFAULT_MAX_BYTES / 1024 / 1024) });
  const packFor = packLoader(settings.ruleFolders, settings.rules);
  const pack = isLanguage(settings.language) ? packFor(settings.language) : undefined;
  const { modelFor, clientModelFor } = chosenModels(settings, packFor);
  const { files, errors: expansionErrors } = expandInputs(args, settings.ignore);
  if (options.output !== undefined) refuseOutputOverInput(options.output, files);
  const errors: FileError[] = [...expansionErrors];
  const sessions: Session[] = [];
  const locales = new Set<Language>();
  for (const path of files) {
    try {
      // As analyze: --counsellor names the speaker, the configuration's `counsellors:` adds label words.
      const result = analyzeBytes(loadBytes(path, DEFAULT_MAX_BYTES), path, { pack, packFor, modelFor, clientModelFor, counsellorNames: options.counsellor, counsellorWords: settings.counsellors });
      for (const warning of result.warnings) sayOnStderr(`${path}: ${renderDiagnostic(warning)}`);
      locales.add(result.locale);
      sessions.push(sessionOf(result, statSync(path).mtime, clientTalk(result)));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push({ path: err.path, message: err.message, ...(err.line !== undefined ? { line: err.line } : {}) });
    }
  }
  for (const e of errors) sayOnStderr(`${e.path}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`);
  const trend = buildTrend(sessions, errors);
  // The report speaks --locale, else the language all sessions share, else English.
  const locale: Language = isLanguage(settings.locale) ? settings.locale : locales.size === 1 ? [...locales][0]! : "en";
  const words = wordsOf(locale);
  const text = options.format === "json" ? trendJson(trend, words, version) : options.format === "html" ? trendHtml(trend, words, locale, version) : trendTable(trend, words, reportWidth(options.output !== undefined));
  writeOutput(text, options.output);
  return errors.length > 0 ? EXIT.usage : EXIT.ok;
}
