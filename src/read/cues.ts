// Caption files: WebVTT (Teams, Zoom, Whisper) and SRT (Whisper, whisperX). Both are blocks of
// an optional cue id, a timing line and a payload; they differ in header, comment blocks and
// the millisecond separator, so one tolerant reader serves both.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import { InputError } from "../errors.js";
import type { RawTurn } from "../types.js";
import { bracketed, replaceBracketed } from "../text/brackets.js";
import { splitLabel } from "./labels.js";
import { parseTimecode } from "./timecode.js";
import { TurnBuilder, splitLines } from "./turns.js";

export type CueFlavor = "vtt" | "srt";

interface Block {
  lines: string[];
  firstLine: number;
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/;
const SKIPPED_VTT_BLOCK = /^(NOTE|STYLE|REGION)(\s|$)/;

export function readCues(text: string, path: string, flavor: CueFlavor, warnings: Diagnostic[]): RawTurn[] {
  const builder = new TurnBuilder(warnings);
  const blocks = toBlocks(splitLines(text));
  // Bad timings are the recorder's problem, not the words': the cues are read in file order
  // and the first of each kind of oddity is named once. Overlaps are crosstalk, not errors.
  let backwards: number | null = null;
  let outOfOrder: number | null = null;
  let previousStart = -Infinity;
  blocks.forEach((block, i) => {
    const first = block.lines[0]!.trim();
    if (flavor === "vtt" && i === 0 && /^WEBVTT(\s|$)/.test(first)) return;
    if (flavor === "vtt" && SKIPPED_VTT_BLOCK.test(first)) return;
    const timingIndex = block.lines.findIndex((line) => line.includes("-->"));
    if (timingIndex === -1) {
      throw new InputError(path, diagnostic("cue.no-timing", 'expected a cue timing line such as "00:00:01.000 --> 00:00:04.000", found {line}', { line: said(first) }), block.firstLine);
    }
    const timingLine = block.firstLine + timingIndex;
    const [start, end] = parseTiming(block.lines[timingIndex]!, path, timingLine);
    if (end < start) backwards ??= timingLine;
    if (start < previousStart) outOfOrder ??= timingLine;
    previousStart = start;
    const payload = block.lines.slice(timingIndex + 1).join("\n");
    for (const segment of payloadSegments(payload)) {
      if (segment.speaker !== null) builder.say(segment.speaker, segment.text, timingLine, start, end);
      else builder.continue(segment.text, timingLine, start, end);
    }
  });
  if (flavor === "vtt" && blocks.length > 0 && !/^WEBVTT/.test(blocks[0]!.lines[0]!.trim())) {
    warnings.push(diagnostic("cue.no-header", 'no "WEBVTT" header on the first line; read as WebVTT anyway', {}, 1));
  }
  if (backwards !== null) warnings.push(diagnostic("cue.backwards", "a cue ends before it starts; its words are kept in file order", {}, backwards));
  if (outOfOrder !== null) warnings.push(diagnostic("cue.out-of-order", "cues go back in time from here; read in file order", {}, outOfOrder));
  return builder.result();
}

function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], firstLine: i + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

function parseTiming(line: string, path: string, lineNo: number): [number, number] {
  const m = TIMING.exec(line);
  const start = m ? parseTimecode(m[1]!) : null;
  const end = m ? parseTimecode(m[2]!) : null;
  if (start === null || end === null) {
    throw new InputError(path, diagnostic("cue.bad-timing", 'bad cue timing {line} (expected "00:00:01.000 --> 00:00:04.000")', { line: said(line.trim()) }), lineNo);
  }
  return [start, end];
}

interface Segment {
  speaker: string | null;
  text: string;
}

// What a tag holds when it is a voice tag: <v Name>, <v.loud Name>, or </v> (see voiceTags).
const VOICE = /^v(?:\.\S*)?(?:\s+([^]*))?$/;

/** A cue's words, split where a voice tag (<v Name>) or a `Name:` prefix changes speaker. */
export function payloadSegments(payload: string): Segment[] {
  const segments: Segment[] = [];
  let speaker: string | null = null;
  let last = 0;
  const push = (raw: string) => {
    const text = cleanCueText(raw);
    if (!text) return;
    if (speaker === null) {
      const labelled = splitLabel(text);
      if (labelled) {
        segments.push({ speaker: labelled.label, text: labelled.rest });
        return;
      }
    }
    segments.push({ speaker, text });
  };
  for (const tag of bracketed(payload, "<", ">")) {
    const voice = tag.inner === "/v" ? null : VOICE.exec(tag.inner);
    if (tag.inner !== "/v" && !voice) continue; // another tag: cleanCueText drops it
    push(payload.slice(last, tag.start));
    last = tag.end;
    if (voice) speaker = (voice[1] ?? "").trim() || null;
  }
  push(payload.slice(last));
  return segments;
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", lrm: "", rlm: "",
};

function cleanCueText(raw: string): string {
  return replaceBracketed(raw, "<", ">", "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}
