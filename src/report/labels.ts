// Names people read in reports. (English for now; other locales come with their language packs.)

import type { Code, Flag } from "../types.js";

export { CODE_ABBREVIATIONS } from "../types.js";

export const CODE_LABELS: Record<Code, string> = {
  "open-question": "Open question",
  "closed-question": "Closed question",
  "simple-reflection": "Simple reflection",
  "complex-reflection": "Complex reflection",
  summary: "Summary",
  affirm: "Affirm",
  "seek-collaboration": "Seek collaboration",
  "emphasize-autonomy": "Emphasize autonomy",
  "giving-information": "Giving information",
  "persuade-with-permission": "Persuade with permission",
  persuade: "Persuade",
  confront: "Confront",
  other: "Other (not coded)",
};


/** A flagged line in one line of text: its words, why, and what to say instead. */
export function flagMessage(flag: Flag): string {
  return `"${flag.text}" ${flag.reason}${flag.suggestion ? ` Instead: ${flag.suggestion}` : ""}`;
}

export const THRESHOLD_NOTE =
  "Thresholds are expert opinion, not validated cut-offs. MITI global ratings (empathy, partnership, cultivating change talk, softening sustain talk) are not estimated: they need a listener.";
