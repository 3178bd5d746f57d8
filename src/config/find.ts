// Finding the configuration file: from the working directory up to the filesystem root, the
// first folder holding one of these wins (as ESLint, Prettier and cosmiconfig users expect).

import { existsSync } from "node:fs";
import { FileReadError, readRegularFile } from "../io/regular-file.js";
import { MAX_CONFIG_BYTES } from "./read.js";
import { dirname, join, resolve } from "node:path";

export const CONFIG_FILE_NAMES = [".oarsrc.yaml", ".oarsrc.yml", "oars.config.yaml", "oars.config.yml"] as const;

export function findConfigFile(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const packageJson = join(dir, "package.json");
    if (existsSync(packageJson) && hasOarsKey(packageJson)) return packageJson;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// A package.json without an "oars" key is some other project's, so the walk goes on past it;
// one that cannot be parsed is reported when read, so it counts as holding settings here only
// if the key is visibly there. One that is not a regular file (a link to a device, a FIFO) or
// is too large is never read here: it is taken, so reading it reports the problem.
function hasOarsKey(file: string): boolean {
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString("utf8");
  } catch (err) {
    return err instanceof FileReadError && (err.reason === "not-regular" || err.reason === "too-large");
  }
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && "oars" in value;
  } catch {
    // Hand-edited (a trailing comma, a missing one): walking past it would drop its thresholds
    // without a word, so a visible "oars" key makes it the file in force.
    return /"oars"\s*:/.test(text);
  }
}
