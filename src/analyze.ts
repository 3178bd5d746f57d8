// The whole pipeline for one transcript, as a library call:
// bytes → read → detect (language) → roles → segment → classify → flag → score → FileResult.

import { codeTurns } from "./classify/index.js";
import { ruleMatches } from "./features/match.js";
import { viewOf } from "./features/view.js";
import type { CodeModel } from "./learn/model.js";
import type { ModelFor } from "./learn/weights.js";
import { bundledModel } from "./learn/bundled.js";
import { bundledClientModel, type ClientModel } from "./learn/client-model.js";
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
import { segmentTurns, type SegmentedTurn } from "./segment/index.js";
import type { CodedTurn, FileResult, Format, RawTranscript } from "./types.js";

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
  /** The learned weights to code with, for a pack; the bundled weights of its language by default. */
  modelFor?: ModelFor<CodeModel>;
  /** The client talk model for a pack; the bundled one by default, null to leave client turns uncoded. */
  clientModelFor?: ModelFor<ClientModel> | null;
}

/** A transcript read, its roles assigned and its turns cut into utterances: everything before coding. */
export interface PreparedTranscript {
  raw: RawTranscript;
  pack: LanguagePack;
  speakers: FileResult["speakers"];
  segmented: SegmentedTurn[];
  warnings: Diagnostic[];
}

/** Used when a transcript has too few words to tell its language. */
export const FALLBACK_LANGUAGE: Language = "en";

export function analyzeBytes(bytes: Uint8Array, path: string, options: AnalyzeOptions): FileResult {
  const prepared = prepareBytes(bytes, path, options);
  const model = (options.modelFor ?? bundledModel)(prepared.pack);
  const clientModelFor = options.clientModelFor === undefined ? bundledClientModel : options.clientModelFor;
  const turns = codeTurns(prepared.segmented, prepared.pack, model, clientModelFor?.(prepared.pack) ?? null);
  return resultOf({ ...prepared, warnings: [...prepared.warnings, ...weightsNotUsed(prepared.pack, options)] }, turns, options);
}

// A user's weights file is for one language; a transcript found to be in another (--lang auto)
// is coded with its own language's bundled weights, and says so: the trainer asked for theirs.
function weightsNotUsed(pack: LanguagePack, options: AnalyzeOptions): Diagnostic[] {
  const counsellor = options.modelFor?.file;
  const client = options.clientModelFor?.file;
  return [
    ...(counsellor && counsellor.language !== pack.language
      ? [diagnostic("weights.other-language", "{file} holds weights for {weights}, not for this transcript's language ({language}): coded with the bundled {language} weights", { file: counsellor.path, weights: counsellor.language, language: pack.language })]
      : []),
    ...(client && client.language !== pack.language
      ? [diagnostic("client-weights.other-language", "{file} holds client talk weights for {weights}, not for this transcript's language ({language}): client talk coded with the bundled {language} weights", { file: client.path, weights: client.language, language: pack.language })]
      : []),
  ];
}

export function prepareBytes(bytes: Uint8Array, path: string, options: AnalyzeOptions): PreparedTranscript {
  const raw = readTranscript(bytes, path, { isKnownLabel: (label) => roleOfLabel(label) !== null, format: options.format });
  const { pack, warnings: languageWarnings } = choosePack(raw, options);
  const roles = assignRoles(raw.turns, { counsellorNames: options.counsellorNames, counsellorWords: options.counsellorWords, pack, read: counsellorReading(pack) });
  if (roles.error) throw new InputError(path, roles.error);
  const segmented = segmentTurns(roles.turns, pack);
  return { raw, pack, speakers: roles.speakers, segmented, warnings: [...raw.warnings, ...languageWarnings, ...roles.warnings] };
}

/** The result for a prepared transcript once its turns are coded. */
export function resultOf(prepared: PreparedTranscript, turns: CodedTurn[], options: Pick<AnalyzeOptions, "locale">): FileResult {
  const { raw, pack } = prepared;
  return {
    path: raw.path,
    format: raw.format,
    encoding: raw.encoding,
    language: pack.language,
    locale: options.locale ?? pack.language,
    speakers: prepared.speakers,
    turns,
    flags: flagTurns(turns, pack.byId),
    metrics: scoreTurns(turns),
    warnings: prepared.warnings,
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
// counsellor, with the other speaker's turn before it as the client's, as the rules read them
// (the highest-priority rule that holds): the guess needs only questions and reflections, and
// runs before the learned layer codes anything.
function counsellorReading(pack: LanguagePack): CounsellorReading {
  return (text, previous) => {
    const view = previous === null ? null : viewOf(previous, pack);
    const pieces = splitUtterances(text, pack);
    const context = { previousClient: view, recentClientStems: view ? [view.stems] : [], permission: false, count: pieces.length };
    return pieces.map((piece, index) => {
      const own = viewOf(piece, pack);
      return pack.rulesFor(own).find((rule) => ruleMatches(rule, own, { ...context, index }))?.code ?? "other";
    });
  };
}
