// `oars trend`: a counsellor's sessions over time, and whether the change from the first to
// the last is more than coding noise (noise.ts states the rule).

import type { FileError } from "../types.js";
import { judge, type Change } from "./noise.js";
import { inTimeOrder, itemsOf, TREND_SCORES, type Session, type TrendScore } from "./series.js";

export interface Trend {
  sessions: Session[];
  /** The scores followed: every score some session has a figure for (% change talk only where a session's client said change or sustain talk). */
  scores: TrendScore[];
  /** First session against last, per score; empty with fewer than two sessions. */
  changes: Change[];
  errors: FileError[];
}

export function buildTrend(unordered: readonly Session[], errors: readonly FileError[]): Trend {
  const sessions = inTimeOrder(unordered);
  const scores = TREND_SCORES.filter((score) => score !== "percentChangeTalk" || sessions.some((s) => s.scores.percentChangeTalk !== null));
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  const changes =
    first && last && sessions.length > 1
      ? scores.map((score) => {
          const a = itemsOf(first, score);
          const b = itemsOf(last, score);
          return judge(score, first.scores[score], last.scores[score], a !== null && b !== null ? [a, b] : null);
        })
      : [];
  return { sessions, scores, changes, errors: [...errors] };
}

export { sessionOf } from "./series.js";
export { clientTalk } from "./client-talk.js";
