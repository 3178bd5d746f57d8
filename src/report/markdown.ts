// The Markdown report: what a trainer pastes into supervision notes or a pull request, and
// what the github format writes to the job summary. Transcript words and paths are escaped so
// nothing in them can become markup (or HTML, which GitHub renders).

import { clientRows } from "./client-rows.js";
import { formatTimecode } from "../read/timecode.js";
import { escapeControls } from "../text/controls.js";
import { levelOf, THRESHOLDS } from "../score/miti.js";
import { failedChecks } from "../check/index.js";
import type { BatchSummary } from "../check/summary.js";
import type { FileError } from "../types.js";
import { batchWords, fileWords, fill, type Words } from "./words.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { describeLimits, failures, summaryRows } from "./summary-rows.js";

export function markdownFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: "",
    start: () => "",
    file: (entry) => (context.command === "analyze" ? `${fileSection(entry, fileWords(context, entry.result))}\n` : ""),
    error: () => "",
    end: (summary) => `${markdownSummary(summary, context)}\n`,
  };
}

/** The batch summary as Markdown: heading, a row per file, the total, what failed, what could not be read. */
export function markdownSummary(summary: BatchSummary, context: ReportContext): string {
  const words = batchWords(context, summary);
  const m = words.m;
  const rows = summaryRows(summary, words);
  const head = m.report["summary-head"];
  const lines = [
    `## oars ${context.command}: ${escapeMarkdown(fill(m.report["markdown-heading"], { transcripts: words.count("transcripts", summary.files.length), passed: summary.passed, failed: summary.failed }))}`,
    "",
    tableRow(head),
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.files.map((row) => tableRow(row)),
    tableRow(rows.total.map((cell) => `**${escapeMarkdown(cell)}**`), false),
    "",
    `${escapeMarkdown(fill(m.report["thresholds-in-force"], { limits: describeLimits(context.limits, words) }))} ${escapeMarkdown(m.report["threshold-note"])}`,
  ];
  if (context.configFile) lines.push("", escapeMarkdown(fill(m.report.configuration, { file: context.configFile })));
  const failed = failures(summary, words);
  if (failed.length > 0) {
    lines.push("", `### ${escapeMarkdown(m.report["thresholds-not-met-heading"])}`, "");
    for (const f of failed) lines.push(`- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.messages.join("; "))}`);
  }
  if (summary.errors.length > 0) {
    lines.push("", `### ${escapeMarkdown(m.report["not-analysed"])}`, "");
    for (const error of summary.errors) lines.push(errorItem(error));
  }
  return lines.join("\n");
}

function fileSection({ result, check }: CheckedFile, words: Words): string {
  const m = words.m;
  const metrics = result.metrics;
  // A file is a section beside the summary (## both), so headings never skip a level.
  const lines = [`## ${escapeMarkdown(result.path)}`, "", tableRow(m.report["markdown-score-head"]), "|---|---:|---:|---:|---|"];
  for (const t of THRESHOLDS) {
    const value = t.value(metrics);
    lines.push(tableRow([m.scores[t.id], value === null ? m.levels["n/a"] : words.figure(t.unit, value), words.bound(t, t.levels.fair), words.bound(t, t.levels.good), m.levels[levelOf(t, metrics)]]));
  }
  const client = clientRows(metrics.client, words);
  if (client) {
    lines.push("", `### ${escapeMarkdown(client.heading)}`, "", tableRow(m.report["score-head"].slice(0, 2)), "|---|---:|");
    for (const row of client.rows) lines.push(tableRow(row));
    lines.push("", ...client.notes.map((note) => escapeMarkdown(note)).join("\n\n").split("\n"));
  }
  const failed = failedChecks(check).map((c) => words.check(c).message).join("; ");
  lines.push("", escapeMarkdown(check.passed ? m.report["thresholds-met-sentence"] : fill(m.report["thresholds-not-met-sentence"], { failures: failed })));
  lines.push("", `### ${escapeMarkdown(fill(m.report["flagged-lines"], { count: result.flags.length }))}`, "");
  if (result.flags.length === 0) lines.push(escapeMarkdown(m.report["no-flags-sentence"]));
  for (const flag of result.flags) {
    const where = `${fill(m.report.line, { line: flag.line })}${flag.start !== null ? ` (${formatTimecode(flag.start)})` : ""}`;
    const { reason, suggestion } = words.flag(flag);
    const instead = suggestion ? ` *${escapeMarkdown(m.report.instead)}:* ${escapeMarkdown(suggestion)}` : "";
    // A low-confidence code is marked as in the table: "Persuade? (low confidence)", to read first.
    lines.push(`- ${escapeMarkdown(where)}, ${escapeMarkdown(flag.speaker)}: “${escapeMarkdown(flag.text)}” — **${escapeMarkdown(m.codes[flag.code])}${flag.confidence === "low" ? "?" : ""}**${flag.confidence === "low" ? ` (${escapeMarkdown(m.report["low-confidence"])})` : ""} (\`${flag.rule}\`): ${escapeMarkdown(reason)}${instead}`);
  }
  return lines.join("\n");
}

function errorItem(error: FileError): string {
  return `- ${escapeMarkdown(`${error.path}${error.line !== undefined ? `:${error.line}` : ""}`)}: ${escapeMarkdown(error.message)}`;
}

function tableRow(cells: readonly string[], escape = true): string {
  return `| ${cells.map((cell) => (escape ? escapeMarkdown(cell) : cell)).join(" | ")} |`;
}

/**
 * Text that renders as itself, escaping only what Markdown needs inside a line: control
 * characters shown as escapes, line breaks flattened, links and mentions (https://…, www.…,
 * @name) broken with a zero-width space so GitHub neither links nor notifies anyone, and the
 * escape character, code spans, emphasis (`*`, and `_` at a word's edge: "SPEAKER_00" is left
 * alone), links, strikethrough, table cells' `|`, and HTML (`<`, `&`). What matters only at the
 * start of a line (`#`, `-`, `+`, `>`) is never at one here: every line starts with our own text.
 * "session-alcohol.txt" and "(R:Q)" stay as they are.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(/[\r\n]+/g, " "))
    .replace(/:\/\//g, ":/\u200b/")
    .replace(/\b(www)\./gi, "$1\u200b.")
    .replace(/@/g, "@\u200b")
    .replace(/[\\`*[\]|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (ch) => `\\${ch}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");
}
