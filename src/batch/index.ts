// The batch stage: code a list of files and yield their outcomes in order, on worker threads,
// or in this thread when the caller asks (one file or --jobs 1 to standard output). Both give
// the same outcomes in the same order.

import { availableParallelism } from "node:os";
import { runJob, type Job, type Outcome } from "./job.js";
import { analyzeInWorkers } from "./pool.js";

export function defaultJobs(): number {
  return availableParallelism();
}

export interface BatchRun {
  /** The bytes of standard input, when "-" is among the paths. */
  stdin?: Uint8Array;
  /** Code in this thread rather than on workers. */
  inThread: boolean;
}

/** `job` is this thread's; workers prepare their own from its settings. */
export async function* analyzeFiles(paths: readonly string[], job: Job, jobs: number, run: BatchRun): AsyncGenerator<Outcome> {
  if (paths.length === 0) return;
  if (run.inThread) {
    for (const path of paths) {
      yield runJob(path, job, path === "-" ? run.stdin : undefined);
      // Let the event loop run between files, so Ctrl-C and a closed pipe are handled now.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  yield* analyzeInWorkers(paths, job, Math.max(1, Math.min(jobs, paths.length)), run.stdin);
}

export { prepareJob, type Job, type JobSettings, type Outcome } from "./job.js";
