#!/usr/bin/env node
// How good turn codes must be for the session figures of issues 17 and 18 (R:Q Spearman and
// AUC, % change talk Spearman) to reach their targets. Reads the JSON of a cross-validation
// (`oars eval --cv 5 … -f json`) for oars' confusion matrices, and the AnnoMI gold turns; then
// codes every gold turn again by drawing from a confusion matrix (a coder whose errors fall
// independently of the session, in oars' proportions), and scores the sessions as `oars eval`
// does. Each row scales oars' errors by a factor (1 = oars' own error rate, 0.5 = half the
// errors, moved onto the right code); figures are medians over 200 draws from a fixed seed.
//
//   node bin/oars.js eval --cv 5 --lang en --lines fixtures/miti/en.tsv -f json \
//     --gold ../shared/corpus/annomi/dev/gold.jsonl ../shared/corpus/annomi/dev/txt/*.txt > cv.json
//   node scripts/ceiling.mjs cv.json
//
// R:Q here is the behaviour count (reflection turns ÷ question turns, over one question at
// least); its AUC on the gold codes is the same 0.88 `oars eval` reports for the experts.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// The same rank correlation and AUC `oars eval` reports (npm run build makes dist/).
const { auc, spearman } = await import(join(ROOT, "dist", "eval", "stats.js"));
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const DRAWS = 200;
const SCALES = [1, 0.8, 0.7, 0.6, 0.5, 0.4, 0.2];

if (process.argv.length !== 3) {
  process.stderr.write("usage: node scripts/ceiling.mjs CV.json (the output of `oars eval --cv K … -f json`)\n");
  process.exit(2);
}
const cv = JSON.parse(readFileSync(process.argv[2], "utf8"));
const jsonLines = (file) => readFileSync(join(CORPUS, file), "utf8").trim().split("\n").map((line) => JSON.parse(line));
const quality = new Map(jsonLines("transcripts.jsonl").map((t) => [t.transcript, t.quality]));
const gold = jsonLines("gold.jsonl");

// Gold codes a session, as indexes into the cross-validation's labels.
function sessionsOf(role, field, labels) {
  const sessions = new Map();
  for (const turn of gold) {
    if (turn.role !== role || !turn[field]) continue;
    if (!sessions.has(turn.transcript)) sessions.set(turn.transcript, []);
    sessions.get(turn.transcript).push(labels.indexOf(turn[field]));
  }
  return sessions;
}

// A deterministic generator (so the printed table is the same every run).
let state = 20261130;
const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** The confusion matrix with each row's errors scaled by `factor` and the rest moved onto the diagonal. */
function scaled(confusion, factor) {
  return confusion.map((row, i) => {
    const errors = row.reduce((sum, n, j) => (j === i ? sum : sum + n), 0);
    return row.map((n, j) => (j === i ? n + (1 - factor) * errors : n * factor));
  });
}

function draw(row) {
  const total = row.reduce((a, b) => a + b, 0);
  let u = random() * total;
  for (let j = 0; j < row.length - 1; j++) if ((u -= row[j]) < 0) return j;
  return row.length - 1;
}

function macroF1AndKappa(confusion) {
  const k = confusion.length;
  const n = confusion.flat().reduce((a, b) => a + b, 0);
  let f1 = 0, observed = 0, chance = 0;
  for (let i = 0; i < k; i++) {
    const predicted = confusion.reduce((sum, row) => sum + row[i], 0);
    const actual = confusion[i].reduce((a, b) => a + b, 0);
    f1 += (2 * confusion[i][i]) / (predicted + actual);
    observed += confusion[i][i] / n;
    chance += (predicted / n) * (actual / n);
  }
  return { macroF1: f1 / k, kappa: (observed - chance) / (1 - chance) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// ---- counsellor: R:Q from behaviour turns (labels: question, reflection, therapist_input, other)
const behaviourLabels = cv.behaviour.labels;
const behaviour = sessionsOf("counsellor", "behaviour", behaviourLabels);
const names = [...behaviour.keys()].filter((name) => quality.get(name) === "high" || quality.get(name) === "low");
const Q = behaviourLabels.indexOf("question"), R = behaviourLabels.indexOf("reflection");
const rq = (codes) => codes.filter((c) => c === R).length / Math.max(codes.filter((c) => c === Q).length, 1);
const goldRq = names.map((name) => rq(behaviour.get(name)));
const isHigh = names.map((name) => quality.get(name) === "high");

// ---- client: % change talk (labels: change, neutral, sustain)
const talkLabels = cv.client.labels;
const talk = sessionsOf("client", "talk", talkLabels);
const CHANGE = talkLabels.indexOf("change"), SUSTAIN = talkLabels.indexOf("sustain");
const percentChange = (codes) => {
  const change = codes.filter((c) => c === CHANGE).length, sustain = codes.filter((c) => c === SUSTAIN).length;
  return change + sustain === 0 ? null : change / (change + sustain);
};

const f2 = (x) => x.toFixed(2);
console.log(`gold R:Q AUC high vs low quality: ${f2(auc(goldRq, isHigh))} (oars eval: ${f2(cv.qualityAuc.gold)})`);
console.log(`measured by the cross-validation: behaviour macro-F1 ${f2(cv.behaviour.macroF1)}, R:Q Spearman ${f2(cv.reflectionToQuestionSpearman)}, AUC ${f2(cv.qualityAuc.oars)}; client macro-F1 ${f2(cv.client.macroF1)}, kappa ${f2(cv.client.kappa)}, % change talk Spearman ${f2(cv.client.percentChangeTalkSpearman)}`);
console.log("");
console.log("| oars' errors × | behaviour macro-F1 | R:Q Spearman | R:Q AUC | client macro-F1 | client kappa | % change talk Spearman |");
console.log("|---|---|---|---|---|---|---|");
for (const factor of SCALES) {
  const behaviourRows = scaled(cv.behaviour.confusion, factor);
  const talkRows = scaled(cv.client.confusion, factor);
  const rqSpearman = [], rqAuc = [], ctSpearman = [];
  for (let d = 0; d < DRAWS; d++) {
    const drawnRq = names.map((name) => rq(behaviour.get(name).map((c) => draw(behaviourRows[c]))));
    rqSpearman.push(spearman(goldRq, drawnRq));
    rqAuc.push(auc(drawnRq, isHigh));
    const goldCt = [], drawnCt = [];
    for (const codes of talk.values()) {
      const g = percentChange(codes), p = percentChange(codes.map((c) => draw(talkRows[c])));
      if (g !== null && p !== null) { goldCt.push(g); drawnCt.push(p); }
    }
    ctSpearman.push(spearman(goldCt, drawnCt));
  }
  const b = macroF1AndKappa(behaviourRows), c = macroF1AndKappa(talkRows);
  console.log(`| ${factor} | ${f2(b.macroF1)} | ${f2(median(rqSpearman))} | ${f2(median(rqAuc))} | ${f2(c.macroF1)} | ${f2(c.kappa)} | ${f2(median(ctSpearman))} |`);
}
