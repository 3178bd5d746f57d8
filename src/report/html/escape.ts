// Everything a transcript says is untrusted: it reaches the HTML only through `esc`, which
// leaves no character that could open a tag, close an attribute or start an entity. Ids are
// never made from transcript words, only from a hash of the file's path and numbers.

import { escapeControls } from "../../text/controls.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value that renders as itself; control characters shown as escapes ("\x1b"), as in the other human-facing formats. */
export function esc(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * A stable element id for a file's section: FNV-1a of its path. A file's piece of the report
 * is written apart from the others (on worker threads), and the overview at the end links to
 * each section and reuses its timeline by this id, so it must follow from the path alone.
 */
export function fileId(path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `f${hash.toString(36)}`;
}
