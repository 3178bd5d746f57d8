// JUnit XML, as CI servers (GitLab, Jenkins, Azure) read it: a testsuite per transcript and a
// testcase per threshold, so a clean file shows as passes, a missed threshold as a failure,
// a figure that cannot be computed as skipped, and an unreadable file as an error. Flagged
// lines go to the suite's system-out. Text is escaped, and characters XML 1.0 cannot hold
// (control characters, lone surrogates) are replaced.

import { failedChecks } from "../check/index.js";
import type { FileError } from "../types.js";
import { fileWords, fill, wordsOf } from "./words.js";
import type { ReportContext, ReportFormatter } from "./formatter.js";

export function junitFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: "",
    start: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="oars ${context.command}">\n`,
    file: ({ result, check }) => {
      const words = fileWords(context, result);
      const m = words.m;
      const failures = failedChecks(check).length;
      const skipped = check.checks.filter((c) => c.status === "n/a").length;
      const cases = check.checks.map((c) => {
        const { requirement, message } = words.check(c);
        const open = `    <testcase classname=${attr(result.path)} name=${attr(requirement)}`;
        if (c.status === "pass") return `${open}/>`;
        if (c.status === "n/a") return `${open}>\n      <skipped message=${attr(message)}/>\n    </testcase>`;
        return `${open}>\n      <failure type="threshold" message=${attr(message)}>${text(message)}</failure>\n    </testcase>`;
      });
      const flags = result.flags.map((f) => `${fill(m.report.line, { line: f.line })} ${f.speaker}: "${f.text}" ${words.flagCode(f)} (${f.rule}): ${words.flag(f).reason}`);
      const out = flags.length > 0 ? `\n    <system-out>${text(flags.join("\n"))}</system-out>` : "";
      return `  <testsuite name=${attr(result.path)} tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join("\n")}${out}\n  </testsuite>\n`;
    },
    error: (error: FileError) => {
      const m = wordsOf(context.locale).m;
      const message = `${error.line !== undefined ? `${fill(m.report.line, { line: error.line })}: ` : ""}${error.message}`;
      return (
        `  <testsuite name=${attr(error.path)} tests="1" failures="0" errors="1" skipped="0">\n` +
        `    <testcase classname=${attr(error.path)} name=${attr(m.report["read-transcript"])}>\n      <error type="input" message=${attr(message)}>${text(message)}</error>\n    </testcase>\n  </testsuite>\n`
      );
    },
    end: () => "</testsuites>\n",
  };
}

const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(value: string): string {
  return `"${text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;")}"`;
}
