// `oars trend` as a terminal table, JSON, or a self-contained HTML page with a line chart per
// score over its fair/good bands. Words come from the locale's `trend` messages.

import { fitTable, wrap } from "../report/layout.js";
import { assets } from "../report/html/assets.js";
import { esc } from "../report/html/escape.js";
import { fill, type Words } from "../report/words.js";
import { formatNumber } from "../locale/numbers.js";
import { THRESHOLDS, type Unit } from "../score/miti.js";
import type { Language } from "../languages.js";
import type { Trend } from "./index.js";
import { AGREEMENT, MIN_ITEMS, NOISE_RULE, type Change } from "./noise.js";
import type { Session, TrendScore } from "./series.js";

const UNIT: Record<TrendScore, Unit> = {
  reflectionToQuestion: "ratio",
  percentComplexReflections: "percent",
  percentOpenQuestions: "percent",
  miNonAdherent: "count",
  percentChangeTalk: "percent",
};

function label(score: TrendScore, words: Words): string {
  const m = words.m;
  switch (score) {
    case "reflectionToQuestion":
      return m.limits["min-rq"];
    case "percentComplexReflections":
      return m.limits["min-complex"];
    case "percentOpenQuestions":
      return m.limits["min-open"];
    case "miNonAdherent":
      return m.trend["non-adherent"];
    case "percentChangeTalk":
      return m.trend["change-talk"];
  }
}

const figure = (score: TrendScore, value: number | null, words: Words) => (value === null ? words.m.levels["n/a"] : words.figure(UNIT[score], value));

/** The rule in words, its figures filled in from NOISE_RULE and AGREEMENT in the locale's way. */
function noiseRule(words: Words): string {
  const n = (value: number) => formatNumber(value, words.locale, 0, 2);
  const share = (score: keyof typeof NOISE_RULE) => {
    const rule = NOISE_RULE[score];
    return rule.kind === "share" ? rule.points : rule.kind === "none" ? 0 : Math.round(rule.share * 100);
  };
  return fill(words.m.trend["noise-rule"], {
    min: MIN_ITEMS,
    open: share("percentOpenQuestions"),
    openAccuracy: n(AGREEMENT.openClosedAccuracy),
    complex: share("percentComplexReflections"),
    complexAccuracy: n(AGREEMENT.simpleComplexAccuracy),
    rq: share("reflectionToQuestion"),
    reflectionF1: n(AGREEMENT.reflectionF1),
    questionF1: n(AGREEMENT.questionF1),
    nonAdherent: share("miNonAdherent"),
    adviceRecall: n(AGREEMENT.adviceFlagRecall),
    changeTalkF1: n(AGREEMENT.changeTalkF1),
    sustainTalkF1: n(AGREEMENT.sustainTalkF1),
  });
}

/** "R:Q 0.80 → 1.50 (+0.70): more than coding noise (±0.34)". */
export function changeLine(change: Change, words: Words): string {
  const t = words.m.trend;
  const { score, from, to, delta, noise } = change;
  const sign = delta !== null && delta > 0 ? "+" : delta !== null && delta < 0 ? "−" : "±";
  // A percentage moves by percentage points ("40% → 80% (+40 points)"), not by a share of itself.
  const amount = (value: number) => (UNIT[score] === "percent" ? fill(t.points, { value: formatNumber(value, words.locale, 0, 1) }) : figure(score, value, words));
  const moved = delta === null ? "" : ` (${sign}${amount(Math.abs(delta))})`;
  // A count's band is a fraction of a count (58 % of 3 is 1.74): two decimals at most.
  const band = noise === null ? "" : UNIT[score] === "count" ? formatNumber(noise, words.locale, 0, 2) : amount(noise);
  const verdict =
    change.verdict === "beyond-noise"
      ? fill(t["beyond-noise"], { noise: band })
      : change.verdict === "within-noise"
        ? fill(t["within-noise"], { noise: band })
        : change.verdict === "too-few"
          ? fill(t["too-few"], { min: MIN_ITEMS })
          : t[change.verdict];
  return `${label(score, words)} ${figure(score, from, words)} → ${figure(score, to, words)}${moved}: ${verdict}`;
}

