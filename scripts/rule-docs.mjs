// `npm run docs`: docs/rules/<lang>.md for every bundled pack, from the packs themselves
// (the same page `oars rules --lang <lang> -f markdown` prints). A test checks they are fresh.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES } from "../dist/languages.js";
import { loadLanguagePack } from "../dist/packs/load.js";
import { PACKAGE_ROOT } from "../dist/paths.js";
import { rulesMarkdown } from "../dist/report/rules-markdown.js";

const dir = join(PACKAGE_ROOT, "docs", "rules");
mkdirSync(dir, { recursive: true });
for (const language of LANGUAGES) writeFileSync(join(dir, `${language}.md`), rulesMarkdown(loadLanguagePack(language)));
