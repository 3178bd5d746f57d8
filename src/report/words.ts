// The words a report uses, rendered at report time from the locale's messages (src/locale):
// stages hand over ids and figures (a check's limit id and value, a flag's rule and code), and
// only here do they become sentences. A file's part of a report speaks the file's locale (or
// --locale); the batch parts (totals, headings) speak --locale when it is given, else the
// locale the files share, else English.

import type { BatchSummary } from "../check/summary.js";
import type { CheckResult } from "../check/index.js";
import { fill, flagText, messagesFor, type FlagText, type Messages } from "../locale/messages.js";
import type { Language } from "../languages.js";
import { LIMITS, type MitiScore, type Unit } from "../score/miti.js";
import type { FileResult, Flag } from "../types.js";
import type { ReportContext } from "./formatter.js";

export { CODE_ABBREVIATIONS } from "../types.js";
export { fill };

/** A check as a person reads it. */
export interface CheckWords {
  /** The score's name: "R:Q". */
  label: string;
  /** What is required, as a name: "R:Q ≥ 1.00". */
  requirement: string;
  /** One line: "R:Q 0.50, needs ≥ 1.00". */
  message: string;
}

export class Words {
  constructor(readonly m: Messages) {}

  /** A figure as reports print it: "1.22", "38%", "2". */
  figure(unit: Unit, value: number): string {
    if (unit === "percent") return `${Number(value.toFixed(1))}%`;
    if (unit === "ratio") return value.toFixed(2);
    return String(value);
  }

  /** "≥ 1.00", "≥ 50%", "≤ 0": a bound on a score. */
  bound(score: Pick<MitiScore, "direction" | "unit">, value: number): string {
    return `${score.direction === "at-least" ? "≥" : "≤"} ${this.figure(score.unit, value)}`;
  }

  check(check: CheckResult): CheckWords {
    const m = this.m;
    if (check.id === "counsellor") {
      const message = check.status === "pass" ? fill(m.checks["counsellor-found"], { count: check.value ?? 0 }) : m.checks["no-counsellor"];
      return { label: m.limits.counsellor, requirement: m.checks["counsellor-requirement"], message };
    }
    const score = LIMITS[check.id];
    const label = m.limits[check.id];
    const bound = this.bound(score, check.limit!);
    const requirement = `${label} ${bound}`;
    if (check.value === null) {
      const missing = score.missing ? m.missing[score.missing] : "";
      return { label, requirement, message: fill(m.checks["not-available"], { label, missing, bound }) };
    }
    const message = fill(m.checks[check.status === "pass" ? "pass" : "fail"], { label, value: this.figure(score.unit, check.value), bound });
    return { label, requirement, message };
  }

  /** Why a line was flagged and what to say instead: the rule's own words (a user's rule), else the locale's. */
  flag(flag: Flag): FlagText {
    return flagText(this.m, flag.rule, flag.code, flag.ruleText);
  }

  /** A flagged line in one line of text: its words, why, and what to say instead. */
  flagLine(flag: Flag): string {
    const { reason, suggestion } = this.flag(flag);
    return `"${flag.text}" ${reason}${suggestion ? ` ${this.m.report.instead}: ${suggestion}` : ""}`;
  }
}

const byLocale = new Map<string, Words>();

/** The words of a locale (English when none is named). */
export function wordsOf(locale: Language | undefined): Words {
  const language = locale ?? "en";
  let words = byLocale.get(language);
  if (!words) byLocale.set(language, (words = new Words(messagesFor(language))));
  return words;
}

/** The words of one file's part of a report: --locale when given, else the file's own. */
export function fileWords(context: ReportContext, result: Pick<FileResult, "locale">): Words {
  return wordsOf(context.locale ?? result.locale);
}

/** The words of a batch's own parts. */
export function batchWords(context: ReportContext, summary: BatchSummary): Words {
  if (context.locale) return wordsOf(context.locale);
  const locales = new Set(summary.files.map((f) => f.locale));
  return wordsOf(locales.size === 1 ? [...locales][0] : undefined);
}
