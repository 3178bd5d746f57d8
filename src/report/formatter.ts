// What every report format implements. A batch streams through it: start, then each file (or
// unreadable file) in path order as it is ready, then end with the batch summary. Formats
// return text and keep no results, so memory stays bounded however many files there are.
// `file` depends on its file alone (worker threads call it, each with its own formatter); the
// writer puts `separator` between files' non-empty pieces.

import type { CheckOutcome } from "../check/index.js";
import type { BatchSummary } from "../check/summary.js";
import type { Limits } from "../score/miti.js";
import type { Language } from "../languages.js";
import type { FileError, FileResult } from "../types.js";

export const REPORT_FORMATS = ["table", "json", "ndjson", "markdown", "github", "junit", "sarif", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CheckedFile {
  result: FileResult;
  check: CheckOutcome;
}

export interface ReportContext {
  /** "analyze" reports every file in full; "check" reports a row per file. */
  command: "analyze" | "check";
  toolVersion: string;
  limits: Limits;
  /** The report's language when --locale gives one; otherwise each file's own. */
  locale?: Language;
  /** The configuration file whose settings are in force (null: none; absent: not known). */
  configFile?: string | null;
  /** The results were redacted (--redact): their words are codes, not what was said. */
  redacted?: boolean;
}

export interface ReportFormatter {
  separator: string;
  /**
   * The report's opening. `language`: the one language every file of the report is in, when
   * known (a format whose opening names its language, HTML, says it). Every language's opening
   * is as long in bytes as every other's, so a batch's can be replaced once its files are coded.
   */
  start(language?: Language): string;
  file(entry: CheckedFile): string;
  error(error: FileError): string;
  end(summary: BatchSummary): string;
}
