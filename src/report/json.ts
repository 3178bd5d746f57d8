// The JSON report: a contract others build on (README "JSON output"). Field names are kept;
// new fields may be added. schemaVersion changes only when a field changes meaning.

import type { FileError, FileResult } from "../types.js";

export const SCHEMA_VERSION = 1;

export interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  files: ReturnType<typeof fileJson>[];
  errors: FileError[];
}

export function buildJsonReport(results: FileResult[], errors: FileError[], version: string): JsonReport {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: "oars", version }, files: results.map(fileJson), errors };
}

export function formatJson(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function fileJson(result: FileResult) {
  return {
    path: result.path,
    format: result.format,
    encoding: result.encoding,
    language: result.language,
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
      utterances: turn.utterances,
    })),
    flags: result.flags,
    metrics: result.metrics,
    warnings: result.warnings,
  };
}
