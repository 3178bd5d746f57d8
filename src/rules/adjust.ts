// A user's adjustments to a loaded pack (configuration `rules:`): rules switched off, or given
// another priority or confidence. An id that names no rule is an error, since a typo would
// otherwise silently leave the rule on.

import { SourceError } from "../errors.js";
import type { RuleAdjustment } from "../config/settings.js";
import type { LanguagePack } from "./types.js";

export function adjustRules(pack: LanguagePack, adjustments: readonly RuleAdjustment[]): void {
  for (const adjustment of adjustments) {
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
