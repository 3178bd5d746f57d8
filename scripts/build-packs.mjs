// `npm run build` runs this after tsc: every bundled rule pack, compiled (pattern programs
// included), and every other bundled data file (roles, language profiles, messages), read and
// checked, written to dist/prebuilt/ as JSON for fast starts (see src/bundled and src/packs/pack.ts).
// It lives outside src/ because nothing at run time needs it.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildBundled, LANGUAGE_PROFILES, messagesFile, ROLE_LABELS } from "../dist/bundled/index.js";
import { LANGUAGES } from "../dist/languages.js";
import { buildPack } from "../dist/packs/load.js";
import { PREBUILT_ROOT } from "../dist/paths.js";

mkdirSync(PREBUILT_ROOT, { recursive: true });
for (const language of LANGUAGES) {
  writeFileSync(join(PREBUILT_ROOT, `${language}.json`), buildPack(language));
  const messages = messagesFile(language);
  writeFileSync(join(PREBUILT_ROOT, `${messages.name}.json`), buildBundled(messages));
}
for (const file of [ROLE_LABELS, LANGUAGE_PROFILES]) writeFileSync(join(PREBUILT_ROOT, `${file.name}.json`), buildBundled(file));
