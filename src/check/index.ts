// The check stage: a session's scores against the thresholds in force. A figure that cannot be
// computed (no questions, so no R:Q) is "n/a" and does not fail the session; a session where
// no counsellor speech was found fails, since nothing in it could be checked.

import type { FileResult } from "../types.js";
import { describeBound, formatFigure, LIMIT_IDS, LIMITS, type LimitId, type Limits } from "./limits.js";

export type CheckStatus = "pass" | "fail" | "n/a";

export interface CheckResult {
  id: LimitId | "counsellor";
  label: string;
  /** What is required, as a name: "R:Q ≥ 1.00". */
  requirement: string;
  limit: number | null;
  value: number | null;
  status: CheckStatus;
  /** One line a person reads: "R:Q 0.50, needs ≥ 1.00". */
  message: string;
}

export interface CheckOutcome {
  passed: boolean;
  checks: CheckResult[];
}

export function checkResult(result: FileResult, limits: Limits): CheckOutcome {
  const utterances = Object.values(result.metrics.counts).reduce((a, b) => a + b, 0);
  const checks: CheckResult[] = [
    utterances > 0
      ? { id: "counsellor", label: "counsellor speech", requirement: "counsellor speech found", limit: null, value: utterances, status: "pass", message: `${utterances} counsellor utterances coded` }
      : { id: "counsellor", label: "counsellor speech", requirement: "counsellor speech found", limit: null, value: 0, status: "fail", message: "no counsellor speech found (name the counsellor with --counsellor)" },
  ];
  for (const id of LIMIT_IDS) {
    const limit = limits[id];
    if (limit === undefined) continue;
    checks.push(checkLimit(id, limit, result));
  }
  return { passed: checks.every((c) => c.status !== "fail"), checks };
}

/** The checks a file did not pass. */
export function failedChecks(check: CheckOutcome): CheckResult[] {
  return check.checks.filter((c) => c.status === "fail");
}

function checkLimit(id: LimitId, limit: number, result: FileResult): CheckResult {
  const spec = LIMITS[id];
  const value = spec.value(result.metrics);
  const bound = describeBound(spec, limit);
  const base = { id, label: spec.label, requirement: `${spec.label} ${bound}`, limit, value };
  if (value === null) return { ...base, status: "n/a", message: `${spec.label} n/a (${spec.missing}), limit ${bound}` };
  const ok = spec.direction === "at-least" ? value >= limit : value <= limit;
  const shown = `${spec.label} ${formatFigure(spec, value)}`;
  return { ...base, status: ok ? "pass" : "fail", message: ok ? `${shown} ${bound}` : `${shown}, needs ${bound}` };
}
