#!/usr/bin/env node
// `npm run bench`: oars' speed and memory on a ~10 MB corpus built from the AnnoMI development
// transcripts (../shared/corpus/annomi/dev/txt, or OARS_CORPUS), against compromise's tagger on
// the same sessions. Prints one table with each figure, its target and whether it is met.
//
//   OARS_CORPUS=path/to/annomi/dev   the corpus (its txt/ folder is used)
//   OARS_BENCH_MB=10                 corpus size to build, in MB
//   OARS_BENCH_RUNS=5                runs for the short timings (median reported)

import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "bin", "oars.js");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"), "txt");
const TARGET_MB = Number(process.env.OARS_BENCH_MB ?? 10);
const RUNS = Number(process.env.OARS_BENCH_RUNS ?? 5);

const { analyzeBytes } = await import(join(ROOT, "dist", "analyze.js"));
const { loadPack } = await import(join(ROOT, "dist", "packs", "loader.js"));
const { readTranscript } = await import(join(ROOT, "dist", "read", "index.js"));
const { assignRoles } = await import(join(ROOT, "dist", "roles", "assign.js"));
const { roleOfLabel } = await import(join(ROOT, "dist", "roles", "labels.js"));

if (!existsSync(CORPUS)) {
  console.error(`bench: no corpus at ${CORPUS} (set OARS_CORPUS to the AnnoMI dev folder)`);
  process.exit(2);
}

const MB = 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (message) => process.stderr.write(`bench: ${message}\n`);

// ---- the corpus: the dev transcripts, copied round after round until TARGET_MB
const sources = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(CORPUS, f));
const work = mkdtempSync(join(tmpdir(), "oars-bench-"));
const corpusDir = join(work, "corpus");
const files = [];
let corpusBytes = 0;
for (let round = 0; corpusBytes < TARGET_MB * MB; round++) {
  const dir = join(corpusDir, `round-${String(round).padStart(3, "0")}`);
  mkdirSync(dir, { recursive: true });
  for (const source of sources) {
    const target = join(dir, source.slice(source.lastIndexOf("/") + 1));
    copyFileSync(source, target);
    files.push(target);
    corpusBytes += statSync(target).size;
  }
}
const rounds = files.length / sources.length;
log(`corpus: ${files.length} files (${sources.length} transcripts × ${rounds}), ${(corpusBytes / MB).toFixed(1)} MB in ${corpusDir}`);

const results = [];
const record = (figure, value, target, met) => results.push({ figure, value, target, met });

