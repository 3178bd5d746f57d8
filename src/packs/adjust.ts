// A user's adjustments to a loaded pack (configuration `rules:`): rules switched off, or given
// another priority or confidence. Each adjustment belongs to the language its id starts with;
// an id that names no rule of that language (or no language) is an error, since a typo would
// otherwise silently leave the rule on.

import { SourceError } from "../errors.js";
import { LANGUAGES } from "../languages.js";
import type { PackDraft } from "./types.js";

/** One entry of the configuration's `rules:`. */
export interface RuleAdjustment {
  id: string;
  off: boolean;
  priority?: number;
  confidence?: "high" | "low";
  /** Where the adjustment was written, for "no such rule" messages. */
  file: string;
  line: number;
}

export function adjustRules(pack: PackDraft, adjustments: readonly RuleAdjustment[]): void {
  for (const adjustment of adjustments) {
    const language = LANGUAGES.find((l) => adjustment.id.startsWith(`${l}.`));
    if (language !== undefined && language !== pack.language) continue;
    const rule = pack.rules.find((r) => r.id === adjustment.id);
    if (!rule && adjustClientRule(pack, adjustment)) continue;
    if (!rule) throw new SourceError(adjustment.file, `rules: no rule "${adjustment.id}" in the ${pack.language} rules (see oars rules)`, adjustment.line);
    if (adjustment.off) {
      pack.rules.splice(pack.rules.indexOf(rule), 1);
      continue;
    }
    // A new rule object: the draft shares its rules with the bundled pack it came from.
    pack.rules[pack.rules.indexOf(rule)] = {
      ...rule,
      ...(adjustment.priority !== undefined ? { priority: adjustment.priority } : {}),
      ...(adjustment.confidence !== undefined ? { confidence: adjustment.confidence } : {}),
    };
  }
}

// A client rule (client.yaml), listed by `oars rules` beside the counsellor rules: switched off
// or re-levelled the same way; it has no confidence to mark. False when no client rule has the id.
function adjustClientRule(pack: PackDraft, adjustment: RuleAdjustment): boolean {
  const index = pack.clientRules.findIndex((r) => r.id === adjustment.id);
  if (index < 0) return false;
  if (adjustment.off) {
    pack.clientRules.splice(index, 1);
    return true;
  }
  if (adjustment.confidence !== undefined) throw new SourceError(adjustment.file, `rules.${adjustment.id}: a client rule has no confidence to set (priority only)`, adjustment.line);
  if (adjustment.priority !== undefined) pack.clientRules[index] = { ...pack.clientRules[index]!, priority: adjustment.priority };
  return true;
}
