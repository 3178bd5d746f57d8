// The report's stylesheet and its one small script, kept as files beside this module
// (style.css, page.js) and copied next to the compiled module by `npm run build`
// (scripts/copy-assets.mjs). They are read once and written into every report, so the file
// needs nothing from anywhere: no CDN, no web font, no second file.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { CODE_ROOT } from "../../paths.js";

const read = (name: string) => readFileSync(new URL(`report/html/${name}`, CODE_ROOT), "utf8");

let cache: { css: string; script: string; scriptHash: string } | undefined;

export function assets(): { css: string; script: string; scriptHash: string } {
  if (!cache) {
    const script = read("page.js");
    // The page's Content-Security-Policy allows this script by its hash and no other, so even
    // markup that slipped past escaping could not run a script or fetch anything.
    cache = { css: read("style.css"), script, scriptHash: createHash("sha256").update(script).digest("base64") };
  }
  return cache;
}
