// The role label list (rules/roles.yaml), kept as data so new recorder labels need no code.

import { loadBundled, ROLE_LABELS } from "../bundled/index.js";
import type { Role } from "../types.js";

let labels: Map<string, Role> | null = null;

function roleLabels(): Map<string, Role> {
  if (labels) return labels;
  const data = loadBundled(ROLE_LABELS);
  labels = new Map();
  for (const role of ["counsellor", "client"] as const) {
    for (const label of data[role]) labels.set(label.toLowerCase(), role);
  }
  return labels;
}

/** "Therapist 2" → "therapist", "Client (Anna)" → "client", "Dr. Lund" → "dr. lund". */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, " ")
    .replace(/[\d_#:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role a speaker label names, or null for a personal name or unknown label. */
export function roleOfLabel(label: string): Role | null {
  const known = roleLabels();
  const normal = normaliseLabel(label);
  const whole = known.get(normal) ?? known.get(normal.replace(/\.$/, ""));
  if (whole) return whole;
  const first = normal.split(/[\s.]+/)[0] ?? "";
  // A lone initial as first word ("T. Hansen") is a name, not the role letter T.
  return first.length > 1 ? (known.get(first) ?? null) : null;
}
