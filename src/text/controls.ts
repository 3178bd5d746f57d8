// Text from transcripts and file names, made safe to show. A transcript can hold terminal
// control sequences (a title change, a clear screen, fake colours) and a file or speaker name
// can hold a line break that starts a forged GitHub workflow command (`::error …`) on the next
// line. Every C0 and C1 control character (and DEL) is shown as a visible escape instead:
// "\n", "\t", "\x1b", "\x9b". Printable text, including every script and emoji, is kept.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

