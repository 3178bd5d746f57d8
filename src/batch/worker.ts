// A worker thread of `oars check`/`analyze`: loads the rule pack once, then codes the files
// the main thread sends, one at a time, and posts each outcome back.

import { parentPort, workerData } from "node:worker_threads";
import { loadPack } from "../rules/pack.js";
import { analyzeFile, type JobContext } from "./job.js";
import type { WorkerReply, WorkerSetup, WorkerTask } from "./pool.js";

const setup = workerData as WorkerSetup;
const context: JobContext = {
  pack: loadPack(setup.language, setup.ruleFolders, setup.rules),
  counsellors: setup.counsellors,
  maxBytes: setup.maxBytes,
};

parentPort!.on("message", (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { index: task.index, outcome: analyzeFile(task.path, context) };
  } catch (err) {
    // A bug, not bad input: report it for this file and keep serving the rest.
    reply = { index: task.index, internal: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
