// The check stage: a session's scores against the thresholds in force. A figure that cannot be
// computed (no questions, so no R:Q) is "n/a" and does not fail the session; a session where
// no counsellor speech was found fails, since nothing in it could be checked. Checks carry ids
// and figures only; the report renders them in its locale (src/report/words.ts).

import { LIMIT_IDS, LIMITS, meets, type LimitId, type Limits } from "../score/miti.js";
import type { FileResult } from "../types.js";

export type CheckStatus = "pass" | "fail" | "n/a";

export interface CheckResult {
  /** The limit checked, or "counsellor": was any counsellor speech found. */
  id: LimitId | "counsellor";
  limit: number | null;
  /** The session's figure (for "counsellor": its number of counsellor utterances). */
  value: number | null;
  status: CheckStatus;
}

export interface CheckOutcome {
  passed: boolean;
  checks: CheckResult[];
}

export function checkResult(result: FileResult, limits: Limits): CheckOutcome {
  const utterances = Object.values(result.metrics.counts).reduce((a, b) => a + b, 0);
  const checks: CheckResult[] = [{ id: "counsellor", limit: null, value: utterances, status: utterances > 0 ? "pass" : "fail" }];
  for (const id of LIMIT_IDS) {
    const limit = limits[id];
    if (limit === undefined) continue;
    const value = LIMITS[id].value(result.metrics);
    checks.push({ id, limit, value, status: value === null ? "n/a" : meets(LIMITS[id], value, limit) ? "pass" : "fail" });
  }
  return { passed: checks.every((c) => c.status !== "fail"), checks };
}

/** The checks a file did not pass. */
export function failedChecks(check: CheckOutcome): CheckResult[] {
  return check.checks.filter((c) => c.status === "fail");
}
