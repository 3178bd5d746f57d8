// The whole pipeline for one transcript, as a library call:
// bytes → read → roles → segment → classify → flag → score → FileResult.

import { codeTurns } from "./classify/index.js";
import { flagTurns } from "./flag/index.js";
import { readTranscript } from "./read/index.js";
import { assignRoles } from "./roles/assign.js";
import { roleOfLabel } from "./roles/labels.js";
import type { LanguagePack, Rule } from "./rules/types.js";
import { scoreTurns } from "./score/metrics.js";
import { segmentTurns } from "./segment/index.js";
import type { FileResult, Format } from "./types.js";

export interface AnalyzeOptions {
  pack: LanguagePack;
  counsellorNames?: string[];
  format?: Format;
}

const ruleIndexes = new WeakMap<LanguagePack, Map<string, Rule>>();

export function analyzeBytes(bytes: Uint8Array, path: string, options: AnalyzeOptions): FileResult {
  const { pack } = options;
  const raw = readTranscript(bytes, path, { isKnownLabel: (label) => roleOfLabel(label) !== null, format: options.format });
  const roles = assignRoles(raw.turns, { counsellorNames: options.counsellorNames });
  const segmented = segmentTurns(roles.turns, pack);
  const turns = codeTurns(segmented, pack);
  return {
    path,
    format: raw.format,
    encoding: raw.encoding,
    language: pack.language,
    speakers: roles.speakers,
    turns,
    flags: flagTurns(turns, rulesById(pack)),
    metrics: scoreTurns(turns),
    warnings: [...raw.warnings, ...roles.warnings],
  };
}

function rulesById(pack: LanguagePack): Map<string, Rule> {
  let index = ruleIndexes.get(pack);
  if (!index) {
    index = new Map(pack.rules.map((rule) => [rule.id, rule]));
    ruleIndexes.set(pack, index);
  }
  return index;
}
