// Finding the configuration file: from the working directory up to the filesystem root, the
// first folder holding one of these wins (as ESLint, Prettier and cosmiconfig users expect).

import { existsSync, readFileSync } from "node:fs";
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
// if the key is visibly there.
function hasOarsKey(file: string): boolean {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return typeof value === "object" && value !== null && "oars" in value;
  } catch {
    return false;
  }
}
