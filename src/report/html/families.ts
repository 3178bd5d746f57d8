// The code families the HTML report draws: each has a class (colour), a mark height on the
// timeline and a letter, so the picture never relies on colour alone.

import type { Code } from "../../types.js";

export type Family = "question" | "reflection" | "adherent" | "input" | "non-adherent" | "other";

const FAMILY: Record<Code, Family> = {
  "open-question": "question",
  "closed-question": "question",
  "simple-reflection": "reflection",
  "complex-reflection": "reflection",
  summary: "reflection",
  affirm: "adherent",
  "seek-collaboration": "adherent",
  "emphasize-autonomy": "adherent",
  "giving-information": "input",
  "persuade-with-permission": "input",
  persuade: "non-adherent",
  confront: "non-adherent",
  other: "other",
};

/** Short class names: the report of 500 sessions repeats them hundreds of thousands of times. */
const CLASS: Record<Family, string> = { question: "k-q", reflection: "k-r", adherent: "k-a", input: "k-i", "non-adherent": "k-n", other: "k-o" };

/** Mark heights out of the lane's 100: reflections stand tallest, fillers lowest. */
export const FAMILY_HEIGHT: Record<Family, number> = { reflection: 100, "non-adherent": 100, question: 70, adherent: 55, input: 45, other: 25 };

export const familyOf = (code: Code): Family => FAMILY[code];
export const familyClass = (code: Code): string => CLASS[FAMILY[code]];
export const FAMILIES = Object.keys(CLASS) as Family[];
export const classOfFamily = (family: Family): string => CLASS[family];
