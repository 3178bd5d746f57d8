// One file's work, the same in the main thread and in a worker: read the bytes, run the
// pipeline, check the thresholds, redact if asked, and format the file's part of the report.
// Only text and a small summary come back, so workers do the heavy lifting (formatting
// included) and the main thread just writes. An unreadable or malformed file becomes a
// FileError instead of a throw.

import { Chalk } from "chalk";
import { analyzeBytes } from "../analyze.js";
import { checkResult } from "../check/index.js";
import type { Limits } from "../score/miti.js";
import type { FileSummary } from "../check/summary.js";
import { redactDiagnostic, renderDiagnostic } from "../diagnostics.js";
import type { RuleAdjustment } from "../packs/adjust.js";
import { InputError } from "../errors.js";
import { displayResult } from "../report/display.js";
import { loadBytes } from "../read/load.js";
import { redactResult } from "../redact/index.js";
import { createFormatter, type ReportContext, type ReportFormat, type ReportFormatter } from "../report/index.js";
import { wordsOf } from "../report/words.js";
import { isLanguage, LANGUAGES, type Language, type LanguageChoice } from "../languages.js";
import { checkLanguageChoice, packLoader } from "../packs/loader.js";
import type { LanguagePack } from "../packs/pack.js";
import type { FileError } from "../types.js";
import { chosenModels, type ChosenModels } from "../learn/user-weights.js";
import type { CodeModel } from "../learn/model.js";

/** Everything a job needs, as plain data a worker thread receives a copy of. */
export interface JobSettings {
  command: "analyze" | "check";
  toolVersion: string;
  /** A language to code every file in, or "auto" to detect each file's. */
  language: LanguageChoice;
  /** The language reports are written in; each file's own when not given. */
  locale?: Language;
  ruleFolders: string[];
  rules: RuleAdjustment[];
  /** Counsellor label words from the configuration, beside the bundled role words. */
  /** A learned weights file to code with (its language's transcripts), or null for the bundled weights. */
  weights: string | null;
  /** Learned client talk weights (oars train --client), or null for the bundled ones. */
  clientWeights: string | null;
  counsellors: string[];
  /** --counsellor names: each must match a speaker of every file. */
  counsellorNames: string[];
  maxBytes: number;
  limits: Limits;
  redact: boolean;
  format: ReportFormat;
  /** chalk's colour level for the table format (0: none). */
  colorLevel: 0 | 1;
  showTurns: boolean;
  /** Table format: print the count of every code (--counts). */
  showCounts: boolean;
  /** Table format: the columns every line fits in (the terminal's, else 80). */
  width: number;
  /** --quiet: the report leaves out warnings. */
  quiet: boolean;
  /** The configuration file in force, named in every report; null when none. */
  configFile: string | null;
}

export interface FileReport {
  /** The file's part of the report, as the formatter wrote it. */
  piece: string;
  summary: FileSummary;
  warnings: string[];
}

export type Outcome = { path: string; report: FileReport } | { path: string; error: FileError };

export interface Job {
  settings: JobSettings;
  context: ReportContext;
  /** The pack every file is coded with, when the language is forced. */
  pack: LanguagePack | undefined;
  packFor: (language: Language) => LanguagePack;
  modelFor: ChosenModels["modelFor"];
  clientModelFor: ChosenModels["clientModelFor"];
  formatter: ReportFormatter;
}

export async function prepareJob(settings: JobSettings): Promise<Job> {
  checkLanguageChoice(settings.language);
  const packFor = packLoader(settings.ruleFolders, settings.rules);
  const pack = isLanguage(settings.language) ? packFor(settings.language) : undefined;
  const { modelFor, clientModelFor } = chosenModels(settings, packFor);
  const context: ReportContext = { command: settings.command, toolVersion: settings.toolVersion, limits: settings.limits, locale: settings.locale, configFile: settings.configFile, redacted: settings.redact };
  const formatter = await createFormatter(settings.format, context, {
    color: new Chalk({ level: settings.colorLevel }),
    showTurns: settings.showTurns,
    showCounts: settings.showCounts,
    width: settings.width,
    // The rules that may flag a line, for formats that list them up front (SARIF).
    rules: () => (pack ? [pack] : LANGUAGES.map(packFor)).flatMap((p) => p.rules),
  });
  return { settings, context, pack, packFor, modelFor, clientModelFor, formatter };
}

/** `bytes` is given for standard input ("-"), which the command reads before the batch starts. */
export function runJob(path: string, { settings, pack, packFor, modelFor, clientModelFor, formatter }: Job, bytes?: Uint8Array): Outcome {
  try {
    const analysed = analyzeBytes(bytes ?? loadBytes(path, settings.maxBytes), path, { pack, packFor, modelFor, clientModelFor, locale: settings.locale, counsellorNames: settings.counsellorNames, counsellorWords: settings.counsellors });
    const redacted = settings.redact ? redactResult(analysed) : analysed;
    // The terminal gets no control characters from the transcript or its name.
    const shown = settings.format === "table" ? displayResult(redacted) : redacted;
    // --quiet: errors only, so the report carries no warnings either.
    const result = settings.quiet ? { ...shown, warnings: [] } : shown;
    const check = checkResult(result, settings.limits);
    const summary: FileSummary = { path: result.path, locale: result.locale, turns: result.turns.length, metrics: result.metrics, flags: result.flags.length, check };
    // Warnings go to standard error in the report's words, redacted like the report (--redact).
    const words = wordsOf(settings.locale ?? result.locale);
    return { path, report: { piece: formatter.file({ result, check }), summary, warnings: redacted.warnings.map((w) => words.warning(w)) } };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = renderDiagnostic(settings.redact ? redactDiagnostic(err.diagnostic) : err.diagnostic);
    return { path, error: { path: err.path, message, ...(err.line !== undefined ? { line: err.line } : {}) } };
  }
}
