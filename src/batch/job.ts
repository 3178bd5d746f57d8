// One file's work, the same in the main thread and in a worker: read the bytes, run the
// pipeline, and turn an unreadable or malformed file into a FileError instead of a throw.

import { analyzeBytes } from "../analyze.js";
import { InputError } from "../errors.js";
import { loadBytes } from "../read/load.js";
import type { LanguagePack } from "../rules/types.js";
import type { FileError, FileResult } from "../types.js";

export type Outcome = { path: string; result: FileResult } | { path: string; error: FileError };

export interface JobContext {
  pack: LanguagePack;
  counsellors: readonly string[];
  maxBytes: number;
}

export function analyzeFile(path: string, context: JobContext): Outcome {
  try {
    const result = analyzeBytes(loadBytes(path, context.maxBytes), path, { pack: context.pack, counsellorNames: [...context.counsellors] });
    return { path, result };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { path, error: { path: err.path, message: err.message, ...(err.line !== undefined ? { line: err.line } : {}) } };
  }
}
