// The terminal report ("table"): for `analyze`, each file in full (MITI summary table, code
// counts, flagged lines, optionally the coded transcript); for a batch, a summary row per file
// and a total. It only formats; every figure comes from the score and check stages.

import Table from "cli-table3";
import { renderDiagnostic } from "../diagnostics.js";
import { escapeControls } from "../text/controls.js";
import { plainTable } from "./plain-table.js";
import { TABLE_STYLE } from "./table-style.js";
import type { ChalkInstance } from "chalk";
import { formatTimecode } from "../read/timecode.js";
import { levelOf, THRESHOLDS, type Level, type ThresholdScore } from "../score/miti.js";
import type { BatchSummary } from "../check/summary.js";
import { failedChecks, type CheckOutcome } from "../check/index.js";
import type { Messages } from "../locale/messages.js";
import { COUNSELLOR_CODES, type CodedTurn, type FileError, type FileResult, type Flag } from "../types.js";
import { batchWords, CODE_ABBREVIATIONS, fileWords, fill, type Words } from "./words.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { describeLimits, failures, summaryRows } from "./summary-rows.js";

export interface TextOptions {
  color: ChalkInstance;
  showTurns: boolean;
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
      if (context.command === "check" || summary.files.length > 1) parts.push(batchTable(summary, context, c, words));
      if (summary.errors.length > 0) parts.push(formatErrors(summary.errors, c, words.m));
      if (context.configFile) parts.push(c.dim(fill(words.m.report.configuration, { file: escapeControls(context.configFile) })));
      return parts.length > 0 ? `${parts.join("\n\n")}\n` : "";
    },
  };
}

function batchTable(summary: BatchSummary, context: ReportContext, c: ChalkInstance, words: Words): string {
  const m = words.m;
  const rows = summaryRows(summary, m);
  // A row per file, drawn in linear time (plain-table.ts), however many files.
  const table = plainTable(m.report["summary-head"], [...rows.files, rows.total.map((cell) => c.bold(cell))]);
  const lines = [c.bold(fill(m.report["batch-heading"], { files: summary.files.length, passed: summary.passed, failed: summary.failed })), table];
  lines.push(c.dim(`${fill(m.report["thresholds-in-force"], { limits: describeLimits(context.limits, words) })} ${m.report["threshold-note"]}`));
  const failed = failures(summary, words);
  if (failed.length > 0) {
    lines.push("", c.bold(m.report["thresholds-not-met-heading"]));
    for (const f of failed) lines.push(`  ${f.path}: ${c.red(f.messages.join("; "))}`);
  }
  return lines.join("\n");
}

function formatErrors(errors: readonly FileError[], c: ChalkInstance, m: Messages): string {
  return `${c.red.bold(`${m.report["not-analysed"]} (${errors.length})`)}\n` + errors.map((e) => `  ${e.path}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`).join("\n");
}

function formatFile({ result, check }: CheckedFile, options: TextOptions, words: Words): string {
  const { color: c } = options;
  const m = words.m;
  const counsellors = result.speakers.filter((s) => s.role === "counsellor").map((s) => s.label);
  const counsellorTurns = result.turns.filter((t) => t.role === "counsellor").length;
  const lines = [
    c.bold(result.path),
    fill(m.report["file-line"], { format: result.format, turns: result.turns.length, counsellorTurns, counsellors: counsellors.join(", ") || m.report.none, language: result.language }),
  ];
  for (const warning of result.warnings) lines.push(c.yellow(`${m.report.warning}: ${renderDiagnostic(warning)}`));
  if (options.showTurns) lines.push("", c.bold(m.report["coded-transcript"]), formatTurns(result.turns, c, m));
  lines.push("", c.bold(m.report["summary-scores"]), summaryTable(result, c, words), c.dim(m.report["threshold-note"]));
  lines.push("", c.bold(m.report["behaviour-counts"]), countsTable(result, m));
  lines.push("", c.bold(fill(m.report["flagged-lines"], { count: result.flags.length })));
  if (result.flags.length === 0) lines.push(`  ${m.report["no-flags"]}`);
  for (const flag of result.flags) lines.push(formatFlag(flag, c, words));
  lines.push("", formatCheck(check, c, words));
  return lines.join("\n");
}

