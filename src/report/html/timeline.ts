// The whole session as one picture: a mark per turn, in time order when every turn has
// timestamps and in turn order otherwise; counsellor codes in one lane (mark height by code
// family as well as colour), client talk in another (change talk rises, sustain talk hangs,
// once client coding exists), flagged lines with a second mark above the lanes. Below it,
// each speaker's share of the talk. Drawn as plain SVG: a mark per turn must be an element of
// its own (the tests count them, a <title> names each), which a chart library would only wrap.

import { formatTimecode } from "../../read/timecode.js";
import type { CodedTurn, FileResult, Role } from "../../types.js";
import { fill, type Words } from "../words.js";
import { esc } from "./escape.js";
import { clientTalkOf, type ClientTalk } from "./extras.js";
import { classOfFamily, FAMILIES, FAMILY_HEIGHT, familyClass } from "./families.js";

/** The timeline's drawing box; the overview's sparklines reuse the marks in the same box. */
export const TIMELINE_WIDTH = 1000;
const FLAG_ROW = { top: 0, height: 8 };
const LANES: Record<Role, { top: number; height: number }> = {
  counsellor: { top: 10, height: 32 },
  client: { top: 46, height: 22 },
  other: { top: 72, height: 10 },
};

export function timelineHeight(hasOther: boolean): number {
  return hasOther ? 84 : 70;
}

interface Span {
  x: number;
  width: number;
}

/** Where each turn sits: by its timestamps when all have them, else by its place in the session. */
function placeTurns(turns: readonly CodedTurn[]): { spans: Span[]; byTime: boolean; seconds: number } {
  const timed = turns.length > 0 && turns.every((t) => t.start !== null && t.end !== null);
  const t0 = timed ? Math.min(...turns.map((t) => t.start!)) : 0;
  const t1 = timed ? Math.max(...turns.map((t) => t.end!)) : 0;
  if (timed && t1 > t0) {
    const scale = TIMELINE_WIDTH / (t1 - t0);
    return { spans: turns.map((t) => ({ x: (t.start! - t0) * scale, width: Math.max((t.end! - t.start!) * scale, 1) })), byTime: true, seconds: t1 - t0 };
  }
  const step = TIMELINE_WIDTH / Math.max(turns.length, 1);
  return { spans: turns.map((_, i) => ({ x: i * step, width: Math.max(step * 0.85, 0.5) })), byTime: false, seconds: 0 };
}

const n = (v: number) => Number(v.toFixed(1));

/** The client's talk in a turn: the client coding's turn talk; else change or sustain when any utterance is (the first of them wins). */
function turnTalk(turn: CodedTurn): ClientTalk | undefined {
  if (turn.turnTalk) return turn.turnTalk === "change-talk" ? "change" : turn.turnTalk === "sustain-talk" ? "sustain" : "neutral";
  const talks = turn.utterances.map(clientTalkOf);
  return talks.find((t) => t === "change" || t === "sustain") ?? talks.find((t) => t === "neutral");
}

/** A mark's class: its lane and kind. Its height and place in the lane follow from the class (timelineCss). */
function markClass(turn: CodedTurn): string {
  if (turn.role === "counsellor") return familyClass(turn.primary);
  if (turn.role === "other") return "t-ot";
  const talk = turnTalk(turn);
  return talk === "change" ? "t-ch" : talk === "sustain" ? "t-su" : "t-ne";
}

function markWhat(turn: CodedTurn, words: Words): string {
  const m = words.m;
  if (turn.role === "counsellor") return m.codes[turn.primary];
  if (turn.role === "other") return m.roles.other;
  const talk = turnTalk(turn);
  return talk ? m.html[`${talk}-talk`] : m.roles.client;
}

// A report of 500 sessions holds a mark per turn of each: a mark is only its class, place and
// title; its height comes from the stylesheet, and so does its width when every mark of the
// session has the same (turns placed by order, not by time: the group carries it as --w).
function mark(turn: CodedTurn, span: Span, words: Words, sharedWidth: boolean): string {
  const where = `${fill(words.m.report.line, { line: turn.line })}${turn.start !== null ? ` (${formatTimecode(turn.start)})` : ""}`;
  const width = sharedWidth ? "" : ` width="${n(span.width)}"`;
  return `<rect class="m ${markClass(turn)}" x="${n(span.x)}"${width}><title>${esc(`${where}: ${markWhat(turn, words)}`)}</title></rect>`;
}

/**
 * Each kind of mark's place in its lane, as CSS geometry (y, height): counsellor marks stand
 * on the lane's floor with a height by code family; client change talk rises from the lane's
 * middle and sustain talk hangs from it, so shape says what colour says.
 */
export function timelineCss(): string {
  const rules: string[] = [];
  const rule = (cls: string, y: number, height: number) => rules.push(`.m.${cls}{y:${n(y)}px;height:${n(height)}px}`);
  const c = LANES.counsellor;
  for (const family of FAMILIES) {
    const height = (c.height * FAMILY_HEIGHT[family]) / 100;
    rule(classOfFamily(family), c.top + c.height - height, height);
  }
  const k = LANES.client;
  const middle = k.top + k.height / 2;
  rule("t-ch", k.top, k.height / 2);
  rule("t-su", middle, k.height / 2);
  rule("t-ne", middle - 3, 6);
  rule("t-ot", LANES.other.top, LANES.other.height);
  rules.push(".same-w>.m{width:var(--w)}");
  return rules.join("");
}

