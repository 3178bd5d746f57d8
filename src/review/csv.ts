// `oars review`: a coded transcript as the table `oars eval --gold` and `oars train --gold`
// read back (src/eval/table.ts): one row per utterance with speaker, text and code (MITI
// abbreviations), and beside them columns a spreadsheet user may ignore: the line, the rule
// that gave the code, its confidence, the learned layer's probability when there is one, and
// "review" on the rows a coder should look at first (low-confidence codes). A supervisor
// corrects the code column; the other columns are never read back.

import { NEEDS_GUARD } from "../eval/table.js";
import { CODE_ABBREVIATIONS, type ClientCode, type ClientUtterance, type CodedTurn, type FileResult, type Utterance } from "../types.js";

/** Client talk as a trainer's table writes it (src/eval/table.ts reads these back). */
const CLIENT_TALK_CODES: Record<ClientCode, string> = { "change-talk": "CT", "sustain-talk": "ST", neutral: "FN" };

export const REVIEW_COLUMNS = ["line", "speaker", "text", "code", "rule", "confidence", "probability", "review"] as const;

/** What separates the cells: a comma (English Excel), a semicolon (Norwegian, Danish, Swedish Excel) or a tab. */
export type Delimiter = "," | ";" | "\t";

export interface TableOptions {
  delimiter: Delimiter;
  /** Write the probability with a decimal comma ("0,812"), as Scandinavian Excel reads numbers. */
  decimalComma?: boolean;
}

/** The coded transcript as CSV text (RFC 4180: CRLF, quotes doubled), header first. */
export function reviewCsv(result: FileResult, options: TableOptions = { delimiter: "," }): string {
  const rows: string[][] = [[...REVIEW_COLUMNS]];
  for (const turn of result.turns) turn.utterances.forEach((utterance, i) => rows.push(row(turn, utterance, turn.talk?.[i], options)));
  return rows.map((cells) => cells.map(tableCell).join(options.delimiter)).join("\r\n") + "\r\n";
}

function row(turn: CodedTurn, u: Utterance, talk: ClientUtterance | undefined, options: TableOptions): string[] {
  const p = (x: { probability?: number }) => {
    if (x.probability === undefined) return "";
    const fixed = x.probability.toFixed(3);
    return options.decimalComma ? fixed.replace(".", ",") : fixed;
  };
  if (turn.role !== "counsellor") {
    // A client row carries its talk (CT, ST, FN: what eval and train read back); other speakers' rows stay empty.
    if (!talk) return [String(turn.line), turn.speaker, u.text, "", "", "", "", ""];
    return [String(turn.line), turn.speaker, talk.text, CLIENT_TALK_CODES[talk.code], talk.rule, talk.confidence, p(talk), talk.confidence === "low" ? "review" : ""];
  }
  // "other" rather than an empty cell, so a supervisor sees the utterance was looked at.
  const code = u.code === "other" ? "other" : CODE_ABBREVIATIONS[u.code];
  return [String(turn.line), turn.speaker, u.text, code, u.rule, u.confidence, p(u), u.confidence === "low" ? "review" : ""];
}

/**
 * One cell. A value a spreadsheet would take as a formula (starting with =, +, -, @, a tab or
 * a carriage return: "- yeah I know" shows as #NAME?, "=HYPERLINK(…)" runs) gets a leading
 * apostrophe, as OWASP advises against CSV injection (also "'=…", so it comes back whole); the
 * table reader drops one again. A cell holding a comma, semicolon or tab (whichever delimiter
 * the table uses, so a program guessing it cannot split the words), a quote, a line break or
 * edge spaces is quoted, quotes doubled.
 */
export function tableCell(value: string): string {
  const safe = NEEDS_GUARD.test(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
