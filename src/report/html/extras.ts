// Fields later stages add to an utterance (issue 17: the learned layer's `probability` and
// `why`; issue 18: client talk). They are optional: the report shows them when a result
// carries them and says nothing otherwise, so it works before those stages land.

import type { Language } from "../../languages.js";
import { formatNumber } from "../../locale/numbers.js";
import type { Utterance } from "../../types.js";

export type ClientTalk = "change" | "sustain" | "neutral";

interface Extras {
  probability?: unknown;
  why?: unknown;
  talk?: unknown;
}

/** The learned layer's probability for the code, 0–1, when there is one. */
export function probabilityOf(utterance: Utterance): number | undefined {
  const p = (utterance as Utterance & Extras).probability;
  return typeof p === "number" && Number.isFinite(p) ? p : undefined;
}

/** The features that weighed most for the code, as words: strings, or objects naming a feature. */
export function whyOf(utterance: Utterance, locale: Language = "en"): string[] {
  const why = (utterance as Utterance & Extras).why;
  if (!Array.isArray(why)) return [];
  return why.flatMap((item): string[] => {
    if (typeof item === "string") return [item];
    if (typeof item !== "object" || item === null) return [];
    const { feature, name, weight } = item as { feature?: unknown; name?: unknown; weight?: unknown };
    const label = typeof feature === "string" ? feature : typeof name === "string" ? name : null;
    if (label === null) return [];
    // The weight with the report's decimal sign ("+1,50" in nb, da, sv), as every figure.
    return [typeof weight === "number" ? `${label} (${weight >= 0 ? "+" : "-"}${formatNumber(Math.abs(weight), locale, 2, 2)})` : label];
  });
}

/** The client's talk in an utterance, once client coding gives it. */
export function clientTalkOf(utterance: Utterance): ClientTalk | undefined {
  const talk = (utterance as Utterance & Extras).talk;
  return talk === "change" || talk === "sustain" || talk === "neutral" ? talk : undefined;
}
