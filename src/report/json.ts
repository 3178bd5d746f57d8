// The JSON reports: a contract others build on (README "JSON output"). Field names are kept;
// new fields may be added; schemaVersion changes only when a field changes meaning.
// `json` is one document, written as files finish (the layout is the same as if it were built
// whole); `ndjson` is one line per file, so a consumer can act on each as it comes.

import type { FileError, FileResult } from "../types.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "./formatter.js";
import { fileWords, type Words } from "./words.js";

// 2: warnings are objects ({id, line?, message}) instead of strings.
export const SCHEMA_VERSION = 2;

export function jsonFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: ",",
    start: () => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "tool": ${JSON.stringify(tool(context))},\n  "config": ${JSON.stringify(context.configFile ?? null)},\n  "files": [`,
    file: (entry) => `\n    ${nested(fileJson(entry, fileWords(context, entry.result)), 2)}`,
    error: () => "",
    end: (summary) =>
      `${summary.files.length > 0 ? "\n  " : ""}],\n` +
      `  "errors": ${indentLines(JSON.stringify(summary.errors, null, 2), 2)},\n` +
      `  "summary": ${indentLines(
        JSON.stringify({ files: summary.files.length, passed: summary.passed, failed: summary.failed, unreadable: summary.errors.length, limits: context.limits, total: summary.total }, null, 2),
        2,
      )}\n}\n`,
  };
}

export function ndjsonFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: "",
    start: () => "",
    file: (entry) => `${JSON.stringify({ type: "file", schemaVersion: SCHEMA_VERSION, tool: tool(context), config: context.configFile ?? null, ...fileJson(entry, fileWords(context, entry.result)) })}\n`,
    error: (error: FileError) => `${JSON.stringify({ type: "error", schemaVersion: SCHEMA_VERSION, tool: tool(context), config: context.configFile ?? null, ...error })}\n`,
    end: () => "",
  };
}

function tool(context: ReportContext) {
  return { name: "oars", version: context.toolVersion };
}

// Nest a pretty-printed value inside the document. JSON strings never hold a raw line break,
// so every line break is layout.
function indentLines(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${" ".repeat(spaces)}`);
}

// A value pretty-printed as if `depth` arrays deep, without copying it to indent it: the value
// is printed inside that many arrays and cut out of them (a file's JSON can be ~15 times its
// transcript, and a second copy of it is what the memory of a 5 MB transcript's report is made of).
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // Before the value: "[", a line break and 2(k+1) spaces for each level k; after it: a line
  // break, 2k spaces and "]".
  const before = 2 * depth + depth * (depth + 1);
  const after = 2 * depth + depth * (depth - 1);
  return json.slice(before, json.length - after);
}

// Checks and flags carry ids and figures; their words (label, requirement, message; reason,
// suggestion) are rendered here, in the report's locale, into the contract's fields.
function fileJson({ result, check }: CheckedFile, words: Words) {
  const checks = check.checks.map((c) => {
    const { label, requirement, message } = words.check(c);
    return { id: c.id, label, requirement, limit: c.limit, value: c.value, status: c.status, message };
  });
  return { ...resultJson(result, words), check: { passed: check.passed, checks } };
}

/** One file as the JSON contract writes it (words rendered in `words`), without its check; also what the library returns. */
export function resultJson(result: FileResult, words: Words) {
  return {
    path: result.path,
    format: result.format,
    encoding: result.encoding,
    language: result.language,
    locale: result.locale,
    speakers: result.speakers,
    turns: result.turns.map((turn) => ({
      index: turn.index,
      line: turn.line,
      start: turn.start,
      end: turn.end,
      speaker: turn.speaker,
      role: turn.role,
      text: turn.text,
      primary: turn.primary,
      // A client turn's utterances carry its talk (change-talk, sustain-talk, neutral) once coded.
      utterances: turn.role === "client" && turn.talk ? turn.talk : turn.utterances,
      ...(turn.turnTalk ? { talk: turn.turnTalk } : {}),
    })),
    flags: result.flags.map(({ ruleText, ...flag }) => ({ ...flag, ...words.flag({ ...flag, ruleText }) })),
    metrics: result.metrics,
    // Each warning with its words in the report's locale (redacted with the result under
    // --redact), and its id and line for tools to act on.
    warnings: result.warnings.map((w) => ({ id: w.id, ...(w.line !== undefined ? { line: w.line } : {}), message: words.warning(w) })),
  };
}
