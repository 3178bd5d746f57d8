// What reports say, per locale: rules/<lang>/messages.yaml, kept as data so a translation
// needs no code. Every locale has exactly the keys of the English file; {name} in a message is
// filled in by the report. Loaded and checked by src/bundled.

import { loadBundled, messagesFile } from "../bundled/index.js";
import type { Language } from "../languages.js";
import type { Level, LimitId, ThresholdId } from "../score/miti.js";
import { renderDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { Code, Role, TalkSubtype } from "../types.js";

export interface FlagText {
  reason: string;
  suggestion: string;
}

export interface Messages {
  codes: Record<Code, string>;
  roles: Record<Role, string>;
  scores: Record<ThresholdId | "miAdherent" | "questionsReflections", string>;
  levels: Record<Level, string>;
  limits: Record<LimitId | "counsellor", string>;
  missing: Record<"no-questions" | "no-reflections" | "no-adherent" | "no-client-talk", string>;
  /** Client talk and the estimated technical globals (src/score/client.ts). */
  client: Record<ClientText, string>;
  checks: Record<"counsellor-requirement" | "no-counsellor" | "pass" | "fail" | "not-available", string>;
  report: ReportMessages;
  /** What the HTML report says beyond the other formats' words (src/report/html). */
  html: Record<HtmlText, string>;
  /** What `oars trend` says (src/trend). */
  trend: Record<TrendText, string> & { head: string[] };
  /** By rule id without its language ("persuade.you-should"), and by flagged code. */
  flags: Record<string, FlagText>;
  /** By diagnostic id (src/diagnostics.ts): the localized template, same {field} names. */
  warnings: Record<string, string>;
  /** Counted nouns: [one, more than one], each with {count}. */
  plurals: Record<"transcripts" | "files" | "counsellor-coded", string[]>;
  /** The DARN-CAT kinds of client talk, by subtype id. */
  subtypes: Record<TalkSubtype, string>;
}

type ReportText =
  | "threshold-note" | "file-line" | "none" | "warning" | "coded-transcript" | "summary-scores" | "behaviour-counts"
  | "flagged-lines" | "no-flags" | "no-flags-sentence" | "line" | "instead" | "low-confidence" | "thresholds"
  | "thresholds-met" | "thresholds-not-met" | "thresholds-met-sentence" | "thresholds-not-met-sentence"
  | "thresholds-in-force" | "configuration" | "thresholds-not-met-heading" | "not-analysed" | "batch-heading" | "markdown-heading" | "batch-line" | "row-met"
  | "row-not-met" | "total" | "total-result" | "threshold-not-met-title" | "read-transcript" | "mi-threshold"
  | "low-confidence-share" | "low-confidence-note" | "below-fair" | "counts-hint";
type ReportHeads = "score-head" | "markdown-score-head" | "counts-head" | "summary-head";
export type HtmlText =
  | "title" | "generated" | "skip-to-overview" | "overview" | "back-to-overview" | "timeline-column" | "scale" | "timeline"
  | "timeline-by-time" | "timeline-by-turn" | "timeline-label" | "lane-counsellor" | "lane-client" | "lane-other" | "client-not-coded"
  | "change-talk" | "sustain-talk" | "neutral-talk" | "flagged" | "talk-share" | "talk-by-time" | "talk-by-words" | "turn" | "rule"
  | "probability" | "why" | "review" | "go-to-turn" | "family-question" | "family-reflection" | "family-adherent" | "family-input"
  | "family-non-adherent" | "family-other";
export type TrendText =
  | "heading" | "date-name" | "date-modified" | "change-heading" | "beyond-noise" | "within-noise" | "too-few" | "n/a"
  | "not-judged" | "needs-two" | "noise-rule" | "chart" | "change-talk" | "non-adherent" | "points";
export type ClientText =
  | "heading" | "change-talk" | "sustain-talk" | "neutral" | "percent-change-talk" | "thirds" | "cultivating" | "softening"
  | "cultivating-change-talk" | "softening-sustain-talk" | "technical" | "estimate-note" | "relational-note" | "not-coded";
export type ReportMessages = Record<ReportText, string> & Record<ReportHeads, string[]>;

/**
 * The messages of `locale`. The bundled-data loader checks each file on the way in (English
 * for its groups and code names, every other locale for exactly the English keys), so the
 * shape Messages declares holds.
 */
export function messagesFor(locale: Language): Messages {
  return loadBundled(messagesFile(locale)) as unknown as Messages;
}

/** A message with its {name} parts filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The reason and suggestion for a line flagged by `ruleId` with `code`: the rule's own words
 * when it has them (a user's rule), else the locale's for the rule, else for the code.
 */
export function flagText(messages: Messages, ruleId: string, code: Code, own: Partial<FlagText> = {}): FlagText {
  const withoutLanguage = ruleId.slice(ruleId.indexOf(".") + 1);
  const local = messages.flags[withoutLanguage] ?? messages.flags[code] ?? { reason: "", suggestion: "" };
  return { reason: own.reason ?? local.reason, suggestion: own.suggestion ?? local.suggestion };
}

/**
 * A warning in the locale's words (its template under `warnings:`, same {field} names, else the
 * English template it was made with), after "line N: " when it concerns a line. Rendered through
 * renderDiagnostic, so redacted fields stay "…" and control characters are escaped.
 */
export function warningText(warning: Diagnostic, messages: Messages): string {
  const text = renderDiagnostic({ ...warning, template: messages.warnings[warning.id] ?? warning.template });
  return warning.line !== undefined ? `${fill(messages.report.line, { line: warning.line })}: ${text}` : text;
}
