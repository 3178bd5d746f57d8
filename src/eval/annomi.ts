// Reading the AnnoMI reference (../shared/corpus/annomi): gold.jsonl holds one turn a line;
// transcripts.jsonl beside it, when present, gives each session's quality (high/low).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../errors.js";

export interface GoldTurn {
  transcript: string;
  turn: number;
  role: "counsellor" | "client";
  text: string;
  behaviour?: "question" | "reflection" | "therapist_input" | "other";
  question?: "open" | "closed" | null;
  reflection?: "simple" | "complex" | null;
  input?: "information" | "advice" | "negotiation" | "options" | null;
}

export interface GoldCorpus {
  turns: Map<string, GoldTurn[]>;
  quality: Map<string, "high" | "low">;
}

export function readAnnomiGold(path: string): GoldCorpus {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(path, "cannot read the gold file");
  }
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
  const meta = join(dirname(path), "transcripts.jsonl");
  if (existsSync(meta)) {
    for (const line of readFileSync(meta, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { transcript: string; quality: "high" | "low" };
      quality.set(row.transcript, row.quality);
    }
  }
  return { turns, quality };
}
