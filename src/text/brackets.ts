// Bracketed spans (`<tag>`, `[note]`) found in one pass. A regular expression such as
// /<[^>]*>/g looks for the closing mark from every opening mark, so a line of ten thousand
// "<" with no ">" costs a hundred million steps; here each opening mark looks once, and once
// no closing mark is left the search stops.

export interface Span {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark. */
  end: number;
  /** The text between the marks. */
  inner: string;
}

/** Each `open … close` span, left to right; an opening mark with no closing mark after it is text. */
export function* bracketed(text: string, open: string, close: string): Generator<Span> {
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start === -1) return;
    const end = text.indexOf(close, start + 1);
    if (end === -1) return;
    yield { start, end: end + 1, inner: text.slice(start + 1, end) };
    from = end + 1;
  }
}

/** `text` with every `open … close` span replaced. */
export function replaceBracketed(text: string, open: string, close: string, replacement: string): string {
  let out = "";
  let last = 0;
  for (const span of bracketed(text, open, close)) {
    out += text.slice(last, span.start) + replacement;
    last = span.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
