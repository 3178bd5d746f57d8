// `npm run build` runs this after tsc: every bundled pack (and roles.yaml), read and checked
// and the language profiles) from YAML, written to dist/packs/ as JSON for fast starts (see prebuilt.ts).

import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PREBUILT_ROOT, RULES_ROOT } from "../paths.js";
import { parseProfiles, profileSources } from "../detect/profiles.js";
import { messageSources, messagesFor, parseMessages } from "../locale/messages.js";
import { parseRoleLabels, roleSources } from "../roles/labels.js";
import { packSources, readPackSources } from "./load.js";
import { packToData, prebuiltJson } from "./prebuilt.js";

mkdirSync(PREBUILT_ROOT, { recursive: true });
for (const language of readdirSync(RULES_ROOT).sort()) {
  const dir = join(RULES_ROOT, language);
  if (!existsSync(join(dir, "language.yaml"))) continue;
  const sources = packSources(dir);
  writeFileSync(join(PREBUILT_ROOT, `${language}.json`), prebuiltJson(packToData(readPackSources(sources)), sources));
  const messages = messageSources(language);
  writeFileSync(join(PREBUILT_ROOT, `messages-${language}.json`), prebuiltJson(parseMessages(messages[0]!, language === "en" ? null : messagesFor("en")), messages));
}
const roles = roleSources();
writeFileSync(join(PREBUILT_ROOT, "roles.json"), prebuiltJson(parseRoleLabels(roles[0]!.text), roles));
const profiles = profileSources();
writeFileSync(join(PREBUILT_ROOT, "languages.json"), prebuiltJson(parseProfiles(profiles[0]!.text), profiles));
