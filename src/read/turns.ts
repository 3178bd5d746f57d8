// Consecutive pieces of one speaker's speech make one turn: caption exports cut a turn
// into many cues, and plain text wraps long turns over continuation lines.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import type { RawTurn } from "../types.js";

/** Label given to speech that comes before any speaker label. */
export const UNLABELLED = "(unlabelled)";

export class TurnBuilder {
  private readonly turns: RawTurn[] = [];
  /** Each speaker label by its lower-case form: "c" and "C" are one speaker, named as first written. */
  private readonly spellings = new Map<string, string>();
  /** The speaker each label as written was taken as. */
  private readonly speakers = new Map<string, string>();

  constructor(private readonly warnings: Diagnostic[] = []) {}

  /** Speech with a known speaker: joins the previous turn when the speaker is the same. */
  say(label: string, text: string, line: number, start: number | null = null, end: number | null = null): void {
    const speaker = this.fold(label, line);
    const last = this.turns[this.turns.length - 1];
    if (last && last.speaker === speaker) this.extend(last, text, end);
    else this.turns.push({ speaker, text: text.trim(), line, start, end });
  }

  /** Speech with no label of its own: it continues whoever spoke last. */
  continue(text: string, line: number, start: number | null = null, end: number | null = null): void {
    const last = this.turns[this.turns.length - 1];
    if (last) this.extend(last, text, end);
    else this.say(UNLABELLED, text, line, start, end);
  }

  /** The turns, leaving out any that hold no words at all. */
  result(): RawTurn[] {
    return this.turns.filter((turn) => turn.text.length > 0);
  }

  /** The speaker the next unlabelled speech would go to, if any. */
  lastSpeaker(): string | null {
    return this.turns[this.turns.length - 1]?.speaker ?? null;
  }

  private fold(label: string, line: number): string {
    // A label seen before is the same speaker again (and was warned about at its first line):
    // found without lower-casing it on every line.
    const known = this.speakers.get(label);
    if (known !== undefined) return known;
    const speaker = this.firstSpelling(label, line);
    this.speakers.set(label, speaker);
    return speaker;
  }

  private firstSpelling(label: string, line: number): string {
    const key = label.toLocaleLowerCase();
    const first = this.spellings.get(key);
    if (first === undefined) {
      this.spellings.set(key, label);
      return label;
    }
    if (first !== label) {
      this.warnings.push(diagnostic("label-case", "speaker {label} taken as {speaker} (labels are compared without case)", { label: said(label), speaker: said(first) }, line));
    }
    return first;
  }

  private extend(turn: RawTurn, text: string, end: number | null): void {
    const piece = text.trim();
    if (piece) turn.text = turn.text ? `${turn.text} ${piece}` : piece;
    if (end !== null) turn.end = end;
  }
}

/** Lines without their line breaks (CRLF, LF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
