// GitHub Actions workflow commands: an annotation on each flagged line and each threshold a
// file misses (an error in `check`, where it fails the job; a warning in `analyze`), and one
// per unreadable file. The job summary (Markdown) is written by the command, not here.
// Escaping follows the runner's rules: %, CR and LF in every part; also : and , in properties.

import { failedChecks } from "../check/index.js";
import { CODE_LABELS, flagMessage } from "./labels.js";
import type { ReportContext, ReportFormatter } from "./formatter.js";

export function githubFormatter(context: ReportContext): ReportFormatter {
  const missLevel = context.command === "check" ? "error" : "warning";
  return {
    separator: "",
    start: () => "",
    file: ({ result, check }) => {
      const lines = result.flags.map((flag) =>
        annotation("warning", { file: result.path, line: String(flag.line), title: `oars: ${CODE_LABELS[flag.code]} (${flag.rule})` }, flagMessage(flag)),
      );
      for (const miss of failedChecks(check)) {
        lines.push(annotation(missLevel, { file: result.path, title: `oars: threshold not met (${miss.id})` }, miss.message));
      }
      return lines.map((line) => `${line}\n`).join("");
    },
    error: (error) =>
      `${annotation("error", { file: error.path, ...(error.line !== undefined ? { line: String(error.line) } : {}), title: "oars: not analysed" }, error.message)}\n`,
    end: (summary) => `oars ${context.command}: ${summary.files.length} transcripts, ${summary.passed} met the thresholds, ${summary.failed} did not, ${summary.errors.length} not analysed\n`,
  };
}

export function annotation(level: "error" | "warning" | "notice", properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
