// The library entry (`import { analyze } from "oars"`): one transcript in, its coded result
// out, the same pipeline as `oars analyze` and the same fields as each file of its JSON
// (README "Use as a library"). Nothing is read or written but what the caller hands over.

import { statSync } from "node:fs";
import { analyzeBytes } from "./analyze.js";
import { InputError, SourceError } from "./errors.js";
import { isLanguage, LANGUAGE_CHOICES, LANGUAGES, type Language, type LanguageChoice } from "./languages.js";
import { chosenModels, type ChosenModels } from "./learn/user-weights.js";
import { packLoader } from "./packs/loader.js";
import type { LanguagePack } from "./packs/pack.js";
import { resultJson } from "./report/json.js";
import { wordsOf } from "./report/words.js";
import type { Format } from "./types.js";

/** One coded transcript, as README "JSON output" gives each file (without `check`). */
export type Result = ReturnType<typeof resultJson>;

export interface LibraryOptions {
  /** A name for the transcript in the result and in errors (default "transcript"). */
  path?: string;
  /** The transcript's language, or "auto" (default) to detect it. */
  lang?: LanguageChoice;
  /** The language of the result's words (flag reasons…); the transcript's own by default. */
  locale?: Language;
  /** Names of the counsellor (--counsellor): each must match a speaker. */
  counsellor?: string[];
  /** Force a format instead of detecting it from the content. */
  format?: Format;
  /** A weights file from `oars train` to code with instead of the bundled weights (as --weights). */
  weights?: string;
  /** A client talk weights file from `oars train --client` (as --client-weights). */
  clientWeights?: string;
}

// One loader for the process: packs are built once and reused by every call.
let packFor: ((language: Language) => LanguagePack) | null = null;

/**
 * Code one transcript (plain text, WebVTT, SRT or Whisper JSON, as a string or bytes). Throws
 * an `InputError` (with `path`, `message` and maybe `line`) for input that is not a transcript,
 * and a `TypeError` naming the option for an option value oars does not know.
 */
export function analyze(transcript: string | Uint8Array, options: LibraryOptions = {}): Result {
  checkOptions(options);
  packFor ??= packLoader([], []);
  const bytes = typeof transcript === "string" ? new TextEncoder().encode(transcript) : transcript;
  const lang = options.lang ?? "auto";
  const { modelFor, clientModelFor } = modelsFor(lang, options.weights ?? null, options.clientWeights ?? null, packFor);
  const result = analyzeBytes(bytes, options.path ?? "transcript", {
    ...(isLanguage(lang) ? { pack: packFor(lang) } : {}),
    packFor,
    ...(modelFor ? { modelFor } : {}),
    ...(clientModelFor ? { clientModelFor } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    counsellorNames: options.counsellor ?? [],
    ...(options.format ? { format: options.format } : {}),
  });
  // Flag reasons, suggestions and warnings in words, as the JSON report has them.
  return resultJson(result, wordsOf(result.locale));
}

const FORMATS: readonly Format[] = ["text", "vtt", "srt", "json"];

// A caller from plain JavaScript can pass anything: a value oars does not know is refused by
// name, not coded as "auto" ("no" for Norwegian), read as a path (a locale names a folder of
// the package) or read as another format.
function checkOptions(options: LibraryOptions): void {
  const oneOf = (name: string, value: unknown, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value as string)) throw new TypeError(`options.${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  };
  oneOf("lang", options.lang, LANGUAGE_CHOICES);
  oneOf("locale", options.locale, LANGUAGES);
  oneOf("format", options.format, FORMATS);
  if (options.counsellor !== undefined && !(Array.isArray(options.counsellor) && options.counsellor.every((name) => typeof name === "string"))) {
    throw new TypeError("options.counsellor must be an array of names");
  }
}

// Weights files read once and kept while they stay the same file (size and modification time),
// so a caller coding many transcripts with one file does not parse it for each.
const chosen = new Map<string, { stamp: string; models: ChosenModels }>();

function modelsFor(lang: LanguageChoice, weights: string | null, clientWeights: string | null, packs: (language: Language) => LanguagePack): ChosenModels {
  if (weights === null && clientWeights === null) return { modelFor: undefined, clientModelFor: undefined };
  const key = JSON.stringify([lang, weights, clientWeights]);
  const stamp = JSON.stringify([weights, clientWeights].map((file) => (file === null ? null : stampOf(file))));
  const known = chosen.get(key);
  if (known && known.stamp === stamp) return known.models;
  const models = chosenModels({ language: lang, weights, clientWeights }, packs);
  chosen.set(key, { stamp, models });
  return models;
}

function stampOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null; // reading it names the problem
  }
}

export { InputError, SourceError };
export { LANGUAGES, type Language, type LanguageChoice } from "./languages.js";
export { COUNSELLOR_CODES } from "./types.js";
export type { Code, Format, Metrics, Role, Speaker, Utterance } from "./types.js";
