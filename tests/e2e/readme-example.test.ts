// The example at the top of README is what `oars analyze fixtures/en/session-alcohol.txt` prints
// now at 80 columns (npm run docs writes it), so a reader never meets codes or scores that the
// tool stopped giving when its rules or weights changed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oars, ROOT } from "../helpers.js";

const START = "<!-- readme-example: oars analyze fixtures/en/session-alcohol.txt -->";
const END = "<!-- /readme-example -->";

describe("README's first example", () => {
  it("is what oars analyze prints now (run npm run docs after changing rules or weights)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const shown = readme.slice(start + START.length, end).trim().replace(/^```text\n/, "").replace(/\n```$/, "");
    const run = oars(["analyze", "fixtures/en/session-alcohol.txt"], { env: { COLUMNS: "80" } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(shown).toBe(run.stdout.trimEnd());
    // The example shows what a counsellor looks at first: flagged lines and the MITI scores.
    expect(shown).toContain("Flagged lines");
    expect(shown).toContain("MITI summary scores");
  });
});