/** The timeline's marks, in a group the overview can reuse by id. */
function marks(result: FileResult, id: string, words: Words, spans: Span[], byTime: boolean): string {
  const flagged = new Set(result.flags.map((f) => f.turn));
  const sharedWidth = !byTime && spans.length > 0;
  const parts = result.turns.map((turn, i) => mark(turn, spans[i]!, words, sharedWidth));
  for (const [i, turn] of result.turns.entries()) {
    if (!flagged.has(turn.index)) continue;
    const span = spans[i]!;
    const x = span.x + span.width / 2;
    // A downward triangle over the flagged turn.
    parts.push(`<polygon class="fl" points="${n(x - 5)},${FLAG_ROW.top} ${n(x + 5)},${FLAG_ROW.top} ${n(x)},${FLAG_ROW.top + FLAG_ROW.height}"/>`);
  }
  const width = sharedWidth ? ` class="same-w" style="--w:${n(spans[0]!.width)}px"` : "";
  return `<g id="${id}-tl"${width}>${parts.join("")}</g>`;
}

export function timeline(result: FileResult, id: string, words: Words, redacted: boolean): string {
  const m = words.m;
  const { spans, byTime, seconds } = placeTurns(result.turns);
  const hasOther = result.turns.some((t) => t.role === "other");
  const height = timelineHeight(hasOther);
  const clientCoded = result.turns.some((t) => t.role === "client" && turnTalk(t) !== undefined);
  const lanes = (["counsellor", "client", ...(hasOther ? (["other"] as const) : [])] as Role[])
    .map((role) => `<span style="top:${LANES[role].top}px;height:${LANES[role].height}px">${esc(m.html[`lane-${role}` as const])}</span>`)
    .join("");
  const caption = byTime ? fill(m.html["timeline-by-time"], { duration: formatTimecode(seconds) }) : fill(m.html["timeline-by-turn"], { turns: result.turns.length });
  const label = fill(m.html["timeline-label"], { turns: result.turns.length, flags: result.flags.length });
  const svg =
    `<svg class="tl" viewBox="0 0 ${TIMELINE_WIDTH} ${height}" preserveAspectRatio="none" height="${height}" role="img" aria-label="${esc(label)}">` +
    `<rect class="lane" x="0" y="${LANES.counsellor.top}" width="${TIMELINE_WIDTH}" height="${LANES.counsellor.height}"/>` +
    `<rect class="lane" x="0" y="${LANES.client.top}" width="${TIMELINE_WIDTH}" height="${LANES.client.height}"/>` +
    `${marks(result, id, words, spans, byTime)}</svg>`;
  return (
    `<section class="timeline"><h3>${esc(m.html.timeline)}</h3><p class="note">${esc(caption)}${clientCoded ? "" : ` ${esc(m.html["client-not-coded"])}`}</p>` +
    `<div class="tl-box"><div class="lane-labels" style="height:${height}px">${lanes}</div>${svg}</div>${legend(words, clientCoded)}${byTime || !redacted ? talkShare(result, byTime, words) : ""}</section>`
  );
}

function legend(words: Words, clientCoded: boolean): string {
  const m = words.m;
  const items = FAMILIES.map((family) => `<li><span class="sw ${classOfFamily(family)}" aria-hidden="true"></span>${esc(m.html[`family-${family}`])}</li>`);
  items.push(`<li><span class="sw fl-sw" aria-hidden="true">▼</span>${esc(m.html.flagged)}</li>`);
  if (clientCoded) items.push(`<li><span class="sw t-ch" aria-hidden="true"></span>${esc(m.html["change-talk"])}</li><li><span class="sw t-su" aria-hidden="true"></span>${esc(m.html["sustain-talk"])}</li>`);
  return `<ul class="legend">${items.join("")}</ul>`;
}

/**
 * Each speaker's share of the session: of its speaking time when timed, else of its words
 * (not shown for a redacted untimed report: its words are codes by then, so the count would mislead).
 */
function talkShare(result: FileResult, byTime: boolean, words: Words): string {
  const m = words.m;
  const amount = new Map<string, { role: Role; value: number }>();
  for (const turn of result.turns) {
    const value = byTime ? turn.end! - turn.start! : turn.text.split(/\s+/).filter(Boolean).length;
    const entry = amount.get(turn.speaker) ?? { role: turn.role, value: 0 };
    entry.value += Math.max(value, 0);
    amount.set(turn.speaker, entry);
  }
  const total = [...amount.values()].reduce((s, e) => s + e.value, 0) || 1;
  const shares = [...amount.entries()].map(([speaker, { role, value }]) => ({ speaker, role, share: (value / total) * 100 }));
  const bar = shares.map((s) => `<span class="r-${s.role}" style="width:${s.share.toFixed(2)}%"></span>`).join("");
  const list = shares.map((s) => `<li><span class="sw r-${s.role}" aria-hidden="true"></span>${esc(s.speaker)} (${esc(m.roles[s.role])}): ${esc(words.figure("percent", Math.round(s.share)))}</li>`).join("");
  return `<div class="share"><h4>${esc(m.html["talk-share"])} <span class="note">(${esc(byTime ? m.html["talk-by-time"] : m.html["talk-by-words"])})</span></h4><div class="share-bar" aria-hidden="true">${bar}</div><ul class="legend">${list}</ul></div>`;
}
