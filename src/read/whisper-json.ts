// Whisper and whisperX JSON: {"segments": [{"start", "end", "text", "speaker"}]}. Plain Whisper
// has no speakers; whisperX adds "speaker" after diarisation. Text often starts with a space.

import { InputError } from "../errors.js";
import type { RawTurn, Warning } from "../types.js";
import { TurnBuilder } from "./turns.js";

interface Segment {
  start?: unknown;
  end?: unknown;
  text?: unknown;
  speaker?: unknown;
}

export function readWhisperJson(text: string, path: string, warnings: Warning[] = []): RawTurn[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(path, `not valid JSON (${(err as Error).message})`);
  }
  const segments = (data as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) {
    throw new InputError(path, 'JSON that is not a Whisper transcript: expected an object with a "segments" array');
  }
  const builder = new TurnBuilder(warnings);
  const finder = new LineFinder(text);
  segments.forEach((raw: unknown, i) => {
    const segment = raw as Segment;
    if (typeof segment !== "object" || segment === null || typeof segment.text !== "string") {
      throw new InputError(path, `segment ${i} has no "text" string, so this is not a Whisper transcript`);
    }
    const line = finder.lineOf(segment.text);
    const start = typeof segment.start === "number" ? segment.start : null;
    const end = typeof segment.end === "number" ? segment.end : null;
    if (typeof segment.speaker === "string" && segment.speaker.trim()) {
      builder.say(segment.speaker.trim(), segment.text, line, start, end);
    } else {
      // whisperX leaves out "speaker" where diarisation was unsure: the words go to whoever
      // spoke last, which may be wrong, so the user is told where.
      const previous = builder.lastSpeaker();
      if (previous !== null && segment.text.trim() !== "") warnings.push({ id: "segment-no-speaker", line, values: { speaker: previous } });
      builder.continue(segment.text, line, start, end);
    }
  });
  return builder.result();
}

// JSON.parse forgets positions; find each segment's text in the source, in order, so that
// flags can still point at a line.
class LineFinder {
  private offset = 0;
  private line = 1;
  constructor(private readonly source: string) {}

  lineOf(text: string): number {
    const encoded = JSON.stringify(text).slice(1, -1);
    const found = encoded ? this.source.indexOf(encoded, this.offset) : -1;
    if (found === -1) return this.line;
    for (let i = this.offset; i < found; i++) if (this.source.charCodeAt(i) === 10) this.line++;
    this.offset = found;
    return this.line;
  }
}
