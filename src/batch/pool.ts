// Coding many files on every core: a fixed pool of worker threads, each holding its own rule
// pack. Files are handed out one at a time as workers free up, but outcomes are yielded in
// the input order, so the report is the same as a single-threaded run. At most a small
// window of files is in flight or waiting to be yielded, so memory stays bounded however
// many files there are.

import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Job, Outcome } from "./job.js";
import { CODE_ROOT } from "../paths.js";

export interface WorkerTask {
  index: number;
  path: string;
  /** Standard input's bytes, for the path "-". */
  bytes?: Uint8Array;
}

export type WorkerReply = { index: number; outcome: Outcome } | { index: number; internal: string };

/** An error inside a worker that is not about the input: a bug, reported and fatal. */
export class WorkerFailure extends Error {}

// Each worker's heap is capped so that memory stays near 150 MB with two workers (V8 otherwise
// lets every thread's heap grow long before collecting). A file over BIG_FILE_BYTES, or one too
// large for a capped worker after all, is coded on a worker with Node's full heap, one such file
// at a time, so two large files never need their peak memory at once (never in the main thread,
// which must stay free to answer Ctrl-C); a capped worker that ran out is replaced.
const BIG_FILE_BYTES = 1024 * 1024;
// A 4 MB young generation made a worker spend ~70 % more CPU than the main thread on the same
// files (the transcript's evidence outlives many small scavenges); 8 MB costs ~10 MB a worker.
const WORKER_YOUNG_MB = 8;
const QUEUE_DEPTH = 2;
const WORKER_HEAP_MB = Number(process.env.OARS_WORKER_HEAP_MB) || 128;

export async function* analyzeInWorkers(paths: readonly string[], job: Job, jobs: number, stdin?: Uint8Array): AsyncGenerator<Outcome> {
  const window = jobs * 4;
  const done = new Map<number, Outcome>();
  /** Each worker's tasks, oldest first: it works through them in order. */
  const working = new Map<Worker, WorkerTask[]>();
  let nextToSend = 0;
  let nextToYield = 0;
  let closing = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  /** Large files waiting for the one uncapped worker, and that worker when it runs. */
  const large: WorkerTask[] = [];
  let largeWorker: Worker | null = null;
  const startLarge = () => {
    if (largeWorker || large.length === 0) return;
    largeWorker = start([large.shift()!], false);
  };

  // Two tasks a worker: the next is already waiting when one is done, so a worker never
  // idles while the main thread is busy writing.
  const send = (worker: Worker) => {
    const queue = working.get(worker)!;
    while (queue.length < QUEUE_DEPTH && nextToSend < paths.length && nextToSend - nextToYield < window) {
      const path = paths[nextToSend]!;
      const task: WorkerTask = { index: nextToSend, path, ...(path === "-" && stdin ? { bytes: stdin } : {}) };
      nextToSend++;
      if ((task.bytes?.length ?? sizeOf(path)) > BIG_FILE_BYTES) {
        large.push(task);
        startLarge();
        continue;
      }
      queue.push(task);
      worker.postMessage(task);
    }
  };
  const start = (inherited: WorkerTask[] = [], capped = true): Worker => {
    const worker = new Worker(new URL("batch/worker.js", CODE_ROOT), {
      workerData: job.settings,
      ...(capped ? { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB } } : {}),
    });
    working.set(worker, inherited);
    for (const task of inherited) worker.postMessage(task);
    worker.on("message", (reply: WorkerReply) => {
      working.get(worker)!.shift();
      if ("internal" in reply) failure ??= new WorkerFailure(`while coding ${paths[reply.index]}: ${reply.internal}`);
      else done.set(reply.index, reply.outcome);
      if (capped) {
        send(worker);
      } else {
        working.delete(worker);
        void worker.terminate();
        largeWorker = null;
        startLarge();
      }
      notify();
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const [task, ...waiting] = working.get(worker) ?? [];
      working.delete(worker);
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY" && task && capped) {
        large.push(task);
        startLarge();
        start(waiting);
      } else if (err.code === "ERR_WORKER_OUT_OF_MEMORY" && task) {
        done.set(task.index, { path: task.path, error: { path: task.path, message: "needs more memory than this machine gives; lower --max-size or split the file" } });
        largeWorker = null;
        startLarge();
      } else {
        failure ??= err;
      }
      notify();
    });
    worker.on("exit", (code) => {
      if (!closing && working.has(worker)) failure ??= new WorkerFailure(`a worker stopped (exit code ${code})`);
      notify();
    });
    if (capped) send(worker);
    return worker;
  };
  for (let i = 0; i < jobs; i++) start();

  try {
    while (nextToYield < paths.length) {
      if (failure) throw failure;
      const outcome = done.get(nextToYield);
      if (!outcome) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      done.delete(nextToYield);
      nextToYield++;
      for (const worker of working.keys()) send(worker);
      yield outcome;
    }
  } finally {
    closing = true;
    await Promise.all([...working.keys()].map((w) => w.terminate()));
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader reports it
  }
}
