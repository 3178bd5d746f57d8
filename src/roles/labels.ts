// The role label list (rules/roles.yaml), kept as data so new recorder labels need no code.

import { createRequire } from "node:module";
import { bundledSources, readBundled, type Source } from "../rules/prebuilt.js";
import type { Role } from "../types.js";

export type RoleLabels = Partial<Record<"counsellor" | "client", string[]>>;

const PATH = "roles.yaml";
let labels: Map<string, Role> | null = null;

export const roleSources = (): Source[] => bundledSources(PATH);

export function parseRoleLabels(text: string): RoleLabels {
  // yaml is loaded only when the prebuilt list is missing or stale.
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(text) as RoleLabels;
}

function roleLabels(): Map<string, Role> {
  if (labels) return labels;
  const data = readBundled("roles", PATH, (source) => parseRoleLabels(source.text));
  labels = new Map();
  for (const role of ["counsellor", "client"] as const) {
    for (const label of data[role] ?? []) labels.set(label.toLowerCase(), role);
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
