// The terminal report ("table"): for `analyze`, each file in full (MITI summary table, code
// counts, flagged lines, optionally the coded transcript); for a batch, a summary row per file
// and a total. It only formats; every figure comes from the score and check stages.

import Table from "cli-table3";
import { TABLE_STYLE } from "./table-style.js";
import type { ChalkInstance } from "chalk";
import { formatTimecode } from "../read/timecode.js";
import { levelOf, THRESHOLDS, type Level, type Threshold } from "../score/thresholds.js";
import type { BatchSummary } from "../check/summary.js";
import { failedChecks, type CheckOutcome } from "../check/index.js";
import { COUNSELLOR_CODES, type CodedTurn, type FileError, type FileResult, type Flag } from "../types.js";
import { CODE_ABBREVIATIONS, CODE_LABELS, THRESHOLD_NOTE } from "./labels.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { describeLimits, failures, SUMMARY_HEAD, summaryRows } from "./summary-rows.js";

export interface TextOptions {
  color: ChalkInstance;
  showTurns: boolean;
}

export function tableFormatter(context: ReportContext, options: TextOptions): ReportFormatter {
  const c = options.color;
  return {
    separator: "",
    start: () => "",
    file: (entry) => (context.command === "analyze" ? `${formatFile(entry, options)}\n\n` : ""),
    error: () => "",
    end: (summary) => {
      const parts: string[] = [];
      if (context.command === "check" || summary.files.length > 1) parts.push(batchTable(summary, context, c));
      if (summary.errors.length > 0) parts.push(formatErrors(summary.errors, c));
      return parts.length > 0 ? `${parts.join("\n\n")}\n` : "";
    },
  };
}

function batchTable(summary: BatchSummary, context: ReportContext, c: ChalkInstance): string {
  const table = new Table({ head: SUMMARY_HEAD, ...TABLE_STYLE });
  const rows = summaryRows(summary);
  table.push(...rows.files, rows.total.map((cell) => c.bold(cell)));
  const lines = [c.bold(`${summary.files.length} transcripts: ${summary.passed} met the thresholds, ${summary.failed} did not`), table.toString()];
  lines.push(c.dim(`Thresholds: ${describeLimits(context.limits)}. ${THRESHOLD_NOTE}`));
  const failed = failures(summary);
  if (failed.length > 0) {
    lines.push("", c.bold("Thresholds not met"));
    for (const f of failed) lines.push(`  ${f.path}: ${c.red(f.messages.join("; "))}`);
  }
  return lines.join("\n");
}

function formatErrors(errors: readonly FileError[], c: ChalkInstance): string {
  return `${c.red.bold(`Not analysed (${errors.length})`)}\n` + errors.map((e) => `  ${e.path}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`).join("\n");
}

function formatFile({ result, check }: CheckedFile, options: TextOptions): string {
  const { color: c } = options;
  const counsellors = result.speakers.filter((s) => s.role === "counsellor").map((s) => s.label);
  const counsellorTurns = result.turns.filter((t) => t.role === "counsellor").length;
  const lines = [
    c.bold(result.path),
    `${result.format}, ${result.turns.length} turns (${counsellorTurns} counsellor), counsellor: ${counsellors.join(", ") || "none"}, language: ${result.language}`,
  ];
  for (const warning of result.warnings) lines.push(c.yellow(`warning: ${warning}`));
  if (options.showTurns) lines.push("", c.bold("Coded transcript"), formatTurns(result.turns, c));
  lines.push("", c.bold("MITI summary scores"), summaryTable(result, c), c.dim(THRESHOLD_NOTE));
  lines.push("", c.bold("Behaviour counts"), countsTable(result));
  lines.push("", c.bold(`Flagged lines (${result.flags.length})`));
  if (result.flags.length === 0) lines.push("  none: no persuading without permission or confronting was found");
  for (const flag of result.flags) lines.push(formatFlag(flag, c));
  lines.push("", formatCheck(check, c));
  return lines.join("\n");
}

function formatCheck(check: CheckOutcome, c: ChalkInstance): string {
  if (check.passed) return `${c.bold("Thresholds:")} ${c.green("met")} (${check.checks.map((k) => k.message).join("; ")})`;
  const failed = failedChecks(check).map((k) => k.message);
  return `${c.bold("Thresholds:")} ${c.red("not met")}: ${failed.join("; ")}`;
}

function summaryTable(result: FileResult, c: ChalkInstance): string {
  const table = new Table({ head: ["Score", "Value", "Fair", "Good", "Source", "Result"], ...TABLE_STYLE });
  const m = result.metrics;
  for (const threshold of THRESHOLDS) {
    table.push([threshold.label, formatValue(m[threshold.id], threshold), bound(threshold, threshold.fair), bound(threshold, threshold.good), threshold.source, mark(levelOf(threshold, m), c)]);
  }
  table.push(["MI-adherent (affirm + seek + emphasize autonomy)", String(m.miAdherent), "", "", "MITI 4.2.1", ""]);
  table.push(["Questions / reflections", `${m.questions} / ${m.reflections}`, "", "", "", ""]);
  return table.toString();
}

function countsTable(result: FileResult): string {
  const table = new Table({ head: ["Code", "MITI", "Count"], ...TABLE_STYLE });
  for (const code of COUNSELLOR_CODES) table.push([CODE_LABELS[code], CODE_ABBREVIATIONS[code], String(result.metrics.counts[code])]);
  return table.toString();
}

function formatFlag(flag: Flag, c: ChalkInstance): string {
  const where = `line ${flag.line}${flag.start !== null ? ` (${formatTimecode(flag.start)})` : ""}`;
  const lines = [
    `  ${c.bold(where)} ${flag.speaker}: "${flag.text}"`,
    `    ${c.red(CODE_LABELS[flag.code])} [${flag.rule}]: ${flag.reason}`,
  ];
  if (flag.suggestion) lines.push(`    ${c.green("instead:")} ${flag.suggestion}`);
  return lines.join("\n");
}

function formatTurns(turns: CodedTurn[], c: ChalkInstance): string {
  return turns
    .map((turn) => {
      const when = turn.start !== null ? ` ${formatTimecode(turn.start)}` : "";
      const head = `${c.dim(`[${turn.line}${when}]`)} ${c.bold(turn.speaker)} (${turn.role})${turn.role === "counsellor" ? ` → ${CODE_LABELS[turn.primary]}` : ""}`;
      if (turn.role !== "counsellor") return `${head}\n    ${turn.text}`;
      const body = turn.utterances.map((u) => `    ${CODE_ABBREVIATIONS[u.code].padEnd(4)} ${u.text} ${c.dim(`(${u.rule}${u.confidence === "low" ? ", low confidence" : ""})`)}`);
      return [head, ...body].join("\n");
    })
    .join("\n");
}

function formatValue(value: number | null, threshold: Threshold): string {
  if (value === null) return "n/a";
  if (threshold.unit === "percent") return `${value.toFixed(0)}%`;
  if (threshold.unit === "ratio") return value.toFixed(2);
  return String(value);
}

function bound(threshold: Threshold, value: number): string {
  const sign = threshold.direction === "at-least" ? "≥" : "≤";
  return `${sign} ${threshold.unit === "percent" ? `${value}%` : value}`;
}

function mark(level: Level, c: ChalkInstance): string {
  switch (level) {
    case "good":
      return c.green("good ✓");
    case "fair":
      return c.green("fair ✓");
    case "below":
      return c.red("below ✗");
    case "n/a":
      return c.dim("n/a");
  }
}
