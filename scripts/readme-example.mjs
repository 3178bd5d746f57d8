// `npm run docs` (with rule-docs.mjs): the example at the top of README, what `oars analyze
// fixtures/en/session-alcohol.txt` prints at 80 columns, written between its two markers from a
// real run. tests/e2e/readme-example.test.ts checks it is fresh, so the first thing a reader
// sees is what oars prints now (codes change when rules or weights do).

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../dist/paths.js";

export const EXAMPLE_START = "<!-- readme-example: oars analyze fixtures/en/session-alcohol.txt -->";
export const EXAMPLE_END = "<!-- /readme-example -->";

const run = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "oars.js"), "analyze", "fixtures/en/session-alcohol.txt"], {
  cwd: PACKAGE_ROOT,
  env: { ...process.env, NO_COLOR: "1", COLUMNS: "80" },
  encoding: "utf8",
});
if (run.status !== 0) throw new Error(`oars analyze failed: ${run.stderr}`);
const readme = join(PACKAGE_ROOT, "README.md");
const text = readFileSync(readme, "utf8");
const start = text.indexOf(EXAMPLE_START);
const end = text.indexOf(EXAMPLE_END);
if (start < 0 || end < start) throw new Error(`README.md: the example markers are missing (${EXAMPLE_START} … ${EXAMPLE_END})`);
const block = `${EXAMPLE_START}\n\`\`\`text\n${run.stdout.trimEnd()}\n\`\`\`\n`;
writeFileSync(readme, text.slice(0, start) + block + text.slice(end));
