// Messages about one transcript (errors and warnings), kept as structured data until they are
// shown: a stable id, an English template with {field} slots, and the fields. A field that
// came from the transcript (a word, a line, a speaker name) is marked as such, so --redact
// removes exactly those fields, whatever quotes or brackets they hold, instead of guessing
// from the finished sentence. Every field is shown with control characters escaped, so a name
// or line can neither drive the terminal nor start a new line on standard error.

import { escapeControls } from "./text/controls.js";

/** Words from the transcript: shown in double quotes, or as "…" once redacted. */
export interface TranscriptText {
  transcript: string | null;
}
export type Field = string | number | TranscriptText | TranscriptText[];

export interface Diagnostic {
  id: string;
  template: string;
  fields: Record<string, Field>;
  /** The input line it concerns, when there is one (shown before the message, and in JSON). */
  line?: number;
}

export function diagnostic(id: string, template: string, fields: Record<string, Field> = {}, line?: number): Diagnostic {
  return line === undefined ? { id, template, fields } : { id, template, fields, line };
}

/** Transcript words (or a speaker name) inside a message. */
export const said = (text: string): TranscriptText => ({ transcript: text });

/** The same message without any transcript words in it. */
export function redactDiagnostic(d: Diagnostic): Diagnostic {
  const fields: Record<string, Field> = {};
  for (const [name, value] of Object.entries(d.fields)) {
    fields[name] = Array.isArray(value) ? value.map(() => ({ transcript: null })) : isTranscript(value) ? { transcript: null } : value;
  }
  return { ...d, fields };
}

export function renderDiagnostic(d: Diagnostic): string {
  return d.template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = d.fields[name];
    if (value === undefined) return slot;
    // A list (of speaker names) is shown bare, as a list; redacted, each becomes "…".
    if (Array.isArray(value)) return value.map((v) => (v.transcript === null ? "…" : escapeControls(v.transcript))).join(", ");
    return isTranscript(value) ? showTranscript(value) : escapeControls(String(value));
  });
}

function isTranscript(value: Field): value is TranscriptText {
  return typeof value === "object" && value !== null && "transcript" in value;
}

function showTranscript(value: TranscriptText): string {
  if (value.transcript === null) return '"…"';
  const text = value.transcript.length > 60 ? `${value.transcript.slice(0, 57)}…` : value.transcript;
  return `"${escapeControls(text)}"`;
}
