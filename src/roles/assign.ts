// The roles stage: each speaker label becomes counsellor, client or other.
// Order of evidence: --counsellor names, then the role label list, then (for personal names)
// the speaker who asks the most questions, with a warning since that is a guess.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import type { RawTurn, Role, Speaker, Turn } from "../types.js";
import { UNLABELLED } from "../read/turns.js";
import { roleOfLabel } from "./labels.js";

export interface RoleOptions {
  /** Labels of the counsellor(s), from --counsellor or configuration. */
  counsellorNames?: string[];
}

export interface RoleResult {
  speakers: Speaker[];
  turns: Turn[];
  warnings: Diagnostic[];
}

export function assignRoles(rawTurns: RawTurn[], options: RoleOptions = {}): RoleResult {
  const labels = [...new Set(rawTurns.map((turn) => turn.speaker))];
  const warnings: Diagnostic[] = [];
  const roles = new Map<string, Role>();

  const names = (options.counsellorNames ?? []).map((name) => name.toLowerCase());
  if (names.length > 0) {
    for (const label of labels) roles.set(label, names.includes(label.toLowerCase()) ? "counsellor" : "client");
    for (const name of options.counsellorNames ?? []) {
      if (!labels.some((label) => label.toLowerCase() === name.toLowerCase())) {
        warnings.push(diagnostic("roles.counsellor-not-found", "--counsellor {name} names no speaker here (speakers: {speakers})", { name: said(name), speakers: labels.map(said) }));
      }
    }
  } else {
    for (const label of labels) {
      const role = roleOfLabel(label);
      if (role) roles.set(label, role);
    }
    const unknown = labels.filter((label) => !roles.has(label) && label !== UNLABELLED);
    const known = new Set(roles.values());
    if (unknown.length > 0) {
      if (known.has("counsellor") && known.has("client")) {
        for (const label of unknown) roles.set(label, "other");
      } else if (known.has("counsellor")) {
        for (const label of unknown) roles.set(label, "client");
      } else {
        const asker = mostQuestions(rawTurns, unknown);
        for (const label of unknown) roles.set(label, label === asker ? "counsellor" : "client");
        warnings.push(
          diagnostic("roles.guessed-counsellor", "took {speaker} as the counsellor because they ask the most questions; say who it is with --counsellor NAME", { speaker: said(asker) }),
        );
      }
    }
  }
  roles.set(UNLABELLED, "other");

  const speakers = labels.map((label) => ({ label, role: roles.get(label) ?? "other" }));
  const turns = rawTurns.map((turn, index) => ({ ...turn, index, role: roles.get(turn.speaker) ?? "other" }));
  return { speakers, turns, warnings };
}

function mostQuestions(turns: RawTurn[], candidates: string[]): string {
  const asked = new Map(candidates.map((label) => [label, 0]));
  for (const turn of turns) {
    const count = asked.get(turn.speaker);
    if (count !== undefined) asked.set(turn.speaker, count + (turn.text.match(/\?/g)?.length ?? 0));
  }
  // Ties go to the first speaker: counsellors usually open the session.
  return candidates.reduce((best, label) => (asked.get(label)! > asked.get(best)! ? label : best));
}
