// GitHub Actions workflow commands: an annotation on each flagged line and each threshold a
// file misses (an error in `check`, where it fails the job; a warning in `analyze`), and one
// per unreadable file. The job summary (Markdown) is written by the command, not here.
// Escaping follows the runner's rules: %, CR and LF in every part; also : and , in properties.

import { failedChecks } from "../check/index.js";
import { escapeControls } from "../text/controls.js";
import { batchWords, fileWords, fill, wordsOf } from "./words.js";
import type { ReportContext, ReportFormatter } from "./formatter.js";

export function githubFormatter(context: ReportContext): ReportFormatter {
  const missLevel = context.command === "check" ? "error" : "warning";
  return {
    separator: "",
    start: () => "",
    file: ({ result, check }) => {
      const words = fileWords(context, result);
      const m = words.m;
      const lines = result.flags.map((flag) =>
        annotation("warning", { file: result.path, line: String(flag.line), title: `oars: ${words.flagCode(flag)} (${flag.rule})` }, words.flagLine(flag)),
      );
      for (const miss of failedChecks(check)) {
        lines.push(annotation(missLevel, { file: result.path, title: `oars: ${fill(m.report["threshold-not-met-title"], { id: miss.id })}` }, words.check(miss).message));
      }
      return lines.map((line) => `${line}\n`).join("");
    },
    error: (error) =>
      `${annotation("error", { file: error.path, ...(error.line !== undefined ? { line: String(error.line) } : {}), title: `oars: ${wordsOf(context.locale).m.report["not-analysed"].toLowerCase()}` }, error.message)}\n`,
    end: (summary) => {
      const words = batchWords(context, summary);
      const config = context.configFile ? `. ${fill(words.m.report.configuration, { file: escapeControls(context.configFile) })}` : "";
      return `oars ${context.command}: ${fill(words.m.report["batch-line"], { transcripts: words.count("transcripts", summary.files.length), passed: summary.passed, failed: summary.failed, errors: summary.errors.length })}${config}\n`;
    },
  };
}

export function annotation(level: "error" | "warning" | "notice", properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return escapeControls(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
