// Choosing a report format.

import type { ChalkInstance } from "chalk";
import type { Rule } from "../packs/types.js";
import type { ReportContext, ReportFormat, ReportFormatter } from "./formatter.js";
import { githubFormatter } from "./github.js";
import { htmlFormatter } from "./html/index.js";
import { jsonFormatter, ndjsonFormatter } from "./json.js";
import { junitFormatter } from "./junit.js";
import { markdownFormatter } from "./markdown.js";
import { sarifFormatter } from "./sarif.js";
import { tableFormatter } from "./text.js";

export interface FormatterOptions {
  color: ChalkInstance;
  showTurns: boolean;
  /** Table format: the count of every code (--counts), and the width every line fits in. */
  showCounts: boolean;
  width: number;
  /** The rules in force, asked for only by formats that list them (SARIF). */
  rules: () => readonly Rule[];
}

export function createFormatter(format: ReportFormat, context: ReportContext, options: FormatterOptions): ReportFormatter {
  switch (format) {
    case "table":
      return tableFormatter(context, options);
    case "json":
      return jsonFormatter(context);
    case "ndjson":
      return ndjsonFormatter(context);
    case "markdown":
      return markdownFormatter(context);
    case "github":
      return githubFormatter(context);
    case "junit":
      return junitFormatter(context);
    case "sarif":
      return sarifFormatter(context, options.rules());
    case "html":
      return htmlFormatter(context);
  }
}

export { REPORT_FORMATS, type ReportFormat, type ReportFormatter, type ReportContext } from "./formatter.js";
