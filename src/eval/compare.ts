// Comparing oars' coding with a human reference, turn by turn, with the mapping the AnnoMI
// README gives (README "Accuracy"). Session scores are compared per transcript.

import { metricsFromCounts, turnCounts, zeroCounts } from "../score/metrics.js";
import { COUNSELLOR_CODES, type Code, type CodedTurn, type FileResult, type Metrics } from "../types.js";
import type { GoldCorpus, GoldTurn } from "./types.js";
import { allowedCodes } from "./labels.js";
import { accuracy, auc, classScores, cohenKappa, confusion, macroF1, prf, spearman, type ClassScore } from "./stats.js";

export const BEHAVIOURS = ["question", "reflection", "therapist_input", "other"] as const;

const QUESTIONS: ReadonlySet<Code> = new Set(["open-question", "closed-question"]);
const REFLECTIONS: ReadonlySet<Code> = new Set(["simple-reflection", "complex-reflection", "summary"]);
const INPUT: ReadonlySet<Code> = new Set(["giving-information", "persuade", "persuade-with-permission", "confront"]);
const ADVICE: ReadonlySet<Code> = new Set(["persuade", "persuade-with-permission"]);

export interface TurnLabels {
  behaviour: (typeof BEHAVIOURS)[number];
  question: "open" | "closed" | null;
  reflection: "simple" | "complex" | null;
  advice: boolean;
}

function isQuestionUtterance(code: Code, text: string): boolean {
  return QUESTIONS.has(code) || ((code === "seek-collaboration" || code === "emphasize-autonomy") && /\?\s*$/.test(text));
}

/** The AnnoMI behaviour an utterance's code stands for (README "Accuracy"). */
export function behaviourOf(code: Code, text: string): TurnLabels["behaviour"] {
  return isQuestionUtterance(code, text) ? "question" : REFLECTIONS.has(code) ? "reflection" : INPUT.has(code) ? "therapist_input" : "other";
}

/** A coded counsellor turn as AnnoMI labels it. */
export function annomiLabels(turn: Pick<CodedTurn, "primary" | "utterances">): TurnLabels {
  const u = turn.utterances;
  const primaryUtterance = [...u].reverse().find((x) => x.code === turn.primary);
  const primary = turn.primary;
  const behaviour: TurnLabels["behaviour"] =
    primaryUtterance && isQuestionUtterance(primary, primaryUtterance.text)
      ? "question"
      : REFLECTIONS.has(primary)
        ? "reflection"
        : INPUT.has(primary)
          ? "therapist_input"
          : "other";
  const asks = u.some((x) => isQuestionUtterance(x.code, x.text));
  const reflects = u.some((x) => REFLECTIONS.has(x.code));
  return {
    behaviour,
    question: asks ? (u.some((x) => x.code === "open-question") ? "open" : "closed") : null,
    reflection: reflects ? (u.some((x) => x.code === "complex-reflection") ? "complex" : "simple") : null,
    advice: u.some((x) => ADVICE.has(x.code)),
  };
}

export interface SessionScores {
  transcript: string;
  path: string;
  quality: "high" | "low" | null;
  gold: { reflectionToQuestion: number; percentOpen: number | null; percentComplex: number | null };
  oars: { reflectionToQuestion: number; percentOpen: number | null; percentComplex: number | null };
}

