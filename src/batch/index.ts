// The batch stage: code a list of files and yield their outcomes in order, on worker threads
// when there are several files and cores, in this thread otherwise (one file, standard input,
// or --jobs 1). Both give the same outcomes in the same order.

import { availableParallelism } from "node:os";
import { runJob, type Job, type Outcome } from "./job.js";
import { analyzeInWorkers } from "./pool.js";

export function defaultJobs(): number {
  return availableParallelism();
}

/** `job` is this thread's; workers prepare their own from its settings. */
export async function* analyzeFiles(paths: readonly string[], job: Job, jobs: number): AsyncGenerator<Outcome> {
  const threads = Math.min(jobs, paths.length);
  if (threads <= 1 || paths.includes("-")) {
    for (const path of paths) {
      yield runJob(path, job);
      // Let the event loop run between files, so Ctrl-C and a closed pipe are handled now.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  yield* analyzeInWorkers(paths, job, threads);
}

export { prepareJob, type Job, type JobSettings, type Outcome } from "./job.js";