function rows(trend: Trend, words: Words): string[][] {
  return trend.sessions.map((s) => [`${s.date} ${s.dateFrom === "name" ? words.m.trend["date-name"] : words.m.trend["date-modified"]}`, s.path, ...trend.scores.map((score) => figure(score, s.scores[score], words))]);
}

function head(trend: Trend, words: Words): string[] {
  const [date, session, ...scoreHeads] = words.m.trend.head;
  return [date!, session!, ...trend.scores.map((score) => scoreHeads[(["reflectionToQuestion", "percentComplexReflections", "percentOpenQuestions", "miNonAdherent", "percentChangeTalk"] as const).indexOf(score)]!)];
}

function heading(trend: Trend, words: Words): string {
  const first = trend.sessions[0];
  const last = trend.sessions[trend.sessions.length - 1];
  return fill(words.m.trend.heading, { sessions: trend.sessions.length, from: first?.date ?? "–", to: last?.date ?? "–" });
}

function changeHeading(trend: Trend, words: Words): string {
  return fill(words.m.trend["change-heading"], { from: trend.sessions[0]!.date, to: trend.sessions[trend.sessions.length - 1]!.date });
}

/**
 * The table report, fitted to `width` as the other table reports are (layout.ts): the column
 * titles wrap first ("Komplekse %" over two lines), then, when the path would be left too
 * narrow, each date goes above its session's path in one column, and the path wraps. Every
 * figure keeps its own column; nothing is dropped.
 */
export function trendTable(trend: Trend, words: Words, width: number): string {
  const table = fitTable(head(trend, words), rows(trend, words), width, { wrapHead: true, stack: 0, wrap: 1 });
  const lines = [...wrap(heading(trend, words), width), table, ""];
  if (trend.changes.length === 0) lines.push(...wrap(words.m.trend["needs-two"], width));
  else lines.push(...wrap(changeHeading(trend, words), width), ...trend.changes.flatMap((c) => wrap(changeLine(c, words), width, "  ", "    ")));
  lines.push("", ...wrap(noiseRule(words), width));
  return `${lines.join("\n")}\n`;
}

