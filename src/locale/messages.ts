// What reports say, per locale: rules/<lang>/messages.yaml, kept as data so a translation
// needs no code. Every locale has exactly the keys of the English file; {name} in a message is
// filled in by the report. Read from the prebuilt JSON while it is current (see
// rules/prebuilt.ts), from the YAML otherwise, once per locale.

import type { LimitId } from "../check/limits.js";
import { SourceError } from "../errors.js";
import { bundledSources, readBundled, type Source } from "../rules/prebuilt.js";
import type { Language } from "../rules/languages.js";
import type { Level, ThresholdId } from "../score/thresholds.js";
import type { Code, Role } from "../types.js";
import { YamlSource } from "../yaml-source.js";

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
  missing: Record<"no-questions" | "no-reflections" | "no-adherent", string>;
  checks: Record<"counsellor-requirement" | "counsellor-found" | "no-counsellor" | "pass" | "fail" | "not-available", string>;
  report: ReportMessages;
  /** By rule id without its language ("persuade.you-should"), and by flagged code. */
  flags: Record<string, FlagText>;
}

type ReportText =
  | "threshold-note" | "file-line" | "none" | "warning" | "coded-transcript" | "summary-scores" | "behaviour-counts"
  | "flagged-lines" | "no-flags" | "no-flags-sentence" | "line" | "instead" | "low-confidence" | "thresholds"
  | "thresholds-met" | "thresholds-not-met" | "thresholds-met-sentence" | "thresholds-not-met-sentence"
  | "thresholds-in-force" | "configuration" | "thresholds-not-met-heading" | "not-analysed" | "batch-heading" | "markdown-heading" | "batch-line" | "row-met"
  | "row-not-met" | "total" | "total-result" | "threshold-not-met-title" | "read-transcript" | "mi-threshold";
type ReportHeads = "score-head" | "markdown-score-head" | "counts-head" | "summary-head";
export type ReportMessages = Record<ReportText, string> & Record<ReportHeads, string[]>;

const loaded = new Map<string, Messages>();
const REFERENCE = "en";

const pathOf = (locale: string) => `${locale}/messages.yaml`;

export const messageSources = (locale: string): Source[] => bundledSources(pathOf(locale));

/** The messages of `locale`, checked against the English file's keys. */
export function messagesFor(locale: Language): Messages {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = readBundled(`messages-${locale}`, pathOf(locale), (source) => parseMessages(source, locale === REFERENCE ? null : messagesFor(REFERENCE)));
    loaded.set(locale, messages);
  }
  return messages;
}

/** Parse a messages file; with a reference, every key of the reference must be there and no other. */
export function parseMessages({ file, text }: Source, reference: Messages | null): Messages {
  const data = new YamlSource(file, text).data as Messages;
  if (reference) {
    const problem = keyProblem(reference, data, "");
    if (problem) throw new SourceError(file, problem);
  }
  return data;
}

function keyProblem(reference: unknown, data: unknown, path: string): string | null {
  if (typeof reference !== "object" || reference === null || Array.isArray(reference)) {
    if (typeof reference === "string" && typeof data !== "string") return `"${path}" must be a text`;
    if (Array.isArray(reference) && (!Array.isArray(data) || data.length !== reference.length)) return `"${path}" must be a list of ${reference.length} texts`;
    return null;
  }
  if (typeof data !== "object" || data === null) return `"${path}" must be a mapping`;
  for (const key of Object.keys(reference)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in data)) return `"${at}" is missing (every locale has the keys of rules/en/messages.yaml)`;
    const problem = keyProblem((reference as Record<string, unknown>)[key], (data as Record<string, unknown>)[key], at);
    if (problem) return problem;
  }
  const extra = Object.keys(data).find((key) => !(key in reference));
  return extra ? `"${path ? `${path}.` : ""}${extra}" is not a key of rules/en/messages.yaml` : null;
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
