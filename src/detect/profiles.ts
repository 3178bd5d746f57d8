// The function-word profiles (rules/languages.yaml), read from the prebuilt JSON while it is
// current, from the YAML otherwise.

import { createRequire } from "node:module";
import { bundledSources, readBundled, type Source } from "../rules/prebuilt.js";

/** Function words by language code. */
export type Profiles = Record<string, string[]>;

const PATH = "languages.yaml";
let profiles: Profiles | null = null;

export const profileSources = (): Source[] => bundledSources(PATH);

export function parseProfiles(text: string): Profiles {
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(text) as Profiles;
}

export function languageProfiles(): Profiles {
  profiles ??= readBundled("languages", PATH, (source) => parseProfiles(source.text));
  return profiles;
}
