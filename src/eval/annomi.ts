// Reading the AnnoMI reference (../shared/corpus/annomi): gold.jsonl holds one turn a line;
// transcripts.jsonl beside it, when present, gives each session's quality (high/low).

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { readReferenceText } from "./read-text.js";
import type { GoldCorpus, GoldTurn } from "./types.js";

export function readAnnomiGold(path: string): GoldCorpus {
  const text = readReferenceText(path, "gold file");
  const turns = new Map<string, GoldTurn[]>();
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let row: GoldTurn;
    try {
      row = JSON.parse(line) as GoldTurn;
    } catch {
      throw new InputError(path, "not a JSON line", i + 1);
    }
    if (typeof row.transcript !== "string" || typeof row.turn !== "number" || (row.role !== "counsellor" && row.role !== "client")) {
      throw new InputError(path, 'expected "transcript", "turn" and "role" (AnnoMI gold format)', i + 1);
    }
    const list = turns.get(row.transcript) ?? [];
    list.push(row);
    turns.set(row.transcript, list);
  });
  for (const list of turns.values()) list.sort((a, b) => a.turn - b.turn);

  const quality = new Map<string, "high" | "low">();
  const sources = new Map<string, string>();
  const meta = join(dirname(path), "transcripts.jsonl");
  if (existsSync(meta)) {
    readReferenceText(meta, "session list").split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      let row: { transcript?: unknown; quality?: unknown; source?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new InputError(meta, "not a JSON line", i + 1);
      }
      if (typeof row.transcript === "string" && (row.quality === "high" || row.quality === "low")) quality.set(row.transcript, row.quality);
      if (typeof row.transcript === "string" && typeof row.source === "string") sources.set(row.transcript, row.source);
    });
  }
  return { turns, quality, sources, namesTranscripts: true };
}