export interface EvalReport {
  files: number;
  /** Set by `oars eval --cv K`: each session was coded by weights trained on the folds without it. */
  crossValidation?: { folds: number };
  alignment: { turns: number; roleMismatches: number; textMismatches: number; missingTurns: number; examples: string[] };
  counsellorTurns: number;
  behaviour: { labels: string[]; perClass: ClassScore[]; macroF1: number | null; accuracy: number | null; kappa: number | null; confusion: number[][] };
  question: ReturnType<typeof prf>;
  openClosed: { accuracy: number | null; n: number };
  reflection: ReturnType<typeof prf>;
  simpleComplex: { accuracy: number | null; n: number };
  advice: ReturnType<typeof prf>;
  /** Turn by turn, oars' primary code against the reference's, when the reference has MITI codes. */
  codes: { labels: string[]; perClass: ClassScore[]; accuracy: number | null; kappa: number | null; confusion: number[][]; n: number } | null;
  sessions: SessionScores[];
  reflectionToQuestionSpearman: number | null;
  /** Client talk turn by turn (change / neutral / sustain), when the reference codes it. */
  client: ClientTalkReport | null;
  qualityAuc: { gold: number | null; oars: number | null };
  /**
   * What `confidence` is worth: on one-utterance counsellor turns (where the reference speaks
   * to the utterance alone), the share coded `high`, and how often high and low codes are
   * among those the reference allows (its label read as codes, src/eval/labels.ts).
   */
  confidence: { utterances: number; highShare: number | null; highAgreement: number | null; lowAgreement: number | null };
}

export const TALK_LABELS = ["change", "neutral", "sustain"] as const;

export interface ClientTalkReport {
  labels: string[];
  turns: number;
  perClass: ClassScore[];
  macroF1: number | null;
  accuracy: number | null;
  kappa: number | null;
  confusion: number[][];
  /** Per session, % change talk of the turns with change or sustain talk: the reference's and oars'. */
  sessions: { transcript: string; gold: number | null; oars: number | null }[];
  percentChangeTalkSpearman: number | null;
}

const TALK_OF: Record<string, (typeof TALK_LABELS)[number]> = { "change-talk": "change", "sustain-talk": "sustain", neutral: "neutral" };

/** A turn's talk from its utterances' (or rows'): the more frequent of change and sustain, change on a tie, else neutral; none without any. */
export function talkByMajority(talk: readonly (typeof TALK_LABELS)[number][]): (typeof TALK_LABELS)[number] | undefined {
  if (talk.length === 0) return undefined;
  const change = talk.filter((t) => t === "change").length;
  const sustain = talk.filter((t) => t === "sustain").length;
  return change === 0 && sustain === 0 ? "neutral" : change >= sustain ? "change" : "sustain";
}

export interface EvalInput {
  result: FileResult;
  transcript: string;
}

