// The flagged lines (why, and what to say instead) and the coded transcript: each utterance
// with a code chip. A chip is a button, so it takes keyboard focus; its tooltip (code, rule,
// confidence, and the learned layer's probability and reasons when present) shows on hover
// and on focus, and is tied to it by aria-describedby. Low-confidence codes carry a "?" and a
// dashed outline besides their colour.

import { formatTimecode } from "../../read/timecode.js";
import type { CodedTurn, FileResult, Utterance } from "../../types.js";
import { CODE_ABBREVIATIONS, fill, type Words } from "../words.js";
import { esc } from "./escape.js";
import { probabilityOf, whyOf } from "./extras.js";
import { familyClass } from "./families.js";

const where = (line: number, start: number | null, words: Words) => `${fill(words.m.report.line, { line })}${start !== null ? ` (${formatTimecode(start)})` : ""}`;

export function flaggedLines(result: FileResult, id: string, words: Words): string {
  const m = words.m;
  const heading = `<h3>${esc(fill(m.report["flagged-lines"], { count: result.flags.length }))}</h3>`;
  if (result.flags.length === 0) return `<section class="flags">${heading}<p>${esc(m.report["no-flags-sentence"])}</p></section>`;
  const items = result.flags.map((flag) => {
    const { reason, suggestion } = words.flag(flag);
    const instead = suggestion ? `<p class="instead"><strong>${esc(m.report.instead)}:</strong> ${esc(suggestion)}</p>` : "";
    return (
      `<li class="flag"><p class="said"><a href="#${id}-t${flag.turn}" title="${esc(m.html["go-to-turn"])}">${esc(where(flag.line, flag.start, words))}</a>, ${esc(flag.speaker)}: ` +
      `<q>${esc(flag.text)}</q></p><p><strong>${esc(m.codes[flag.code])}</strong> <code>${esc(flag.rule)}</code>: ${esc(reason)}</p>${instead}</li>`
    );
  });
  return `<section class="flags">${heading}<ol>${items.join("")}</ol></section>`;
}

export function codedTranscript(result: FileResult, id: string, words: Words): string {
  const flagged = new Set(result.flags.map((f) => f.turn));
  const turns = result.turns.map((turn) => codedTurn(turn, id, flagged.has(turn.index), words)).join("");
  return `<section class="transcript"><h3>${esc(words.m.report["coded-transcript"])}</h3><ol class="turns">${turns}</ol></section>`;
}

function codedTurn(turn: CodedTurn, id: string, flagged: boolean, words: Words): string {
  const m = words.m;
  const head = `<span class="who">${esc(turn.speaker)}</span> <span class="where">${esc(where(turn.line, turn.start, words))}</span>${flagged ? ` <span class="flag-label">▼ ${esc(m.html.flagged)}</span>` : ""}`;
  const body =
    turn.role === "counsellor"
      ? turn.utterances.map((u, j) => `<span class="u">${chip(u, `${id}-u${turn.index}-${j}`, words)} ${esc(u.text)}</span>`).join(" ")
      : esc(turn.text);
  return `<li id="${id}-t${turn.index}" class="turn r-${turn.role}${flagged ? " flagged" : ""}"><p class="head">${head}</p><p class="said">${body}</p></li>`;
}

function chip(u: Utterance, tipId: string, words: Words): string {
  const m = words.m;
  const low = u.confidence === "low";
  const details = [`${m.codes[u.code]}`, `${m.html.rule}: ${u.rule}`];
  if (low) details.push(m.html.review);
  const p = probabilityOf(u);
  if (p !== undefined) details.push(`${m.html.probability}: ${words.figure("percent", p * 100)}`);
  const why = whyOf(u);
  if (why.length > 0) details.push(`${m.html.why}: ${why.join(", ")}`);
  const abbreviation = u.code === "other" ? "–" : CODE_ABBREVIATIONS[u.code];
  return (
    `<button type="button" class="c ${familyClass(u.code)}${low ? " low" : ""}" aria-describedby="${tipId}">${abbreviation}${low ? "?" : ""}</button>` +
    `<span class="tip" role="tooltip" id="${tipId}">${details.map(esc).join("<br>")}</span>`
  );
}
