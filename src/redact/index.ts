// The redact stage (--redact): reports to share outside the clinic. Every word the transcript
// said is replaced by its code, speaker names by their roles, and the transcript
// fields of warnings and errors by "…"; the scores, codes, rules, line numbers and flag reasons stay, so the report still
// says what was done well and what to change, without saying who said what.

import { redactDiagnostic } from "../diagnostics.js";
import { CLIENT_CODE_ABBREVIATIONS, CODE_ABBREVIATIONS, type Code, type FileResult, type Role, type Speaker } from "../types.js";

const ROLE_NAMES: Record<Role, string> = { counsellor: "Counsellor", client: "Client", other: "Speaker" };

export function redactResult(result: FileResult): FileResult {
  const alias = speakerAliases(result.speakers);
  const rename = (label: string) => alias.get(label) ?? "Speaker";
  const turns = result.turns.map((turn) => {
    const utterances = turn.utterances.map((u) => ({
      ...u,
      text: turn.role === "counsellor" ? placeholder(u.code) : `[${turn.role}]`,
      // Word features quote the transcript; the other reasons (rules, form, context) do not.
      ...(u.why ? { why: u.why.map((r) => (r.feature.startsWith("w:") ? { ...r, feature: "w:…" } : r)) } : {}),
    }));
    const text = turn.role === "counsellor" ? utterances.map((u) => u.text).join(" ") : `[${turn.role}]`;
    // Client talk keeps its codes, never its words.
    const talk = turn.talk?.map((u) => ({ ...u, text: `[${CLIENT_CODE_ABBREVIATIONS[u.code]}]`, ...(u.why ? { why: u.why.map((r) => (r.feature.startsWith("w:") ? { ...r, feature: "w:…" } : r)) } : {}) }));
    return { ...turn, speaker: rename(turn.speaker), text, utterances, ...(talk ? { talk } : {}) };
  });
  return {
    ...result,
    speakers: result.speakers.map((s) => ({ ...s, label: rename(s.label) })),
    turns,
    flags: result.flags.map((f) => ({ ...f, speaker: rename(f.speaker), text: placeholder(f.code) })),
    warnings: result.warnings.map(redactDiagnostic),
  };
}

function placeholder(code: Code): string {
  return code === "other" ? "[other]" : `[${CODE_ABBREVIATIONS[code]}]`;
}

// "Counsellor", "Client"; numbered when a role has several speakers ("Client 1", "Client 2").
function speakerAliases(speakers: readonly Speaker[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const role of Object.keys(ROLE_NAMES) as Role[]) {
    const inRole = speakers.filter((s) => s.role === role);
    inRole.forEach((s, i) => aliases.set(s.label, inRole.length === 1 ? ROLE_NAMES[role] : `${ROLE_NAMES[role]} ${i + 1}`));
  }
  return aliases;
}
