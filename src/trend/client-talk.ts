// Client change and sustain talk in a result, once client coding gives utterances a `talk`
// (issue 18); zero until then, and % change talk is then left out of the trend.

import { clientTalkOf } from "../report/html/extras.js";
import type { FileResult } from "../types.js";

export interface ClientTalkCounts {
  change: number;
  sustain: number;
}

export function clientTalk(result: FileResult): ClientTalkCounts {
  const counts = { change: 0, sustain: 0 };
  for (const turn of result.turns) {
    if (turn.role !== "client") continue;
    for (const u of turn.utterances) {
      const talk = clientTalkOf(u);
      if (talk === "change") counts.change++;
      else if (talk === "sustain") counts.sustain++;
    }
  }
  return counts;
}
