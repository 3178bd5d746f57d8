// The HTML report (--format html): one self-contained file a counsellor brings to supervision.
// Per file: the scores against their bands, the session's timeline, the flagged lines with
// what to say instead, and the coded transcript. For a batch, an overview with a row per
// session (its timeline as a sparkline, its scores) linking to each section. It streams like
// every format: start writes the page's head, each file its own section (on worker threads),
// end the overview, which the page's script moves to the top. The head's lang and title are
// --locale's, else the language every file is in: one file's head is written once that file
// is coded; a batch's is English until its files are coded, then replaced where the report is
// not yet out (a file written with -o); every section and the overview say their own. Everything from the transcript
// goes through `esc`, and the page's Content-Security-Policy forbids any request.

import { failedChecks } from "../../check/index.js";
import type { BatchSummary } from "../../check/summary.js";
import type { FileError } from "../../types.js";
import { LANGUAGES, type Language } from "../../languages.js";
import type { CheckedFile, ReportContext, ReportFormatter } from "../formatter.js";
import { describeLimits, summaryRows } from "../summary-rows.js";
import { batchWords, fileWords, fill, wordsOf, type Words } from "../words.js";
import { assets } from "./assets.js";
import { esc, fileId } from "./escape.js";
import { scoreBars } from "./scores.js";
import { TIMELINE_WIDTH, timeline, timelineCss, timelineHeight } from "./timeline.js";
import { codedTranscript, flaggedLines } from "./transcript.js";

export function htmlFormatter(context: ReportContext): ReportFormatter {
  return {
    separator: "",
    start: (language) => pageStart(context, language),
    file: (entry) => fileSection(entry, context),
    error: (error) => errorSection(error, wordsOf(context.locale)),
    end: (summary) => pageEnd(summary, context),
  };
}

function pageStart(context: ReportContext, language: Language | undefined): string {
  const locale = context.locale ?? language ?? "en";
  // Padded (in the head, where white space shows nowhere) to the longest language's length in
  // bytes, so the head written first can be overwritten in place by the one the files speak.
  const bytes = new Map(LANGUAGES.map((other) => [other, Buffer.byteLength(pageHead(context, other))]));
  return pageHead(context, locale, " ".repeat(Math.max(...bytes.values()) - bytes.get(locale)!));
}

function pageHead(context: ReportContext, locale: Language, padding = ""): string {
  const { css, scriptHash } = assets();
  const m = wordsOf(locale).m;
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const skip = context.command === "check" ? `<a class="skip" href="#overview">${esc(m.html["skip-to-overview"])}</a>` : "";
  return (
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${policy}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${esc(`${m.html.title}: oars ${context.command}`)}</title><style>${css}${timelineCss()}</style>${padding}</head>\n` +
    `<body>${skip}<main>\n`
  );
}

function fileSection({ result, check }: CheckedFile, context: ReportContext): string {
  const words = fileWords(context, result);
  const m = words.m;
  const id = fileId(result.path);
  const counsellorTurns = result.turns.filter((t) => t.role === "counsellor").length;
  const counsellors = result.speakers.filter((s) => s.role === "counsellor").map((s) => s.label).join(", ") || m.report.none;
  const meta = fill(m.report["file-line"], { format: result.format, turns: result.turns.length, counsellorTurns, counsellors, language: result.language });
  const failed = failedChecks(check).map((c) => words.check(c).message).join("; ");
  const verdict = check.passed ? m.report["thresholds-met-sentence"] : fill(m.report["thresholds-not-met-sentence"], { failures: failed });
  const back = context.command === "check" ? `<p class="back"><a href="#overview">${esc(m.html["back-to-overview"])}</a></p>` : "";
  const warnings = result.warnings.length > 0 ? `<ul class="note">${result.warnings.map((w) => `<li>${esc(m.report.warning)}: ${esc(words.warning(w))}</li>`).join("")}</ul>` : "";
  return (
    `<section class="file" id="${id}" lang="${context.locale ?? result.locale}" aria-labelledby="${id}-h">` +
    `<h2 id="${id}-h">${esc(result.path)}</h2><p class="meta">${esc(meta)}</p>` +
    `<p class="result ${check.passed ? "pass" : "fail"}">${esc(verdict)}</p>${warnings}` +
    scoreBars(result.metrics, words) +
    timeline(result, id, words, context.redacted === true) +
    flaggedLines(result, id, words) +
    codedTranscript(result, id, words) +
    `${back}</section>\n`
  );
}

function errorSection(error: FileError, words: Words): string {
  const where = `${error.path}${error.line !== undefined ? `:${error.line}` : ""}`;
  return `<section class="error" id="${fileId(error.path)}"><h2>${esc(words.m.report["not-analysed"])}: ${esc(where)}</h2><p>${esc(error.message)}</p></section>\n`;
}

function pageEnd(summary: BatchSummary, context: ReportContext): string {
  const words = batchWords(context, summary);
  const many = context.command === "check" || summary.files.length + summary.errors.length > 1;
  const { script } = assets();
  // The parts written at the end say their language: the page's own may be English (see the top).
  const footer = `<footer lang="${words.locale}"><p>${esc(fill(words.m.html.generated, { version: context.toolVersion }))}</p></footer>`;
  return `${many ? overview(summary, context, words) : ""}</main>${footer}<script>${script}</script></body></html>\n`;
}

/** A row per session: its name (a link to its section), its timeline as a sparkline, its scores. */
function overview(summary: BatchSummary, context: ReportContext, words: Words): string {
  const m = words.m;
  const rows = summaryRows(summary, words);
  const head = m.report["summary-head"];
  const th = [`<th scope="col">${esc(head[0]!)}</th>`, `<th scope="col" class="hide-narrow">${esc(m.html["timeline-column"])}</th>`, ...head.slice(1).map((h) => `<th scope="col">${esc(h)}</th>`)].join("");
  const body = summary.files
    .map((file, i) => {
      const id = fileId(file.path);
      const cells = rows.files[i]!;
      // The sparkline reuses the section's own marks (<use>), so no turn is written twice.
      const spark = `<svg viewBox="0 0 ${TIMELINE_WIDTH} ${timelineHeight(false)}" preserveAspectRatio="none" aria-hidden="true"><use href="#${id}-tl"/></svg>`;
      return `<tr><th scope="row"><a href="#${id}">${esc(cells[0]!)}</a></th><td class="spark hide-narrow">${spark}</td>${cells.slice(1).map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`;
    })
    .join("");
  const total = `<tr class="total"><th scope="row">${esc(rows.total[0]!)}</th><td class="hide-narrow"></td>${rows.total.slice(1).map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`;
  const errors =
    summary.errors.length > 0
      ? `<h3>${esc(m.report["not-analysed"])}</h3><ul class="errors">${summary.errors.map((e) => `<li><a href="#${fileId(e.path)}">${esc(`${e.path}${e.line !== undefined ? `:${e.line}` : ""}`)}</a>: ${esc(e.message)}</li>`).join("")}</ul>`
      : "";
  const heading = fill(m.report["batch-heading"], { transcripts: words.count("transcripts", summary.files.length), passed: summary.passed, failed: summary.failed });
  return (
    `<section class="overview" id="overview" lang="${words.locale}" aria-labelledby="overview-h"><h1 id="overview-h">${esc(m.html.overview)}: ${esc(heading)}</h1>` +
    `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${body}${total}</tbody></table></div>` +
    `<p class="note">${esc(fill(m.report["thresholds-in-force"], { limits: describeLimits(context.limits, words) }))} ${esc(m.report["threshold-note"])}</p>${errors}</section>\n`
  );
}
