// Weights as data: one JSON file per language (rules/<lang>/weights.json, or a trainer's own
// from `oars train`), readable and diffable: one feature a line, its 13 weights in the order of
// `codes`. The file says what it was built from (rule ids, training data, options) so a file
// for another language or other rules is refused before any transcript is coded with it.

import { join } from "node:path";
import { SourceError } from "../errors.js";
import { FileReadError, readRegularFile } from "../io/regular-file.js";
import { isLanguage, type Language } from "../languages.js";
import type { LanguagePack } from "../packs/pack.js";
import { RULES_ROOT } from "../paths.js";
import { COUNSELLOR_CODES, type Code } from "../types.js";

/** A user's weights file: which file, for which language (transcripts in others keep the bundled weights). */
export interface WeightsFileOrigin {
  path: string;
  language: Language;
}

/** The model to code a pack's transcripts with; `file` when a user's weights file chose it. */
export type ModelFor<M> = ((pack: LanguagePack) => M) & { readonly file?: WeightsFileOrigin };

export const WEIGHTS_FORMAT = "oars-weights";
export const WEIGHTS_VERSION = 1;

/** Where in its turn an utterance stands, for the primary-code step. */
export const POSITIONS = ["only", "first", "middle", "last"] as const;
export type Position = (typeof POSITIONS)[number];

export interface TrainingOptions {
  /** L2 penalty on each weight's distance from its starting value (0, or the base file's). */
  l2: number;
  /** L-BFGS iterations (the optimiser is deterministic: fixed order, no randomness). */
  iterations: number;
  /** A word n-gram is a feature only when at least this share of the training sessions use it. */
  minSessionShare: number;
  /** How much one line of a MITI code set weighs against one utterance of a transcript. */
  lineWeight: number;
}

export interface WeightsData {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
  language: Language;
  /** The column order of every row of weights. */
  codes: Code[];
  /** Rule ids without their language that the weights were built against. */
  rules: string[];
  /** The coded data the weights were learned from, and what they started from. */
  trainedOn: string[];
  base: string | null;
  options: TrainingOptions;
  /** A code is `high` confidence when its probability is at least this (calibrated by cross-validation). */
  confidenceCut: number;
  /** The word n-grams that are features (used by at least `minSessionShare` of the sessions). */
  vocabulary: string[];
  /** The primary-code step: a score per position and code; the turn is named by its best-scoring utterance. */
  primary: Record<Position, number[]>;
  /** Feature name → one weight per code. */
  features: Record<string, number[]>;
}

/** Read and check a weights file; any problem is a SourceError naming the file. */
export function readWeightsFile(path: string): WeightsData {
  return parseWeights(path, readWeightsText(path, "weights"));
}

/** A weights file is far smaller than this (the bundled ones are ~130 kB). */
export const MAX_WEIGHTS_BYTES = 64 * 1024 * 1024;

/**
 * A weights file's text (`what`: "weights" or "client weights"): only a regular file, bounded,
 * as src/io/regular-file.ts reads every file oars is pointed at (a FIFO would block, a device
 * never end), and UTF-8 (a leading byte order mark, as Windows editors write, is skipped).
 */
export function readWeightsText(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_WEIGHTS_BYTES);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    const reason: Record<FileReadError["reason"], string> = {
      missing: `no such ${what} file`,
      folder: `is a folder, not a ${what} file`,
      "not-regular": err.message,
      "too-large": `larger than ${MAX_WEIGHTS_BYTES / 1024 / 1024} MB, too large for a ${what} file`,
      denied: `cannot read the ${what} file (permission denied)`,
      other: `cannot read the ${what} file`,
    };
    throw new SourceError(path, reason[err.reason]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(path, `not UTF-8 text, so not a ${what} file`);
  }
}

/** JSON.parse with a one-line message: Node's own quotes the file around the mistake, so only the place is kept. */
export function parseJsonFile(path: string, text: string): unknown {
  if (text.trim() === "") throw new SourceError(path, "the file is empty");
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) throw new SourceError(path, /end of JSON input/.test(message) ? "not valid JSON (it ends too soon: a cut-off file?)" : "not valid JSON");
    const offset = Number(at[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    throw new SourceError(path, "not valid JSON", line, offset - before.lastIndexOf("\n"));
  }
}

