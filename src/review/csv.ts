// `oars review`: a coded transcript as the table `oars eval --gold` and `oars train --gold`
// read back (src/eval/table.ts): one row per utterance with speaker, text and code (MITI
// abbreviations), and beside them columns a spreadsheet user may ignore: the line, the rule
// that gave the code, its confidence, the learned layer's probability when there is one, and
// "review" on the rows a coder should look at first (low-confidence codes). A supervisor
// corrects the code column; the other columns are never read back.

import { CODE_ABBREVIATIONS, type CodedTurn, type FileResult, type Utterance } from "../types.js";

export const REVIEW_COLUMNS = ["line", "speaker", "text", "code", "rule", "confidence", "probability", "review"] as const;

/** The coded transcript as CSV text (RFC 4180: comma, CRLF, quotes doubled), header first. */
export function reviewCsv(result: FileResult): string {
  const rows: string[][] = [[...REVIEW_COLUMNS]];
  for (const turn of result.turns) for (const utterance of turn.utterances) rows.push(row(turn, utterance));
  return rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function row(turn: CodedTurn, u: Utterance): string[] {
  const p = u.probability !== undefined ? u.probability.toFixed(3) : "";
  if (turn.role !== "counsellor") {
    // Client rows carry client talk once it is coded (issue 18); until then they are left empty, as eval reads them.
    const talk = (u as Utterance & { talk?: unknown }).talk;
    const code = talk === "change" ? "CT" : talk === "sustain" ? "ST" : talk === "neutral" ? "FN" : "";
    return [String(turn.line), turn.speaker, u.text, code, code ? u.rule : "", code ? u.confidence : "", code ? p : "", ""];
  }
  // "other" rather than an empty cell, so a supervisor sees the utterance was looked at.
  const code = u.code === "other" ? "other" : CODE_ABBREVIATIONS[u.code];
  return [String(turn.line), turn.speaker, u.text, code, u.rule, u.confidence, p, u.confidence === "low" ? "review" : ""];
}

function csvCell(value: string): string {
  return /[",;\r\n\t]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
