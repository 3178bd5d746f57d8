// Coding many files on every core: a fixed pool of worker threads, each holding its own rule
// pack. Files are handed out one at a time as workers free up, but outcomes are yielded in
// the input order, so the report is the same as a single-threaded run. At most a small
// window of files is in flight or waiting to be yielded, so memory stays bounded however
// many files there are.

import { Worker } from "node:worker_threads";
import type { RuleAdjustment } from "../config/settings.js";
import type { Outcome } from "./job.js";

export interface WorkerSetup {
  language: string;
  ruleFolders: string[];
  rules: RuleAdjustment[];
  counsellors: string[];
  maxBytes: number;
}

export interface WorkerTask {
  index: number;
  path: string;
}

export type WorkerReply = { index: number; outcome: Outcome } | { index: number; internal: string };

/** An error inside a worker that is not about the input: a bug, reported and fatal. */
export class WorkerFailure extends Error {}

export async function* analyzeInWorkers(paths: readonly string[], setup: WorkerSetup, jobs: number): AsyncGenerator<Outcome> {
  const window = jobs * 4;
  const done = new Map<number, Outcome>();
  let nextToSend = 0;
  let nextToYield = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const workers = Array.from({ length: jobs }, () => new Worker(new URL("./worker.js", import.meta.url), { workerData: setup }));
  const idle: Worker[] = [];
  const send = (worker: Worker) => {
    if (nextToSend < paths.length && nextToSend - nextToYield < window) {
      const task: WorkerTask = { index: nextToSend, path: paths[nextToSend]! };
      nextToSend++;
      worker.postMessage(task);
    } else {
      idle.push(worker);
    }
  };
  for (const worker of workers) {
    worker.on("message", (reply: WorkerReply) => {
      if ("internal" in reply) failure ??= new WorkerFailure(`while coding ${paths[reply.index]}: ${reply.internal}`);
      else done.set(reply.index, reply.outcome);
      send(worker);
      notify();
    });
    worker.on("error", (err) => {
      failure ??= err;
      notify();
    });
    worker.on("exit", (code) => {
      if (nextToYield < paths.length) failure ??= new WorkerFailure(`a worker stopped (exit code ${code})`);
      notify();
    });
    send(worker);
  }

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
      while (idle.length > 0 && nextToSend < paths.length && nextToSend - nextToYield < window) send(idle.pop()!);
      yield outcome;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
