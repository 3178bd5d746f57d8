// The terminal report ("table"): for `analyze`, each file: its flagged lines first (what a
// supervisor reads), the MITI summary table with the share of low-confidence codes, the count
// of every code only with --counts, the coded transcript with --show turns, and a verdict
// naming every score that fell short; for a batch, a summary row per file and a total. Every
// line fits the width given (the terminal's, else 80 columns). It only formats; every figure
// comes from the score and check stages.

import { clientRows } from "./client-rows.js";
import { CLIENT_CODE_ABBREVIATIONS } from "../types.js";
import { escapeControls } from "../text/controls.js";
import type { ChalkInstance } from "chalk";
import { formatTimecode } from "../read/timecode.js";
import { levelOf, THRESHOLDS, type Level, type LimitId, type ThresholdScore } from "../score/miti.js";
import type { BatchSummary } from "../check/summary.js";
import { failedChecks, type CheckOutcome } from "../check/index.js";
import type { Messages } from "../locale/messages.js";
import { COUNSELLOR_CODES, type CodedTurn, type FileError, type FileResult, type Flag } from "../types.js";
import { batchWords, CODE_ABBREVIATIONS, fileWords, fill, type Words } from "./words.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { describeLimits, failures, summaryRows } from "./summary-rows.js";
import { fitTable, wrap } from "./layout.js";
import { formatNumber } from "../locale/numbers.js";

export interface TextOptions {
  color: ChalkInstance;
  showTurns: boolean;
  /** Also print the count of every code (--counts). */
  showCounts: boolean;
  /** Columns every line must fit in. */
  width: number;
}

export function tableFormatter(context: ReportContext, options: TextOptions): ReportFormatter {
  const c = options.color;
  return {
    separator: "",
    start: () => "",
    file: (entry) => (context.command === "analyze" ? `${formatFile(entry, options, fileWords(context, entry.result))}\n\n` : ""),
    error: () => "",
    end: (summary) => {
      const words = batchWords(context, summary);
      const parts: string[] = [];
      if (context.command === "check" || summary.files.length > 1) parts.push(batchTable(summary, context, options, words));
      if (summary.errors.length > 0) parts.push(formatErrors(summary.errors, options, words.m));
      if (context.configFile) parts.push(wrap(fill(words.m.report.configuration, { file: escapeControls(context.configFile) }), options.width).map((l) => options.color.dim(l)).join("\n"));
      return parts.length > 0 ? `${parts.join("\n\n")}\n` : "";
    },
  };
}

function batchTable(summary: BatchSummary, context: ReportContext, { color: c, width }: TextOptions, words: Words): string {
  const m = words.m;
  const rows = summaryRows(summary, words);
  // Narrow terminals lose turns, flags, the adherent share and % change talk first; paths wrap
  // next; a column a threshold in force checks goes only when a path would wrap too narrow.
  const checked = (limit: LimitId) => context.limits[limit] !== undefined;
  const optional: [LimitId, number][] = [["min-adherent-share", 7], ["min-change-talk", 8]];
  const drop = [1, 9, ...optional.filter(([limit]) => !checked(limit)).map(([, column]) => column)];
  const dropLast = optional.filter(([limit]) => checked(limit)).map(([, column]) => column);
  const table = fitTable(m.report["summary-head"], [...rows.files, rows.total.map((cell) => c.bold(cell))], width, { drop, dropLast, wrap: 0 });
  const lines = [...wrap(fill(m.report["batch-heading"], { transcripts: words.count("transcripts", summary.files.length), passed: summary.passed, failed: summary.failed }), width).map((l) => c.bold(l)), table];
  lines.push(...wrap(`${fill(m.report["thresholds-in-force"], { limits: describeLimits(context.limits, words) })} ${m.report["threshold-note"]}`, width).map((l) => c.dim(l)));
  const failed = failures(summary, words);
  if (failed.length > 0) {
    lines.push("", c.bold(m.report["thresholds-not-met-heading"]));
    for (const f of failed) lines.push(...wrap(`${f.path}: ${c.red(f.messages.join("; "))}`, width, "  ", "    "));
  }
  return lines.join("\n");
}

function formatErrors(errors: readonly FileError[], { color: c, width }: TextOptions, m: Messages): string {
  const lines = [c.red.bold(`${m.report["not-analysed"]} (${errors.length})`)];
  for (const e of errors) lines.push(...wrap(`${e.path}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`, width, "  ", "    "));
  return lines.join("\n");
}

