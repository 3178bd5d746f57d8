// The weights that ship with oars (rules/<lang>/weights.json), compiled once per pack.

import { ruleKey } from "../features/index.js";
import { loadLanguagePack } from "../packs/load.js";
import type { LanguagePack } from "../packs/pack.js";
import { compileModel, type CodeModel } from "./model.js";
import { bundledWeights, bundledWeightsPath, readWeightsFile, type ModelFor, type WeightsData } from "./weights.js";
import { SourceError } from "../errors.js";
import { isLanguage, type Language } from "../languages.js";

const compiled = new WeakMap<LanguagePack, CodeModel>();

/** The bundled model for a pack (its language's weights; rules of the user's own get priors). */
export function bundledModel(pack: LanguagePack): CodeModel {
  let model = compiled.get(pack);
  if (!model) compiled.set(pack, (model = compileModel(bundledWeights(pack.language), pack, bundledWeightsPath(pack.language), bundledRuleKeys(pack))));
  return model;
}

/** A model from a user's weights file, for every pack it is used with; a pack of another language keeps the bundled weights. */
export function modelsWith(data: WeightsData, source: string): (pack: LanguagePack) => CodeModel {
  const models = new WeakMap<LanguagePack, CodeModel>();
  return (pack) => {
    if (pack.language !== data.language) return bundledModel(pack);
    let model = models.get(pack);
    if (!model) models.set(pack, (model = compileModel(data, pack, source, bundledRuleKeys(pack))));
    return model;
  };
}

/**
 * A user's weights file (--weights, configuration `weights:`), read and checked against its
 * language's pack before any transcript is coded, so a bad file is refused whole.
 */
export function weightsModels(path: string, language: string, packFor: (language: Language) => LanguagePack): ModelFor<CodeModel> {
  const data = readWeightsFile(path);
  if (isLanguage(language) && language !== data.language) throw new SourceError(path, `weights for ${data.language}, not for ${language} (--lang ${language})`);
  const models = modelsWith(data, path);
  models(packFor(data.language));
  return Object.assign(models, { file: { path, language: data.language } });
}

// The bundled rules count as known even when a configuration switched some off.
function bundledRuleKeys(pack: LanguagePack): Set<string> {
  return new Set(loadLanguagePack(pack.language).rules.map((rule) => ruleKey(rule.id)));
}
