// Training data for the client model, from the same coded data as the counsellor model: each
// reference turn's client `talk` (AnnoMI, a trainer's table) and the client lines of MITI code
// sets (their train part only).

import { clientLineEvidence, clientTranscriptEvidence, type ClientTranscriptEvidence } from "../client/features.js";
import { readClientCodeSet } from "../eval/client-lines.js";
import { sameText } from "../eval/labels.js";
import type { GoldCorpus } from "../eval/types.js";
import { ruleKey } from "../features/index.js";
import { CLIENT_DEFAULT_OPTIONS, trainClient, type ClientTrainingSet } from "../learn/client-train.js";
import { asClientBase, type ClientTrainingOptions, type ClientWeightsData } from "../learn/client-model.js";
import type { LanguagePack } from "../packs/pack.js";
import type { ClientCode } from "../types.js";
import type { CodedSession } from "./data.js";
import type { TrainingData } from "./run.js";

const TALK: Record<NonNullable<import("../eval/types.js").GoldTurn["talk"]>, ClientCode> = { change: "change-talk", sustain: "sustain-talk", neutral: "neutral" };

/** A session's client evidence (computed once, reused by every fold). */
export function sessionClientEvidence(session: CodedSession): ClientTranscriptEvidence {
  return clientTranscriptEvidence(session.prepared.segmented, session.prepared.pack, session.evidence);
}

export interface ClientCodeSet {
  path: string;
  train: ReturnType<typeof trainLines>;
}

function trainLines(path: string, pack: LanguagePack) {
  return readClientCodeSet(path)
    .filter((l) => l.part === "train")
    .map((line) => ({ line, evidence: clientLineEvidence(line.before, line.text, pack) }));
}

export function readClientCodeSetForTraining(path: string, pack: LanguagePack): ClientCodeSet {
  return { path, train: trainLines(path, pack) };
}

export function clientTrainingSet(gold: GoldCorpus | null, sessions: readonly { session: CodedSession; client: ClientTranscriptEvidence }[], codeSets: readonly ClientCodeSet[], lineWeight: number): ClientTrainingSet {
  const set: ClientTrainingSet = { examples: [], turns: [] };
  for (const { session, client } of sessions) {
    for (const g of gold?.turns.get(session.transcript) ?? []) {
      const found = client[g.turn];
      if (g.role !== "client" || !g.talk || !found || found.length === 0) continue;
      // A table coding each utterance on its own row (as `oars review` writes it): each utterance
      // learns its own row's talk, not the turn's, so a row left neutral stays neutral.
      const pieces = session.prepared.segmented[g.turn]?.pieces;
      const rows = g.talkRows;
      if (rows && pieces && rows.length === found.length && rows.length === pieces.length && rows.every((row, i) => sameText(row.text, pieces[i]!))) {
        rows.forEach((row, i) => {
          if (row.talk) set.examples.push({ evidence: found[i]!, code: TALK[row.talk], loose: false, group: session.group, session: session.transcript, weight: 1 / found.length, unit: set.examples.length });
        });
        continue;
      }
      const code = TALK[g.talk];
      const loose = found.length > 1 && code !== "neutral";
      const first = set.examples.length;
      // A turn's weight is shared by its utterances, so long turns do not outweigh short ones.
      const unit = set.examples.length;
      for (const evidence of found) set.examples.push({ evidence, code, loose, group: session.group, session: session.transcript, weight: 1 / found.length, unit });
      if (loose) set.turns.push({ examples: found.map((_, i) => first + i), code });
    }
  }
  for (const codeSet of codeSets) {
    for (const { line, evidence } of codeSet.train) set.examples.push({ evidence, code: line.code, loose: false, group: `lines:${codeSet.path}`, session: null, weight: lineWeight, unit: set.examples.length });
  }
  return set;
}

export interface ClientTrainSettings {
  options: ClientTrainingOptions;
  base: { name: string; data: ClientWeightsData } | null;
  folds: number;
}

export function clientSettings(base: ClientTrainSettings["base"], folds: number): ClientTrainSettings {
  return { options: { ...CLIENT_DEFAULT_OPTIONS }, base, folds };
}

export function trainClientWeights(pack: LanguagePack, set: ClientTrainingSet, settings: ClientTrainSettings, trainedOn: string[]): ClientWeightsData {
  return trainClient(set, {
    language: pack.language,
    rules: pack.clientRules.map((r) => ruleKey(r.id)),
    trainedOn,
    base: settings.base && { name: settings.base.name, data: asClientBase(settings.base.data, pack) },
    options: settings.options,
    folds: settings.folds,
  });
}

/** Everything `oars train --client` and `oars eval --cv` learn client talk from. */
export function clientData(data: TrainingData): {
  evidence: (session: CodedSession) => ClientTranscriptEvidence;
  /** The training set of these sessions and the code sets' lines, each line weighing `lineWeight` utterances. */
  set: (sessions: readonly CodedSession[], lineWeight?: number) => ClientTrainingSet;
  trainedOn: (sessions: readonly CodedSession[]) => string[];
} {
  const evidence = new Map(data.sessions.map((s) => [s, sessionClientEvidence(s)]));
  const codeSets = data.codeSets.map((s) => readClientCodeSetForTraining(s.path, data.pack));
  return {
    evidence: (session) => evidence.get(session)!,
    set: (sessions, lineWeight = CLIENT_DEFAULT_OPTIONS.lineWeight) => clientTrainingSet(data.gold, sessions.map((session) => ({ session, client: evidence.get(session)! })), codeSets, lineWeight),
    trainedOn: (sessions) => {
      const set = clientTrainingSet(data.gold, sessions.map((session) => ({ session, client: evidence.get(session)! })), [], 1);
      const turns = new Set(set.examples.map((e) => e.evidence)).size;
      return [
        ...(data.goldPath ? [`${data.goldPath}: ${sessions.length} transcripts, ${turns} client utterances`] : []),
        ...codeSets.map((s) => `${s.path}: ${s.train.length} client lines of the train part`),
      ];
    },
  };
}

