// The function-word profiles (rules/languages.yaml), read from the prebuilt JSON while it is
// current, from the YAML otherwise.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { RULES_ROOT } from "../paths.js";
import { readPrebuilt, type Source } from "../rules/prebuilt.js";

/** Function words by language code. */
export type Profiles = Record<string, string[]>;

let profiles: Profiles | null = null;

export function profileSources(): Source[] {
  const file = join(RULES_ROOT, "languages.yaml");
  return [{ file, text: readFileSync(file, "utf8") }];
}

export function parseProfiles(text: string): Profiles {
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(text) as Profiles;
}

export function languageProfiles(): Profiles {
  if (profiles) return profiles;
  const sources = profileSources();
  profiles = readPrebuilt<Profiles>("languages", sources) ?? parseProfiles(sources[0]!.text);
  return profiles;
}
