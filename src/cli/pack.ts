// The rule pack a command runs with: a bundled language, plus any extra rule folders.

import { UsageError } from "../errors.js";
import { addRuleFolder, loadLanguagePack } from "../rules/load.js";
import type { LanguagePack } from "../rules/types.js";

export const LANGUAGES = ["en"] as const;

export function loadPack(language: string, ruleDirs: readonly string[] = []): LanguagePack {
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")} (got "${language}")`);
  }
  const pack = loadLanguagePack(language);
  for (const dir of ruleDirs) addRuleFolder(pack, dir);
  return pack;
}
