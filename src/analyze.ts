// The whole pipeline for one transcript, as a library call:
// bytes → read → detect (language) → roles → segment → classify → flag → score → FileResult.

import { codeTurns, codeUtterance } from "./classify/index.js";
import { viewOf } from "./classify/view.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import type { CounsellorReading } from "./roles/guess.js";
import { splitUtterances } from "./segment/sentences.js";
import { detectLanguage } from "./detect/index.js";
import { InputError } from "./errors.js";
import { flagTurns } from "./flag/index.js";
import { readTranscript } from "./read/index.js";
import { assignRoles } from "./roles/assign.js";
import { roleOfLabel } from "./roles/labels.js";
import type { Language } from "./languages.js";
import type { LanguagePack } from "./packs/pack.js";
import { scoreTurns } from "./score/metrics.js";
import { segmentTurns } from "./segment/index.js";
import type { FileResult, Format, RawTranscript } from "./types.js";

export interface AnalyzeOptions {
  /** The pack to code with, whatever the transcript's language (--lang). */
  pack?: LanguagePack;
  /** Otherwise: the pack for the language detected in the transcript. */
  packFor?: (language: Language) => LanguagePack;
  /** The language of flag reasons and suggestions (--locale); the transcript's by default. */
  locale?: Language;
  /** Names given with --counsellor: each must match a speaker, or the file is refused. */
  counsellorNames?: string[];
  /** Extra counsellor label words (configuration `counsellors:`), beside the bundled role words. */
  counsellorWords?: string[];
  format?: Format;
}

/** Used when a transcript has too few words to tell its language. */
export const FALLBACK_LANGUAGE: Language = "en";

export function analyzeBytes(bytes: Uint8Array, path: string, options: AnalyzeOptions): FileResult {
  const raw = readTranscript(bytes, path, { isKnownLabel: (label) => roleOfLabel(label) !== null, format: options.format });
  const { pack, warnings: languageWarnings } = choosePack(raw, options);
  const roles = assignRoles(raw.turns, { counsellorNames: options.counsellorNames, counsellorWords: options.counsellorWords, pack, read: counsellorReading(pack) });
  if (roles.error) throw new InputError(path, roles.error);
  const segmented = segmentTurns(roles.turns, pack);
  const turns = codeTurns(segmented, pack);
  const locale = options.locale ?? pack.language;
  return {
    path,
    format: raw.format,
    encoding: raw.encoding,
    language: pack.language,
    locale,
    speakers: roles.speakers,
    turns,
    flags: flagTurns(turns, pack.byId),
    metrics: scoreTurns(turns),
    warnings: [...raw.warnings, ...languageWarnings, ...roles.warnings],
  };
}

// The pack given, or the one for the language the transcript's words show. A forced pack that
// the words clearly contradict is still used, with a warning: the user may have mistyped.
function choosePack(raw: RawTranscript, options: AnalyzeOptions): { pack: LanguagePack; warnings: Diagnostic[] } {
  // A library caller that gives only a pack asked for no check of the language.
  if (options.pack && !options.packFor) return { pack: options.pack, warnings: [] };
  const detected = detectLanguage(raw.turns.map((t) => t.text)).language;
  const found = detected;
  if (options.pack) {
    const forced = options.pack;
    const warnings = found && found !== forced.language && options.packFor
      ? [diagnostic("language.contradicted", "the transcript reads as {found}, but was coded as {forced} as asked (--lang {code})", { found: options.packFor(found).name, forced: forced.name, code: forced.language })]
      : [];
    return { pack: forced, warnings };
  }
  if (!options.packFor) throw new Error("analyzeBytes needs a pack or packFor");
  if (found) return { pack: options.packFor(found), warnings: [] };
  const pack = options.packFor(FALLBACK_LANGUAGE);
  const hasText = raw.turns.some((t) => t.text.trim() !== "");
  return { pack, warnings: hasText ? [diagnostic("language.too-few-words", "too few words to tell the language; coded as {language} (choose with --lang)", { language: pack.name })] : [] };
}

// For the counsellor guess (src/roles/guess.ts): a turn's codes as if its speaker were the
// counsellor, with the other speaker's turn before it as the client's.
function counsellorReading(pack: LanguagePack): CounsellorReading {
  return (text, previous) => {
    const view = previous === null ? null : viewOf(previous, pack);
    const pieces = splitUtterances(text, pack);
    const context = { previousClient: view, recentClientStems: view ? [view.stems] : [], permission: false, count: pieces.length };
    return pieces.map((piece, index) => codeUtterance(piece, pack.byPriority, pack, { ...context, index }).code);
  };
}
