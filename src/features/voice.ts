// Whose voice an utterance speaks in: the evidence that tells a reflection (the client's
// experience given back) from the counsellor's own input (information, warnings, opinions)
// and from the other moves. Coders hear it in a few things at once: who the sentence is
// about (you / I / we / "it" / people in general), how much content the client never said
// (new content words), and markers of the counsellor's voice ("I think", "research shows",
// "you'll…", "it can…") or of a reflection ("sounds like", "you feel"). Echo share alone
// misses it: "the smoking's going to cause you more problems" echoes "smoking" and adds a
// warning.
//
// The word lists are the pack's (language.yaml `lists`, named in VOICE_LISTS). All four
// bundled packs declare them, nb/da/sv in their own words under English's names, so the
// English weights of these features carry. A pack that does not declare the voice lists
// (voice-*) gets no voice features at all: its weights start from English ones, where these
// features stand beside the English markers, and half of them without the other half moved
// the Scandinavian fixtures' agreement down. Everything is read from the utterance's
// TextView in one pass over its tokens, so the cost does not grow with the number of rules.

import type { LanguagePack } from "../packs/pack.js";
import { join } from "./names.js";
import { isPunctuation } from "../pattern/alphabet.js";
import { countLevel, shareLevel, type TextView } from "./view.js";

/** The pack lists this module reads, each a set of words or phrases (several words). */
const VOICE_LISTS = {
  opinion: "voice-opinion",
  generic: "voice-generic",
  future: "voice-future",
  modal: "voice-modal",
  reflect: "voice-reflect",
  contrast: "voice-contrast",
  negation: "voice-negation",
  we: "voice-we",
  it: "voice-it",
  feeling: "feelings",
  you: "second-person",
  i: "first-person",
  wh: "wh",
  aux: "aux",
  verb: "change-verb",
} as const;
type Marker = keyof typeof VOICE_LISTS;

/** The markers that are features in their own right when present anywhere in the utterance. */
const MARKERS: readonly Marker[] = ["opinion", "generic", "future", "modal", "reflect", "contrast", "negation", "feeling", "we"];

/** What a sentence's first word says about whose voice it is. */
const SUBJECTS: readonly Marker[] = ["you", "i", "we", "it", "generic", "wh", "aux", "verb"];

/** The pack declares its voice lists (the others, feelings, pronouns, wh, aux, change-verb, every pack has). */
const DECLARED = VOICE_LISTS.reflect;

// Each marker as one bit, so the markers an utterance holds are one number: a Set an
// utterance, and one for its first word, cost voiceFeatures ~a third of its time.
const MARKER_LIST = Object.keys(VOICE_LISTS) as Marker[];
const bitOf = (marker: Marker) => 1 << MARKER_LIST.indexOf(marker);
const MARKER_BITS: readonly (readonly [Marker, number])[] = MARKERS.map((marker) => [marker, bitOf(marker)]);
const SUBJECT_BITS: readonly (readonly [Marker, number])[] = SUBJECTS.map((marker) => [marker, bitOf(marker)]);
const YOU = bitOf("you");
const I = bitOf("i");

interface Lexicon {
  /** First word → the phrases (as token arrays) that begin with it, each with its marker's bit. */
  phrases: Map<string, { bit: number; words: string[] }[]>;
}

const lexicons = new WeakMap<LanguagePack, Lexicon>();

function lexiconOf(pack: LanguagePack): Lexicon {
  let lexicon = lexicons.get(pack);
  if (lexicon) return lexicon;
  const phrases = new Map<string, { bit: number; words: string[] }[]>();
  for (const [marker, name] of Object.entries(VOICE_LISTS) as [Marker, string][]) {
    for (const entry of pack.lists.get(name) ?? []) {
      const words = entry.split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const list = phrases.get(words[0]!) ?? [];
      list.push({ bit: bitOf(marker), words });
      phrases.set(words[0]!, list);
    }
  }
  lexicon = { phrases };
  lexicons.set(pack, lexicon);
  return lexicon;
}

/** The voice features of one counsellor utterance, given the content stems of the client's recent turns. */
export function voiceFeatures(view: TextView, pack: LanguagePack, recentClientStems: readonly ReadonlySet<string>[]): string[] {
  if (!pack.lists.has(DECLARED)) return [];
  const { phrases } = lexiconOf(pack);
  const tokens = view.tokens;
  // The sentence's first word: after the lead fillers `^` may skip ("Okay, so, you…").
  let first = 0;
  for (const start of view.starts) if (start > first && start < tokens.length) first = start;
  let found = 0;
  let atFirst = 0;
  let numbers = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isPunctuation(token)) continue;
    const code = token.charCodeAt(0);
    if (code >= 48 && code <= 57) numbers = true; // an ASCII digit, as /^\d/ tests
    const starting = phrases.get(token);
    if (starting === undefined) continue;
    for (const phrase of starting) {
      if (!saidAt(tokens, i, phrase.words)) continue;
      found |= phrase.bit;
      if (i === first) atFirst |= phrase.bit;
    }
  }
  // A first word in two lists ("it" is also generic…): the class listed first in SUBJECTS wins.
  let subject = "other";
  for (const [marker, bit] of SUBJECT_BITS) {
    if ((atFirst & bit) !== 0) {
      subject = marker;
      break;
    }
  }
  const { novel, echo } = clientShare(view, recentClientStems);
  const you = (found & YOU) !== 0;
  const youOrNot = you ? "you" : "no-you";
  const features = [
    join("v:subj:", subject),
    join(join(join("v:subj:", subject), "|echo:"), echo),
    join("v:novel:", novel),
    join(join(join("v:novel:", novel), "|subj:"), subject),
    you ? "v:you" : "v:no-you",
    join(join(join("v:", youOrNot), "|novel:"), novel),
  ];
  if ((found & I) !== 0) features.push("v:i");
  if (numbers) features.push("v:number");
  for (const [marker, bit] of MARKER_BITS) {
    if ((found & bit) === 0) continue;
    const named = join("v:", marker);
    features.push(named, join(join(named, "|"), youOrNot), join(join(named, "|novel:"), novel));
  }
  if (view.question) {
    const form = subject !== "wh" && subject !== "aux" ? "v:q:declarative" : "v:q:inverted";
    features.push(join(join(form, "|echo:"), echo), join(join(form, "|subj:"), subject));
  }
  return features;
}

function saidAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k] !== words[k]) return false;
  return true;
}

// How many content words the client did not say (0, a few, several, many), and the share
// that the client did say.
function clientShare(view: TextView, stems: readonly ReadonlySet<string>[]): { novel: string; echo: string } {
  let shared = 0;
  for (const stem of view.stems) if (heldBy(stems, stem)) shared++;
  const novel = view.stems.size - shared;
  const share = view.stems.size === 0 ? 0 : shared / view.stems.size;
  return {
    novel: countLevel(novel),
    echo: share === 0 ? "none" : shareLevel(share),
  };
}

function heldBy(sets: readonly ReadonlySet<string>[], stem: string): boolean {
  for (const set of sets) if (set.has(stem)) return true;
  return false;
}
