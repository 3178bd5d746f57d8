// Reading a trainer's own coding: a CSV or TSV table with a header row and one row per
// utterance or per turn (README "oars eval"). Consecutive rows by one speaker make a turn, as
// in a transcript; the speaker whose rows carry counsellor codes is the counsellor.

import { createRequire } from "node:module";
import { extname } from "node:path";
import { primaryCode } from "../classify/primary.js";
import { InputError } from "../errors.js";
import { CODE_ABBREVIATIONS, COUNSELLOR_CODES, type Code, type Utterance } from "../types.js";
import { annomiLabels, talkByMajority } from "./compare.js";
import { decode } from "../read/decode.js";
import { readReferenceBytes } from "./read-text.js";
import type { GoldCorpus, GoldTurn } from "./types.js";

// Loaded when a table is read: a static import of a package left out of the bundled command
// line (scripts/bundle-cli.mjs) is loaded by every run of every command.
type CsvParse = typeof import("csv-parse/sync");
let csvParse: CsvParse | null = null;
const parse: CsvParse["parse"] = ((...args: Parameters<CsvParse["parse"]>) => (csvParse ??= createRequire(import.meta.url)("csv-parse/sync") as CsvParse).parse(...args)) as CsvParse["parse"];

const COLUMNS = {
  speaker: ["speaker", "role", "who", "label"],
  text: ["text", "utterance", "turn text", "words"],
  code: ["code", "codes", "miti", "miti code", "behaviour", "behavior"],
  transcript: ["transcript", "file", "session", "recording"],
  line: ["line"],
} as const;

/** Codes a counsellor row may carry: MITI abbreviations, MITI 3 names, oars ids. */
const COUNSELLOR_CODE_NAMES: ReadonlyMap<string, Code> = new Map<string, Code>([
  ...COUNSELLOR_CODES.map((code) => [code, code] as [string, Code]),
  ...Object.entries(CODE_ABBREVIATIONS)
    .filter(([code]) => code !== "other")
    .map(([code, abbreviation]) => [abbreviation.toLowerCase(), code as Code] as [string, Code]),
  ["s", "summary"], ["aff", "affirm"], ["ec", "emphasize-autonomy"], ["adp", "persuade-with-permission"],
  ["adw", "persuade"], ["co", "confront"], ["per-p", "persuade-with-permission"], ["nc", "other"],
  ["-", "other"], ["other", "other"], ["none", "other"],
]);

/** Client codes (change talk, sustain talk, neutral), as the talk they name. */
const CLIENT_TALK: ReadonlyMap<string, NonNullable<GoldTurn["talk"]>> = new Map([
  ["ct", "change"], ["+", "change"], ["change", "change"], ["change-talk", "change"],
  ["st", "sustain"], ["sustain", "sustain"], ["sustain-talk", "sustain"],
  ["fn", "neutral"], ["n", "neutral"], ["neutral", "neutral"],
]);
/** A client code's talk: a name above, or a MISC-style code with its valence ("R+", "TS-", "C+"). */
function talkOfCode(code: string): GoldTurn["talk"] | undefined {
  const named = CLIENT_TALK.get(code);
  if (named !== undefined) return named;
  if (!VALENCED.test(code)) return undefined;
  return code.endsWith("+") ? "change" : "sustain";
}
// A valence after one to three letters: "-" alone stays "not coded" (a counsellor cell's dash).
const VALENCED = /^[a-z]{1,3}[+\-−]$/;

