// The segment stage over a whole transcript: every turn gets its utterances.

import type { Turn } from "../types.js";
import { splitUtterances, type SegmentOptions } from "./sentences.js";

export interface SegmentedTurn extends Turn {
  pieces: string[];
}

export function segmentTurns(turns: Turn[], options: SegmentOptions): SegmentedTurn[] {
  // Object.assign, not a spread: see withRoles (src/roles/assign.ts).
  return turns.map((turn) => Object.assign({}, turn, { pieces: splitUtterances(turn.text, options) }));
}
