// Client change and sustain talk in a result: the client coding's counts (metrics.client).

import type { FileResult } from "../types.js";

export interface ClientTalkCounts {
  change: number;
  sustain: number;
}

export function clientTalk(result: FileResult): ClientTalkCounts {
  const client = result.metrics.client;
  return { change: client?.changeTalk ?? 0, sustain: client?.sustainTalk ?? 0 };
}
