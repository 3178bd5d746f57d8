// `npm run build` runs this last: the command line as one file, dist/oars.js, which
// bin/oars.js loads. Node resolves, reads and links each ES module on its own; the ~95 modules
// of an `analyze` run and its packages (commander, chalk) cost ~30–40 ms of every start on the
// development machine, against one file read and parsed lazily. The modules stay in dist/ as
// tsc wrote them: the library entry (dist/index.js), the worker threads and the tests use them.
//
// The file sits in dist/ beside dist/paths.js, so every path taken from `import.meta.url`
// (rules/, dist/prebuilt/, the HTML report's assets, the worker) is the same from either.
// Packages loaded on first use through `createRequire` (compromise, yaml, fast-glob,
// picomatch) are left out and still load only when a run needs them, and so are the two that
// only commands other than analyze and check import (yaml, csv-parse): a third of the file.

import { build } from "esbuild";

await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile: new URL("../dist/oars.js", import.meta.url).pathname,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["yaml", "csv-parse"],
  logLevel: "warning",
  // commander and cli-table3 are CommonJS and call require() for Node's own modules.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module";\nconst require = createRequireForBundle(import.meta.url);' },
});
