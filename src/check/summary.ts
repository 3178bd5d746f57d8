// What a batch report prints at the end: a small row per file and the batch's totals, kept
// while files stream past so no formatter needs to hold whole results.

import type { Language } from "../languages.js";
import { metricsFromCounts, zeroCounts, type Confidence } from "../score/metrics.js";
import { COUNSELLOR_CODES, type Code, type FileError, type Metrics } from "../types.js";
import type { CheckOutcome } from "./index.js";

export interface FileSummary {
  path: string;
  /** The locale the file's report was written in. */
  locale: Language;
  turns: number;
  metrics: Metrics;
  flags: number;
  check: CheckOutcome;
}

export interface BatchSummary {
  files: FileSummary[];
  errors: FileError[];
  passed: number;
  failed: number;
  /** Scores over every utterance of every analysed file, pooled. */
  total: Metrics;
  /** Client change and sustain talk over every analysed file, pooled (CT ÷ (CT + ST) is the total's % change talk). */
  totalTalk: { changeTalk: number; sustainTalk: number };
}

export class SummaryCollector {
  private readonly files: FileSummary[] = [];
  private readonly errors: FileError[] = [];
  private readonly counts: Record<Code, number> = zeroCounts();
  private readonly confidence: Confidence = { utterances: 0, lowConfidence: 0 };
  private readonly talk = { changeTalk: 0, sustainTalk: 0 };
  private passedCount = 0;
  private fileCount = 0;

  /** `keepFiles`: false for formats that print no row per file (ndjson), so memory stays flat. */
  constructor(private readonly keepFiles = true) {}

  addFile(file: FileSummary): void {
    if (this.keepFiles) this.files.push(file);
    this.fileCount++;
    if (file.check.passed) this.passedCount++;
    for (const code of COUNSELLOR_CODES) this.counts[code] += file.metrics.counts[code];
    this.confidence.utterances += file.metrics.utterances;
    this.confidence.lowConfidence += file.metrics.lowConfidence;
    this.talk.changeTalk += file.metrics.client?.changeTalk ?? 0;
    this.talk.sustainTalk += file.metrics.client?.sustainTalk ?? 0;
  }

  addError(error: FileError): void {
    this.errors.push(error);
  }

  /** Without `keepFiles`, `files` is empty; the counts are always whole. */
  summary(): BatchSummary {
    return { files: this.files, errors: this.errors, passed: this.passedCount, failed: this.fileCount - this.passedCount, total: metricsFromCounts(this.counts, this.confidence), totalTalk: { ...this.talk } };
  }
}
