// Bounds on what rule folders may ask of oars, so a hostile or runaway rule folder is refused at
// load with a clear message instead of taking minutes and gigabytes at match time. The bundled
// packs use a small share of each (about 60 rules, 23 kB per file, 14,000 instructions a pack).

import { SourceError } from "../errors.js";
import type { PackDraft } from "./types.js";

/** A rule file larger than this is refused before it is parsed. */
export const MAX_RULE_FILE_BYTES = 512 * 1024;
/** Rules in one language pack, bundled and extra folders together. */
export const MAX_RULES = 1000;
/** Compiled pattern instructions in one pack: matching costs this much per word at worst. */
export const MAX_PROGRAM_TOTAL = 100_000;
/** An `nlp:` expression (compromise match syntax) longer than this is refused. */
export const MAX_NLP_LENGTH = 200;

/** Throws naming `file` (the file whose rules passed a limit) when the pack is over a limit. */
export function checkPackSize(pack: PackDraft, file: string): void {
  const rules = pack.rules.length + pack.clientRules.length;
  if (rules > MAX_RULES) {
    throw new SourceError(file, `too many rules: the ${pack.language} pack would hold ${rules}, more than ${MAX_RULES}`);
  }
  let total = 0;
  for (const rule of pack.rules) for (const pattern of [...rule.patterns, ...rule.unless, ...(rule.when.client ?? [])]) total += pattern.size;
  for (const rule of pack.clientRules) for (const pattern of [...rule.patterns, ...rule.unless]) total += pattern.size;
  if (total > MAX_PROGRAM_TOTAL) {
    throw new SourceError(file, `rules too large: the ${pack.language} pack's patterns compile to ${total} instructions, more than ${MAX_PROGRAM_TOTAL}`);
  }
}

/**
 * Why an `nlp:` expression is refused, or null. compromise turns /…/ inside an expression into
 * a JavaScript regular expression, which can backtrack for minutes on a short utterance.
 */
export function nlpProblem(expression: string): string | null {
  if (expression.includes("/")) return "regular expressions (/…/) are not allowed in nlp expressions";
  if (expression.length > MAX_NLP_LENGTH) return `an nlp expression is longer than ${MAX_NLP_LENGTH} characters`;
  return null;
}
