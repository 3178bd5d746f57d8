// The client-talk part of a session's report, as rows every format lays out its own way
// (table, markdown, HTML): counts, % change talk overall and by thirds, how the counsellor
// answered, and the two technical globals, each marked as estimated (src/score/client.ts).

import type { ClientMetrics, TalkCounts } from "../types.js";
import type { Words } from "./words.js";

export interface ClientRows {
  heading: string;
  rows: [string, string][];
  /** Said under the rows in every format: the globals are estimates; relational ones are not given. */
  notes: string[];
}

export function clientRows(client: ClientMetrics | undefined, words: Words): ClientRows | null {
  if (!client || client.utterances === 0) return null;
  const m = words.m.client;
  const na = words.m.levels["n/a"];
  const pct = (x: TalkCounts) => (x.percentChangeTalk === null ? na : words.figure("percent", x.percentChangeTalk));
  // The share as every percentage is shown (one decimal at most), from the counts themselves.
  const share = (x: ClientMetrics["cultivating"]) => (x.turns === 0 ? na : `${x.answered}/${x.turns} (${words.figure("percent", Math.round((1000 * x.answered) / x.turns) / 10)})`);
  const score = (x: number | null) => (x === null ? na : `${words.figure("score", x)} / 5`);
  const rows: [string, string][] = [
    [`${m["change-talk"]} / ${m["sustain-talk"]} / ${m.neutral}`, `${client.changeTalk} / ${client.sustainTalk} / ${client.neutral}`],
    [m["percent-change-talk"], pct(client)],
    [m.thirds, client.thirds.map(pct).join(" · ")],
    [m.cultivating, share(client.cultivating)],
    [m.softening, share(client.softening)],
    [`${m["cultivating-change-talk"]} *`, score(client.estimated.cultivatingChangeTalk)],
    [`${m["softening-sustain-talk"]} *`, score(client.estimated.softeningSustainTalk)],
    [`${m.technical} *`, score(client.estimated.technical)],
  ];
  // Without change or sustain talk, the thirds and shares have nothing to read: left out. The
  // estimates stay, as n/a, so the note on them has its rows and nobody takes a missing one for 0.
  const talked = client.changeTalk + client.sustainTalk > 0;
  return {
    heading: m.heading,
    rows: talked ? rows : [...rows.slice(0, 2), ...rows.slice(5)],
    notes: [`* ${m["estimate-note"]}`, m["relational-note"]],
  };
}
