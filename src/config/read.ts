// Reading a configuration file: YAML (.oarsrc.yaml, oars.config.yaml) or the "oars" key of a
// package.json (JSON is YAML, so one reader gives line numbers for both). Unknown keys and
// bad values are refused with file:line:column, as rule files are.

import { FileReadError, readRegularFile } from "../io/regular-file.js";
import { basename, dirname, resolve } from "node:path";
import type { Node } from "yaml";
import { LIMIT_IDS, CHECK_LEVELS, limitProblem, type LimitId, type Limits } from "../score/miti.js";
import { SourceError } from "../errors.js";
import { LANGUAGE_CHOICES } from "../languages.js";
import { isMap, isScalar, utf8Source, YamlSource } from "../yaml-source.js";
import type { RuleAdjustment, SettingsLayer } from "./settings.js";

const KEYS = ["language", "locale", "counsellors", "rule-folders", "rules", "weights", "client-weights", "thresholds", "ignore"] as const;
const THRESHOLD_KEYS = ["level", ...LIMIT_IDS] as const;
const ADJUSTMENT_KEYS = ["priority", "confidence"] as const;
/** A configuration file (or package.json) larger than this is refused. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function readConfigFile(file: string): SettingsLayer {
  let text: string;
  try {
    text = utf8Source(file, readRegularFile(file, MAX_CONFIG_BYTES), "configuration file");
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    if (err.reason === "not-regular" || err.reason === "too-large") throw new SourceError(file, `configuration file ${err.message}`);
    throw new SourceError(file, `configuration file cannot be read (${err.code ?? err.message})`);
  }
  const src = new YamlSource(file, text);
  let root: Node | null = src.root;
  if (basename(file) === "package.json") {
    const pair = src.map(root, "package.json").items.find((p) => isScalar(p.key) && p.key.value === "oars");
    if (!pair) throw new SourceError(file, 'has no "oars" key');
    root = (pair.value as Node | null) ?? null;
  }
  if (root === null) return {};
  return readSettings(src, root, dirname(resolve(file)));
}

function readSettings(src: YamlSource, root: Node, base: string): SettingsLayer {
  const layer: SettingsLayer = {};
  for (const [key, node] of src.entries(root, "configuration", KEYS)) {
    switch (key) {
      case "language":
        layer.language = src.oneOf(node, "language", LANGUAGE_CHOICES);
        break;
      case "locale":
        layer.locale = src.oneOf(node, "locale", LANGUAGE_CHOICES);
        break;
      case "counsellors":
        layer.counsellors = src.strings(node, "counsellors").map((s) => s.value);
        break;
      case "rule-folders":
        layer.ruleFolders = src.strings(node, "rule-folders").map((s) => resolve(base, s.value));
        break;
      case "ignore":
        layer.ignore = src.strings(node, "ignore").map((s) => ({ pattern: s.value, base }));
        break;
      case "weights":
        layer.weights = resolve(base, src.string(node, "weights"));
        break;
      case "client-weights":
        layer.clientWeights = resolve(base, src.string(node, "client-weights"));
        break;
      case "rules":
        layer.rules = readAdjustments(src, node);
        break;
      case "thresholds":
        Object.assign(layer, readThresholds(src, node));
        break;
    }
  }
  return layer;
}

// rules:
//   persuade.you-could: off
//   giving-information.options: { priority: 30, confidence: low }
function readAdjustments(src: YamlSource, node: Node | null): RuleAdjustment[] {
  const adjustments: RuleAdjustment[] = [];
  for (const pair of src.map(node, "rules").items) {
    const keyNode = pair.key as Node;
    const id = src.string(keyNode, "rules: a rule id");
    const value = (pair.value as Node | null) ?? null;
    const at = { id, file: src.file, line: src.position(keyNode).line };
    if (isScalar(value) && (value.value === "off" || value.value === false)) {
      adjustments.push({ ...at, off: true });
      continue;
    }
    if (!isMap(value)) src.fail(value ?? keyNode, `rules.${id}: write "off" or a mapping with priority and/or confidence`);
    const fields = src.entries(value, `rules.${id}`, ADJUSTMENT_KEYS);
    adjustments.push({
      ...at,
      off: false,
      ...(fields.has("priority") ? { priority: src.number(fields.get("priority"), `rules.${id}.priority`, 0, 1000) } : {}),
      ...(fields.has("confidence") ? { confidence: src.oneOf(fields.get("confidence"), `rules.${id}.confidence`, ["high", "low"] as const) } : {}),
    });
  }
  return adjustments;
}

function readThresholds(src: YamlSource, node: Node | null): Pick<SettingsLayer, "level" | "limits"> {
  const out: Pick<SettingsLayer, "level" | "limits"> = {};
  const limits: Limits = {};
  for (const [key, value] of src.entries(node, "thresholds", THRESHOLD_KEYS)) {
    if (key === "level") {
      out.level = src.oneOf(value, "thresholds.level", CHECK_LEVELS);
      continue;
    }
    const id = key as LimitId;
    const number = src.number(value, `thresholds.${id}`, 0, Infinity);
    const problem = limitProblem(id, number);
    if (problem) src.fail(value, `thresholds: ${problem}`);
    limits[id] = number;
  }
  if (Object.keys(limits).length > 0) out.limits = limits;
  return out;
}
