// The command line: commander for parsing, our own exit codes (0 done, 1 a check failed,
// 2 usage or input error), one-line messages and never a stack trace.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { EXIT, InputError, SourceError, UsageError } from "../errors.js";
import { DEFAULT_MAX_BYTES } from "../read/load.js";
import { sayOnStderr } from "./output.js";
import { PACKAGE_ROOT } from "../paths.js";
import { LIMIT_IDS, LIMITS, type LimitId } from "../score/miti.js";
import type { BatchCommandOptions } from "./batch-command.js";
import { CONFIG_FORMATS, EVAL_FORMATS, REPORT_FORMATS, REVIEW_DELIMITERS, RULES_FORMATS, TREND_FORMATS } from "./choices.js";
import type { ConfigCommandOptions } from "./config-command.js";
import type { EvalCommandOptions } from "./eval-command.js";
import type { ReviewCommandOptions } from "./review-command.js";
import type { TrendCommandOptions } from "./trend-command.js";
import type { RulesCommandOptions } from "./rules-command.js";
import type { TrainCommandOptions } from "./train-command.js";

// Each command's code is imported when the command runs, so `oars --version` and `--help`
// load only commander, and a command loads only what it uses.
const batch = () => import("./batch-command.js");

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function buildProgram(version: string, setExit: (code: number) => void): Command {
  const program = new Command("oars")
    .description("Code Motivational Interviewing transcripts with MITI behaviour codes, on your own machine.")
    .version(version, "-V, --version")
    // commander's own parse errors in oars' one-line style: "oars: unknown option '--x' (…)".
    .configureOutput({ outputError: (message, write) => write(`oars: ${oneLine(message)} (run oars --help for usage)\n`) })
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  oars analyze session.txt                     coded session: flagged lines, MITI scores
  oars analyze --show turns --counts zoom.vtt  every utterance's code, and every code's count
  oars check sessions/ --level fair            exit 1 if a transcript misses MITI fair
  oars check "**/*.vtt" -f junit -o oars.xml   for CI
  oars rules test --rules ./my-rules           run your rules' examples
  oars eval --gold coded.csv session.txt       agreement with a human coder

Exit codes: 0 done, 1 a check failed, 2 usage or input error. Docs: README.md.\n`,
    );

  const analyze = program
    .command("analyze")
    .description("code every counsellor utterance and report MITI summary scores and flagged lines")
    .argument("[files...]", 'transcripts, folders or globs (plain text, WebVTT, SRT, Whisper JSON); "-" reads standard input')
    .addOption(new Option("--show <what>", "also print the coded transcript, turn by turn (table format)").choices(["turns"]))
    .option("--counts", "also print the count of every code (table format)")
    .addHelpText(
      "after",
      `
Examples:
  oars analyze session.txt
  oars analyze --counsellor Sarah --show turns teams-export.vtt
  oars analyze -f json sessions/ -o report.json
  cat session.txt | oars analyze -\n`,
    );
  addBatchOptions(analyze).action(async (files: string[], options: BatchCommandOptions, command: Command) => {
    let paths = files;
    if (paths.length === 0) {
      if (process.stdin.isTTY) {
        command.outputHelp({ error: true });
        setExit(EXIT.usage);
        return;
      }
      paths = ["-"];
    }
    setExit(await (await batch()).runBatch("analyze", paths, options, version));
  });

  const check = program
    .command("check")
    .description("analyse transcripts, folders or globs and check each against thresholds; exit 1 if any falls short")
    .argument("<paths...>", "transcripts, folders (every .txt .vtt .srt .json inside) or globs")
    .option("--level <level>", "basic (no persuading without permission or confronting; the default when no threshold is set), or fair or good: MITI thresholds for the four summary scores");
  for (const id of LIMIT_IDS) check.option(`--${id} <${LIMIT_UNITS[LIMITS[id].unit]}>`, LIMIT_HELP[id]);
  check.addHelpText(
    "after",
    `
Examples:
  oars check sessions/                          basic level: no persuading or confronting
  oars check sessions/ --level fair             MITI fair on the four summary scores
  oars check "**/*.vtt" --min-rq 1.5 -f github  annotations in GitHub Actions\n`,
  );
  addBatchOptions(check).action(async (paths: string[], options: BatchCommandOptions) => setExit(await (await batch()).runBatch("check", paths, options, version)));

  program
    .command("config")
    .description("print the settings in force here (configuration file found by walking up, or --config) and where they came from")
    .option("--config <file>", "read this configuration file instead of searching for one")
    .option("--no-config", "ignore configuration files")
    .addOption(new Option("-f, --format <format>", "output format").choices([...CONFIG_FORMATS]).default("yaml"))
    .action(async (options: ConfigCommandOptions) => setExit((await import("./config-command.js")).runConfig(options)));

  program
    .command("eval")
    .description("compare oars' codes with a human coding: per-code F1, kappa, confusion matrix, session scores")
    .argument("[files...]", "transcripts coded in the reference (matched by file name without extension)")
    .option("--gold <file>", "the reference coding: AnnoMI gold.jsonl, or a CSV/TSV table with speaker, text and code columns")
    .addOption(new Option("-f, --format <format>", "output format").choices([...EVAL_FORMATS]).default("table"))
    .option("-o, --output <file>", "write the report to a file instead of standard output (-: standard output)", outputTarget)
    .option("--lang <code>", "language of the transcripts: auto (detect each file's), en, nb, da or sv", "auto")
    .option("--weights <file>", "code with these learned weights (from oars train) instead of the bundled ones")
    .option("--client-weights <file>", "code client talk with these learned weights (from oars train --client) instead of the bundled ones")
    .option("--cv <k>", "cross-validate: K folds grouped by session source (by session when none is known), each coded by weights trained on the other folds")
    .option("--rules-only", "with --lines and no --gold: code by the rules alone (the first that holds by priority), for comparison")
    .option("--base <file>", 'with --cv: start every fold\'s training from these weights ("bundled": the ones oars ships)')
    .option("--client-base <file>", 'with --cv: start every fold\'s client talk training from these client weights (from oars train --client; "bundled": the ones oars ships)')
    .option("--lines <file>", "a MITI code set (TSV): without --gold, score its test part; with --cv, its train part joins every fold's training (repeatable)", collect, [])
    .option("--rules <dir>", "extra folder of rule files to load (repeatable), as analyze and train take it", collect, [])
    .action(async (files: string[], options: EvalCommandOptions) => setExit((await import("./eval-command.js")).runEval(files, options, version)));

  program
    .command("train")
    .description("learn coding weights from a human coding (and MITI code sets) and write them as a weights file")
    .argument("[files...]", "transcripts coded in the reference (matched by file name without extension)")
    .option("--gold <file>", "the reference coding: AnnoMI gold.jsonl, or a CSV/TSV table with speaker, text and code columns")
    .option("--lines <file>", "a MITI code set (TSV, fixtures/miti/README.md); its train part is learned from (repeatable)", collect, [])
    .requiredOption("--lang <code>", "the language of the transcripts and of the weights: en, nb, da or sv")
    .option("--base <file>", 'start from these weights ("bundled": the ones oars ships) and stay near them; default: start from nothing')
    .option("--folds <k>", "grouped folds for the primary-code step and the confidence cut (0: in-sample)", "5")
    .option("--l2 <x>", "L2 penalty on each weight's distance from its start")
    .option("--iterations <n>", "optimiser iterations")
    .option("--line-weight <x>", "how much one code-set line counts against one transcript utterance")
    .option("--rules <dir>", "extra folder of rule files whose rules become features (repeatable)", collect, [])
    .option("--client", "learn the client talk weights (change / sustain / neutral, from the reference's client talk and the code sets' client lines) instead of the counsellor codes")
    .requiredOption("-o, --output <file>", "the weights file to write (-: standard output)")
    .action(async (files: string[], options: TrainCommandOptions) => setExit((await import("./train-command.js")).runTrain(files, options)));

  const trend = program
    .command("trend")
    .description("a counsellor's sessions over time (dated by a YYYY-MM-DD in the name, else modification time): scores, and whether the change is more than coding noise")
    .argument("<paths...>", "transcripts, folders (every .txt .vtt .srt .json inside) or globs")
    .addOption(new Option("-f, --format <format>", "output format").choices([...TREND_FORMATS]).default("table"));
  addSettingsOptions(trend).action(async (paths: string[], options: TrendCommandOptions) => setExit((await import("./trend-command.js")).runTrend(paths, options, version)));

  program
    .command("review")
    .description("write a transcript's codes as a CSV table (line, speaker, text, code, rule, confidence, probability, review) to correct in a spreadsheet and give back to eval --gold")
    .argument("<transcript>", "the transcript to code (plain text, WebVTT, SRT, Whisper JSON)")
    .option("-o, --output <file>", "write the table to a file instead of standard output (-: standard output)", outputTarget)
    .option("--counsellor <name>", "speaker label of the counsellor (repeatable); overrides role detection", collect, [])
    .option("--lang <code>", "language of the transcript: auto (detect), en, nb, da or sv (default: configuration, else auto)")
    .option("--locale <code>", "language of the spreadsheet it opens in: auto (the transcript's), en, nb, da or sv; nb, da and sv get semicolons and decimal commas (default: configuration, else auto)")
    .addOption(new Option("--delimiter <name>", "what separates the cells (default: semicolon for an nb, da or sv locale, comma for en, tab for a .tsv file)").choices([...REVIEW_DELIMITERS]))
    .option("--rules <dir>", "extra folder of rule files to load (repeatable)", collect, [])
    .option("--weights <file>", "code with these learned weights (from oars train)")
    .option("--client-weights <file>", "code client talk with these learned weights (from oars train --client)")
    .option("--config <file>", "read this configuration file instead of searching for one")
    .option("--no-config", "ignore configuration files")
    .action(async (transcript: string, options: ReviewCommandOptions) => setExit((await import("./review-command.js")).runReview(transcript, options)));

  const rules = program
    .command("rules")
    .description("list the coding rules in force (id, code, priority, description); `oars rules test` runs every rule's examples")
    .option("--lang <code>", "language of the rule pack: en, nb, da or sv (default: every language)")
    .option("--rules <dir>", "extra folder of rule files to load (repeatable)", collect, [])
    .addOption(new Option("-f, --format <format>", "output format").choices([...RULES_FORMATS]).default("table"))
    .option("-o, --output <file>", "write the list to a file instead of standard output (-: standard output)", outputTarget)
    .option("--config <file>", "read this configuration file (its rule-folders and rules:) instead of searching for one")
    .option("--no-config", "ignore configuration files")
    .action(async (options: RulesCommandOptions) => setExit((await import("./rules-command.js")).runRulesList(options)));
  rules
    .command("test")
    .description("run every rule's examples (takes the --lang, --rules and --config of `oars rules`); exit 1 if any fails")
    // --lang, --rules and --config belong to `rules`, which commander lets stand before or after `test`.
    .action(async () => setExit((await import("./rules-command.js")).runRulesTest(rules.opts<RulesCommandOptions>())));

  return program;
}

const LIMIT_UNITS = { ratio: "ratio", percent: "percent", count: "count", score: "score" } as const;
const LIMIT_HELP: Record<LimitId, string> = {
  "min-rq": "lowest reflection-to-question ratio (MITI 4.2.1: fair 1, good 2)",
  "min-open": "lowest % of questions that are open (MITI 3.1: fair 50, good 70)",
  "min-complex": "lowest % of reflections that are complex (MITI 4.2.1: fair 40, good 50)",
  "max-persuade": "most persuading-without-permission utterances allowed",
  "max-confront": "most confronting utterances allowed",
  "min-adherent-share": "lowest % MI-adherent of adherent + non-adherent (MITI 3.1: fair 90, good 100)",
  "min-change-talk": "lowest % change talk of the client's change + sustain talk (CLAMI)",
  "min-technical": "lowest technical global, 1-5: Cultivating Change Talk and Softening Sustain Talk averaged, estimated from codes, not rated by a listener (MITI 4.2.1: fair 3, good 4)",
};

/** The options `analyze` and `check` share: output, settings, rules, inputs, workers. */
function addBatchOptions(command: Command): Command {
  return addSettingsOptions(command.addOption(new Option("-f, --format <format>", "output format").choices([...REPORT_FORMATS]).default("table")))
    .option("--jobs <n>", "worker threads for several files (default: one per core)")
    .option("--max-size <MB>", "refuse transcripts larger than this", String(DEFAULT_MAX_BYTES / 1024 / 1024))
    .option("--redact", "replace every transcript word with its code and speaker names with roles, for sharing the report")
    .option("-q, --quiet", "print errors only: no warnings on standard error or in the report, no progress bar")
    .option("--color", "colour the table report even when not on a terminal")
    .option("--no-color", "never colour the report (as NO_COLOR does)");
}

/** `-o -` is standard output, as `-` is standard input among the transcripts (not a file named "-"). */
function outputTarget(value: string): string | undefined {
  return value === "-" ? undefined : value;
}

/** commander's message without its "error: " prefix and line breaks. */
function oneLine(message: string): string {
  return message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ").trim();
}

/** The options of every command that codes several transcripts into a report: output, and the settings a configuration file also gives. */
function addSettingsOptions(command: Command): Command {
  return command
    .option("-o, --output <file>", "write the report to a file instead of standard output (-: standard output)", outputTarget)
    .option("--counsellor <name>", "speaker label of the counsellor (repeatable); overrides role detection", collect, [])
    .option("--lang <code>", "language of the transcripts: auto (detect each file's), en, nb, da or sv (default: configuration, else auto)")
    .option("--locale <code>", "language of the report: auto (each transcript's own; trend: the sessions' shared one), en, nb, da or sv (default: configuration, else auto)")
    .option("--rules <dir>", "extra folder of rule files to load (repeatable)", collect, [])
    .option("--weights <file>", "code with these learned weights (from oars train) for transcripts in their language")
    .option("--client-weights <file>", "code client talk with these learned weights (from oars train --client) for transcripts in their language")
    .option("--ignore <glob>", "skip files from folders and globs that match (repeatable)", collect, [])
    .option("--config <file>", "read this configuration file instead of searching for one")
    .option("--no-config", "ignore configuration files");
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(packageVersion(), (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    return handleError(err);
  }
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; every other parse error is a usage error.
    return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    sayOnStderr(err.message);
    return EXIT.usage;
  }
  if (err instanceof SourceError || err instanceof InputError) {
    sayOnStderr(err.describe());
    return EXIT.usage;
  }
  sayOnStderr(`internal error: ${(err as Error).message ?? String(err)}${process.env.OARS_DEBUG ? "" : " (set OARS_DEBUG=1 for details)"}`);
  if (process.env.OARS_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
  return EXIT.usage;
}
