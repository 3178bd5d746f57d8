// Choosing a report format. Each formatter's modules are loaded only when its format is asked
// for: a run writes one format, and loading all eight (HTML's with its page and timeline, the
// table's with cli-table3) cost every process that did not need them.

import type { ChalkInstance } from "chalk";
import type { Rule } from "../packs/types.js";
import type { ReportContext, ReportFormat, ReportFormatter } from "./formatter.js";

export interface FormatterOptions {
  color: ChalkInstance;
  showTurns: boolean;
  /** Table format: the count of every code (--counts), and the width every line fits in. */
  showCounts: boolean;
  width: number;
  /** The rules in force, asked for only by formats that list them (SARIF). */
  rules: () => readonly Rule[];
}

export async function createFormatter(format: ReportFormat, context: ReportContext, options: FormatterOptions): Promise<ReportFormatter> {
  switch (format) {
    case "table":
      return (await import("./text.js")).tableFormatter(context, options);
    case "json":
      return (await import("./json.js")).jsonFormatter(context);
    case "ndjson":
      return (await import("./json.js")).ndjsonFormatter(context);
    case "markdown":
      return (await import("./markdown.js")).markdownFormatter(context);
    case "github":
      return (await import("./github.js")).githubFormatter(context);
    case "junit":
      return (await import("./junit.js")).junitFormatter(context);
    case "sarif":
      return (await import("./sarif.js")).sarifFormatter(context, options.rules());
    case "html":
      return (await import("./html/index.js")).htmlFormatter(context);
  }
}

export { REPORT_FORMATS, type ReportFormat, type ReportFormatter, type ReportContext } from "./formatter.js";