function formatCheck(check: CheckOutcome, c: ChalkInstance, words: Words): string {
  const m = words.m;
  const head = c.bold(`${m.report.thresholds}:`);
  if (check.passed) return `${head} ${c.green(m.report["thresholds-met"])} (${check.checks.map((k) => words.check(k).message).join("; ")})`;
  const failed = failedChecks(check).map((k) => words.check(k).message);
  return `${head} ${c.red(m.report["thresholds-not-met"])}: ${failed.join("; ")}`;
}

function summaryTable(result: FileResult, c: ChalkInstance, words: Words): string {
  const m = words.m;
  const table = new Table({ head: m.report["score-head"], ...TABLE_STYLE });
  const metrics = result.metrics;
  for (const threshold of THRESHOLDS) {
    const { fair, good } = threshold.levels;
    table.push([m.scores[threshold.id], formatValue(threshold.value(metrics), threshold, m), words.bound(threshold, fair), words.bound(threshold, good), threshold.source, mark(levelOf(threshold, metrics), c, m)]);
  }
  table.push([m.scores.miAdherent, String(metrics.miAdherent), "", "", "MITI 4.2.1", ""]);
  table.push([m.scores.questionsReflections, `${metrics.questions} / ${metrics.reflections}`, "", "", "", ""]);
  return table.toString();
}

function countsTable(result: FileResult, m: Messages): string {
  const table = new Table({ head: m.report["counts-head"], ...TABLE_STYLE });
  for (const code of COUNSELLOR_CODES) table.push([m.codes[code], CODE_ABBREVIATIONS[code], String(result.metrics.counts[code])]);
  return table.toString();
}

function formatFlag(flag: Flag, c: ChalkInstance, words: Words): string {
  const m = words.m;
  const { reason, suggestion } = words.flag(flag);
  const where = `${fill(m.report.line, { line: flag.line })}${flag.start !== null ? ` (${formatTimecode(flag.start)})` : ""}`;
  const lines = [
    `  ${c.bold(where)} ${flag.speaker}: "${flag.text}"`,
    `    ${c.red(m.codes[flag.code])} [${flag.rule}]: ${reason}`,
  ];
  if (suggestion) lines.push(`    ${c.green(`${m.report.instead.toLowerCase()}:`)} ${suggestion}`);
  return lines.join("\n");
}

function formatTurns(turns: CodedTurn[], c: ChalkInstance, m: Messages): string {
  return turns
    .map((turn) => {
      const when = turn.start !== null ? ` ${formatTimecode(turn.start)}` : "";
      const head = `${c.dim(`[${turn.line}${when}]`)} ${c.bold(turn.speaker)} (${m.roles[turn.role]})${turn.role === "counsellor" ? ` → ${m.codes[turn.primary]}` : ""}`;
      if (turn.role !== "counsellor") return `${head}\n    ${turn.text}`;
      const body = turn.utterances.map((u) => {
        const line = `    ${CODE_ABBREVIATIONS[u.code].padEnd(4)} ${u.text} ${c.dim(`(${u.rule}${u.probability !== undefined ? `, p ${u.probability.toFixed(2)}` : ""}${u.confidence === "low" ? `, ${m.report["low-confidence"]}` : ""})`)}`;
        // Why: the features that weighed most toward the code, with their weights (feature names stay as they are: they are ids).
        const why = u.why && u.why.length > 0 ? `\n         ${c.dim(`← ${u.why.map((r) => `${r.feature} ${r.weight >= 0 ? "+" : ""}${r.weight.toFixed(2)}`).join(", ")}`)}` : "";
        return line + why;
      });
      return [head, ...body].join("\n");
    })
    .join("\n");
}

function formatValue(value: number | null, threshold: ThresholdScore, m: Messages): string {
  if (value === null) return m.levels["n/a"];
  if (threshold.unit === "percent") return `${value.toFixed(0)}%`;
  if (threshold.unit === "ratio") return value.toFixed(2);
  return String(value);
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
