// The rule packs a command runs with: a bundled language, any extra rule folders, and the
// configuration's adjustments. With language detection a batch may need several packs; each
// is loaded once, on first use.

import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { adjustRules, type RuleAdjustment } from "./adjust.js";
import { isLanguage, LANGUAGE_CHOICES, LANGUAGES, type Language } from "../languages.js";
import { addRuleFolder, loadLanguagePack } from "./load.js";
import { LanguagePack } from "./pack.js";

export { LANGUAGES, LANGUAGE_CHOICES } from "../languages.js";

export function loadPack(language: string, ruleDirs: readonly string[] = [], adjustments: readonly RuleAdjustment[] = []): LanguagePack {
  if (!isLanguage(language)) throw new UsageError(`language must be one of ${LANGUAGES.join(", ")} (got "${language}")`);
  const bundled = loadLanguagePack(language);
  if (ruleDirs.length === 0 && adjustments.length === 0) return bundled;
  const draft = bundled.draft();
  // A folder named twice (in rule-folders: and again with --rules, which adds to the file's
  // list) is loaded once, not refused for every rule id "used twice".
  const loaded = new Set<string>();
  for (const dir of ruleDirs) {
    const real = realFolder(dir);
    if (loaded.has(real)) continue;
    loaded.add(real);
    addRuleFolder(draft, dir);
  }
  adjustRules(draft, adjustments);
  return new LanguagePack(draft);
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/** Check a --lang or configuration value: a language, or "auto". `what` names it in the message (the option, when a user typed one). */
export function checkLanguageChoice(choice: string, what = "language"): void {
  if (!(LANGUAGE_CHOICES as readonly string[]).includes(choice)) {
    throw new UsageError(`${what} must be one of ${LANGUAGE_CHOICES.join(", ")} (got "${choice}")`);
  }
}

/**
 * A loader that builds each language's pack once. When the run has extra rule folders or
 * adjustments, every pack is built at once, so a mistake in them stops the run before the
 * first file rather than when the first file of that language turns up.
 */
export function packLoader(ruleDirs: readonly string[], adjustments: readonly RuleAdjustment[]): (language: Language) => LanguagePack {
  const packs = new Map<Language, LanguagePack>();
  const packFor = (language: Language): LanguagePack => {
    let pack = packs.get(language);
    if (!pack) packs.set(language, (pack = loadPack(language, ruleDirs, adjustments)));
    return pack;
  };
  if (ruleDirs.length > 0 || adjustments.length > 0) for (const language of LANGUAGES) packFor(language);
  return packFor;
}
