// `oars analyze` and `oars check`: expand the inputs, code every file (on worker threads when
// there are several), check each against the thresholds in force, and stream the report in
// path order. Unreadable files are reported and never stop the others.
// Exit codes: 0 done (check: every file met the thresholds), 1 (check only) a file missed a
// threshold, 2 a usage error or an unreadable file; 2 wins over 1.

import { resolve } from "node:path";
import { appendFileSync, closeSync, constants as fsConstants, fstatSync, openSync } from "node:fs";
import { availableParallelism, constants } from "node:os";
import { analyzeFiles, defaultJobs, prepareJob } from "../batch/index.js";
import { expandInputs } from "../batch/expand.js";
import { camelLimit, LIMIT_IDS, CHECK_LEVELS, limitProblem, type CamelLimit, type CheckLevel, type Limits } from "../score/miti.js";
import { SummaryCollector, type BatchSummary } from "../check/summary.js";
import { resolveSettings, type Settings, type SettingsLayer } from "../config/index.js";
import { limitsInForce } from "../config/settings.js";
import { EXIT, UsageError } from "../errors.js";
import type { ReportFormat } from "../report/index.js";
import { markdownSummary } from "../report/markdown.js";
import type { FileError } from "../types.js";
import { chooseColor, reportWidth, sayOnStderr } from "./output.js";
import { readStdin } from "../io/stdin.js";
import { asInputError } from "../read/load.js";
import { displayError } from "../report/display.js";
import { Progress } from "./progress.js";
import { OutputSink, refuseOutputOverInput } from "./sink.js";
import { isLanguage, type Language, type LanguageChoice } from "../languages.js";
import { checkLanguageChoice } from "../packs/loader.js";

// Option types follow the choices commander checks (src/cli/main.ts), so nothing here checks them again.
export interface BatchCommandOptions extends Partial<Record<CamelLimit, string>> {
  format: ReportFormat;
  output?: string;
  show?: string;
  counsellor: string[];
  lang?: string;
  locale?: string;
  rules: string[];
  weights?: string;
  clientWeights?: string;
  ignore: string[];
  maxSize: string;
  redact?: boolean;
  config?: string | false;
  jobs?: string;
  level?: string;
  /** --counts: print the count of every code (table format). */
  counts?: boolean;
  /** --quiet: standard error shows errors only, and the report no warnings. */
  quiet?: boolean;
  /** --color / --no-color; undefined: decided from NO_COLOR, FORCE_COLOR and the terminal. */
  color?: boolean;
}

/** A --lang or --locale value, checked; `option` names it in the message. */
export function languageChoice(value: string, option = "--lang"): LanguageChoice {
  checkLanguageChoice(value, option);
  return value as LanguageChoice;
}

/** The settings a batch command runs with: config file, then these options. */
export function settingsFromOptions(options: BatchCommandOptions): Settings {
  const cwd = process.cwd();
  const commandLine: SettingsLayer = {
    ...(options.lang !== undefined ? { language: languageChoice(options.lang) } : {}),
    ...(options.locale !== undefined ? { locale: languageChoice(options.locale, "--locale") } : {}),
    ruleFolders: options.rules,
    ...(options.weights !== undefined ? { weights: resolve(cwd, options.weights) } : {}),
    ...(options.clientWeights !== undefined ? { clientWeights: resolve(cwd, options.clientWeights) } : {}),
    ignore: options.ignore.map((pattern) => ({ pattern, base: cwd })),
  };
  if (options.level !== undefined) {
    if (!(CHECK_LEVELS as readonly string[]).includes(options.level)) throw new UsageError(`--level must be one of ${CHECK_LEVELS.join(", ")} (got "${options.level}")`);
    commandLine.level = options.level as CheckLevel;
  }
  const limits: Limits = {};
  for (const id of LIMIT_IDS) {
    const given = options[camelLimit(id)];
    if (given === undefined) continue;
    const value = Number(given.replace(/%$/, ""));
    const problem = given.trim() === "" || Number.isNaN(value) ? `${id} takes a number (got "${given}")` : limitProblem(id, value);
    if (problem) throw new UsageError(`--${problem}`);
    limits[id] = value;
  }
  commandLine.limits = limits;
  return resolveSettings({ cwd, config: options.config, commandLine });
}

