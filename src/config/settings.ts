// The settings a run uses, merged in this order: defaults, then the configuration file, then
// the command line. Plain data (no Maps, no functions) so worker threads receive a copy.

import { levelLimits, type CheckLevel, type Limits } from "../score/miti.js";
import type { RuleAdjustment } from "../packs/adjust.js";
import type { LanguageChoice } from "../languages.js";

export type { RuleAdjustment };

export interface IgnorePattern {
  pattern: string;
  /** The folder the pattern is relative to (the config file's, or the working directory). */
  base: string;
}

export interface Settings {
  /** A language to code every transcript in, or "auto" to detect each one's. */
  language: LanguageChoice;
  /** The language reports are written in, or "auto" for each transcript's own. */
  locale: LanguageChoice;
  counsellors: string[];
  /** Absolute paths of extra rule folders. */
  ruleFolders: string[];
  rules: RuleAdjustment[];
  /** Absolute path of a learned weights file (oars train) to code with, or null for the bundled weights. */
  weights: string | null;
  /** Absolute path of learned client talk weights (oars train --client), or null for the bundled ones. */
  clientWeights: string | null;
  level: CheckLevel | null;
  limits: Limits;
  ignore: IgnorePattern[];
  /** The configuration file the settings came from, or null. */
  source: string | null;
}

/** Settings one layer (a config file, the command line) gives; absent keys leave the rest. */
export interface SettingsLayer {
  language?: LanguageChoice;
  locale?: LanguageChoice;
  counsellors?: string[];
  ruleFolders?: string[];
  rules?: RuleAdjustment[];
  weights?: string;
  clientWeights?: string;
  level?: CheckLevel;
  limits?: Limits;
  ignore?: IgnorePattern[];
}

export const DEFAULT_LANGUAGE: LanguageChoice = "auto";
// Not "fair": at MITI fair, 62 of the 74 high-quality AnnoMI dev sessions fail (README).
export const DEFAULT_LEVEL: CheckLevel = "basic";

export function defaultSettings(): Settings {
  return { language: DEFAULT_LANGUAGE, locale: "auto", counsellors: [], ruleFolders: [], rules: [], weights: null, clientWeights: null, level: null, limits: {}, ignore: [], source: null };
}

/**
 * Lay `layer` over `base`. Lists from the command line add to the file's (more rule folders,
 * more ignores, more counsellor names); a level sets its four limits, which limits named in
 * the same or a later layer then override.
 */
export function mergeSettings(base: Settings, layer: SettingsLayer): Settings {
  const limits = { ...base.limits, ...(layer.level ? levelLimits(layer.level) : {}), ...layer.limits };
  return {
    ...base,
    language: layer.language ?? base.language,
    locale: layer.locale ?? base.locale,
    counsellors: [...base.counsellors, ...(layer.counsellors ?? [])],
    ruleFolders: [...base.ruleFolders, ...(layer.ruleFolders ?? [])],
    rules: [...base.rules, ...(layer.rules ?? [])],
    weights: layer.weights ?? base.weights,
    clientWeights: layer.clientWeights ?? base.clientWeights,
    level: layer.level ?? base.level,
    limits,
    ignore: [...base.ignore, ...(layer.ignore ?? [])],
  };
}

/** The limits a check runs with: those set anywhere, or the default level when none are. */
export function limitsInForce(settings: Settings): Limits {
  return Object.keys(settings.limits).length > 0 ? settings.limits : levelLimits(DEFAULT_LEVEL);
}
