// The per-file summary rows that the table and Markdown formats share: the same columns, the
// same figures, the same totals row.

import { failedChecks } from "../check/index.js";
import type { BatchSummary, FileSummary } from "../check/summary.js";
import { fill } from "../locale/messages.js";
import { talkCounts } from "../score/client.js";
import { LIMIT_IDS, LIMITS, type Limits } from "../score/miti.js";
import type { Words } from "./words.js";
import type { Metrics } from "../types.js";

/** The rows under the locale's `summary-head`: one per file, then the total. */
export function summaryRows(summary: BatchSummary, words: Words): { files: string[][]; total: string[] } {
  const m = words.m;
  const files = summary.files.map((f) => [f.path, String(f.turns), ...figures(f.metrics, f.metrics.client?.percentChangeTalk ?? null, words), String(f.flags), f.check.passed ? m.report["row-met"] : m.report["row-not-met"]]);
  const pooledChangeTalk = talkCounts(summary.totalTalk.changeTalk, summary.totalTalk.sustainTalk).percentChangeTalk;
  const turns = summary.files.reduce((n, f) => n + f.turns, 0);
  const flags = summary.files.reduce((n, f) => n + f.flags, 0);
  const total = [fill(m.report.total, { files: words.count("files", summary.files.length) }), String(turns), ...figures(summary.total, pooledChangeTalk, words), String(flags), fill(m.report["total-result"], { passed: summary.passed, failed: summary.failed })];
  return { files, total };
}

// The same rounding as every other figure (Words.figure); the column heads say "%".
function figures(m: Metrics, percentChangeTalk: number | null, words: Words): string[] {
  const na = words.m.levels["n/a"];
  const pct = (v: number | null) => (v === null ? na : words.figure("percent", v).replace(/%$/, ""));
  return [m.reflectionToQuestion === null ? na : words.figure("ratio", m.reflectionToQuestion), pct(m.percentOpenQuestions), pct(m.percentComplexReflections), String(m.counts.persuade), String(m.counts.confront), pct(m.percentMiAdherent), pct(percentChangeTalk)];
}

/** The failed checks of each file that did not meet the thresholds. */
export function failures(summary: BatchSummary, words: Words): { path: string; messages: string[] }[] {
  return summary.files
    .filter((f: FileSummary) => !f.check.passed)
    .map((f) => ({ path: f.path, messages: failedChecks(f.check).map((c) => words.check(c).message) }));
}

/** "R:Q ≥ 1.00, % open questions ≥ 50%, …": the limits a run checked. */
export function describeLimits(limits: Limits, words: Words): string {
  return LIMIT_IDS.filter((id) => limits[id] !== undefined)
    .map((id) => `${words.m.limits[id]} ${words.bound(LIMITS[id], limits[id]!)}`)
    .join(", ");
}
