// Which reader a reference file needs: AnnoMI's JSON lines, or a trainer's CSV/TSV table.

import { extname } from "node:path";
import { readAnnomiGold } from "./annomi.js";
import { readReferenceText } from "./read-text.js";
import { readTableReference } from "./table.js";
import type { GoldCorpus } from "./types.js";

export function readReference(path: string): GoldCorpus {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv") return readTableReference(path);
  if (ext === ".jsonl" || ext === ".json" || ext === ".ndjson") return readAnnomiGold(path);
  // No telling extension: JSON lines start with "{".
  return firstCharacter(path) === "{" ? readAnnomiGold(path) : readTableReference(path);
}

// Read through readReferenceText, so a FIFO or device is refused rather than opened.
function firstCharacter(path: string): string {
  return readReferenceText(path, "reference file").replace(/^\uFEFF/, "").trimStart().charAt(0);
}
