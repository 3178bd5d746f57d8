#!/usr/bin/env node
// `npm run measure`: every accuracy figure README states, each measured by the `oars eval`
// command printed beside it. AnnoMI figures are cross-validated (folds grouped by source
// video: each fold coded by weights trained on the other folds and the code set's train
// part); code-set figures are on the test part, which no weights were trained on.
//
// The twelve AnnoMI sessions translated into nb, da and sv (fixtures/annomi-<lang>) are
// measured against their English originals in the same way: 4-fold CV grouped by source, each
// fold trained on top of an English base. That base must not have seen the held-out fold's
// sources, so it is NOT rules/en/weights.json (trained on all 90 English sessions, these
// twelve among them) but English weights trained here without the twelve sessions' sources
// (the other 78 dev sessions and the English code set's train part), written to a temporary
// folder that is removed at the end. Client talk likewise starts each fold from English client
// weights trained on those 78 sessions. `OARS_MEASURE=translated` measures only those rows.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const ONLY = process.env.OARS_MEASURE;
const LANGS = ["nb", "da", "sv"];
const rel = (path) => relative(ROOT, path);
const txt = (folder) => readdirSync(join(folder, "txt")).filter((f) => f.endsWith(".txt")).sort().map((f) => rel(join(folder, "txt", f)));
const jsonLines = (file) => readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
const f2 = (x) => (x === null || x === undefined ? "n/a" : x.toFixed(2));

function oars(command, args) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), command, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`oars ${command} ${args.slice(0, 6).join(" ")}…: ${run.stderr}`);
  return run.stdout;
}
const evalJson = (args) => JSON.parse(oars("eval", ["-f", "json", ...args]));

const rows = [];
const transcriptRows = (label, r, command) => {
  rows.push([label, "behaviour macro-F1", f2(r.behaviour.macroF1), command]);
  rows.push([label, "behaviour accuracy", f2(r.behaviour.accuracy), ""]);
  rows.push([label, "advice precision / recall", `${f2(r.advice.precision)} / ${f2(r.advice.recall)}`, ""]);
  rows.push([label, "R:Q Spearman; AUC high/low", `${f2(r.reflectionToQuestionSpearman)}; ${f2(r.qualityAuc.oars)}`, ""]);
  rows.push([label, "open/closed; simple/complex; reflection F1", `${f2(r.openClosed.accuracy)}; ${f2(r.simpleComplex.accuracy)}; ${f2(r.reflection.f1)}`, ""]);
  rows.push([label, "confidence: high share; agreement high / low", `${f2(r.confidence.highShare)}; ${f2(r.confidence.highAgreement)} / ${f2(r.confidence.lowAgreement)}`, ""]);
  rows.push([label, "per behaviour F1", r.behaviour.perClass.map((c) => `${c.label} ${f2(c.f1)}`).join(", "), ""]);
  if (r.client) {
    rows.push([label, "client talk macro-F1; kappa", `${f2(r.client.macroF1)}; ${f2(r.client.kappa)}`, ""]);
    rows.push([label, "client talk F1 (change, neutral, sustain)", r.client.perClass.map((c) => `${c.label} ${f2(c.f1)}`).join(", "), ""]);
    rows.push([label, "% change talk per session, Spearman", f2(r.client.percentChangeTalkSpearman), ""]);
  }
};

if (!ONLY) {
  const args = ["--cv", "5", "--lang", "en", "--lines", "fixtures/miti/en.tsv", "--gold", rel(join(CORPUS, "gold.jsonl"))];
  transcriptRows("AnnoMI dev (en), 90 sessions", evalJson([...args, ...txt(CORPUS)]), `oars eval ${args.join(" ")} ${rel(join(CORPUS, "txt"))}/*.txt`);
}