/** A code cell's codes, lower case: several joined with +, /, ;, commas, bars or spaces ("SR+OQ"); a valence sign stays on its code ("R+", "TS-", "+"). */
export function codesOfCell(cell: string): string[] {
  return cell
    .split(/[/;,|\s]+/)
    .flatMap((part) => (/^[a-z]{0,3}[+\-−]$/i.test(part) ? [part] : part.split("+")))
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * A cell a spreadsheet takes as a formula starts with =, +, -, @, a tab or a carriage return.
 * `oars review` writes such a cell with a leading apostrophe (OWASP's advice against CSV
 * injection; it also keeps "- yeah I know" from showing as #NAME?), and the reader drops it.
 * Words that already start with apostrophes before such a character get one more, so that
 * "'=" comes back as "'=".
 */
export const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** A text-like cell as it was before `oars review` guarded it: one leading apostrophe before a formula character dropped. */
function unguarded(cell: string): string {
  const trimmed = cell.trim();
  return GUARDED.test(trimmed) ? trimmed.slice(1).trim() : trimmed;
}

// A client turn's talk from its rows: the more frequent of change and sustain (change on a
// tie, as a turn holding both is read for its movement), else neutral when a row is coded.
function clientTalkOf(rows: readonly Row[]): GoldTurn["talk"] {
  return talkByMajority(rows.flatMap((r) => r.codes.map(talkOfCode).filter((t) => t !== undefined)));
}

interface Row {
  line: number;
  transcript: string;
  speaker: string;
  text: string;
  codes: string[];
  /** The transcript line `oars review` wrote, when every row has one. */
  order: number | null;
}

// A table from `oars review` sorted in a spreadsheet (by its review or code column) is put back
// in transcript order by its line column; a row's utterances keep their order within a line.
function inLineOrder(rows: Row[]): Row[] {
  return rows.every((row) => row.order !== null) ? [...rows].sort((a, b) => a.order! - b.order!) : rows;
}

export function readTableReference(path: string): GoldCorpus {
  // Decoded as transcripts are: a spreadsheet saves UTF-8 with a BOM, UTF-16 or Windows-1252 (older Excel).
  const text = decode(readReferenceBytes(path, "reference file"), path).text;
  const records = parseTable(path, text);
  if (records.length === 0) throw new InputError(path, "the reference table is empty");
  const header = records[0]!.record.map((cell) => cell.trim().toLowerCase());
  const column = (names: readonly string[]) => header.findIndex((cell) => names.includes(cell));
  const at = { speaker: column(COLUMNS.speaker), text: column(COLUMNS.text), code: column(COLUMNS.code), transcript: column(COLUMNS.transcript), line: column(COLUMNS.line) };
  if (at.speaker < 0 || at.text < 0 || at.code < 0) {
    throw new InputError(path, 'expected a header row naming the columns "speaker", "text" and "code" (and optionally "transcript")', 1);
  }
  const rows: Row[] = records.slice(1).map(({ record, line }) => ({
    line,
    transcript: at.transcript >= 0 ? unguarded(record[at.transcript] ?? "") : "",
    speaker: unguarded(record[at.speaker] ?? ""),
    text: unguarded(record[at.text] ?? ""),
    codes: codesOfCell(record[at.code] ?? ""),
    order: at.line >= 0 && /^\s*\d+\s*$/.test(record[at.line] ?? "") ? Number(record[at.line]) : null,
  }));
  const byTranscript = new Map<string, Row[]>();
  for (const row of rows) {
    if (!row.speaker && !row.text) continue;
    if (!row.speaker) throw new InputError(path, "a row without a speaker", row.line);
    if (at.transcript >= 0 && !row.transcript) throw new InputError(path, "a row without a transcript name", row.line);
    byTranscript.set(row.transcript, [...(byTranscript.get(row.transcript) ?? []), row]);
  }
  const turns = new Map<string, GoldTurn[]>();
  const ignored: IgnoredCode[] = [];
  for (const [transcript, list] of byTranscript) turns.set(transcript, toTurns(path, transcript, inLineOrder(list), ignored));
  const warnings = ignored.length > 0 ? [ignoredWarning(path, ignored)] : [];
  return { turns, quality: new Map(), sources: new Map(), namesTranscripts: at.transcript >= 0, warnings };
}

/** A client row's counsellor code, which eval and train read past. */
interface IgnoredCode {
  line: number;
  code: string;
  speaker: string;
}

// Once per table: "file:line: …" for one row, the count and the first row for several.
function ignoredWarning(path: string, ignored: readonly IgnoredCode[]): string {
  const first = ignored.reduce((a, b) => (b.line < a.line ? b : a));
  const what = `"${first.code}" on ${first.speaker}'s row`;
  const rows = new Set(ignored.map((i) => i.line)).size;
  return rows === 1
    ? `${path}:${first.line}: a counsellor code on a client row is ignored (${what}): client rows take CT, ST or FN`
    : `${path}:${first.line}: ${rows} client rows carry counsellor codes, which are ignored (first: ${what}): client rows take CT, ST or FN`;
}

function parseTable(path: string, text: string): { record: string[]; line: number }[] {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  // The header row tells, whatever the name: `oars review --delimiter semicolon -o coded.tsv` is read back too.
  const semicolons = count(firstLine, ";");
  const commas = count(firstLine, ",");
  const delimiter = firstLine.includes("\t") ? "\t" : semicolons > commas ? ";" : commas > 0 ? "," : extname(path).toLowerCase() === ".tsv" ? "\t" : ",";
  try {
    const parsed = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError(path, `not a readable ${delimiter === "\t" ? "TSV" : "CSV"} table (${(err as Error).message.replace(/^Invalid [^:]*: /, "")})`, line);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function toTurns(path: string, transcript: string, rows: Row[], ignored: IgnoredCode[]): GoldTurn[] {
  const counsellor = counsellorSpeaker(path, rows);
  const groups: Row[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.speaker === row.speaker) last.push(row);
    else groups.push([row]);
  }
  return groups.map((group, index) => goldTurn(path, transcript, index, group[0]!.speaker === counsellor, group, ignored));
}

// The counsellor is the speaker whose rows carry the most counsellor codes.
function counsellorSpeaker(path: string, rows: Row[]): string {
  const coded = new Map<string, number>();
  for (const row of rows) {
    for (const code of row.codes) {
      if (!COUNSELLOR_CODE_NAMES.has(code) && talkOfCode(code) === undefined) {
        throw new InputError(path, `unknown code "${code}": use MITI abbreviations (OQ, CQ, SR, CR, SUM, AF, SEEK, EMP, GI, PWP, PER, CON) or oars codes, and CT, ST or FN on client rows (or codes with a valence: R+, TS-)`, row.line);
      }
      if (COUNSELLOR_CODE_NAMES.get(code) && COUNSELLOR_CODE_NAMES.get(code) !== "other") coded.set(row.speaker, (coded.get(row.speaker) ?? 0) + 1);
    }
  }
  const best = [...coded].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new InputError(path, "no row carries a counsellor code (OQ, CQ, SR, CR, …)", rows[0]?.line);
  return best[0];
}

function goldTurn(path: string, transcript: string, index: number, isCounsellor: boolean, rows: Row[], ignored: IgnoredCode[]): GoldTurn {
  const text = rows.map((r) => r.text).filter(Boolean).join(" ");
  const base = { transcript, turn: index, text, line: rows[0]!.line };
  if (!isCounsellor) {
    // A counsellor code on a client row codes nothing (and "other", "-", "none" say as much).
    for (const row of rows) {
      const code = row.codes.find((c) => (COUNSELLOR_CODE_NAMES.get(c) ?? "other") !== "other");
      if (code !== undefined) ignored.push({ line: row.line, code, speaker: row.speaker });
    }
    const talk = clientTalkOf(rows);
    // Coded row by row (as oars review writes it), the turn's talk is the rows' majority: eval reads oars' utterances the same way.
    const byRows = rows.filter((r) => r.codes.some((c) => talkOfCode(c) !== undefined)).length > 1;
    const talkRows = rows.map((r) => {
      const own = clientTalkOf([r]);
      return { text: r.text, ...(own ? { talk: own } : {}) };
    });
    return { ...base, role: "client", ...(talk ? { talk, talkRows } : {}), ...(talk && byRows ? { talkByRows: true } : {}) };
  }
  const coded = rows.map((row) => {
    const codes = row.codes.map((c) => COUNSELLOR_CODE_NAMES.get(c)).filter((c): c is Code => c !== undefined);
    if (row.codes.some((c) => talkOfCode(c) !== undefined && !COUNSELLOR_CODE_NAMES.has(c))) throw new InputError(path, `a client code on a counsellor row`, row.line);
    return { text: row.text, codes: codes.length > 0 ? codes : ["other" as Code] };
  });
  const utterances: Utterance[] = coded.flatMap((row) => row.codes.map((code) => ({ text: row.text, code, rule: "reference", confidence: "high" as const })));
  const primary = primaryCode(utterances);
  const labels = annomiLabels({ primary, utterances });
  return {
    ...base,
    role: "counsellor",
    primary,
    codes: [...new Set(utterances.map((u) => u.code))],
    rows: coded,
    behaviour: labels.behaviour,
    question: labels.question,
    reflection: labels.reflection,
    input: labels.advice ? "advice" : labels.behaviour === "therapist_input" ? "information" : null,
  };
}
