// docs/rules/<lang>.md are generated from the packs (npm run docs): each must be exactly what
// `oars rules --lang <lang> -f markdown` prints now, so the documentation never drifts from the
// rules, and every rule, with its examples, is listed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/languages.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { oars, ROOT } from "../helpers.js";

describe("rule docs (docs/rules/<lang>.md)", () => {
  it.each(LANGUAGES)("%s: the committed page is what oars rules -f markdown prints (run npm run docs after editing rules)", (language) => {
    const run = oars(["rules", "--no-config", "--lang", language, "-f", "markdown"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(readFileSync(join(ROOT, "docs", "rules", `${language}.md`), "utf8")).toBe(run.stdout);
  });

  it.each(LANGUAGES)("%s: every rule, client rules included, has a section with each of its examples", (language) => {
    const page = readFileSync(join(ROOT, "docs", "rules", `${language}.md`), "utf8");
    const pack = loadLanguagePack(language);
    for (const rule of pack.rules) expect(page).toContain(`### \`${rule.id}\``);
    expect(pack.clientRules.length).toBeGreaterThan(0);
    for (const rule of pack.clientRules) expect(page).toContain(`#### \`${rule.id}\``);
    const examples = [...pack.rules, ...pack.clientRules].reduce((n, r) => n + r.examples.match.length + r.examples.noMatch.length, 0);
    expect(page.split("\n").filter((line) => /^- [✓✗] /.test(line))).toHaveLength(examples);
  });
});
