// The Markdown report: what a trainer pastes into supervision notes or a pull request, and
// what the github format writes to the job summary. Transcript words and paths are escaped so
// nothing in them can become markup (or HTML, which GitHub renders).

import { formatTimecode } from "../read/timecode.js";
import { levelOf, THRESHOLDS } from "../score/thresholds.js";
import { failedChecks } from "../check/index.js";
import type { BatchSummary } from "../check/summary.js";
import type { FileError } from "../types.js";
import { CODE_LABELS, THRESHOLD_NOTE } from "./labels.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { describeLimits, failures, SUMMARY_HEAD, summaryRows } from "./summary-rows.js";

export function markdownFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: "",
    start: () => "",
    file: (entry) => (context.command === "analyze" ? `${fileSection(entry)}\n` : ""),
    error: () => "",
    end: (summary) => `${markdownSummary(summary, context)}\n`,
  };
}

/** The batch summary as Markdown: heading, a row per file, the total, what failed, what could not be read. */
export function markdownSummary(summary: BatchSummary, context: ReportContext): string {
  const rows = summaryRows(summary);
  const lines = [
    `## oars ${context.command}: ${summary.files.length} transcripts, ${summary.passed} met the thresholds, ${summary.failed} did not`,
    "",
    tableRow(SUMMARY_HEAD),
    `|${SUMMARY_HEAD.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.files.map((row) => tableRow(row)),
    tableRow(rows.total.map((cell) => `**${escapeMarkdown(cell)}**`), false),
    "",
    `Thresholds: ${escapeMarkdown(describeLimits(context.limits))}. ${THRESHOLD_NOTE}`,
  ];
  const failed = failures(summary);
  if (failed.length > 0) {
    lines.push("", "### Thresholds not met", "");
    for (const f of failed) lines.push(`- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.messages.join("; "))}`);
  }
  if (summary.errors.length > 0) lines.push("", "### Not analysed", "", ...summary.errors.map(errorItem));
  return lines.join("\n");
}

function fileSection({ result, check }: CheckedFile): string {
  const m = result.metrics;
  const lines = [`### ${escapeMarkdown(result.path)}`, "", tableRow(["Score", "Value", "Fair", "Good", "Level"]), "|---|---:|---:|---:|---|"];
  for (const t of THRESHOLDS) {
    const value = m[t.id];
    const sign = t.direction === "at-least" ? "≥" : "≤";
    lines.push(tableRow([t.label, value === null ? "n/a" : String(value), `${sign} ${t.fair}`, `${sign} ${t.good}`, levelOf(t, m)]));
  }
  lines.push("", check.passed ? "Thresholds met." : `Thresholds not met: ${escapeMarkdown(failedChecks(check).map((c) => c.message).join("; "))}`);
  lines.push("", `#### Flagged lines (${result.flags.length})`, "");
  if (result.flags.length === 0) lines.push("None: no persuading without permission or confronting was found.");
  for (const flag of result.flags) {
    const where = `line ${flag.line}${flag.start !== null ? ` (${formatTimecode(flag.start)})` : ""}`;
    const instead = flag.suggestion ? ` *Instead:* ${escapeMarkdown(flag.suggestion)}` : "";
    lines.push(`- ${where}, ${escapeMarkdown(flag.speaker)}: “${escapeMarkdown(flag.text)}” — **${CODE_LABELS[flag.code]}** (\`${flag.rule}\`): ${escapeMarkdown(flag.reason)}${instead}`);
  }
  return lines.join("\n");
}

function errorItem(error: FileError): string {
  return `- ${escapeMarkdown(`${error.path}${error.line !== undefined ? `:${error.line}` : ""}`)}: ${escapeMarkdown(error.message)}`;
}

function tableRow(cells: readonly string[], escape = true): string {
  return `| ${cells.map((cell) => (escape ? escapeMarkdown(cell) : cell)).join(" | ")} |`;
}

/** Text that renders as itself: Markdown and HTML characters escaped, line breaks flattened. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()#+!|~>-]/g, (ch) => `\\${ch}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");
}
