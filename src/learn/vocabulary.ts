// Which word n-grams become features, shared by the counsellor and client training. Topic
// words used by few sessions added nothing on unseen sessions (issue 17), so an n-gram of the
// sessions counts when enough of them use it; code-set lines are written from the definitions,
// one line a context, so an n-gram used by a few of them is a way of speaking, not a topic.

import type { Language } from "../languages.js";

/** What the vocabulary needs of an example: its n-grams, and its session (null for a code set's line). */
export interface VocabularySource {
  session: string | null;
  evidence: { readonly ngrams: readonly string[] };
}

export interface VocabularyRule {
  /** The share of sessions that must use an n-gram. */
  share: number;
  /** …and never fewer sessions than this. */
  minSessions: number;
  /** How many code-set lines must use an n-gram. */
  minLines: number;
}

export function vocabularyOf(
  examples: readonly VocabularySource[],
  rule: VocabularyRule,
  language: Language,
  base: { language: string; vocabulary: readonly string[] } | null,
): Set<string> {
  const sessionsOf = new Map<string, Set<string>>();
  const sessions = new Set<string>();
  const lineCounts = new Map<string, number>();
  for (const e of examples) {
    if (e.session === null) {
      for (const gram of e.evidence.ngrams) lineCounts.set(gram, (lineCounts.get(gram) ?? 0) + 1);
      continue;
    }
    sessions.add(e.session);
    for (const gram of e.evidence.ngrams) {
      let set = sessionsOf.get(gram);
      if (!set) sessionsOf.set(gram, (set = new Set()));
      set.add(e.session);
    }
  }
  const vocabulary = new Set<string>();
  if (sessions.size >= 2) {
    const needed = Math.max(rule.minSessions, rule.share * sessions.size);
    for (const [gram, used] of sessionsOf) if (used.size >= needed) vocabulary.add(gram);
  }
  for (const [gram, count] of lineCounts) if (count >= rule.minLines) vocabulary.add(gram);
  // Training on top of weights for the same language keeps their words.
  if (base && base.language === language) for (const gram of base.vocabulary) vocabulary.add(gram);
  return vocabulary;
}