export function parseWeights(path: string, text: string): WeightsData {
  const data = parseJsonFile(path, text);
  const problem = weightsProblem(data);
  if (problem) throw new SourceError(path, `not an oars weights file: ${problem}`);
  return data as WeightsData;
}

function weightsProblem(data: unknown): string | null {
  if (!isObject(data)) return "expected a JSON object";
  if (data.format === "oars-client-weights") return "these are client talk weights (oars train --client): give them with --client-weights";
  if (data.format !== WEIGHTS_FORMAT) return `"format" must be "${WEIGHTS_FORMAT}"`;
  if (data.version !== WEIGHTS_VERSION) return `"version" must be ${WEIGHTS_VERSION} (this oars reads version ${WEIGHTS_VERSION})`;
  if (typeof data.language !== "string" || !isLanguage(data.language)) return '"language" must be en, nb, da or sv';
  if (!Array.isArray(data.codes) || data.codes.length !== COUNSELLOR_CODES.length || data.codes.some((c, i) => c !== COUNSELLOR_CODES[i])) {
    return `"codes" must list the ${COUNSELLOR_CODES.length} counsellor codes in oars' order`;
  }
  for (const key of ["rules", "trainedOn", "vocabulary"] as const) {
    if (!Array.isArray(data[key]) || !(data[key] as unknown[]).every((s) => typeof s === "string")) return `"${key}" must be a list of texts`;
  }
  if (data.base !== null && typeof data.base !== "string") return '"base" must be a text or null';
  if (!isObject(data.options)) return '"options" must be an object';
  if (typeof data.confidenceCut !== "number" || !(data.confidenceCut > 0 && data.confidenceCut <= 1)) return '"confidenceCut" must be a number above 0 and at most 1';
  if (!isObject(data.primary)) return '"primary" must be an object';
  for (const position of POSITIONS) {
    if (!isRow(data.primary[position])) return `"primary.${position}" must be ${COUNSELLOR_CODES.length} numbers`;
  }
  if (!isObject(data.features) || Object.keys(data.features).length === 0) return '"features" must be an object of weights';
  const rules = new Set(data.rules as string[]);
  const vocabulary = new Set(data.vocabulary as string[]);
  for (const [name, row] of Object.entries(data.features)) {
    if (!isRow(row)) return `feature "${name}" must have ${COUNSELLOR_CODES.length} finite numbers`;
    if (name.startsWith("rule:") && !rules.has(name.slice(5))) return `feature "${name}" names a rule not in "rules"`;
    if (name.startsWith("w:") && !vocabulary.has(name)) return `feature "${name}" is not in "vocabulary"`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRow(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === COUNSELLOR_CODES.length && value.every((x) => typeof x === "number" && Number.isFinite(x));
}

/** The weights as a JSON text: one feature a line, so a retrained file diffs line by line. */
export function formatWeights(data: WeightsData): string {
  const row = (values: readonly number[]) => `[${values.map((v) => round(v)).join(", ")}]`;
  const block = (entries: [string, number[]][]) => entries.map(([name, values]) => `    ${JSON.stringify(name)}: ${row(values)}`).join(",\n");
  const head = { ...data } as Partial<WeightsData>;
  delete head.primary;
  delete head.features;
  delete head.vocabulary;
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  lines.push(`  "vocabulary": [\n${data.vocabulary.map((w) => `    ${JSON.stringify(w)}`).join(",\n")}\n  ]`);
  lines.push(`  "primary": {\n${block(POSITIONS.map((p) => [p, data.primary[p]]))}\n  }`);
  lines.push(`  "features": {\n${block(Object.entries(data.features))}\n  }`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

/** Four decimals: enough for the model, short enough to read. */
export function round(value: number): number {
  const rounded = Math.round(value * 1e4) / 1e4;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function bundledWeightsPath(language: Language): string {
  return join(RULES_ROOT, language, "weights.json");
}

const bundled = new Map<Language, WeightsData>();

/** The weights that ship with oars for a language, read once per process. */
export function bundledWeights(language: Language): WeightsData {
  let data = bundled.get(language);
  if (!data) bundled.set(language, (data = readWeightsFile(bundledWeightsPath(language))));
  return data;
}