function formatFile({ result, check }: CheckedFile, options: TextOptions, words: Words): string {
  const { color: c, width } = options;
  const m = words.m;
  const counsellors = result.speakers.filter((s) => s.role === "counsellor").map((s) => s.label);
  const counsellorTurns = result.turns.filter((t) => t.role === "counsellor").length;
  const lines = [
    ...wrap(result.path, width).map((l) => c.bold(l)),
    ...wrap(fill(m.report["file-line"], { format: result.format, turns: result.turns.length, counsellorTurns, counsellors: counsellors.join(", ") || m.report.none, language: result.language }), width),
  ];
  for (const warning of result.warnings) lines.push(...wrap(`${m.report.warning}: ${words.warning(warning)}`, width, "", "  ").map((l) => c.yellow(l)));
  lines.push("", c.bold(fill(m.report["flagged-lines"], { count: result.flags.length })));
  if (result.flags.length === 0) lines.push(...wrap(m.report["no-flags"], width, "  "));
  for (const flag of result.flags) lines.push(...formatFlag(flag, options, words));
  lines.push("", c.bold(m.report["summary-scores"]), summaryTable(result, options, words));
  // "Read those first" only when there are some (the table's row still says 0 %).
  const share = result.metrics.lowConfidence > 0 ? lowConfidenceShare(result, words) : null;
  if (share !== null) lines.push(...wrap(fill(m.report["low-confidence-note"], { share }), width).map((l) => c.dim(l)));
  lines.push(...wrap(m.report["threshold-note"], width).map((l) => c.dim(l)));
  const client = clientRows(result.metrics.client, words);
  if (client) {
    lines.push("", c.bold(client.heading), fitTable(m.report["score-head"].slice(0, 2), client.rows, width, { wrap: 0 }));
    for (const note of client.notes) lines.push(...wrap(note, width).map((l) => c.dim(l)));
  }
  if (options.showCounts) lines.push("", c.bold(m.report["behaviour-counts"]), countsTable(result, m, width));
  if (options.showTurns) lines.push("", c.bold(m.report["coded-transcript"]), ...formatTurns(result.turns, options, words));
  lines.push("", ...formatVerdict(result, check, options, words));
  return lines.join("\n");
}

// The verdict names every check that failed and every MITI score below its fair level (MI
// non-adherent included), so nothing marked ✗ above goes unsaid at the end.
function formatVerdict(result: FileResult, check: CheckOutcome, { color: c, width }: TextOptions, words: Words): string[] {
  const m = words.m;
  const head = c.bold(`${m.report.thresholds}:`);
  const verdict = check.passed
    ? `${head} ${c.green(m.report["thresholds-met"])} (${check.checks.map((k) => words.check(k).message).join("; ")})`
    : `${head} ${c.red(m.report["thresholds-not-met"])}: ${failedChecks(check).map((k) => words.check(k).message).join("; ")}`;
  const lines = wrap(verdict, width, "", "  ");
  const below = THRESHOLDS.filter((t) => levelOf(t, result.metrics) === "below").map((t) => `${m.scores[t.id]} ${formatValue(t.value(result.metrics), t, words)}`);
  if (below.length > 0) lines.push(...wrap(fill(m.report["below-fair"], { scores: below.join("; ") }), width, "", "  ").map((l) => c.red(l)));
  return lines;
}

function summaryTable(result: FileResult, { color: c, width }: TextOptions, words: Words): string {
  const m = words.m;
  const metrics = result.metrics;
  const rows: string[][] = [];
  for (const threshold of THRESHOLDS) {
    const { fair, good } = threshold.levels;
    rows.push([m.scores[threshold.id], formatValue(threshold.value(metrics), threshold, words), words.bound(threshold, fair), words.bound(threshold, good), threshold.source, mark(levelOf(threshold, metrics), c, m)]);
  }
  rows.push([m.scores.miAdherent, String(metrics.miAdherent), "", "", "MITI 4.2.1", ""]);
  rows.push([m.scores.questionsReflections, `${metrics.questions} / ${metrics.reflections}`, "", "", "", ""]);
  const share = lowConfidenceShare(result, words);
  if (share !== null) rows.push([m.report["low-confidence-share"], share, "", "", "", ""]);
  // The source is the first thing to go on a narrow terminal; the score names wrap.
  return fitTable(m.report["score-head"], rows, width, { drop: [4], wrap: 0 });
}

/** The share of counsellor utterances coded with low confidence, or null when none was coded. */
function lowConfidenceShare(result: FileResult, words: Words): string | null {
  const { utterances, lowConfidence } = result.metrics;
  return utterances === 0 ? null : words.figure("percent", Math.round((1000 * lowConfidence) / utterances) / 10);
}

