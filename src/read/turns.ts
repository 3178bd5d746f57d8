// Consecutive pieces of one speaker's speech make one turn: caption exports cut a turn
// into many cues, and plain text wraps long turns over continuation lines.

import type { RawTurn } from "../types.js";

/** Label given to speech that comes before any speaker label. */
export const UNLABELLED = "(unlabelled)";

export class TurnBuilder {
  private readonly turns: RawTurn[] = [];

  /** Speech with a known speaker: joins the previous turn when the speaker is the same. */
  say(speaker: string, text: string, line: number, start: number | null = null, end: number | null = null): void {
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
