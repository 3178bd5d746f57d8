// SARIF 2.1.0, the format code-scanning tools read: one run, the rules that can flag a line
// (persuade, confront) and the thresholds as reporting descriptors, a result per flagged line
// and per missed threshold, and unreadable files as tool notifications.

import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { failedChecks } from "../check/index.js";
import { flagText } from "../locale/messages.js";
import { LIMIT_IDS } from "../score/miti.js";
import { FLAGGED_CODES } from "../flag/index.js";
import type { Rule } from "../packs/types.js";
import type { FileError } from "../types.js";
import { fileWords, fill, wordsOf } from "./words.js";
import type { ReportContext, ReportFormatter } from "./formatter.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

// The rule descriptors speak --locale, or English: they are written before any file is read.
export function sarifFormatter(context: ReportContext, rules: readonly Rule[]): ReportFormatter {
  const missLevel = context.command === "check" ? "error" : "warning";
  const m = wordsOf(context.locale).m;
  const descriptors = [
    ...rules.filter((r) => FLAGGED_CODES.has(r.code)).map((r) => {
      const { suggestion } = flagText(m, r.id, r.code, r);
      return {
        id: r.id,
        name: m.codes[r.code],
        shortDescription: { text: r.description },
        ...(suggestion ? { help: { text: `${m.report.instead}: ${suggestion}` } } : {}),
        defaultConfiguration: { level: "warning" },
      };
    }),
    { id: "threshold/counsellor", name: m.limits.counsellor, shortDescription: { text: m.checks["counsellor-requirement"] }, defaultConfiguration: { level: missLevel } },
    ...LIMIT_IDS.map((id) => ({ id: `threshold/${id}`, name: m.limits[id], shortDescription: { text: `${fill(m.report["mi-threshold"], { label: m.limits[id] })} (--${id})` }, defaultConfiguration: { level: missLevel } })),
  ];
  const notifications: object[] = [];
  const emit = (result: object) => `\n        ${JSON.stringify(result)}`;
  return {
    separator: ",",
    start: () =>
      `{\n  "$schema": "${SARIF_SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      `      "tool": ${JSON.stringify({ driver: { name: "oars", version: context.toolVersion, rules: descriptors } })},\n` +
      `      "results": [`,
    file: ({ result, check }) => {
      const words = fileWords(context, result);
      const out: string[] = [];
      for (const flag of result.flags) {
        out.push(
          emit({
            ruleId: flag.rule,
            level: "warning",
            message: { text: `${words.flagCode(flag)}: ${words.flagLine(flag)}` },
            locations: [location(result.path, flag.line)],
            properties: { confidence: flag.confidence },
          }),
        );
      }
      for (const miss of failedChecks(check)) {
        out.push(emit({ ruleId: `threshold/${miss.id}`, level: missLevel, message: { text: words.check(miss).message }, locations: [location(result.path)] }));
      }
      return out.join(",");
    },
    error: (error: FileError) => {
      notifications.push({ level: "error", message: { text: error.message }, locations: [location(error.path, error.line)] });
      return "";
    },
    end: (summary) =>
      `${summary.files.some((f) => f.flags > 0 || !f.check.passed) ? "\n      " : ""}],\n` +
      `      "invocations": [${JSON.stringify({ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications, ...(context.configFile ? { properties: { configuration: context.configFile } } : {}) })}]\n` +
      `    }\n  ]\n}\n`,
  };
}

function location(path: string, line?: number) {
  return { physicalLocation: { artifactLocation: { uri: fileUri(path) }, ...(line !== undefined && line > 0 ? { region: { startLine: line } } : {}) } };
}

// Relative paths stay relative (code scanning resolves them against the checkout), as URI
// references: each segment percent-encoded, so spaces and brackets survive.
function fileUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(sep).map(encodeURIComponent).join("/");
}