// ---- the twelve translated sessions, against their English originals --------------------
const translated = (lang) => join(ROOT, "fixtures", `annomi-${lang}`);
const ids = jsonLines(join(translated("nb"), "transcripts.jsonl")).map((t) => t.transcript).sort();
for (const lang of LANGS) {
  const theirs = jsonLines(join(translated(lang), "transcripts.jsonl")).map((t) => t.transcript).sort();
  if (theirs.join() !== ids.join()) throw new Error(`fixtures/annomi-${lang} translates other sessions than fixtures/annomi-nb`);
}
const heldSources = new Set(jsonLines(join(CORPUS, "transcripts.jsonl")).filter((t) => ids.includes(t.transcript)).map((t) => t.source));
const baseTranscripts = jsonLines(join(CORPUS, "transcripts.jsonl")).filter((t) => !heldSources.has(t.source)).map((t) => rel(join(CORPUS, "txt", `${t.transcript}.txt`)));
const temp = mkdtempSync(join(tmpdir(), "oars-measure-"));
try {
  const base = join(temp, "en-base.json");
  oars("train", ["--lang", "en", "--gold", rel(join(CORPUS, "gold.jsonl")), ...baseTranscripts, "--lines", "fixtures/miti/en.tsv", "-o", base]);
  // The client weights start from English's in the same way (as rules/<lang>/client-weights.json do).
  const clientBase = join(temp, "en-client-base.json");
  oars("train", ["--client", "--lang", "en", "--gold", rel(join(CORPUS, "gold.jsonl")), ...baseTranscripts, "--lines", "fixtures/miti/en.tsv", "-o", clientBase]);
  rows.push([`English base for the rows below (${baseTranscripts.length} sessions)`, "", "", `en-base.json = oars train --lang en --lines fixtures/miti/en.tsv --gold ${rel(join(CORPUS, "gold.jsonl"))} <the dev sessions of sources other than the twelve's> -o en-base.json; en-client-base.json the same with --client`]);
  const english = ids.map((id) => rel(join(CORPUS, "txt", `${id}.txt`)));
  for (const lang of ["en", ...LANGS]) {
    const gold = lang === "en" ? rel(join(CORPUS, "gold.jsonl")) : rel(join(translated(lang), "gold.jsonl"));
    const files = lang === "en" ? english : txt(translated(lang));
    const args = ["--cv", "4", "--lang", lang, "--base", "en-base.json", "--client-base", "en-client-base.json", "--lines", `fixtures/miti/${lang}.tsv`, "--gold", gold];
    const r = evalJson(args.map((a) => (a === "en-base.json" ? base : a === "en-client-base.json" ? clientBase : a)).concat(files));
    const shown = lang === "en" ? `${ids.map((id) => `${rel(join(CORPUS, "txt"))}/${id}.txt`).join(" ")}` : `${rel(join(translated(lang), "txt"))}/*.txt`;
    transcriptRows(`12 sessions (${lang}), CV 4 on en-base`, r, `oars eval ${args.join(" ")} ${lang === "en" ? "<the twelve English originals>" : shown}`);
    if (lang === "en") continue;
    // English weights alone: carried to the language by rule id (its words and the rules the
    // language lacks left out), with no training in the language at all.
    const carried = join(temp, `${lang}-from-en.json`);
    writeFileSync(carried, JSON.stringify(carry(JSON.parse(readFileSync(base, "utf8")), lang, "weights.json", "en-base.json")));
    const carriedClient = join(temp, `${lang}-client-from-en.json`);
    writeFileSync(carriedClient, JSON.stringify(carry(JSON.parse(readFileSync(clientBase, "utf8")), lang, "client-weights.json", "en-client-base.json")));
    const alone = evalJson(["--lang", lang, "--weights", carried, "--client-weights", carriedClient, "--gold", gold, ...files]);
    transcriptRows(`12 sessions (${lang}), en-base alone`, alone, `oars eval --lang ${lang} --weights <en-base.json carried to ${lang}> --client-weights <en-client-base.json carried to ${lang}> --gold ${gold} ${shown}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

// English weights (counsellor or client: `file` names the language's own, whose rule ids they keep) for `lang`.
function carry(weights, lang, file, name) {
  const rules = new Set(JSON.parse(readFileSync(join(ROOT, "rules", lang, file), "utf8")).rules);
  const features = Object.fromEntries(Object.entries(weights.features).filter(([feature]) => !feature.startsWith("w:") && (!feature.startsWith("rule:") || rules.has(feature.slice(5)))));
  return { ...weights, language: lang, rules: weights.rules.filter((id) => rules.has(id)), vocabulary: [], base: name, features };
}

if (!ONLY) {
  for (const lang of ["en", ...LANGS]) {
    const r = evalJson(["--lines", `fixtures/miti/${lang}.tsv`]).codeSets[0];
    rows.push([`MITI code set (${lang}), test part, ${r.lines} lines`, "13-code macro-F1; persuade+confront flag P / R", `${f2(r.macroF1)}; ${f2(r.flags.precision)} / ${f2(r.flags.recall)}`, `oars eval --lines fixtures/miti/${lang}.tsv`]);
    if (r.client) rows.push([`MITI code set (${lang}), test part, ${r.client.lines} client lines`, "client talk macro-F1; kappa", `${f2(r.client.macroF1)}; ${f2(r.client.kappa)}`, `oars eval --lines fixtures/miti/${lang}.tsv`]);
    const rules = evalJson(["--lines", `fixtures/miti/${lang}.tsv`, "--rules-only"]).codeSets[0];
    rows.push([`same, the rules alone (first match)`, "13-code macro-F1; persuade+confront flag P / R", `${f2(rules.macroF1)}; ${f2(rules.flags.precision)} / ${f2(rules.flags.recall)}`, `oars eval --lines fixtures/miti/${lang}.tsv --rules-only`]);
  }
}
console.log("| data | figure | value | command |\n|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
