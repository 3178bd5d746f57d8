// The batch stage: code a list of files and yield their outcomes in order, on worker threads
// when there are several files and cores, in this thread otherwise (one file, standard input,
// or --jobs 1). Both give the same outcomes in the same order.

import { availableParallelism } from "node:os";
import { analyzeFile, type JobContext, type Outcome } from "./job.js";
import { analyzeInWorkers, type WorkerSetup } from "./pool.js";

export interface BatchOptions {
  /** Worker threads to use; 1 codes in this thread. */
  jobs: number;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export async function* analyzeFiles(paths: readonly string[], context: JobContext, setup: WorkerSetup, options: BatchOptions): AsyncGenerator<Outcome> {
  const jobs = Math.min(options.jobs, paths.length);
  if (jobs <= 1 || paths.includes("-")) {
    for (const path of paths) yield analyzeFile(path, context);
    return;
  }
  yield* analyzeInWorkers(paths, setup, jobs);
}

export type { Outcome } from "./job.js";
