#!/usr/bin/env node
// `npm run bench`, the HTML report's part: how long a 60 kB session's report takes to render
// in Chromium (the system's, as in the browser tests), and how large `check -f html` over 500
// sessions is. Sessions come from the AnnoMI development transcripts (OARS_CORPUS as for the
// main bench). Prints a table; exits 1 when a target is missed, 2 without corpus or Chromium.
//
//   OARS_BENCH_RUNS=5   page loads timed (median reported)

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "bin", "oars.js");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"), "txt");
const RUNS = Number(process.env.OARS_BENCH_RUNS ?? 5);
const CHROMIUM = [process.env.OARS_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => p && existsSync(p));
const log = (message) => process.stderr.write(`bench html: ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!existsSync(CORPUS)) {
  log(`no corpus at ${CORPUS} (set OARS_CORPUS to the AnnoMI dev folder)`);
  process.exit(2);
}
if (!CHROMIUM) {
  log("no Chromium found (install Debian's chromium, or set OARS_CHROMIUM)");
  process.exit(2);
}
const { chromium } = await import("playwright-core");

const sources = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(CORPUS, f));
const work = mkdtempSync(join(tmpdir(), "oars-bench-html-"));
const results = [];
const record = (figure, value, target, met) => results.push({ figure, value, target, met });

function oars(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`oars ${args.join(" ")}: exit ${run.status}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
/** Milliseconds from navigation to the first frame after the load event (parse, style, layout, paint). */
async function renderMs(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  const ms = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))));
  await page.close();
  return ms;
}

try {
  // ---- a 60 kB session: the longest transcripts, one after another (all label Therapist/Client), to the first line end at or past 60,000 bytes
  const bySize = [...sources].sort((a, b) => statSync(b).size - statSync(a).size);
  let session = "";
  for (const file of bySize) {
    for (const line of readFileSync(file, "utf8").trimEnd().split("\n")) {
      if (Buffer.byteLength(session) >= 60_000) break;
      session += `${line}\n`;
    }
  }
  const long = join(work, "long-session.txt");
  writeFileSync(long, session);
  const longHtml = join(work, "long-session.html");
  const writeMs = median(Array.from({ length: 3 }, () => oars(["analyze", "--no-config", "-f", "html", "-o", longHtml, long])));
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await renderMs(longHtml));
  const kB = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
  log(`60 kB session: ${kB(statSync(long).size)} → ${kB(statSync(longHtml).size)} of HTML; render ${loads.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  record(`60 kB session (${kB(statSync(long).size)}): analyze -f html, whole CLI run`, `${writeMs.toFixed(0)} ms (report ${kB(statSync(longHtml).size)})`, "", null);
  record("60 kB session's report: Chromium, navigation to first frame after load (median)", `${median(loads).toFixed(0)} ms`, "< 1000 ms", median(loads) < 1000);

  // ---- 500 sessions: the dev transcripts copied round after round
  const batch = join(work, "sessions");
  let count = 0;
  for (let round = 0; count < 500; round++) {
    const dir = join(batch, `round-${round}`);
    mkdirSync(dir, { recursive: true });
    for (const source of sources) {
      if (count === 500) break;
      copyFileSync(source, join(dir, source.slice(source.lastIndexOf("/") + 1)));
      count++;
    }
  }
  const batchHtml = join(work, "batch.html");
  const batchMs = oars(["check", "--no-config", "-f", "html", "-o", batchHtml, batch]);
  const bytes = statSync(batchHtml).size;
  const batchLoad = await renderMs(batchHtml);
  log(`500 sessions: ${(bytes / 1e6).toFixed(1)} MB in ${(batchMs / 1000).toFixed(1)} s; render ${batchLoad.toFixed(0)} ms`);
  record("check -f html over 500 sessions: file size", `${(bytes / 1e6).toFixed(1)} MB`, "< 20 MB", bytes < 20e6);
  record("check -f html over 500 sessions: whole CLI run", `${(batchMs / 1000).toFixed(1)} s`, "", null);
  record("the 500-session report: Chromium, navigation to first frame after load", `${(batchLoad / 1000).toFixed(1)} s`, "", null);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`\noars HTML report benchmark, ${new Date().toISOString().slice(0, 10)}, Chromium ${CHROMIUM}\n`);
console.log("| figure | value | target | met |");
console.log("|---|---|---|---|");
for (const r of results) console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
process.exitCode = results.every((r) => r.met !== false) ? 0 : 1;
