// The session's MITI summary scores as bars against their fair/good bands. Each band is
// labelled in words and hatched differently, and the value is printed with its level, so
// the bars read without colour.

import { levelOf, THRESHOLDS, type ThresholdScore } from "../../score/miti.js";
import type { Metrics } from "../../types.js";
import { fill, type Words } from "../words.js";
import { esc } from "./escape.js";
import { clientRows } from "../client-rows.js";

export function scoreBars(metrics: Metrics, words: Words): string {
  const m = words.m;
  const rows = THRESHOLDS.map((score) => scoreRow(score, metrics, words)).join("");
  return `<section class="scores"><h3>${esc(m.report["summary-scores"])}</h3><dl class="bars">${rows}</dl><p class="note">${esc(m.report["threshold-note"])}</p></section>${clientSection(metrics, words)}`;
}

// Client talk: the figures as a definition list, the estimates marked and explained below.
function clientSection(metrics: Metrics, words: Words): string {
  const client = clientRows(metrics.client, words);
  if (!client) return "";
  const rows = client.rows.map(([label, value]) => `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>`).join("");
  return `<section class="client-talk"><h3>${esc(client.heading)}</h3><dl>${rows}</dl><p class="note">${client.notes.map(esc).join(" ")}</p></section>`;
}

function scoreRow(score: ThresholdScore, metrics: Metrics, words: Words): string {
  const m = words.m;
  const value = score.value(metrics);
  const level = levelOf(score, metrics);
  const shown = value === null ? m.levels["n/a"] : words.figure(score.unit, value);
  const label = `<dt>${esc(m.scores[score.id])}</dt>`;
  const reading = `<span class="reading lv-${level === "n/a" ? "na" : level}">${esc(shown)} · ${esc(m.levels[level])}</span>`;
  // A count whose aim is 0 (MI non-adherent) has no scale worth drawing: its figure and level say it.
  if (score.unit === "count") return `${label}<dd>${reading}</dd>`;
  const max = score.unit === "percent" ? 100 : Math.max(3, Math.ceil((value ?? 0) * 1.1));
  const at = (x: number) => `${((Math.min(x, max) / max) * 100).toFixed(2)}%`;
  const { fair, good } = score.levels;
  const bands =
    `<span class="band below" style="left:0;width:${at(fair)}"></span>` +
    `<span class="band fair" style="left:${at(fair)};width:${at(good - fair)}"></span>` +
    `<span class="band good" style="left:${at(good)};width:${at(max - good)}"></span>`;
  // The bands' bounds in words beside the bar: labels placed on the bar collide when bands are narrow.
  const bounds = `<span class="bounds">${esc(m.levels.fair)} ${esc(words.bound(score, fair))} · ${esc(m.levels.good)} ${esc(words.bound(score, good))}</span>`;
  const bar = value === null ? "" : `<span class="value" style="width:${at(value)}"></span>`;
  const aria = `${m.scores[score.id]}: ${shown}, ${m.levels[level]} (${m.levels.fair} ${words.bound(score, fair)}, ${m.levels.good} ${words.bound(score, good)}; ${fill(m.html.scale, { max })})`;
  return `${label}<dd><span class="track" role="img" aria-label="${esc(aria)}">${bands}${bar}</span>${reading}${bounds}</dd>`;
}