try {
  // ---- oars as a library call: the whole pipeline, bytes in memory, pack loaded once
  const pack = loadPack("en");
  const contents = files.map((f) => readFileSync(f));
  for (const [i, bytes] of contents.slice(0, sources.length).entries()) analyzeBytes(bytes, files[i], { pack }); // warm-up
  let turns = 0;
  let started = performance.now();
  for (const [i, bytes] of contents.entries()) turns += analyzeBytes(bytes, files[i], { pack }).turns.length;
  const librarySeconds = (performance.now() - started) / 1000;
  const libraryMBs = corpusBytes / MB / librarySeconds;
  log(`library: ${librarySeconds.toFixed(2)} s`);

  // ---- compromise's tagger alone, nlp(text), over the counsellor text of the same sessions
  // (one round of the corpus: every distinct session once; the tagger runs ~0.05-0.2 MB/s)
  const nlp = createRequire(join(ROOT, "package.json"))("compromise");
  const counsellorText = sources.flatMap((file) => {
    const raw = readTranscript(readFileSync(file), file, { isKnownLabel: (label) => roleOfLabel(label) !== null });
    return assignRoles(raw.turns, {}).turns.filter((t) => t.role === "counsellor").map((t) => t.text);
  });
  const counsellorBytes = counsellorText.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const text of counsellorText.slice(0, 200)) nlp(text); // warm-up
  started = performance.now();
  for (const text of counsellorText) nlp(text);
  const compromiseSeconds = (performance.now() - started) / 1000;
  const compromiseMBs = counsellorBytes / MB / compromiseSeconds;
  // oars on the same sessions: the library time for one round of the corpus
  const oarsRoundSeconds = librarySeconds / rounds;
  log(`compromise: ${compromiseSeconds.toFixed(2)} s over ${(counsellorBytes / MB).toFixed(2)} MB of counsellor text`);

  // ---- the whole CLI over the corpus (one thread), output thrown away
  const cliSeconds = timeRun(["analyze", "--no-config", "--jobs", "1", "-f", "ndjson", corpusDir]).seconds;
  log(`cli: ${cliSeconds.toFixed(2)} s`);

  // ---- start-up and one long session
  const versionMs = median(Array.from({ length: RUNS }, () => timeRun(["--version"]).seconds * 1000));
  const largest = sources.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  const longMs = median(Array.from({ length: RUNS }, () => timeRun(["analyze", "--no-config", largest]).seconds * 1000));

  // ---- CPU of one 44 kB session (the largest session's turns, repeated to 44 kB), whole CLI
  // run to JSON, against a bare `node -e 0`: what a process costs beyond Node's own start-up
  const session44 = join(work, "session-44k.txt");
  const longText = readFileSync(largest, "utf8");
  writeFileSync(session44, longText.repeat(Math.ceil(44_000 / longText.length)).slice(0, 44_000).replace(/\n[^\n]*$/, "\n"));
  const bareCpu = median(Array.from({ length: 2 * RUNS + 1 }, () => cpuRun(["-e", "0"])));
  const sessionCpu = median(Array.from({ length: 2 * RUNS + 1 }, () => cpuRun([BIN, "analyze", "--no-config", "-f", "json", "-o", join(work, "session-44k.json"), session44])));
  log(`cpu: node -e 0 ${(bareCpu * 1000).toFixed(0)} ms, one 44 kB session ${(sessionCpu * 1000).toFixed(0)} ms`);

  // ---- what two cores give on this machine right now: the same allocation-heavy JavaScript
  // (objects built and serialised, like coding a transcript), alone and two at once. On a
  // shared virtual machine this is well under 2×, and it caps any speed-up from threads.
  const capacity = await parallelCapacity();
  log(`machine: two allocation-heavy processes do ${capacity.toFixed(2)}× the work of one`);

  // ---- check with one worker and with two; peak memory of the two-worker ndjson run
  const one = median(Array.from({ length: 2 }, () => timeRun(["check", "--no-config", "-f", "ndjson", "--jobs", "1", corpusDir]).seconds));
  const twoRuns = Array.from({ length: 2 }, () => timeRun(["check", "--no-config", "-f", "ndjson", "--jobs", "2", corpusDir], { memory: true }));
  const two = median(twoRuns.map((r) => r.seconds));
  const peakMB = Math.max(...twoRuns.map((r) => r.peakKB)) / 1024; // NaN without GNU time: reported as such
  log(`check: 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s, peak RSS ${peakMB.toFixed(0)} MB`);

  // ---- the largest transcript the default --max-size lets in (5 MB), in the format that needs
  // the most memory (JSON: the report is ~10× the transcript): peak RSS must stay under 1 GB.
  const maxBytes = 5 * 1024 * 1024;
  const bigFile = join(work, "largest.txt");
  let bigText = "";
  for (let i = 0; bigText.length < maxBytes - 200_000; i++) bigText += `${readFileSync(sources[i % sources.length], "utf8")}\n`;
  writeFileSync(bigFile, bigText);
  const bigMB = statSync(bigFile).size / MB;
  const bigRun = timeRun(["analyze", "--no-config", "-f", "json", bigFile], { memory: true });
  log(`largest input: ${bigMB.toFixed(1)} MB, ${bigRun.seconds.toFixed(1)} s, peak RSS ${(bigRun.peakKB / 1024).toFixed(0)} MB`);

  record("oars library: analyze", `${libraryMBs.toFixed(2)} MB/s, ${Math.round(turns / librarySeconds)} turns/s`, "", null);
  record("oars CLI: analyze -f ndjson --jobs 1, whole run", `${(corpusBytes / MB / cliSeconds).toFixed(2)} MB/s, ${Math.round(turns / cliSeconds)} turns/s`, "", null);
  record("compromise tagger: nlp(text), counsellor text", `${compromiseMBs.toFixed(3)} MB/s, ${Math.round(counsellorText.length / compromiseSeconds)} turns/s`, "", null);
  record("oars library ÷ compromise, MB/s", `${(libraryMBs / compromiseMBs).toFixed(1)}×`, "≥ 10×", libraryMBs / compromiseMBs >= 10);
  record("oars ÷ compromise, time for the same sessions", `${(compromiseSeconds / oarsRoundSeconds).toFixed(1)}×`, "≥ 10×", compromiseSeconds / oarsRoundSeconds >= 10);
  record("oars --version, wall", `${versionMs.toFixed(0)} ms`, "≤ 150 ms", versionMs <= 150);
  record(`one long session (${largest.slice(largest.lastIndexOf("/") + 1)}, ${(statSync(largest).size / 1024).toFixed(0)} KB), whole CLI run`, `${longMs.toFixed(0)} ms`, "≤ 300 ms", longMs <= 300);
  record("one 44 kB session, CPU (user + system) ÷ node -e 0", `${(sessionCpu / bareCpu).toFixed(1)}× (${(sessionCpu * 1000).toFixed(0)} ms ÷ ${(bareCpu * 1000).toFixed(0)} ms)`, "< 3×", sessionCpu / bareCpu < 3);
  record("machine: two allocation-heavy processes vs one (the ceiling for the next line)", `${capacity.toFixed(2)}×`, "", null);
  record("check -f ndjson: 2 workers vs 1", `${(one / two).toFixed(2)}× (${one.toFixed(1)} s → ${two.toFixed(1)} s)`, "≥ 1.7×", one / two >= 1.7);
  record("check -f ndjson --jobs 2: peak RSS", `${peakMB.toFixed(0)} MB`, "≤ 200 MB", peakMB <= 200);
  const bigPeakMB = bigRun.peakKB / 1024;
  record(`largest input the default --max-size takes (${bigMB.toFixed(1)} MB), analyze -f json: peak RSS`, `${bigPeakMB.toFixed(0)} MB (${(bigPeakMB / bigMB).toFixed(0)} MB per input MB, ${bigRun.seconds.toFixed(1)} s)`, "≤ 1024 MB", bigPeakMB <= 1024);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = cpus();
