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
// only commands other than analyze and check use (yaml, csv-parse): a third of the file. Those
// two are loaded with `createRequire` too: a static import of a package outside the file is
// hoisted to its top and loaded by every run (~40 ms of each start until session 14).
//
// The file is a plain script, not an ES module: one function taking CommonJS's parameters and
// the URL that stands for `import.meta.url`, which bin/load-cli.js compiles with `vm.Script`.
// Node 20 keeps no code cache for ES modules, but a script can be given one: this build runs
// the command line once on a bundled transcript (scripts/code-cache.mjs) and saves V8's
// bytecode of every function that run compiled to dist/oars.js.cache, which each later start
// reads instead of compiling the file again.

import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";

// The cache of the previous build goes first: if making the new one fails, none is left.
rmSync(new URL("../dist/oars.js.cache", import.meta.url), { force: true });

await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile: new URL("../dist/oars.js", import.meta.url).pathname,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["yaml", "csv-parse"],
  logLevel: "warning",
  define: { "import.meta.url": "importMetaUrl" },
  banner: { js: "(function (exports, require, module, __filename, __dirname, importMetaUrl) {" },
  footer: { js: "})" },
});

const made = spawnSync(process.execPath, [new URL("./code-cache.mjs", import.meta.url).pathname], { stdio: ["ignore", "ignore", "inherit"] });
if (made.status !== 0) {
  console.error("bundle-cli: making the code cache failed");
  process.exit(1);
}
