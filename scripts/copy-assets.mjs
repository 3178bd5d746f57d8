// `npm run build` runs this after tsc: the HTML report's stylesheet and script are plain files
// beside their module (src/report/html/style.css, page.js); tsc copies only TypeScript, so
// they are copied next to the compiled module, where src/report/html/assets.ts reads them.

import { copyFileSync, mkdirSync } from "node:fs";

const from = new URL("../src/report/html/", import.meta.url);
const to = new URL("../dist/report/html/", import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ["style.css", "page.js"]) copyFileSync(new URL(name, from), new URL(name, to));
