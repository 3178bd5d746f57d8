// A counsellor's sessions in time order: each session's date (a YYYY-MM-DD in its file name,
// else the file's modification time) and the scores a trend follows.

import { basename } from "node:path";
import type { FileResult, Metrics } from "../types.js";
import type { ClientTalkCounts } from "./client-talk.js";

export const TREND_SCORES = ["reflectionToQuestion", "percentComplexReflections", "percentOpenQuestions", "miNonAdherent", "percentChangeTalk"] as const;
export type TrendScore = (typeof TREND_SCORES)[number];

export interface Session {
  path: string;
  /** YYYY-MM-DD. */
  date: string;
  dateFrom: "name" | "modified";
  scores: Record<TrendScore, number | null>;
  /** The denominators of the shares: questions, reflections, client change + sustain utterances. */
  items: { questions: number; reflections: number; clientTalk: number };
}

const NAME_DATE = /(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

/** A real calendar date written in the file name, as YYYY-MM-DD. */
export function dateInName(path: string): string | null {
  const m = NAME_DATE.exec(basename(path));
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? `${y}-${mo}-${d}` : null;
}

export function sessionOf(result: FileResult, modified: Date, talk: ClientTalkCounts): Session {
  const named = dateInName(result.path);
  const m: Metrics = result.metrics;
  const simpleComplex = m.counts["simple-reflection"] + m.counts["complex-reflection"];
  const openClosed = m.counts["open-question"] + m.counts["closed-question"];
  const talkItems = talk.change + talk.sustain;
  return {
    path: result.path,
    date: named ?? modified.toISOString().slice(0, 10),
    dateFrom: named ? "name" : "modified",
    scores: {
      reflectionToQuestion: m.reflectionToQuestion,
      percentComplexReflections: m.percentComplexReflections,
      percentOpenQuestions: m.percentOpenQuestions,
      miNonAdherent: m.miNonAdherent,
      percentChangeTalk: talkItems > 0 ? (talk.change / talkItems) * 100 : null,
    },
    items: { questions: openClosed, reflections: simpleComplex, clientTalk: talkItems },
  };
}

/** Oldest first; sessions on one day in path order. */
export function inTimeOrder(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The items a share (or R:Q) rests on in a session: its denominator; null for counts. */
export function itemsOf(session: Session, score: TrendScore): number | null {
  if (score === "percentOpenQuestions" || score === "reflectionToQuestion") return session.items.questions;
  if (score === "percentComplexReflections") return session.items.reflections;
  if (score === "percentChangeTalk") return session.items.clientTalk;
  return null;
}
