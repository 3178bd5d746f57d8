// A worker thread of `oars check`/`analyze`: prepares the job once (rule pack, formatter),
// then codes and formats the files the main thread sends, one at a time.

import { parentPort, workerData } from "node:worker_threads";
import { prepareJob, runJob, type JobSettings } from "./job.js";
import type { WorkerReply, WorkerTask } from "./pool.js";

const job = await prepareJob(workerData as JobSettings);

parentPort!.on("message", (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { index: task.index, outcome: runJob(task.path, job, task.bytes) };
  } catch (err) {
    // A bug, not bad input: report it for this file.
    reply = { index: task.index, internal: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
