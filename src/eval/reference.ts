// Which reader a reference file needs: AnnoMI's JSON lines, or a trainer's CSV/TSV table.

import { openSync, readSync, closeSync } from "node:fs";
import { extname } from "node:path";
import { InputError } from "../errors.js";
import { readAnnomiGold } from "./annomi.js";
import { readTableReference } from "./table.js";
import type { GoldCorpus } from "./types.js";

export function readReference(path: string): GoldCorpus {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv") return readTableReference(path);
  if (ext === ".jsonl" || ext === ".json" || ext === ".ndjson") return readAnnomiGold(path);
  // No telling extension: JSON lines start with "{".
  return firstCharacter(path) === "{" ? readAnnomiGold(path) : readTableReference(path);
}

function firstCharacter(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    throw new InputError(path, "cannot read the reference file");
  }
  try {
    const buffer = Buffer.alloc(64);
    const n = readSync(fd, buffer, 0, 64, 0);
    return buffer.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").trimStart().charAt(0);
  } catch {
    throw new InputError(path, "cannot read the reference file (is it a folder?)");
  } finally {
    closeSync(fd);
  }
}
