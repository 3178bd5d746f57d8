// The words a report uses, rendered at report time from the locale's messages (src/locale):
// stages hand over ids and figures (a check's limit id and value, a flag's rule and code), and
// only here do they become sentences. A file's part of a report speaks the file's locale (or
// --locale); the batch parts (totals, headings) speak --locale when it is given, else the
// locale the files share, else English.

import type { BatchSummary } from "../check/summary.js";
import type { CheckResult } from "../check/index.js";
import { fill, flagText, messagesFor, warningText, type FlagText, type Messages } from "../locale/messages.js";
import { formatNumber } from "../locale/numbers.js";
import type { Language } from "../languages.js";
import { LIMITS, type MitiScore, type Unit } from "../score/miti.js";
import type { Diagnostic } from "../diagnostics.js";
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
  constructor(
    readonly m: Messages,
    readonly locale: Language = "en",
  ) {}

  /**
   * A figure as every report prints it, one rounding everywhere: ratios to two decimals
   * ("1.22"), percentages to at most one ("37.5%", "40%"), counts whole; with the locale's
   * decimal sign ("1,22" in nb, da and sv).
   */
  figure(unit: Unit, value: number): string {
    if (unit === "percent") return `${formatNumber(value, this.locale, 0, 1)}%`;
    if (unit === "ratio") return formatNumber(value, this.locale, 2, 2);
    if (unit === "score") return formatNumber(value, this.locale, 0, 1);
    return String(value);
  }

  /** "1 transcript", "2 transcripts": a counted noun in the locale. */
  count(noun: keyof Messages["plurals"], count: number): string {
    const [one, more] = this.m.plurals[noun];
    return fill((count === 1 ? one : more)!, { count });
  }

  /** "≥ 1.00", "≥ 50%", "≤ 0": a bound on a score. */
  bound(score: Pick<MitiScore, "direction" | "unit">, value: number): string {
    return `${score.direction === "at-least" ? "≥" : "≤"} ${this.figure(score.unit, value)}`;
  }

  check(check: CheckResult): CheckWords {
    const m = this.m;
    if (check.id === "counsellor") {
      const message = check.status === "pass" ? this.count("counsellor-coded", check.value ?? 0) : m.checks["no-counsellor"];
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

  /** A warning, after "line N: " when it concerns a line. */
  warning(warning: Diagnostic): string {
    return warningText(warning, this.m);
  }

  /** A flagged line in one line of text: its words, why, and what to say instead. */
  /** "Persuade", or "Persuade? (low confidence)" when the code is one to read first. */
  flagCode(flag: Flag): string {
    return flag.confidence === "low" ? `${this.m.codes[flag.code]}? (${this.m.report["low-confidence"]})` : this.m.codes[flag.code];
  }

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
  if (!words) byLocale.set(language, (words = new Words(messagesFor(language), language)));
  return words;
}

/** The words of one file's part of a report: --locale when given, else the file's own. */
export function fileWords(context: ReportContext, result: Pick<FileResult, "locale">): Words {
  return wordsOf(context.locale ?? result.locale);
}

/**
 * The words of a batch's own parts: one language for the whole table, --locale when given,
 * else the locale most files share (a tie: English).
 */
export function batchWords(context: ReportContext, summary: BatchSummary): Words {
  if (context.locale) return wordsOf(context.locale);
  const tally = new Map<Language, number>();
  for (const f of summary.files) tally.set(f.locale, (tally.get(f.locale) ?? 0) + 1);
  const most = Math.max(0, ...tally.values());
  const leaders = [...tally].filter(([, n]) => n === most);
  // A tie names no language most files share: English, the report's own.
  return wordsOf(leaders.length === 1 ? leaders[0]![0] : undefined);
}
