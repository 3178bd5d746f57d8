import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledSource, messagesFile, parseMessages, type MessageTree } from "../../src/bundled/index.js";
import { fill, flagText, messagesFor } from "../../src/locale/messages.js";
import { LANGUAGES } from "../../src/languages.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { FLAGGED_CODES } from "../../src/flag/index.js";
import { ROOT } from "../helpers.js";

// Every text of a messages tree, by its key path.
function texts(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`).forEach((t, k) => out.set(k, t)));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k).forEach((t, p) => out.set(p, t));
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

describe("report messages", () => {
  const english = texts(messagesFor("en"));

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has every English key, and the same {placeholders} in each", (locale) => {
    const local = texts(messagesFor(locale));
    expect([...local.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect(placeholders(local.get(key)!), key).toEqual(placeholders(text));
    // Translated, not copied: most texts differ from English.
    const same = [...english].filter(([key, text]) => local.get(key) === text && /[a-z]{4}/.test(text));
    expect(same.length, same.map(([k]) => k).join(", ")).toBeLessThan(english.size / 10);
  });

  it("a file that misses a key is refused, naming the file and the key", () => {
    const source = bundledSource(messagesFile("nb"));
    const broken = { file: source.file, text: source.text.replace(/^ {2}no-flags: .*\n/m, "") };
    expect(() => parseMessages(broken, messagesFor("en") as unknown as MessageTree)).toThrow(/"report\.no-flags" is missing/);
  });

  it.each(LANGUAGES)("%s has a reason and a suggestion for every rule that can flag a line", (language) => {
    const pack = loadLanguagePack(language);
    for (const rule of pack.rules.filter((r) => FLAGGED_CODES.has(r.code))) {
      const key = rule.id.slice(language.length + 1);
      expect(Object.keys(messagesFor(language).flags), rule.id).toContain(key);
      expect(flagText(messagesFor(language), rule.id, rule.code).suggestion.length).toBeGreaterThan(20);
    }
  });

  it("fills {placeholders} and leaves unknown ones as they are", () => {
    expect(fill("{files} filer, {x}", { files: 3 })).toBe("3 filer, {x}");
  });

  it("messages live beside each pack's rules", () => {
    for (const language of LANGUAGES) expect(readFileSync(join(ROOT, "rules", language, "messages.yaml"), "utf8")).toMatch(/^codes:/m);
  });
});
