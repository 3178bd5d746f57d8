// The flagged lines (why, and what to say instead) and the coded transcript: each utterance
// with a code chip. A chip is a button, so it takes keyboard focus; its description (code,
// rule, confidence, and the learned layer's probability and reasons when present) is tied to
// it by aria-describedby and shown as a tooltip on hover and focus. Low-confidence codes carry
// a "?" and a dashed outline besides their colour.

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
      `<q>${esc(flag.text)}</q></p><p><strong>${esc(m.codes[flag.code])}${flag.confidence === "low" ? "?" : ""}</strong>${flag.confidence === "low" ? ` (${esc(m.report["low-confidence"])})` : ""} <code>${esc(flag.rule)}</code>: ${esc(reason)}</p>${instead}</li>`
    );
  });
  return `<section class="flags">${heading}<ol>${items.join("")}</ol></section>`;
}

export function codedTranscript(result: FileResult, id: string, words: Words): string {
  const flagged = new Set(result.flags.map((f) => f.turn));
  const descriptions = new Descriptions(id, words);
  const turns = result.turns.map((turn) => codedTurn(turn, id, flagged.has(turn.index), words, descriptions)).join("");
  return `<section class="transcript"><h3>${esc(words.m.report["coded-transcript"])}</h3><ol class="turns">${turns}</ol>${descriptions.html()}</section>`;
}

// A session has hundreds of utterances but a few dozen distinct (code, rule, confidence)
// readings: each is written once, hidden, and every chip with that reading points to it with
// aria-describedby (screen readers read it; page.js shows it as the visible tooltip on hover
// and focus). Only what differs per utterance (probability, why) gets its own description.
// This keeps a 500-session report under 20 MB (npm run bench).
class Descriptions {
  private readonly ids = new Map<string, string>();
  private readonly parts: string[] = [];
  constructor(
    private readonly id: string,
    private readonly words: Words,
  ) {}

  /** The id of a description with this text, written once. */
  of(text: string): string {
    let id = this.ids.get(text);
    if (!id) {
      id = `${this.id}-d${this.ids.size}`;
      this.ids.set(text, id);
      this.parts.push(`<span id="${id}">${esc(text)}</span>`);
    }
    return id;
  }

  /** The descriptions of a chip: its reading, and its own probability and reasons when it has them. */
  chip(u: Utterance): string {
    const m = this.words.m;
    const reading = [m.codes[u.code], `${m.html.rule}: ${u.rule}`];
    if (u.confidence === "low") reading.push(m.html.review);
    const ids = [this.of(reading.join(" · "))];
    const own: string[] = [];
    const p = probabilityOf(u);
    if (p !== undefined) own.push(`${m.html.probability}: ${this.words.figure("percent", p * 100)}`);
    const why = whyOf(u, this.words.locale);
    if (why.length > 0) own.push(`${m.html.why}: ${why.join(", ")}`);
    if (own.length > 0) ids.push(this.of(own.join(" · ")));
    return ids.join(" ");
  }

  html(): string {
    return `<div class="descriptions" hidden>${this.parts.join("")}</div>`;
  }
}

function codedTurn(turn: CodedTurn, id: string, flagged: boolean, words: Words, descriptions: Descriptions): string {
  const m = words.m;
  // Only flagged turns need an id: the flagged lines link to them.
  const classes = [...(turn.role === "counsellor" ? [] : [turn.role === "client" ? "cl" : "ot"]), ...(flagged ? ["flagged"] : [])].join(" ");
  const attributes = `${flagged ? ` id="${id}-t${turn.index}"` : ""}${classes ? ` class="${classes}"` : ""}`;
  const head = `<b>${esc(turn.speaker)}</b> ${esc(where(turn.line, turn.start, words))}${flagged ? ` <span class="flag-label">▼ ${esc(m.html.flagged)}</span>` : ""}`;
  const body = turn.role === "counsellor" ? turn.utterances.map((u) => `${chip(u, descriptions)} ${esc(u.text)}`).join(" ") : esc(turn.text);
  return `<li${attributes}><p class="h">${head}</p><p>${body}</p></li>`;
}

function chip(u: Utterance, descriptions: Descriptions): string {
  const low = u.confidence === "low";
  const abbreviation = u.code === "other" ? "–" : CODE_ABBREVIATIONS[u.code];
  return `<button type="button" class="c ${familyClass(u.code)}${low ? " low" : ""}" aria-describedby="${descriptions.chip(u)}">${abbreviation}${low ? "?" : ""}</button>`;
}
