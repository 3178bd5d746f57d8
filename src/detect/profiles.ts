// The function-word profiles (rules/languages.yaml), loaded and checked by src/bundled.

import { LANGUAGE_PROFILES, loadBundled, type Profiles } from "../bundled/index.js";

export type { Profiles };

export function languageProfiles(): Profiles {
  return loadBundled(LANGUAGE_PROFILES);
}
