#!/usr/bin/env node
// `npm run overruled`: where the bundled learned weights overrule the rules on the AnnoMI
// development sessions (../shared/corpus/annomi/dev, or OARS_CORPUS): for each rule that is
// the highest-priority rule to hold on at least 10 counsellor utterances, how often the code
// given is another, and which codes instead. README's table of "rules to fix" (between its
// <!-- overruled-table --> marks with `--write`). The weights were trained on these sessions,
// so this says where weights and rules disagree, not how accurate either is.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(process.env.OARS_CORPUS ?? join(ROOT, "..", "shared", "corpus", "annomi", "dev"));
const MIN_FIRST = 10;
const MIN_SHARE = 0.3;

const { loadLanguagePack } = await import(join(ROOT, "dist", "packs", "load.js"));
const { prepareBytes } = await import(join(ROOT, "dist", "analyze.js"));
const { transcriptEvidence } = await import(join(ROOT, "dist", "features", "index.js"));
const { bundledModel } = await import(join(ROOT, "dist", "learn", "bundled.js"));

const pack = loadLanguagePack("en");
const model = bundledModel(pack);
/** rule id → { first, instead: code → count } */
const byRule = new Map();
const folder = join(CORPUS, "txt");
for (const name of readdirSync(folder).filter((f) => f.endsWith(".txt")).sort()) {
  const prepared = prepareBytes(readFileSync(join(folder, name)), name, { pack });
  for (const turn of transcriptEvidence(prepared.segmented, pack)) {
    for (const utterance of turn ?? []) {
      const first = utterance.hits[0];
      if (!first) continue;
      const entry = byRule.get(first.id) ?? { first: 0, instead: new Map() };
      entry.first++;
      const { code } = model.predict(utterance);
      if (code !== first.code) entry.instead.set(code, (entry.instead.get(code) ?? 0) + 1);
      byRule.set(first.id, entry);
    }
  }
}

const rows = [...byRule]
  .map(([id, { first, instead }]) => ({ id, first, overruled: [...instead.values()].reduce((a, b) => a + b, 0), instead }))
  .filter((r) => r.first >= MIN_FIRST && r.overruled / r.first >= MIN_SHARE)
  .sort((a, b) => b.overruled / b.first - a.overruled / a.first || b.first - a.first || (a.id < b.id ? -1 : 1))
  .map(({ id, first, overruled, instead }) => {
    const top = [...instead].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([code, n]) => `${code} (${n})`);
    return `| \`${id}\` | ${first} | ${Math.round((100 * overruled) / first)} % | ${top.join(", ")} |`;
  });
const table = ["| rule (first match) | times first | overruled | coded instead |", "|---|---|---|---|", ...rows].join("\n");
console.log(table);

if (process.argv.includes("--write")) {
  const readme = join(ROOT, "README.md");
  const text = readFileSync(readme, "utf8");
  const start = "<!-- overruled-table -->\n";
  const end = "<!-- /overruled-table -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error("README.md has no <!-- overruled-table --> marks");
  writeFileSync(readme, `${text.slice(0, a + start.length)}${table}\n${text.slice(b)}`);
}
