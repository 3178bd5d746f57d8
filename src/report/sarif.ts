// SARIF 2.1.0, the format code-scanning tools read: one run, the rules that can flag a line
// (persuade, confront) and the thresholds as reporting descriptors, a result per flagged line
// and per missed threshold, and unreadable files as tool notifications.

import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { failedChecks } from "../check/index.js";
import { LIMIT_IDS, LIMITS } from "../check/limits.js";
import { FLAGGED_CODES } from "../flag/index.js";
import type { Rule } from "../rules/types.js";
import type { FileError } from "../types.js";
import { CODE_LABELS, flagMessage } from "./labels.js";
import type { ReportContext, ReportFormatter } from "./formatter.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export function sarifFormatter(context: ReportContext, rules: readonly Rule[]): ReportFormatter {
  const missLevel = context.command === "check" ? "error" : "warning";
  const descriptors = [
    ...rules.filter((r) => FLAGGED_CODES.has(r.code)).map((r) => ({
      id: r.id,
      name: CODE_LABELS[r.code],
      shortDescription: { text: r.description },
      ...(r.suggestion ? { help: { text: `Instead: ${r.suggestion}` } } : {}),
      defaultConfiguration: { level: "warning" },
    })),
    { id: "threshold/counsellor", name: "Counsellor speech", shortDescription: { text: "The transcript has counsellor speech to code." }, defaultConfiguration: { level: missLevel } },
    ...LIMIT_IDS.map((id) => ({ id: `threshold/${id}`, name: LIMITS[id].label, shortDescription: { text: `MITI threshold: ${LIMITS[id].label} (--${id})` }, defaultConfiguration: { level: missLevel } })),
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
      const out: string[] = [];
      for (const flag of result.flags) {
        out.push(
          emit({
            ruleId: flag.rule,
            level: "warning",
            message: { text: `${CODE_LABELS[flag.code]}: ${flagMessage(flag)}` },
            locations: [location(result.path, flag.line)],
          }),
        );
      }
      for (const miss of failedChecks(check)) {
        out.push(emit({ ruleId: `threshold/${miss.id}`, level: missLevel, message: { text: miss.message }, locations: [location(result.path)] }));
      }
      return out.join(",");
    },
    error: (error: FileError) => {
      notifications.push({ level: "error", message: { text: error.message }, locations: [location(error.path, error.line)] });
      return "";
    },
    end: (summary) =>
      `${summary.files.some((f) => f.flags > 0 || !f.check.passed) ? "\n      " : ""}],\n` +
      `      "invocations": [${JSON.stringify({ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications })}]\n` +
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
