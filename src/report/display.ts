// A result made safe for a terminal (the table format): every text that came from the
// transcript or its file name has its control characters shown as escapes (see controls.ts).
// The JSON formats keep the text as it was (JSON escapes it); Markdown and GitHub escape it
// themselves.

import type { FileError, FileResult } from "../types.js";
import { escapeControls } from "../text/controls.js";

export function displayResult(result: FileResult): FileResult {
  return {
    ...result,
    path: escapeControls(result.path),
    speakers: result.speakers.map((s) => ({ ...s, label: escapeControls(s.label) })),
    turns: result.turns.map((turn) => ({
      ...turn,
      speaker: escapeControls(turn.speaker),
      text: escapeControls(turn.text),
      utterances: turn.utterances.map((u) => ({ ...u, text: escapeControls(u.text) })),
      ...(turn.talk ? { talk: turn.talk.map((u) => ({ ...u, text: escapeControls(u.text) })) } : {}),
    })),
    flags: result.flags.map((f) => ({ ...f, speaker: escapeControls(f.speaker), text: escapeControls(f.text) })),
  };
}

export function displayError(error: FileError): FileError {
  return { ...error, path: escapeControls(error.path), message: escapeControls(error.message) };
}
