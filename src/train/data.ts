// Training data from what coders give: transcripts with a reference (AnnoMI JSON lines or a
// trainer's table) and MITI code sets (fixtures/miti/<lang>.tsv: one coded line with the
// client's line before it and the permission state). Each becomes examples for train.ts.

import { basename, extname } from "node:path";
import { prepareBytes, type PreparedTranscript } from "../analyze.js";
import { renderDiagnostic } from "../diagnostics.js";
import type { Language } from "../languages.js";
import { behaviourOf } from "../eval/compare.js";
import { readCodeSet, type CodeSetLine } from "../eval/code-set.js";
import type { GoldCorpus } from "../eval/types.js";
import { lineEvidence, transcriptEvidence, type TranscriptEvidence, type UtteranceEvidence } from "../features/index.js";
import type { LanguagePack } from "../packs/pack.js";
import { loadBytes } from "../read/load.js";
import type { Code } from "../types.js";
import { allowedCodes } from "../eval/labels.js";
import type { TrainingSet } from "../learn/train.js";

/** A transcript with its reference turns and its evidence, ready to train on or to code. */
export interface CodedSession {
  transcript: string;
  /** The fold group: the recording it was cut from, else the transcript itself. */
  group: string;
  prepared: PreparedTranscript;
  evidence: TranscriptEvidence;
}

/**
 * Read each transcript the reference codes and find its evidence. A transcript the reference
 * does not code is skipped with a note on standard error; one that cannot be read throws.
 */
export function readSessions(paths: readonly string[], gold: GoldCorpus, pack: LanguagePack, referencePath: string, packFor?: (language: Language) => LanguagePack): CodedSession[] {
  const sessions: CodedSession[] = [];
  for (const path of paths) {
    const transcript = gold.namesTranscripts ? basename(path, extname(path)) : "";
    if (!gold.turns.has(transcript)) {
      process.stderr.write(`oars: ${path}: no reference coding for "${transcript}" in ${referencePath}; skipped\n`);
      continue;
    }
    // With packFor, a transcript whose words read as another language says so, as analyze does
    // with --lang: training weights for one language on another's words is a slip worth a line.
    const prepared = prepareBytes(loadBytes(path), path, { pack, ...(packFor ? { packFor } : {}) });
    for (const warning of prepared.warnings) if (warning.id === "language.contradicted") process.stderr.write(`oars: ${path}: ${renderDiagnostic(warning)}\n`);
    sessions.push({ transcript, group: gold.sources.get(transcript) ?? transcript, prepared, evidence: transcriptEvidence(prepared.segmented, pack) });
  }
  return sessions;
}

/** Add a session's counsellor utterances (and its several-utterance turns, for the primary step) to a training set. */
export function addSession(set: TrainingSet, session: CodedSession, gold: GoldCorpus): void {
  for (const g of gold.turns.get(session.transcript) ?? []) {
    const found = session.evidence[g.turn];
    const turn = session.prepared.segmented[g.turn];
    if (g.role !== "counsellor" || !found || !turn || turn.role !== "counsellor" || (!g.behaviour && !g.codes)) continue;
    const labels = allowedCodes(g, turn.pieces);
    const first = set.examples.length;
    found.forEach((evidence, i) => {
      set.examples.push({ evidence, allowed: labels[i]!.allowed, alone: labels[i]!.alone, group: session.group, session: session.transcript, weight: 1 });
    });
    if (found.length > 1 && g.behaviour) {
      const behaviour = g.behaviour;
      // Strictly: a question names a question turn (seek-collaboration asked as a question
      // counts for AnnoMI, but letting it name a turn lets that rare code soak up questions).
      const accepts = (code: Code, text: string) => behaviourOf(code, text) === behaviour && (behaviour !== "question" || code === "open-question" || code === "closed-question");
      set.turns.push({ examples: found.map((_, i) => first + i), accepts, group: session.group });
    }
  }
}

/** A code set read for training: its `train` lines with their evidence (the `test` part is never trained on). */
export interface CodeSet {
  /** The file, as named on the command line (it is recorded in the weights). */
  path: string;
  train: { line: CodeSetLine; evidence: UtteranceEvidence }[];
}

export function readCodeSetForTraining(path: string, pack: LanguagePack): CodeSet {
  const lines = readCodeSet(path).filter((l) => l.part === "train");
  return { path, train: lines.map((line) => ({ line, evidence: lineEvidence(line.before, line.text, line.permission, pack) })) };
}
