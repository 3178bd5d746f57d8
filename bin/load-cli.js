// Loads the command line bundled in one file, dist/oars.js (scripts/bundle-cli.mjs), as a
// script compiled with the V8 code cache the build made for it, dist/oars.js.cache: V8 then
// starts from the bytecode of every function an `analyze` run needs instead of parsing and
// compiling ~600 kB of JavaScript again in every process. A cache that does not fit this Node
// (another version or V8 flags) is rejected by V8 and the file compiled as usual. oars never
// writes the cache itself: it is made once, by the build.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

export const CLI_FILE = new URL("../dist/oars.js", import.meta.url);
export const CACHE_FILE = new URL("../dist/oars.js.cache", import.meta.url);

/**
 * The cache file: the SHA-256 of the script it was made from, then V8's data. V8 checks a cache
 * against the script's length only, so a cache left beside another build of the same length
 * would be taken; the hash makes sure it belongs to this file.
 */
export function sourceHash(source) {
  return createHash("sha256").update(source).digest();
}

/** The bundled command line's exports, and the script they came from (to make its cache from). */
export function loadCli() {
  const filename = fileURLToPath(CLI_FILE);
  const bytes = readFileSync(CLI_FILE);
  const source = bytes.toString("utf8");
  let cachedData;
  try {
    const cache = readFileSync(CACHE_FILE);
    if (cache.subarray(0, 32).equals(sourceHash(bytes))) cachedData = cache.subarray(32);
  } catch {
    cachedData = undefined; // not built with a cache: compiled as usual
  }
  const script = new Script(source, { filename, cachedData });
  const module = { exports: {} };
  // The file is one function (the bundle's wrapper): CommonJS's parameters, and the URL that
  // stands for `import.meta.url` in the modules bundled.
  script.runInThisContext()(module.exports, createRequire(CLI_FILE), module, filename, dirname(filename), CLI_FILE.href);
  return { main: module.exports.main, script, bytes };
}