export function compareWithGold(inputs: EvalInput[], gold: GoldCorpus): EvalReport {
  const alignment = { turns: 0, roleMismatches: 0, textMismatches: 0, missingTurns: 0, examples: [] as string[] };
  const goldBehaviour: string[] = [];
  const oarsBehaviour: string[] = [];
  const q = { tp: 0, fp: 0, fn: 0 };
  const r = { tp: 0, fp: 0, fn: 0 };
  const a = { tp: 0, fp: 0, fn: 0 };
  const oc: [string[], string[]] = [[], []];
  const sc: [string[], string[]] = [[], []];
  const sessions: SessionScores[] = [];
  const primaries: [string[], string[]] = [[], []];
  const talk: [string[], string[]] = [[], []];
  const talkSessions: ClientTalkReport["sessions"] = [];
  const sure = { high: 0, highAgree: 0, low: 0, lowAgree: 0 };

  for (const { result, transcript } of inputs) {
    const goldTurns = gold.turns.get(transcript) ?? [];
    const session = { gold: { q: 0, r: 0, open: 0, complex: 0 }, oars: { q: 0, r: 0, open: 0, complex: 0 } };
    const sessionTalk = { gold: { change: 0, sustain: 0 }, oars: { change: 0, sustain: 0 } };
    goldTurns.forEach((g: GoldTurn) => {
      const turn = result.turns[g.turn];
      alignment.turns++;
      if (!turn) {
        alignment.missingTurns++;
        return;
      }
      if (turn.role !== g.role) alignment.roleMismatches++;
      if (turn.text !== g.text) {
        alignment.textMismatches++;
        if (alignment.examples.length < 5) alignment.examples.push(`${result.path} turn ${g.turn}: "${turn.text.slice(0, 60)}" vs "${g.text.slice(0, 60)}"`);
      }
      if (g.role === "client" && g.talk && turn.role === "client" && turn.turnTalk) {
        // A reference coded row by row gives the turn its rows' majority; oars' utterances are read alike.
        const mine = g.talkByRows && turn.talk ? talkByMajority(turn.talk.map((u) => TALK_OF[u.code]!))! : TALK_OF[turn.turnTalk]!;
        talk[0].push(g.talk);
        talk[1].push(mine);
        if (g.talk !== "neutral") sessionTalk.gold[g.talk]++;
        if (mine !== "neutral") sessionTalk.oars[mine]++;
      }
      if (g.role !== "counsellor" || turn.role !== "counsellor" || !g.behaviour) return;
      const mine = annomiLabels(turn);
      if (turn.utterances.length === 1) {
        const only = turn.utterances[0]!;
        const agrees = allowedCodes(g, [only.text])[0]!.allowed.includes(only.code);
        if (only.confidence === "high") {
          sure.high++;
          if (agrees) sure.highAgree++;
        } else {
          sure.low++;
          if (agrees) sure.lowAgree++;
        }
      }
      if (g.primary) {
        primaries[0].push(g.primary);
        primaries[1].push(turn.primary);
      }
      goldBehaviour.push(g.behaviour);
      oarsBehaviour.push(mine.behaviour);
      count(q, g.question != null, mine.question !== null);
      count(r, g.reflection != null, mine.reflection !== null);
      count(a, g.input === "advice", mine.advice);
      if (g.question && mine.question) {
        oc[0].push(g.question);
        oc[1].push(mine.question);
      }
      if (g.reflection && mine.reflection) {
        sc[0].push(g.reflection);
        sc[1].push(mine.reflection);
      }
      tally(session.gold, g.question ?? null, g.reflection ?? null);
      tally(session.oars, mine.question, mine.reflection);
    });
    if (goldTurns.some((g) => g.talk)) {
      const pct = (t: { change: number; sustain: number }) => (t.change + t.sustain === 0 ? null : (100 * t.change) / (t.change + t.sustain));
      talkSessions.push({ transcript, gold: pct(sessionTalk.gold), oars: pct(sessionTalk.oars) });
    }
    if (goldTurns.length > 0) {
      sessions.push({
        transcript,
        path: result.path,
        quality: gold.quality.get(transcript) ?? null,
        gold: codedScores(goldTurns) ?? sessionScores(session.gold),
        oars: metricScores(result.metrics),
      });
    }
  }

  const labels = [...BEHAVIOURS];
  const perClass = classScores(goldBehaviour, oarsBehaviour, labels);
  const withQuality = sessions.filter((s) => s.quality !== null);
  const isHigh = withQuality.map((s) => s.quality === "high");
  return {
    files: inputs.length,
    alignment,
    counsellorTurns: goldBehaviour.length,
    behaviour: {
      labels,
      perClass,
      macroF1: macroF1(perClass),
      accuracy: accuracy(goldBehaviour, oarsBehaviour),
      kappa: cohenKappa(goldBehaviour, oarsBehaviour, labels),
      confusion: confusion(goldBehaviour, oarsBehaviour, labels),
    },
    question: prf(q.tp, q.fp, q.fn),
    openClosed: { accuracy: accuracy(oc[0], oc[1]), n: oc[0].length },
    reflection: prf(r.tp, r.fp, r.fn),
    simpleComplex: { accuracy: accuracy(sc[0], sc[1]), n: sc[0].length },
    advice: prf(a.tp, a.fp, a.fn),
    codes: primaries[0].length === 0 ? null : compareCodes(primaries[0], primaries[1]),
    sessions,
    reflectionToQuestionSpearman: spearman(
      sessions.map((s) => s.gold.reflectionToQuestion),
      sessions.map((s) => s.oars.reflectionToQuestion),
    ),
    client: talk[0].length === 0 ? null : compareTalk(talk[0], talk[1], talkSessions),
    qualityAuc: {
      gold: auc(withQuality.map((s) => s.gold.reflectionToQuestion), isHigh),
      oars: auc(withQuality.map((s) => s.oars.reflectionToQuestion), isHigh),
    },
    confidence: {
      utterances: sure.high + sure.low,
      highShare: ratio(sure.high, sure.high + sure.low),
      highAgreement: ratio(sure.highAgree, sure.high),
      lowAgreement: ratio(sure.lowAgree, sure.low),
    },
  };
}

