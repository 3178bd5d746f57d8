#!/usr/bin/env node
// `npm run train`: the bundled weights, rules/<lang>/weights.json, from the repository and
// ../shared, by one deterministic command (the same data always gives the same file).
//
//   en: the 90 AnnoMI development transcripts (../shared/corpus/annomi/dev, or OARS_CORPUS)
//       and the train part of fixtures/miti/en.tsv.
//   nb, da, sv: starting from the English weights (rule ids are shared across languages, so a
//       rule's English weights are its prior) and staying near them, the train part of
//       fixtures/miti/<lang>.tsv and the twelve translated AnnoMI sessions in fixtures/annomi-<lang>.
//
// Each step is `oars train`, so the command line printed is what a trainer would run.
//
//   OARS_TRAIN_ONLY=nb     run only that language's step (the tests retrain nb and compare)
//   OARS_TRAIN_OUT=folder  write the weights there instead of rules/<lang>/ (<lang>.json, <lang>-client.json)
//
// Then the client talk weights, rules/<lang>/client-weights.json, by `oars train --client` from
// the same data (AnnoMI's client `talk`, the code sets' client lines); nb/da/sv start from en's.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const rel = (path) => relative(ROOT, path);
const transcripts = (folder) => readdirSync(join(folder, "txt")).filter((f) => f.endsWith(".txt")).sort().map((f) => rel(join(folder, "txt", f)));


const only = process.env.OARS_TRAIN_ONLY;
const out = process.env.OARS_TRAIN_OUT;
if ((!only || only === "en") && !existsSync(join(CORPUS, "gold.jsonl"))) {
  console.error(`train: no AnnoMI corpus at ${CORPUS} (set OARS_CORPUS)`);
  process.exit(2);
}

const steps = [
  ["--lang", "en", "--gold", rel(join(CORPUS, "gold.jsonl")), ...(only && only !== "en" ? [] : transcripts(CORPUS)), "--lines", "fixtures/miti/en.tsv", "-o", "rules/en/weights.json"],
  ...["nb", "da", "sv"].map((lang) => [
    "--lang", lang, "--base", "rules/en/weights.json",
    "--gold", `fixtures/annomi-${lang}/gold.jsonl`, ...transcripts(join(ROOT, "fixtures", `annomi-${lang}`)),
    "--lines", `fixtures/miti/${lang}.tsv`, "-o", `rules/${lang}/weights.json`,
  ]),
];

// The client talk weights (rules/<lang>/client-weights.json) from the same data: `oars train --client`,
// nb/da/sv starting from English's.
const clientSteps = steps.map((args) =>
  ["--client", ...args.map((a) => a.replace(/^rules\/(\w+)\/weights\.json$/, "rules/$1/client-weights.json"))],
);

for (const args of [...steps, ...clientSteps].filter((a) => !only || a[a.indexOf("--lang") + 1] === only)) {
  const lang = args[args.indexOf("--lang") + 1];
  if (out) args[args.length - 1] = join(out, `${lang}${args[0] === "--client" ? "-client" : ""}.json`);
  const shown = args.map((a) => (a.endsWith(".txt") ? null : a)).filter(Boolean).join(" ");
  process.stderr.write(`train: oars train ${shown} (…transcripts)\n`);
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), "train", ...args], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 2);
}
