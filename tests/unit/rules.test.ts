import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/errors.js";
import { checkRuleExamples } from "../../src/classify/examples.js";
import { addRuleFolder, loadLanguagePack, packSources, readLanguageFile, readPackSources, readRuleFile } from "../../src/packs/load.js";
import { hashSources } from "../../src/bundled/index.js";
import { LanguagePack, type PackData } from "../../src/packs/pack.js";
import { LANGUAGES } from "../../src/packs/loader.js";
import { ROOT } from "../helpers.js";

const ALL_CODES = ["open-question", "closed-question", "simple-reflection", "complex-reflection", "summary", "affirm", "seek-collaboration", "emphasize-autonomy", "giving-information", "persuade-with-permission", "persuade", "confront", "other"];

for (const language of LANGUAGES) {
  const pack = loadLanguagePack(language);
  describe(`every ${pack.name} rule codes its own examples`, () => {
    it("has rules for every counsellor code", () => {
      const codes = new Set(pack.rules.map((r) => r.code));
      for (const code of ALL_CODES) expect(codes, code).toContain(code);
    });

    for (const rule of pack.rules) {
      it(rule.id, () => {
        const failures = checkRuleExamples(pack, rule).map((f) => `${f.expected}: ${f.example.text}`);
        expect(failures).toEqual([]);
      });
    }
  });
}

function ruleError(yaml: string): SourceError {
  try {
    readRuleFile("bad.yaml", yaml, loadLanguagePack("en").draft());
  } catch (err) {
    if (err instanceof SourceError) return err;
    throw err;
  }
  throw new Error("no error");
}

describe("rule files are checked at load", () => {
  const base = (extra: string) => `rules:\n  - id: en.persuade.test\n    code: persuade\n    description: d\n${extra}`;

  it("reports an unknown code with its line and column", () => {
    const err = ruleError("rules:\n  - id: en.x.y\n    code: persuadee\n    description: d\n    examples: { match: [a] }\n");
    expect(err.describe()).toMatch(/^bad\.yaml:3:11: rules\[0\]\.code: "persuadee" is not one of/);
  });

  it("reports a pattern error at the column inside the pattern", () => {
    const err = ruleError(base('    patterns: ["you (should|must"]\n    examples: { match: [a] }\n'));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/not closed/);
  });

  it("refuses unknown keys, missing examples and ids of the wrong shape", () => {
    expect(ruleError(base('    pattern: ["x"]\n    examples: { match: [a] }\n')).message).toMatch(/unknown key "pattern"/);
    expect(ruleError(base('    patterns: ["x"]\n')).message).toMatch(/"examples" is missing/);
    expect(ruleError("rules:\n  - id: nb.persuade.x\n    code: persuade\n    description: d\n    patterns: [x]\n    examples: { match: [x] }\n").message).toMatch(/must look like "en\.persuade\.some-name"/);
  });

  it("parses YAML safely: no custom tags, bounded aliases, no duplicate keys", () => {
    expect(ruleError("rules: !!js/function 'function(){}'\n").message).toMatch(/YAML/);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    expect(ruleError(bomb.join("\n")).message).toMatch(/YAML|alias/i);
    expect(ruleError("rules: []\nrules: []\n").message).toMatch(/YAML/);
  });

  it("refuses a rule id used twice across folders", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-rules-"));
    writeFileSync(join(dir, "dup.yaml"), "rules:\n  - id: en.other.backchannel\n    code: other\n    description: d\n    patterns: [x]\n    examples: { match: [x] }\n");
    const pack = loadLanguagePack("en");
    expect(() => addRuleFolder(pack.draft(), dir)).toThrow(/used twice/);
  });
});

describe("language files declare what code relies on by name", () => {
  const english = readFileSync(join(ROOT, "rules", "en", "language.yaml"), "utf8");

  it("reads the bundled English language file, question words included", () => {
    expect(new LanguagePack(readLanguageFile("language.yaml", english)).questionWords).toContain("what");
  });

  it("refuses a language file without the wh list, naming the file, its line and the list", () => {
    const withoutWh = english.replace(/^ {2}wh: .*\n/m, "");
    expect(withoutWh).not.toBe(english);
    expect(() => readLanguageFile("language.yaml", withoutWh)).toThrow(/^language file: lists\.wh is missing \(question words/);
    try {
      readLanguageFile("language.yaml", withoutWh);
    } catch (err) {
      expect((err as SourceError).describe()).toMatch(/^language\.yaml:\d+:\d+: language file: lists\.wh is missing/);
    }
  });

  it("reads spellings, and refuses one whose sides are not single words, naming the line", () => {
    const pack = new LanguagePack(readLanguageFile("language.yaml", english));
    expect(pack.spellings.get("dont")).toBe("don't");
    const bad = english.replace(/^spellings:\n/m, "spellings:\n  do not: don't\n");
    expect(bad).not.toBe(english);
    try {
      readLanguageFile("language.yaml", bad);
      expect.unreachable("a two-word spelling was read");
    } catch (err) {
      expect((err as SourceError).describe()).toMatch(/^language\.yaml:\d+:\d+: spellings\.do not: expected one word on each side/);
    }
  });

  it("refuses a language oars has no code for", () => {
    expect(() => readLanguageFile("language.yaml", english.replace(/^language: en$/m, "language: xx"))).toThrow(/language "xx" is not one of en, nb, da, sv/);
  });
});

describe("prebuilt packs (dist/prebuilt, written by npm run build)", () => {
  const dir = join(ROOT, "rules", "en");
  const built = JSON.parse(readFileSync(join(ROOT, "dist", "prebuilt", "en.json"), "utf8")) as { hash: string; data: PackData };
  const fromYaml = new LanguagePack(readPackSources(packSources(dir))).toData();
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  it("hold exactly what reading the YAML gives, and record the YAML's hash", () => {
    expect(built.hash).toBe(hashSources(packSources(dir)));
    expect(built.data).toEqual(plain(fromYaml));
  });

  it("revive to the same pack: rules, compiled pattern programs, word sets, lists and settings", () => {
    expect(plain(LanguagePack.fromData(built.data).toData())).toEqual(plain(fromYaml));
  });

  it("the hash changes with any change to the YAML, so stale JSON is never used", () => {
    const sources = packSources(dir);
    const edited = sources.map((s, i) => (i === 1 ? { ...s, text: `${s.text}\n` } : s));
    expect(hashSources(edited)).not.toBe(hashSources(sources));
    expect(hashSources(sources.slice(0, -1))).not.toBe(hashSources(sources));
  });
});
