// The roles stage: each speaker label becomes counsellor, client or other.
// Order of evidence: --counsellor names (each must name a speaker), then the role label list
// together with the configuration's `counsellors:` words, then (for personal names) a guess
// from what the speakers do (./guess.ts), with a warning saying how sure it is.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import type { LanguagePack } from "../packs/pack.js";
import type { RawTurn, Role, Speaker, Turn } from "../types.js";
import { UNLABELLED } from "../read/turns.js";
import { guessCounsellor, type CounsellorReading } from "./guess.js";
import { roleOfLabel } from "./labels.js";
import { matchSpeakers } from "./names.js";

export interface RoleOptions {
  /** Names of the counsellor(s) from --counsellor: each must match a speaker. */
  counsellorNames?: string[];
  /** Extra counsellor label words from the configuration, beside the bundled role words. */
  counsellorWords?: string[];
  /** The transcript's language pack, whose pronoun lists the guess reads. */
  pack?: LanguagePack;
  /** How the rules would code a turn as the counsellor's (questions, reflections), for the guess. */
  read?: CounsellorReading;
}

export interface RoleResult {
  speakers: Speaker[];
  turns: Turn[];
  warnings: Diagnostic[];
  /** Set when a --counsellor name matches no speaker: the file cannot be coded as asked. */
  error?: Diagnostic;
}

export function assignRoles(rawTurns: RawTurn[], options: RoleOptions = {}): RoleResult {
  const labels = [...new Set(rawTurns.map((turn) => turn.speaker))];
  const named = labels.filter((label) => label !== UNLABELLED);
  const warnings: Diagnostic[] = [];
  const roles = new Map<string, Role>();

  const names = options.counsellorNames ?? [];
  if (names.length > 0) {
    const counsellors = new Set<string>();
    for (const name of names) {
      const matched = matchSpeakers(name, named);
      if (matched.length === 0) {
        return failed(rawTurns, labels, diagnostic("roles.counsellor-not-found", "--counsellor {name} names no speaker here (speakers: {speakers})", { name: said(name), speakers: named.map(said) }));
      }
      if (matched.length > 1) {
        return failed(rawTurns, labels, diagnostic("roles.counsellor-ambiguous", "--counsellor {name} names several speakers ({speakers}); give more of the name", { name: said(name), speakers: matched.map(said) }));
      }
      counsellors.add(matched[0]!);
    }
    for (const label of named) roles.set(label, counsellors.has(label) ? "counsellor" : "client");
  } else {
    const words = options.counsellorWords ?? [];
    for (const label of named) {
      const role = words.some((word) => matchSpeakers(word, [label]).length > 0) ? "counsellor" : roleOfLabel(label);
      if (role) roles.set(label, role);
    }
    const unknown = named.filter((label) => !roles.has(label));
    const known = new Set(roles.values());
    if (unknown.length > 0) {
      if (known.has("counsellor") && known.has("client")) {
        for (const label of unknown) roles.set(label, "other");
      } else if (known.has("counsellor")) {
        for (const label of unknown) roles.set(label, "client");
      } else {
        const guess = guessCounsellor(rawTurns, unknown, options.pack, options.read);
        for (const label of unknown) roles.set(label, label === guess.counsellor ? "counsellor" : "client");
        const fields = { speaker: said(guess.counsellor), sure: Math.round(guess.sureness * 100) };
        warnings.push(
          guess.close
            ? diagnostic("counsellor-guess-close", 'took {speaker} as the counsellor, but it is close ({sure} % sure): the speakers ask, reflect and say "you" about as much as each other; say who it is with --counsellor NAME', fields)
            : diagnostic("counsellor-guessed", 'took {speaker} as the counsellor ({sure} % sure: they ask, reflect and say "you" more); say who it is with --counsellor NAME', fields),
        );
      }
    }
  }
  roles.set(UNLABELLED, "other");
  return withRoles(rawTurns, labels, roles, warnings);
}

function withRoles(rawTurns: RawTurn[], labels: string[], roles: Map<string, Role>, warnings: Diagnostic[]): RoleResult {
  const speakers = labels.map((label) => ({ label, role: roles.get(label) ?? "other" }));
  // Object.assign rather than `{ ...turn, index, role }`: the same properties in the same order,
  // but V8 made the spread with properties after it ~15× slower (6,668 turns copied 8 times:
  // 160 ms against 10 ms), and every stage copies every turn this way.
  const turns = rawTurns.map((turn, index) => Object.assign({}, turn, { index, role: roles.get(turn.speaker) ?? ("other" as const) }));
  return { speakers, turns, warnings };
}

function failed(rawTurns: RawTurn[], labels: string[], error: Diagnostic): RoleResult {
  return { ...withRoles(rawTurns, labels, new Map(), []), error };
}
