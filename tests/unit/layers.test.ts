// The layering README's "Project layout" promises: each part of src/ imports only the parts
// listed before it (or itself), so data flows one way and no import runs back up the pipeline.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/** Lowest first. A folder of src/, or a file at its top (without .ts). */
export const LAYERS = [
  "text", "diagnostics", "errors", "io", "paths", "languages", "types", "yaml-source",
  "read", "pattern", "score",
  "bundled",
  "packs", "roles", "detect", "segment",
  "features", "client", "learn",
  "classify",
  "flag", "check", "redact", "eval", "review", "config",
  "locale",
  "report",
  "trend",
  "analyze", "index",
  "train",
  "batch",
  "cli",
] as const;

const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** The layer a file of src/ belongs to: its top folder, or its own name at the top. */
function layerOf(file: string): string {
  const [first, second] = relative(SRC, file).split("/");
  return second === undefined ? first!.replace(/\.(ts|js)$/, "") : first!;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]!));
}

describe("layering of src/", () => {
  const files = sourceFiles(SRC);

  it("every part of src/ is placed in the layer list", () => {
    const unplaced = [...new Set(files.map(layerOf))].filter((layer) => !(LAYERS as readonly string[]).includes(layer));
    expect(unplaced).toEqual([]);
  });

  it("no import runs back up: each part imports only itself and the parts below it", () => {
    expect(upwardImports(files.map((file) => ({ file, imports: importsOf(file) })))).toEqual([]);
  });

  it("reports an import that runs back up, and none within a part or downward", () => {
    const at = (path: string) => join(SRC, path);
    const found = upwardImports([
      { file: at("read/text.ts"), imports: [at("cli/main.ts"), at("read/labels.ts"), at("types.ts")] },
      { file: at("types.ts"), imports: [at("languages.ts")] },
    ]);
    expect(found).toEqual(["src/read/text.ts → src/cli/main.ts"]);
  });
});

function upwardImports(files: readonly { file: string; imports: readonly string[] }[]): string[] {
  const rank = (path: string) => LAYERS.indexOf(layerOf(path) as (typeof LAYERS)[number]);
  return files.flatMap(({ file, imports }) => imports.filter((target) => rank(target) > rank(file)).map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`));
}
