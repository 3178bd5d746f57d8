#!/usr/bin/env node
// `npm run levels`: how many of the AnnoMI development sessions (../shared/corpus/annomi/dev, or
// OARS_CORPUS) each --level passes, split by the corpus's quality mark: README's level table.
// `--write` puts the table into README between its <!-- level-table --> marks; a test checks
// README against the same runs (within 2 sessions). The bundled weights were trained on these
// sessions, so this describes what a level asks of a session; it is not an accuracy figure.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const quality = new Map(readFileSync(join(CORPUS, "transcripts.jsonl"), "utf8").trim().split("\n").map((line) => {
  const s = JSON.parse(line);
  return [s.transcript, s.quality];
}));

const LEVELS = [
  ["basic", "`basic` (default)", "PER ≤ 0, CON ≤ 0"],
  ["fair", "`fair`", "R:Q ≥ 1, % open ≥ 50, % complex ≥ 40, % MI-adherent ≥ 90"],
  ["good", "`good`", "R:Q ≥ 2, % open ≥ 70, % complex ≥ 50, % MI-adherent ≥ 100"],
];
const share = (n, of) => `${n} of ${of} (${Math.round((100 * n) / of)} %)`;

const rows = LEVELS.map(([level, label, holds]) => {
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), "check", "-f", "ndjson", "--no-config", "--level", level, join(CORPUS, "txt")], { encoding: "utf8", maxBuffer: 1 << 28 });
  const counts = { high: [0, 0], low: [0, 0] };
  for (const line of run.stdout.trim().split("\n")) {
    const file = JSON.parse(line);
    const q = quality.get(file.path.split("/").pop().replace(/\.txt$/, ""));
    counts[q][1]++;
    if (file.check.passed) counts[q][0]++;
  }
  return `| ${label} | ${holds} | ${share(...counts.high)} | ${share(...counts.low)} |`;
});
const table = ["| level | holds a session to | high-quality sessions passing | low-quality sessions passing |", "|---|---|---|---|", ...rows].join("\n");
console.log(table);
if (process.argv.includes("--write")) {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  writeFileSync(join(ROOT, "README.md"), readme.replace(/(<!-- level-table -->\n)[\s\S]*?(\n<!-- \/level-table -->)/, `$1${table}$2`));
}
