// The words a report uses, from the locale's messages (src/locale). A file's part of a report
// speaks the file's locale; the batch parts (totals, headings) speak --locale when it is given,
// else the locale the files share, else English.

import type { BatchSummary } from "../check/summary.js";
import { fill, messagesFor, type Messages } from "../locale/messages.js";
import { isLanguage } from "../packs/languages.js";
import type { Flag } from "../types.js";
import type { ReportContext } from "./formatter.js";

export { CODE_ABBREVIATIONS } from "../types.js";

/** The messages of a locale named in a result (English when it names none oars has). */
export function messagesOf(locale: string | undefined): Messages {
  return messagesFor(locale !== undefined && isLanguage(locale) ? locale : "en");
}

/** The messages for a batch's own parts. */
export function batchMessages(context: ReportContext, summary: BatchSummary): Messages {
  if (context.locale) return messagesOf(context.locale);
  const locales = new Set(summary.files.map((f) => f.locale));
  return messagesOf(locales.size === 1 ? [...locales][0] : undefined);
}

/** A flagged line in one line of text: its words, why, and what to say instead. */
export function flagMessage(flag: Flag, m: Messages): string {
  return `"${flag.text}" ${flag.reason}${flag.suggestion ? ` ${m.report.instead}: ${flag.suggestion}` : ""}`;
}

export { fill };