function countsTable(result: FileResult, m: Messages, width: number): string {
  const rows = COUNSELLOR_CODES.map((code) => [m.codes[code], CODE_ABBREVIATIONS[code], String(result.metrics.counts[code])]);
  return fitTable(m.report["counts-head"], rows, width, { wrap: 0 });
}

function formatFlag(flag: Flag, { color: c, width }: TextOptions, words: Words): string[] {
  const m = words.m;
  const { reason, suggestion } = words.flag(flag);
  const where = `${fill(m.report.line, { line: flag.line })}${flag.start !== null ? ` (${formatTimecode(flag.start)})` : ""}`;
  // A low-confidence code is marked "?": the weights were less sure of it than of the codes that agree with expert coders 9 times in 10, so read it before acting on it.
  const code = `${m.codes[flag.code]}${flag.confidence === "low" ? `? (${m.report["low-confidence"]})` : ""}`;
  const lines = [...wrap(`${c.bold(where)} ${flag.speaker}: "${flag.text}"`, width, "  ", "    "), ...wrap(`${c.red(code)} [${flag.rule}]: ${reason}`, width, "    ", "      ")];
  if (suggestion) lines.push(...wrap(`${c.green(`${m.report.instead.toLowerCase()}:`)} ${suggestion}`, width, "    ", "      "));
  return lines;
}

function formatTurns(turns: CodedTurn[], { color: c, width }: TextOptions, words: Words): string[] {
  const m = words.m;
  // Probabilities and weights with the report's decimal sign, as every other figure ("p 0,93" in nb, da, sv).
  const decimal = (value: number) => formatNumber(value, words.locale, 2, 2);
  const p = (u: { probability?: number }) => (u.probability !== undefined ? `, p ${decimal(u.probability)}` : "");
  return turns.flatMap((turn) => {
    const when = turn.start !== null ? ` ${formatTimecode(turn.start)}` : "";
    const talk = turn.role === "client" && turn.turnTalk ? ` → ${m.client[turn.turnTalk === "neutral" ? "neutral" : turn.turnTalk]}` : "";
    const head = wrap(`${c.dim(`[${turn.line}${when}]`)} ${c.bold(turn.speaker)} (${m.roles[turn.role]})${turn.role === "counsellor" ? ` → ${m.codes[turn.primary]}` : talk}`, width, "", "  ");
    // Why: the features that weighed most toward the code, with their weights (feature names stay as they are: they are ids).
    const why = (u: { why?: { feature: string; weight: number }[] }) =>
      u.why && u.why.length > 0 ? wrap(c.dim(`← ${u.why.map((r) => `${r.feature} ${r.weight >= 0 ? "+" : "-"}${decimal(Math.abs(r.weight))}`).join(", ")}`), width, "         ", "           ") : [];
    const low = (u: { confidence: string }) => (u.confidence === "low" ? `, ${m.report["low-confidence"]}` : "");
    if (turn.role === "client" && turn.talk) {
      // Client talk: CT / ST / N with its DARN-CAT subtype, rule, probability and why, as counsellor codes.
      return [
        ...head,
        ...turn.talk.flatMap((u) => [
          ...wrap(`${CLIENT_CODE_ABBREVIATIONS[u.code]}${u.confidence === "low" ? "?" : ""}`.padEnd(5) + ` ${u.text} ${c.dim(`(${u.subtype ? `${m.subtypes[u.subtype]}, ` : ""}${u.rule}${p(u)}${low(u)})`)}`, width, "    ", "          "),
          ...why(u),
        ]),
      ];
    }
    if (turn.role !== "counsellor") return [...head, ...wrap(turn.text, width, "    ")];
    const body = turn.utterances.flatMap((u) => {
      // "SR?" marks a low-confidence code.
      const code = `${CODE_ABBREVIATIONS[u.code]}${u.confidence === "low" ? "?" : ""}`.padEnd(5);
      const line = wrap(`${code} ${u.text} ${c.dim(`(${u.rule}${p(u)}${low(u)})`)}`, width, "    ", "          ");
      return [...line, ...why(u)];
    });
    return [...head, ...body];
  });
}

function formatValue(value: number | null, threshold: ThresholdScore, words: Words): string {
  return value === null ? words.m.levels["n/a"] : words.figure(threshold.unit, value);
}

function mark(level: Level, c: ChalkInstance, m: Messages): string {
  switch (level) {
    case "good":
      return c.green(`${m.levels.good} ✓`);
    case "fair":
      return c.green(`${m.levels.fair} ✓`);
    case "below":
      return c.red(`${m.levels.below} ✗`);
    case "n/a":
      return c.dim(m.levels["n/a"]);
  }
}
