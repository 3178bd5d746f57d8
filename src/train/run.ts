// Training runs as the commands use them: `oars train` (all the coded data → one weights
// file) and `oars eval --cv K` (grouped folds: train on the other folds, code the held-out one).

import { resultOf } from "../analyze.js";
import { decodeTurns } from "../classify/index.js";
import type { GoldCorpus } from "../eval/types.js";
import { ruleKey } from "../features/index.js";
import type { LanguagePack } from "../packs/pack.js";
import type { FileResult } from "../types.js";
import { addSession, type CodeSet, type CodedSession } from "./data.js";
import { asBase, CodeModel } from "../learn/model.js";
import { ClientModel } from "../learn/client-model.js";
import { withClientTalk } from "../classify/client.js";
import { clientData, clientSettings, trainClientWeights, type ClientTrainSettings } from "./client.js";
import { groupFolds } from "../learn/folds.js";
import { train, type TrainRequest, type TrainingSet } from "../learn/train.js";
import type { TrainingOptions, WeightsData } from "../learn/weights.js";


/** Inner folds of each cross-validation fold's client training (its bias shift and confidence cut come from them). */
const INNER_FOLDS = 3;

export interface TrainingData {
  pack: LanguagePack;
  gold: GoldCorpus | null;
  goldPath: string | null;
  sessions: CodedSession[];
  /** Code sets: only their `train` part is ever trained on. */
  codeSets: CodeSet[];
}

export interface TrainSettings {
  options: TrainingOptions;
  base: { name: string; data: WeightsData } | null;
  folds: number;
}

export function trainWeights(data: TrainingData, settings: TrainSettings): WeightsData {
  const set = trainingSet(data, data.sessions, settings.options.lineWeight);
  const utterances = set.examples.filter((e) => e.session !== null).length;
  const trainedOn = [
    ...(data.goldPath ? [`${data.goldPath}: ${data.sessions.length} transcripts, ${utterances} counsellor utterances`] : []),
    ...data.codeSets.map((s) => `${s.path}: ${s.train.length} counsellor lines of the train part`),
  ];
  return train(set, request(data.pack, settings, trainedOn));
}

/**
 * K-fold cross-validation grouped by session group (AnnoMI: the source video; otherwise the
 * transcript): each fold's transcripts are coded by weights trained on the other folds and the
 * code sets' train parts (counsellor weights starting from `settings.base`, client weights from
 * `clientBase`, as `oars train` and `oars train --client` start from their `--base`). Returns
 * the coded results in the order of `data.sessions`.
 */
export function crossValidate(data: TrainingData, settings: TrainSettings, k: number, clientBase: ClientTrainSettings["base"] = null): FileResult[] {
  const fold = groupFolds(data.sessions.map((s) => s.group), k);
  // Client talk is cross-validated in the same folds: its weights too learn from the other folds only.
  const client = clientData(data);
  const results = new Array<FileResult>(data.sessions.length);
  for (let f = 0; f < k; f++) {
    const held = data.sessions.map((s, i) => [s, i] as const).filter(([s]) => fold.get(s.group) === f);
    if (held.length === 0) continue;
    const training = data.sessions.filter((s) => fold.get(s.group) !== f);
    const weights = train(trainingSet(data, training, settings.options.lineWeight), request(data.pack, { ...settings, folds: INNER_FOLDS }, []));
    const model = new CodeModel(weights, data.pack);
    const clientModel = new ClientModel(trainClientWeights(data.pack, client.set(training), clientSettings(clientBase, INNER_FOLDS), []), data.pack);
    for (const [session, i] of held) {
      const coded = decodeTurns(session.prepared.segmented, session.evidence, session.prepared.pack, model);
      const turns = withClientTalk(coded, client.evidence(session), session.prepared.pack, clientModel);
      results[i] = resultOf(session.prepared, turns, {});
    }
  }
  return results;
}

function trainingSet(data: TrainingData, sessions: readonly CodedSession[], lineWeight: number): TrainingSet {
  const set: TrainingSet = { examples: [], turns: [] };
  if (data.gold) for (const session of sessions) addSession(set, session, data.gold);
  for (const codeSet of data.codeSets) {
    set.examples.push(...codeSet.train.map(({ line, evidence }) => ({ evidence, allowed: [line.code], alone: true, group: `lines:${codeSet.path}`, session: null, weight: lineWeight })));
  }
  return set;
}

function request(pack: LanguagePack, settings: TrainSettings, trainedOn: string[]): TrainRequest {
  return {
    language: pack.language,
    rules: pack.rules.map((r) => ruleKey(r.id)),
    trainedOn,
    base: settings.base && { name: settings.base.name, data: asBase(settings.base.data, pack) },
    options: settings.options,
    folds: settings.folds,
  };
}
