// The models a run codes with: the bundled weights, or a user's own files (--weights and
// --client-weights, configuration `weights:` and `client-weights:`), each read and checked
// before any transcript is coded.

import type { Language } from "../languages.js";
import type { LanguagePack } from "../packs/pack.js";
import { weightsModels } from "./bundled.js";
import { clientWeightsModels, type ClientModel } from "./client-model.js";
import type { CodeModel } from "./model.js";
import type { ModelFor } from "./weights.js";

export interface WeightsChoice {
  /** The language asked for (or "auto"): a weights file for another language is refused. */
  language: string;
  weights: string | null;
  clientWeights: string | null;
}

/** undefined: the bundled model of each transcript's language. */
export interface ChosenModels {
  modelFor: ModelFor<CodeModel> | undefined;
  clientModelFor: ModelFor<ClientModel> | undefined;
}

export function chosenModels(choice: WeightsChoice, packFor: (language: Language) => LanguagePack): ChosenModels {
  return {
    modelFor: choice.weights ? weightsModels(choice.weights, choice.language, packFor) : undefined,
    clientModelFor: choice.clientWeights ? clientWeightsModels(choice.clientWeights, choice.language, packFor) : undefined,
  };
}
