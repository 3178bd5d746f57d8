// Scoring a MITI code set's test part (fixtures/miti/<lang>.tsv): each line is coded alone,
// with the client's line before it and its permission state, and compared with its code.
// The test part is never trained on, so these are figures on lines the weights never saw.

import { lineEvidence, type UtteranceEvidence } from "../features/index.js";
import { InputError } from "../errors.js";
import { readReferenceText } from "./read-text.js";
import type { CodeModel } from "../learn/model.js";
import type { LanguagePack } from "../packs/pack.js";
import { COUNSELLOR_CODES, isCode, type Code } from "../types.js";
import { accuracy, classScores, macroF1, prf, type ClassScore } from "./stats.js";

/** One row of a MITI code set. */
export interface CodeSetLine {
  id: string;
  part: "train" | "test";
  before: string;
  permission: boolean;
  code: Code;
  text: string;
  line: number;
}

const COLUMNS = ["id", "part", "speaker", "before", "permission", "code", "subtype", "text"] as const;

/**
 * The counsellor lines of a MITI code set (fixtures/miti/README.md); client lines are left aside
 * (readClientCodeSet). A set of client lines only has none.
 */
export function readCodeSet(path: string): CodeSetLine[] {
  const lines: CodeSetLine[] = [];
  const rows = codeSetRows(path);
  if (rows.length === 0) throw new InputError(path, "the code set holds no coded lines");
  for (const { cells, line } of rows) {
    const [id, part, speaker, before, permission, code, , said] = cells;
    if (speaker === "client") continue;
    if (!isCode(code)) throw new InputError(path, `"${code}" is not one of the 13 counsellor codes`, line);
    if (permission !== "yes" && permission !== "no") throw new InputError(path, `permission must be yes or no, not "${permission}"`, line);
    lines.push({ id, part: part as CodeSetLine["part"], before, permission: permission === "yes", code, text: said, line });
  }
  return lines;
}

/** The rows of a code set, their shape checked (header, field count, speaker, part). */
export function codeSetRows(path: string): { cells: [string, string, string, string, string, string, string, string]; line: number }[] {
  const text = readReferenceText(path, "code set").replace(/^\uFEFF/, "");
  const rows = text.split(/\r?\n/);
  const header = rows[0]!.split("\t");
  if (COLUMNS.some((c, i) => header[i] !== c)) throw new InputError(path, `expected the header ${COLUMNS.join(" ")} (tab-separated)`, 1);
  const out: ReturnType<typeof codeSetRows> = [];
  rows.slice(1).forEach((row, i) => {
    if (!row.trim()) return;
    const cells = row.split("\t");
    const line = i + 2;
    if (cells.length !== COLUMNS.length) throw new InputError(path, `expected ${COLUMNS.length} tab-separated fields, found ${cells.length}`, line);
    const [, part, speaker] = cells;
    if (speaker !== "counsellor" && speaker !== "client") throw new InputError(path, `speaker must be counsellor or client, not "${speaker}"`, line);
    if (part !== "train" && part !== "test") throw new InputError(path, `part must be train or test, not "${part}"`, line);
    out.push({ cells: cells as ReturnType<typeof codeSetRows>[number]["cells"], line });
  });
  return out;
}

/** The codes MITI counts as MI non-adherent, which oars flags. */
const FLAGGED: ReadonlySet<Code> = new Set(["persuade", "confront"]);

export interface CodeSetReport {
  file: string;
  lines: number;
  macroF1: number | null;
  accuracy: number | null;
  perClass: ClassScore[];
  /** Persuade and confront flags: a line flagged when coded either, right when its code is either. */
  flags: ReturnType<typeof prf>;
  /** Lines coded otherwise than their code, for reading. */
  misses: { id: string; code: Code; coded: Code; text: string }[];
}

/** How a line is coded: by the learned weights, or (for comparison) by the rules alone, the first that holds by priority. */
export type LineCoder = (evidence: UtteranceEvidence) => Code;
export const rulesAlone: LineCoder = (evidence) => evidence.hits[0]?.code ?? "other";
export const byModel = (model: CodeModel): LineCoder => (evidence) => model.predict(evidence).code;

export function scoreCodeSet(file: string, lines: readonly CodeSetLine[], pack: LanguagePack, coder: LineCoder): CodeSetReport {
  const test = lines.filter((l) => l.part === "test");
  const coded = test.map((l) => coder(lineEvidence(l.before, l.text, l.permission, pack)));
  const gold = test.map((l) => l.code);
  const perClass = classScores(gold, coded, [...COUNSELLOR_CODES]);
  const flags = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const wanted = FLAGGED.has(g);
    const flagged = FLAGGED.has(coded[i]!);
    if (wanted && flagged) flags.tp++;
    else if (flagged) flags.fp++;
    else if (wanted) flags.fn++;
  });
  return {
    file,
    lines: test.length,
    macroF1: macroF1(perClass),
    accuracy: accuracy(gold, coded),
    perClass,
    flags: prf(flags.tp, flags.fp, flags.fn),
    misses: test.flatMap((l, i) => (coded[i] !== l.code ? [{ id: l.id, code: l.code, coded: coded[i]!, text: l.text }] : [])),
  };
}

export function formatCodeSetText(report: CodeSetReport): string {
  if (report.lines === 0) return ""; // a set of client lines only
  const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
  const rows = report.perClass.map((c) => `  ${c.label.padEnd(26)} ${f(c.precision)}  ${f(c.recall)}  ${f(c.f1)}  ${c.support}`);
  return [
    `${report.file}: test part, ${report.lines} counsellor lines`,
    `  13-code macro-F1 ${f(report.macroF1)}, accuracy ${f(report.accuracy)}`,
    `  persuade + confront flags: precision ${f(report.flags.precision)}, recall ${f(report.flags.recall)}`,
    `  ${"code".padEnd(26)} P     R     F1    n`,
    ...rows,
    "",
  ].join("\n");
}
