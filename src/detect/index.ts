// The detect stage: which language a transcript is in, from how often each language's
// function words occur in it (rules/languages.yaml). Function words are frequent in any
// conversation whatever its topic, so a few hundred words of talk are plenty; a word shared
// by several languages counts for each in proportion, so the words that differ decide.

import type { Language } from "../languages.js";
import { foldApostrophes } from "../pattern/alphabet.js";
import { languageProfiles, type Profiles } from "./profiles.js";

export interface Detection {
  /** The best-scoring language, or null when too few function words were found to say. */
  language: Language | null;
  /** Weighted function-word hits per language, highest first. */
  scores: { language: Language; score: number }[];
}

/** Below this many weighted hits the text is too short (or not in a known language) to tell. */
const MIN_SCORE = 4;
/** Enough text to decide (some 800 words of talk); more only costs time. */
const SAMPLE_CHARS = 5_000;
const WORD = /[\p{L}'’]+/gu;

const weightTables = new WeakMap<Profiles, Map<string, Map<Language, number>>>();

export function detectLanguage(texts: readonly string[], profiles: Profiles = languageProfiles()): Detection {
  const weights = weightsOf(profiles);
  const totals = new Map((Object.keys(profiles) as Language[]).map((language) => [language, 0]));
  let seen = 0;
  for (const text of texts) {
    for (const [word] of text.toLowerCase().matchAll(WORD)) {
      const hits = weights.get(foldApostrophes(word));
      if (hits) for (const [language, weight] of hits) totals.set(language, totals.get(language)! + weight);
    }
    seen += text.length;
    if (seen > SAMPLE_CHARS) break;
  }
  const scores = [...totals].map(([language, score]) => ({ language, score })).sort((a, b) => b.score - a.score);
  const best = scores[0];
  return { language: best && best.score >= MIN_SCORE ? best.language : null, scores };
}

// word → (language → weight): 1 / the number of languages that list the word.
function weightsOf(profiles: Profiles): Map<string, Map<Language, number>> {
  let table = weightTables.get(profiles);
  if (table) return table;
  table = new Map();
  for (const [language, words] of Object.entries(profiles)) {
    for (const word of new Set(words.map((w) => foldApostrophes(w.toLowerCase())))) {
      const entry = table.get(word) ?? new Map<Language, number>();
      entry.set(language as Language, 1);
      table.set(word, entry);
    }
  }
  for (const entry of table.values()) for (const language of entry.keys()) entry.set(language, 1 / entry.size);
  weightTables.set(profiles, table);
  return table;
}
