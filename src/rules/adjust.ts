// A user's adjustments to a loaded pack (configuration `rules:`): rules switched off, or given
// another priority or confidence. Each adjustment belongs to the language its id starts with;
// an id that names no rule of that language (or no language) is an error, since a typo would
// otherwise silently leave the rule on.

import { SourceError } from "../errors.js";
import type { RuleAdjustment } from "../config/settings.js";
import { LANGUAGES } from "./languages.js";
import type { LanguagePack } from "./types.js";

export function adjustRules(pack: LanguagePack, adjustments: readonly RuleAdjustment[]): void {
  for (const adjustment of adjustments) {
    const language = LANGUAGES.find((l) => adjustment.id.startsWith(`${l}.`));
    if (language !== undefined && language !== pack.language) continue;
    const rule = pack.rules.find((r) => r.id === adjustment.id);
    if (!rule) throw new SourceError(adjustment.file, `rules: no rule "${adjustment.id}" in the ${pack.language} rules (see oars rules)`, adjustment.line);
    if (adjustment.off) {
      pack.rules.splice(pack.rules.indexOf(rule), 1);
      continue;
    }
    if (adjustment.priority !== undefined) rule.priority = adjustment.priority;
    if (adjustment.confidence !== undefined) rule.confidence = adjustment.confidence;
  }
}
