// The rule pack a command runs with: a bundled language, any extra rule folders, and the
// configuration's adjustments.

import { UsageError } from "../errors.js";
import type { RuleAdjustment } from "../config/settings.js";
import { adjustRules } from "./adjust.js";
import { addRuleFolder, loadLanguagePack } from "./load.js";
import type { LanguagePack } from "./types.js";

export const LANGUAGES = ["en"] as const;

export function loadPack(language: string, ruleDirs: readonly string[] = [], adjustments: readonly RuleAdjustment[] = []): LanguagePack {
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new UsageError(`language must be one of ${LANGUAGES.join(", ")} (got "${language}")`);
  }
  const pack = loadLanguagePack(language);
  for (const dir of ruleDirs) addRuleFolder(pack, dir);
  adjustRules(pack, adjustments);
  return pack;
}
