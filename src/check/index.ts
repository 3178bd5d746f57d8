// The check stage: a session's scores against the thresholds in force. A figure that cannot be
// computed (no questions, so no R:Q) is "n/a" and does not fail the session; a session where
// no counsellor speech was found fails, since nothing in it could be checked. Each check's
// message is written in the report's locale.

import { fill, type Messages } from "../locale/messages.js";
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

export function checkResult(result: FileResult, limits: Limits, messages: Messages): CheckOutcome {
  const utterances = Object.values(result.metrics.counts).reduce((a, b) => a + b, 0);
  const counsellor = { id: "counsellor", label: messages.limits.counsellor, requirement: messages.checks["counsellor-requirement"], limit: null } as const;
  const checks: CheckResult[] = [
    utterances > 0
      ? { ...counsellor, value: utterances, status: "pass", message: fill(messages.checks["counsellor-found"], { count: utterances }) }
      : { ...counsellor, value: 0, status: "fail", message: messages.checks["no-counsellor"] },
  ];
  for (const id of LIMIT_IDS) {
    const limit = limits[id];
    if (limit === undefined) continue;
    checks.push(checkLimit(id, limit, result, messages));
  }
  return { passed: checks.every((c) => c.status !== "fail"), checks };
}

/** The checks a file did not pass. */
export function failedChecks(check: CheckOutcome): CheckResult[] {
  return check.checks.filter((c) => c.status === "fail");
}

function checkLimit(id: LimitId, limit: number, result: FileResult, messages: Messages): CheckResult {
  const spec = LIMITS[id];
  const value = spec.value(result.metrics);
  const label = messages.limits[id];
  const bound = describeBound(spec, limit);
  const base = { id, label, requirement: `${label} ${bound}`, limit, value };
  if (value === null) {
    const missing = spec.missing ? messages.missing[spec.missing] : "";
    return { ...base, status: "n/a", message: fill(messages.checks["not-available"], { label, missing, bound }) };
  }
  const ok = spec.direction === "at-least" ? value >= limit : value <= limit;
  const message = fill(messages.checks[ok ? "pass" : "fail"], { label, value: formatFigure(spec, value), bound });
  return { ...base, status: ok ? "pass" : "fail", message };
}