export function trendJson(trend: Trend, words: Words, version: string): string {
  const document = {
    schemaVersion: 1,
    tool: { name: "oars", version },
    sessions: trend.sessions.map((s) => ({ path: s.path, date: s.date, dateFrom: s.dateFrom, scores: Object.fromEntries(trend.scores.map((score) => [score, s.scores[score]])), items: s.items })),
    changes: trend.changes.map((c) => ({ ...c, text: changeLine(c, words) })),
    noiseRule: { ...NOISE_RULE, minItems: MIN_ITEMS, text: noiseRule(words) },
    errors: trend.errors,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// ---- HTML: a chart per score, the same table, the changes and the rule --------------------

const W = 640;
const H = 170;
const PAD = { left: 44, right: 12, top: 10, bottom: 24 };

function chart(trend: Trend, score: TrendScore, words: Words): string {
  const values = trend.sessions.map((s) => s.scores[score]);
  const unit = UNIT[score];
  const threshold = THRESHOLDS.find((t) => t.id === score);
  const present = values.filter((v): v is number => v !== null);
  const top = unit === "percent" ? 100 : Math.max(unit === "ratio" ? 3 : 2, Math.ceil(Math.max(0, ...present) * 1.1));
  const times = trend.sessions.map((s) => Date.parse(s.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (i: number) => PAD.left + (t1 > t0 ? (times[i]! - t0) / (t1 - t0) : trend.sessions.length > 1 ? i / (trend.sessions.length - 1) : 0.5) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - Math.min(v, top) / top) * (H - PAD.top - PAD.bottom);
  const n = (v: number) => Number(v.toFixed(1));
  const parts: string[] = [];
  if (threshold && threshold.direction === "at-least") {
    const { fair, good } = threshold.levels;
    parts.push(`<rect class="band-fair" x="${PAD.left}" y="${n(y(good))}" width="${W - PAD.left - PAD.right}" height="${n(y(fair) - y(good))}"/>`);
    parts.push(`<rect class="band-good" x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${n(y(good) - PAD.top)}"/>`);
    parts.push(`<text class="band-text" x="${W - PAD.right - 4}" y="${n(y(fair) - 3)}" text-anchor="end">${esc(`${words.m.levels.fair} ${words.bound(threshold, fair)}`)}</text>`);
    parts.push(`<text class="band-text" x="${W - PAD.right - 4}" y="${n(y(good) - 3)}" text-anchor="end">${esc(`${words.m.levels.good} ${words.bound(threshold, good)}`)}</text>`);
  }
  parts.push(`<line class="axis" x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}"/>`);
  parts.push(`<text class="tick" x="${PAD.left - 4}" y="${n(y(0) + 4)}" text-anchor="end">0</text><text class="tick" x="${PAD.left - 4}" y="${n(y(top) + 4)}" text-anchor="end">${esc(words.figure(unit, top))}</text>`);
  parts.push(`<text class="tick" x="${PAD.left}" y="${H - 6}">${esc(trend.sessions[0]!.date)}</text><text class="tick" x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${esc(trend.sessions[trend.sessions.length - 1]!.date)}</text>`);
  // The line breaks where a session has no figure.
  let path = "";
  values.forEach((v, i) => {
    if (v === null) return;
    path += `${path && values[i - 1] !== null && values[i - 1] !== undefined ? "L" : "M"}${n(x(i))},${n(y(v))}`;
  });
  if (path) parts.push(`<path class="line" d="${path}"/>`);
  values.forEach((v, i) => {
    if (v === null) return;
    parts.push(`<circle class="pt" cx="${n(x(i))}" cy="${n(y(v))}" r="4"><title>${esc(`${trend.sessions[i]!.date} ${trend.sessions[i]!.path}: ${figure(score, v, words)}`)}</title></circle>`);
  });
  const aria = fill(words.m.trend.chart, { score: label(score, words), sessions: trend.sessions.length });
  return `<figure class="chart"><figcaption>${esc(label(score, words))}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(aria)}">${parts.join("")}</svg></figure>`;
}

const TREND_CSS = `.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:1rem}.chart{margin:0}.chart svg{width:100%;height:auto;display:block;background:#fafafa}.chart figcaption{font-weight:600;font-size:.9rem}.band-fair{fill:#fdefb5}.band-good{fill:#d5eedc}.band-text,.tick{font-size:11px;fill:#4a4a4a}.axis{stroke:#767676}.line{fill:none;stroke:#1a1a1a;stroke-width:2}.pt{fill:#0b57a4;stroke:#fff;stroke-width:1.5}.trend table{border-collapse:collapse;width:100%;font-size:.85rem;font-variant-numeric:tabular-nums}.trend th,.trend td{border-bottom:1px solid #c8c8c8;padding:.2rem .4rem;text-align:right;overflow-wrap:normal}.trend th:nth-child(-n+2),.trend td:nth-child(-n+2){text-align:left}.trend td:nth-child(2){overflow-wrap:anywhere}.changes li{margin:.2rem 0}`;

export function trendHtml(trend: Trend, words: Words, locale: Language, version: string): string {
  const { css } = assets();
  const policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
  const table =
    `<div class="table-wrap"><table><thead><tr>${head(trend, words).map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>` +
    rows(trend, words).map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("") +
    `</tbody></table></div>`;
  const changes =
    trend.changes.length === 0
      ? `<p>${esc(words.m.trend["needs-two"])}</p>`
      : `<h2>${esc(changeHeading(trend, words))}</h2><ul class="changes">${trend.changes.map((c) => `<li class="${c.verdict}">${esc(changeLine(c, words))}</li>`).join("")}</ul>`;
  const errors = trend.errors.length > 0 ? `<h2>${esc(words.m.report["not-analysed"])}</h2><ul class="errors">${trend.errors.map((e) => `<li>${esc(e.path)}: ${esc(e.message)}</li>`).join("")}</ul>` : "";
  const charts = trend.sessions.length > 0 ? `<div class="charts">${trend.scores.map((score) => chart(trend, score, words)).join("")}</div>` : "";
  return (
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${esc(`oars trend: ${heading(trend, words)}`)}</title><style>${css}${TREND_CSS}</style></head>\n` +
    `<body><main class="trend"><h1>${esc(heading(trend, words))}</h1>${charts}${changes}<p class="note">${esc(noiseRule(words))} ${esc(words.m.report["threshold-note"])}</p>${table}${errors}</main>` +
    `<footer><p>${esc(fill(words.m.html.generated, { version }))}</p></footer></body></html>\n`
  );
}

export type { Session };
