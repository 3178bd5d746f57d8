// The segment stage: a turn → utterances (complete thoughts), as coders cut them.
// Spoken transcripts break sentences with "--" and " - " as well as full stops, and use
// hyphens inside fillers ("Mm-hmm.") and stutters ("you-you"), which are not breaks.

export interface SegmentOptions {
  /** Lower-case abbreviations, with their full stop, after which a "." ends nothing ("dr.", "e.g."). */
  abbreviations: ReadonlySet<string>;
}

// A full stop, ?, ! or … (repeated, with closing quotes) followed by space; or a dash break.
// Linear on any text: a match starts only at the first mark of a run and at the first space
// of a run (the look-behinds), and the marks with their quotes are taken whole (the look-ahead
// and back-reference make that group atomic), so "....." or "     " of any length is scanned
// once rather than once from each of its characters.
const BREAK = /(?<![.?!…])(?=([.?!…]+["'”’)\]]*))\1(\s+)|((?<!\s)\s+(?:--|—|–)\s*|(?:--|—|–)\s*|(?<!\s)\s+-\s+)(?=["'“‘]?\p{Lu})/gu;

export function splitUtterances(text: string, options: SegmentOptions): string[] {
  const pieces: string[] = [];
  let start = 0;
  // exec in a loop rather than matchAll, which copies the expression on every call (a pass's
  // 6,668 turns: 5.6-6.7 -> 3.5 ms). Nothing in the loop runs BREAK, so its lastIndex is ours.
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    const end = m.index + (m[1] !== undefined ? m[1].length : m[0].length);
    // Only the next few characters matter; slicing the whole rest would make long turns quadratic.
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (m[1] !== undefined && !endsSentence(text.slice(start, end), m[1], next, options)) continue;
    pushPiece(pieces, text.slice(start, end));
    start = m.index + m[0].length;
  }
  pushPiece(pieces, text.slice(start));
  return pieces;
}

function endsSentence(piece: string, mark: string, next: string, options: SegmentOptions): boolean {
  if (next === "") return true;
  if (/[?!]/.test(mark)) return true;
  const lastWord = piece.slice(lastSpace(piece) + 1).toLowerCase();
  if (options.abbreviations.has(lastWord)) return false;
  // "e.g. this" or "3 p.m. that": a lower-case next word means the sentence goes on.
  return /^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(next);
}

// Scanning back from the end: a regular expression anchored at the end would still try every
// start position, which is quadratic on a long run-on sentence.
function lastSpace(piece: string): number {
  for (let i = piece.length - 1; i >= 0; i--) if (/\s/.test(piece[i]!)) return i;
  return -1;
}

function pushPiece(pieces: string[], piece: string): void {
  const trimmed = piece.trim();
  if (trimmed) pieces.push(trimmed);
}