export async function runBatch(command: "analyze" | "check", args: string[], options: BatchCommandOptions, version: string): Promise<number> {
  const format = options.format;
  if (options.show !== undefined && options.show !== "turns") throw new UsageError(`--show takes "turns" (got "${options.show}")`);
  const maxMb = Number(options.maxSize);
  if (!(maxMb > 0)) throw new UsageError(`--max-size takes a size in MB greater than 0 (got "${options.maxSize}")`);
  const asked = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
  if (!Number.isInteger(asked) || asked < 1) throw new UsageError(`--jobs takes a whole number of 1 or more (got "${options.jobs}")`);
  // More threads than twice the cores only add memory and switching.
  const jobs = Math.min(asked, maxJobs());

  const settings = settingsFromOptions(options);
  const limits = limitsInForce(settings);
  const maxBytes = maxMb * 1024 * 1024;
  const job = await prepareJob({
    command,
    toolVersion: version,
    language: settings.language,
    ...(isLanguage(settings.locale) ? { locale: settings.locale } : {}),
    ruleFolders: settings.ruleFolders,
    rules: settings.rules,
    weights: settings.weights,
    clientWeights: settings.clientWeights,
    counsellors: settings.counsellors,
    counsellorNames: options.counsellor,
    maxBytes,
    limits,
    redact: options.redact === true,
    format,
    colorLevel: chooseColor(options.output !== undefined, process.stdout, options.color).level > 0 ? 1 : 0,
    showTurns: options.show === "turns",
    showCounts: options.counts === true,
    width: reportWidth(options.output !== undefined),
    quiet: options.quiet === true,
    configFile: settings.source,
  });
  const { formatter, context } = job;
  const { files, errors: expansionErrors } = expandInputs(args, settings.ignore);
  if (options.output !== undefined) refuseOutputOverInput(options.output, files);

  const progress = new Progress(options.quiet ? 0 : files.length);
  const say = (message: string) => {
    progress.clear();
    sayOnStderr(message);
  };
  if (jobs < asked) say(`--jobs ${asked} is more than twice the ${availableParallelism()} cores; using ${jobs}`);
  // A threshold that comes from a configuration file is named, so an exit code never changes silently.
  if (command === "check" && settings.source) say(`configuration: ${settings.source}`);

  let stdin: Uint8Array | undefined;
  const collector = new SummaryCollector(format !== "ndjson");
  // The report's opening names the language its files are in (HTML's lang and title). With one
  // input it waits for that file, so it can; a batch's is written first and replaced at the end
  // when the sink still can (a file written with -o) and every file turned out to be in one.
  let opening: string | null = null;
  const begin = async (language?: Language) => {
    if (opening !== null) return;
    opening = formatter.start(language);
    await sink.write(opening);
  };
  const addError = async (error: FileError) => {
    await begin();
    say(`${error.path}${error.line !== undefined ? `:${error.line}` : ""}: ${error.message}`);
    const shown = format === "table" ? displayError(error) : error;
    collector.addError(shown);
    await sink.write(formatter.error(shown));
  };
  if (files.includes("-")) {
    try {
      stdin = await readStdin(maxBytes);
    } catch (err) {
      files.splice(files.indexOf("-"), 1);
      expansionErrors.push({ path: "-", message: asInputError(err, "-", maxBytes).message });
    }
  }

  // Coding in this thread (one file, or --jobs 1 to standard output) leaves the signals their
  // default action, so oars stops at once: with -o, one file's report is held in memory until
  // it is complete, so no temporary file exists to be left behind. Several files with -o are
  // coded on worker threads, so this thread stays free to remove the temporary file at once.
  const oneFile = files.length <= 1;
  const inThread = Math.min(jobs, files.length) <= 1 && (options.output === undefined || oneFile);
  const sink = new OutputSink(options.output, { hold: inThread });
  const stopOnSignal = (signal: NodeJS.Signals) => {
    progress.clear();
    sink.abandon();
    process.stderr.write(`oars: ${signal === "SIGINT" ? "interrupted" : `stopped (${signal})`}\n`);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  const answerSignals = () => {
    for (const signal of STOP_SIGNALS) process.once(signal, stopOnSignal);
  };
  if (!inThread) answerSignals();

  try {
    if (!oneFile) await begin();
    for (const error of expansionErrors) await addError(error);
    let piecesWritten = 0;
    for await (const outcome of analyzeFiles(files, job, jobs, { stdin, inThread })) {
      if ("error" in outcome) {
        await addError(outcome.error);
      } else {
        const { piece, summary, warnings } = outcome.report;
        await begin(summary.locale);
        if (!options.quiet) for (const warning of warnings) say(`${outcome.path}: ${warning}`);
        collector.addFile(summary);
        if (piece !== "") await sink.write(`${piecesWritten++ > 0 ? formatter.separator : ""}${piece}`);
      }
      progress.tick(outcome.path);
    }
    progress.clear();
    const summary = collector.summary();
    await begin();
    const language = soleLanguage(summary);
    if (language !== undefined) {
      const spoken = formatter.start(language);
      if (spoken !== opening) sink.rewriteStart(opening!, spoken);
    }
    await sink.write(formatter.end(summary));
    // A held report is written now, in one synchronous step: a signal during it waits for it.
    if (inThread) answerSignals();
    sink.commit();
    if (format === "github") writeStepSummary(markdownSummary(summary, context), say);
    if (summary.errors.length > 0) return EXIT.usage;
    return command === "check" && summary.failed > 0 ? EXIT.failed : EXIT.ok;
  } catch (err) {
    sink.abandon();
    throw err;
  } finally {
    progress.clear();
    for (const signal of STOP_SIGNALS) process.removeListener(signal, stopOnSignal);
  }
}


/** The language every file of the report is in, when there is one and no file went unread. */
function soleLanguage(summary: BatchSummary): Language | undefined {
  const first = summary.files[0]?.locale;
  return summary.errors.length === 0 && first !== undefined && summary.files.every((f) => f.locale === first) ? first : undefined;
}

/** Every signal that ends oars by default in a terminal or CI runner. */
const STOP_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];

export function maxJobs(): number {
  return availableParallelism() * 2;
}


// GitHub shows this file's Markdown on the run's page. Not writable: say so, keep going.
// Opened without waiting, so a FIFO with no reader is said at once rather than a hang that
// no signal ends (the open would block the thread that handles them); only a regular file is
// appended to.
function writeStepSummary(markdown: string, say: (message: string) => void): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  let fd: number | null = null;
  try {
    fd = openSync(file, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOCTTY ?? 0), 0o600);
    if (!fstatSync(fd).isFile()) throw new Error("not a regular file");
    appendFileSync(fd, `${markdown}\n`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    say(`cannot write the job summary to ${file}: ${code === "ENXIO" ? "a FIFO with nothing reading from it" : (code ?? (err as Error).message)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