console.log(`\noars benchmark: ${(corpusBytes / MB).toFixed(1)} MB corpus (${files.length} AnnoMI dev transcripts), ${new Date().toISOString().slice(0, 10)}`);
console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}\n`);
console.log("| figure | value | target | met |");
console.log("|---|---|---|---|");
for (const r of results) console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
process.exitCode = results.every((r) => r.met !== false) ? 0 : 1;

/** Work done by two concurrent CPU-bound processes against one (2.0 on two free cores). */
async function parallelCapacity() {
  const spin = ["-e", "let k = 0; for (let r = 0; r < 25; r++) { const a = []; for (let i = 0; i < 1e5; i++) a.push({ s: 'w' + (i % 999), n: i, t: [i] }); k += JSON.stringify(a).length; } if (k < 0) console.log(k)"];
  const time = async (count) => {
    const started = performance.now();
    const children = Array.from({ length: count }, () => spawn(process.execPath, spin, { stdio: "ignore" }));
    await Promise.all(children.map((child) => new Promise((resolve) => child.on("close", resolve))));
    return (performance.now() - started) / 1000;
  };
  const one = median([await time(1), await time(1), await time(1)]);
  const two = median([await time(2), await time(2), await time(2)]);
  return (2 * one) / two;
}

/** CPU seconds (user + system) of one `node ARGS` run, from the children's times in /proc (Linux; NaN elsewhere). */
function cpuRun(args) {
  const childrenCpu = () => {
    if (!existsSync("/proc/self/stat")) return NaN;
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks of 1/100 s
  };
  const before = childrenCpu();
  const run = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}`);
  return childrenCpu() - before;
}

/** Runs the CLI once with output discarded: wall seconds, and with `memory` peak RSS (KB, by GNU time). */
function timeRun(args, { memory = false } = {}) {
  const gnuTime = memory && existsSync("/usr/bin/time");
  const command = gnuTime ? "/usr/bin/time" : process.execPath;
  const argv = gnuTime ? ["-f", "%M", process.execPath, BIN, ...args] : [BIN, ...args];
  const started = performance.now();
  const run = spawnSync(command, argv, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== null && run.status > 1) throw new Error(`oars ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  const peakKB = gnuTime ? Number(run.stderr.trim().split("\n").pop()) : NaN;
  return { seconds, peakKB };
}