function compareTalk(gold: string[], mine: string[], sessions: ClientTalkReport["sessions"]): ClientTalkReport {
  const labels = [...TALK_LABELS];
  const perClass = classScores(gold, mine, labels);
  // Over the sessions where the reference has change or sustain talk; where oars finds none, it
  // ranks at 50 %: no lean either way.
  const ranked = sessions.filter((s) => s.gold !== null).map((s) => [s.gold!, s.oars ?? 50] as const);
  return {
    labels,
    turns: gold.length,
    perClass,
    macroF1: macroF1(perClass),
    accuracy: accuracy(gold, mine),
    kappa: cohenKappa(gold, mine, labels),
    confusion: confusion(gold, mine, labels),
    sessions,
    percentChangeTalkSpearman: spearman(ranked.map((r) => r[0]), ranked.map((r) => r[1])),
  };
}

// Only the codes that occur on either side make rows, so a short session's table stays short.
function compareCodes(gold: string[], mine: string[]): NonNullable<EvalReport["codes"]> {
  const labels = COUNSELLOR_CODES.filter((c) => gold.includes(c) || mine.includes(c));
  return {
    labels,
    perClass: classScores(gold, mine, labels),
    accuracy: accuracy(gold, mine),
    kappa: cohenKappa(gold, mine, labels),
    confusion: confusion(gold, mine, labels),
    n: gold.length,
  };
}

function count(c: { tp: number; fp: number; fn: number }, gold: boolean, mine: boolean): void {
  if (gold && mine) c.tp++;
  else if (mine) c.fp++;
  else if (gold) c.fn++;
}

function tally(s: { q: number; r: number; open: number; complex: number }, question: string | null, reflection: string | null): void {
  if (question) s.q++;
  if (question === "open") s.open++;
  if (reflection) s.r++;
  if (reflection === "complex") s.complex++;
}

// The reference's session scores, from its turn labels (AnnoMI marks whether a turn asks and
// whether it reflects, so that is all it can give). With no questions, R:Q is taken over one
// question, which keeps a reflective session ranked high.
// oars' session scores are the ones `analyze` reports (one definition of R:Q everywhere: the
// behaviour counts of the score stage), with the same one-question floor for ranking.
function metricScores(m: Metrics) {
  return {
    reflectionToQuestion: m.reflectionToQuestion ?? m.reflections,
    percentOpen: m.percentOpenQuestions,
    percentComplex: m.percentComplexReflections,
  };
}

// A reference that codes utterances (a trainer's table) gives its session scores as analyze
// counts them, so an unedited `oars review` table scores as oars does; null for turn labels.
function codedScores(turns: readonly GoldTurn[]): ReturnType<typeof metricScores> | null {
  const counsellor = turns.filter((g) => g.role === "counsellor");
  if (counsellor.length === 0 || !counsellor.every((g) => g.rows)) return null;
  const counts = zeroCounts();
  for (const g of counsellor) turnCounts(g.rows!.flatMap((row) => row.codes.map((code) => ({ code }))), counts);
  return metricScores(metricsFromCounts(counts));
}

function sessionScores(s: { q: number; r: number; open: number; complex: number }) {
  return {
    reflectionToQuestion: s.r / Math.max(s.q, 1),
    percentOpen: s.q === 0 ? null : (100 * s.open) / s.q,
    percentComplex: s.r === 0 ? null : (100 * s.complex) / s.r,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
