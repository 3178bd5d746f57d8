#!/usr/bin/env node
// `npm run measure`: every accuracy figure README states, each measured by the `oars eval`
// command printed beside it. AnnoMI figures are cross-validated (5 folds grouped by source
// video: each fold coded by weights trained on the other folds and the code set's train
// part); code-set figures are on the test part, which no weights were trained on.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const rel = (path) => relative(ROOT, path);
const txt = (folder) => readdirSync(join(folder, "txt")).filter((f) => f.endsWith(".txt")).sort().map((f) => rel(join(folder, "txt", f)));
const f2 = (x) => (x === null || x === undefined ? "n/a" : x.toFixed(2));

function evalJson(args) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), "eval", "-f", "json", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`oars eval ${args.slice(0, 6).join(" ")}…: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const rows = [];
const annomi = (label, folder, lang, k) => {
  const base = lang === "en" ? [] : ["--base", "rules/en/weights.json"];
  const r = evalJson(["--cv", String(k), "--lang", lang, ...base, "--lines", `fixtures/miti/${lang}.tsv`, "--gold", rel(join(folder, "gold.jsonl")), ...txt(folder)]);
  const command = `oars eval --cv ${k} --lang ${lang}${base.length ? " --base rules/en/weights.json" : ""} --lines fixtures/miti/${lang}.tsv --gold ${rel(join(folder, "gold.jsonl"))} ${rel(join(folder, "txt"))}/*.txt`;
  rows.push([label, "behaviour macro-F1", f2(r.behaviour.macroF1), command]);
  rows.push([label, "behaviour accuracy", f2(r.behaviour.accuracy), ""]);
  rows.push([label, "advice precision / recall", `${f2(r.advice.precision)} / ${f2(r.advice.recall)}`, ""]);
  rows.push([label, "R:Q Spearman; AUC high/low", `${f2(r.reflectionToQuestionSpearman)}; ${f2(r.qualityAuc.oars)}`, ""]);
  rows.push([label, "open/closed; simple/complex; reflection F1", `${f2(r.openClosed.accuracy)}; ${f2(r.simpleComplex.accuracy)}; ${f2(r.reflection.f1)}`, ""]);
  rows.push([label, "per behaviour F1", r.behaviour.perClass.map((c) => `${c.label} ${f2(c.f1)}`).join(", "), ""]);
  if (r.client) {
    rows.push([label, "client talk macro-F1; kappa", `${f2(r.client.macroF1)}; ${f2(r.client.kappa)}`, ""]);
    rows.push([label, "client talk F1 (change, neutral, sustain)", r.client.perClass.map((c) => `${c.label} ${f2(c.f1)}`).join(", "), ""]);
    rows.push([label, "% change talk per session, Spearman", f2(r.client.percentChangeTalkSpearman), ""]);
  }
};

annomi("AnnoMI dev (en), 90 sessions", CORPUS, "en", 5);
for (const lang of ["nb", "da", "sv"]) annomi(`AnnoMI translated (${lang}), 12 sessions`, join(ROOT, "fixtures", `annomi-${lang}`), lang, 4);
for (const lang of ["en", "nb", "da", "sv"]) {
  const r = evalJson(["--lines", `fixtures/miti/${lang}.tsv`]).codeSets[0];
  rows.push([`MITI code set (${lang}), test part, ${r.lines} lines`, "13-code macro-F1; persuade+confront flag P / R", `${f2(r.macroF1)}; ${f2(r.flags.precision)} / ${f2(r.flags.recall)}`, `oars eval --lines fixtures/miti/${lang}.tsv`]);
  if (r.client) rows.push([`MITI code set (${lang}), test part, ${r.client.lines} client lines`, "client talk macro-F1; kappa", `${f2(r.client.macroF1)}; ${f2(r.client.kappa)}`, `oars eval --lines fixtures/miti/${lang}.tsv`]);
  const rules = evalJson(["--lines", `fixtures/miti/${lang}.tsv`, "--rules-only"]).codeSets[0];
  rows.push([`same, the rules alone (first match)`, "13-code macro-F1; persuade+confront flag P / R", `${f2(rules.macroF1)}; ${f2(rules.flags.precision)} / ${f2(rules.flags.recall)}`, `oars eval --lines fixtures/miti/${lang}.tsv --rules-only`]);
}
console.log("| data | figure | value | command |\n|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
